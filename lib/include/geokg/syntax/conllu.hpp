// CoNLL-U (https://universaldependencies.org/format.html): reading and writing
// treebank sentences.  Empty nodes (ids like 8.1) are kept as text and written
// back unchanged; they take no part in tagging or parsing.
#pragma once
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "geokg/error.hpp"

namespace geokg::syntax {

struct SyntaxError : Error { using Error::Error; };  // treebanks, models, parsing

// One syntactic word; its ID is its position in ConlluSentence::words plus one.
struct Word {
  std::string form;
  std::string lemma = "_";
  std::string upos = "_";
  std::string xpos = "_";
  std::string feats = "_";
  int head = -1;               // 0: the root; -1: "_" (not given)
  std::string deprel = "_";
  std::string deps = "_";
  std::string misc = "_";
};

// A surface token spanning words first..last (1-based, inclusive): "zum" = zu dem.
struct MultiwordToken {
  int first = 0, last = 0;
  std::string form;
  std::string misc = "_";
};

struct ConlluSentence {
  std::vector<std::string> comments;      // whole lines, "# text = ..."
  std::vector<Word> words;
  std::vector<MultiwordToken> multiword;  // in order of `first`
  std::vector<std::pair<int, std::string>> empty_nodes;  // after word N: the line
  std::size_t line = 0;                   // line of the first word in its file
};

// Reads sentence by sentence; malformed input throws SyntaxError naming
// `name` and the line.
class ConlluReader {
 public:
  ConlluReader(std::istream& in, std::string name);
  bool next(ConlluSentence& out);

 private:
  std::istream& in_;
  std::string name_;
  std::size_t line_ = 0;
};

std::vector<ConlluSentence> read_conllu_file(const std::filesystem::path& file);
void write_conllu(std::ostream& out, const ConlluSentence& s);

// The document a sentence starts ("# newdoc id = X"), or "".
std::string newdoc_id(const ConlluSentence& s);

}  // namespace geokg::syntax

// What a model file holds, and its reading and writing.  Internal.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "geokg/syntax/model.hpp"
#include "syntax/parser.hpp"
#include "syntax/tagger.hpp"

namespace geokg::syntax {

// A lemma as a rewrite of the form's end: drop `strip` bytes, append `add`.
struct LemmaRule {
  std::uint32_t strip = 0;
  std::string add;
};

struct Lemmatizer {
  // (folded form, UPOS) -> lemma, for words the treebank has.
  std::unordered_map<std::uint64_t, std::string> known;
  // (UPOS, last k characters of the folded form) -> rule, longest k first.
  std::unordered_map<std::uint64_t, std::uint32_t> by_suffix;
  std::vector<LemmaRule> rules;
  bool capitalised_nouns = false;  // German: nouns keep their capital

  std::string lemma(std::string_view form, Upos upos) const;
};

inline constexpr int kMaxLemmaSuffix = 5;
std::uint64_t lemma_key(std::string_view folded, Upos upos);
std::uint64_t lemma_suffix_key(std::string_view folded_suffix, Upos upos);

// How the treebank splits tokens into words.
struct Splitter {
  std::unordered_map<std::string, std::vector<std::string>> known;  // folded token -> words
  std::vector<std::string> clitics;  // folded word endings split off ("'s", "n't")

  void split(std::string_view form, std::vector<std::string>& words) const;
};

struct Model::Impl {
  Lang lang = Lang::other;
  std::vector<std::string> labels;
  std::vector<std::string> morph;  // class -> "Case=..|Gender=..|Number=.." or "_"
  std::vector<std::string> xpos;   // class -> the treebank's fine tag
  TaggerModel tagger;
  ParserModel parser;
  Lemmatizer lemmatizer;
  Splitter splitter;

  std::vector<char> serialise() const;
  // Throws SyntaxError naming `name` for malformed data.
  static std::unique_ptr<Impl> deserialise(std::string_view data, const std::string& name);
};

}  // namespace geokg::syntax

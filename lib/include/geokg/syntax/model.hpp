// Part-of-speech tags, German case/gender/number, lemmas and a labelled
// dependency tree for a sentence, from a model trained on Universal
// Dependencies treebanks (data/models/, made by `geokg train-syntax`).
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/syntax/conllu.hpp"
#include "geokg/text/segmenter.hpp"

namespace geokg::syntax {

// The 17 universal part-of-speech tags, in the order of the UD documentation.
enum class Upos : std::uint8_t {
  ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM,
  VERB, X
};
inline constexpr int kUposCount = 17;
std::string_view to_string(Upos u);
bool parse_upos(std::string_view s, Upos& out);  // false for an unknown tag

// The analysis of one sentence of words, index-aligned, without strings, for
// callers that parse many sentences (reuse one Parse: its vectors keep their
// capacity).
struct Parse {
  std::vector<Upos> upos;
  std::vector<std::uint16_t> morph;   // Model::morph_name: "Case=Acc|Gender=Masc|Number=Sing"
  std::vector<std::int32_t> head;     // index of the head word; -1: the root
  std::vector<std::uint16_t> deprel;  // Model::label_name: "nsubj", "obl:agent", ...
};

// The words of geokg tokens: most tokens are one word; a contraction is
// several ("zum" = zu dem, "don't" = do n't), as the treebank splits them;
// the period of an abbreviation inside a sentence ("U.S.") is none: it joins
// the word before it.
struct TokenWords {
  std::vector<std::string> forms;       // one per word
  std::vector<std::uint32_t> token;     // word -> its token
  std::vector<std::uint32_t> first;     // token -> its first word (size: tokens + 1)
};

class Model {
 public:
  // Throws SyntaxError for a missing, truncated or foreign file.
  static Model load(const std::filesystem::path& file);
  // data/models/LANG.syntax in the data folder (find_data_dir()).
  static std::filesystem::path default_file(Lang lang);
  // The model of `lang`, loaded once per process; null for Lang::other.
  static const Model* shared(Lang lang);

  Model(Model&&) noexcept;
  Model& operator=(Model&&) noexcept;
  ~Model();

  Lang lang() const;

  // Tags, morphology and tree for the words `forms`.
  void parse(std::span<const std::string_view> forms, Parse& out) const;
  std::string lemma(std::string_view form, Upos upos) const;

  std::string_view label_name(std::uint16_t id) const;
  std::string_view morph_name(std::uint16_t id) const;   // "_" for none
  std::size_t label_count() const;

  // Splits tokens into words by the contractions the treebank taught.
  void words_of(std::span<const Token> tokens, TokenWords& out) const;

  // Fills UPOS, LEMMA, FEATS, HEAD and DEPREL of every word of `s` from its
  // forms; XPOS, DEPS, MISC and the tokens stay as they are.
  void annotate(ConlluSentence& s) const;

  struct Impl;

 private:
  explicit Model(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct TrainOptions {
  std::uint64_t seed = 1;
  int tagger_epochs = 0;   // 0: the default for the language
  int parser_epochs = 0;
  int folds = 5;           // jackknifing: the parser learns from predicted tags
  int min_updates = 2;     // votes changed in fewer mistakes are dropped (noise, size)
  int prune = 300;         // parser votes weaker than this (of 32767) are dropped (size)
  std::function<void(std::string_view)> progress;  // a line per step, may be empty
};

// Trains on `sentences` and writes the model to `out` (atomically).  The same
// sentences, options and seed give the same bytes on every machine.
void train(Lang lang, const std::vector<ConlluSentence>& sentences, const TrainOptions& opts,
           const std::filesystem::path& out);

}  // namespace geokg::syntax

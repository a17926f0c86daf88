// Sentence and word segmentation.  ICU stays behind this header.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace geokg {

enum class Lang : std::uint8_t { de, en, other };
std::string_view to_string(Lang lang);
Lang parse_lang(std::string_view code);  // "de", "de-AT", "en", ... else other

enum class TokenKind : std::uint8_t { word, number, punct };

struct Token {
  std::string_view form;  // NFC, quotes and dashes normalised (" ' -)
  std::string_view fold;  // case-folded form, for lexicon look-ups
  std::uint32_t begin;    // byte offsets into the original text
  std::uint32_t end;
  TokenKind kind;
  bool upper;             // first letter is upper case
};

// A "sentence" longer than this is a scraped table, a list or a text without
// punctuation; it is cut into pieces of this many tokens, so that work per
// sentence that grows faster than its length (matching mentions against
// tokens) stays bounded and a whole document stays linear.  Real sentences,
// even German legal prose, stay far below it.
inline constexpr std::size_t kMaxSentenceTokens = 1000;

struct Sentence {
  std::uint32_t begin;    // byte offsets into the original text
  std::uint32_t end;
  std::vector<Token> tokens;
  bool cut = false;       // ends mid-sentence: a longer one was cut here
};

// Owns the normalised token strings its sentences point into.
struct SegmentedText {
  std::vector<Sentence> sentences;
  std::vector<std::unique_ptr<std::string>> arena;
};

class Segmenter {
 public:
  explicit Segmenter(Lang lang);
  ~Segmenter();
  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;

  SegmentedText segment(std::string_view text) const;

  // Calls `fn` for each sentence in order while holding only that sentence's
  // tokens, so memory stays bounded however long the text; the tokens'
  // strings are valid during the call only.
  void for_each_sentence(std::string_view text,
                         const std::function<void(const Sentence&)>& fn) const;

 private:
  void run(std::string_view text, const std::function<void(Sentence&)>& emit,
           std::vector<std::unique_ptr<std::string>>* keep) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Case folding (full Unicode), for matching.
std::string fold_case(std::string_view utf8);

// Levenshtein distance in bytes between two (folded) names, for "did you mean".
std::size_t edit_distance(std::string_view a, std::string_view b);

// Guess the language of a text (German, English or other).
Lang detect_language(std::string_view text);

// The same guess with its reason, for tracing: which evidence decided
// ("German function words win 3 sentences to 0", "CLD2 says English
// (reliable)", "function words: 2 German, 0 English; CLD2 says Unknown
// (unreliable)", "no clue: ...").  `lang` is always detect_language(text).
struct LanguageGuess {
  Lang lang = Lang::other;
  std::string why;
};
LanguageGuess explain_language(std::string_view text);

// True if the text is valid UTF-8.
bool valid_utf8(std::string_view text);

}  // namespace geokg

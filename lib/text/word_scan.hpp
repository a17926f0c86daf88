// Word boundaries without ICU, for the characters news is written in.
//
// ICU's word iterator was a quarter of all extraction time: it runs a
// general rule machine, behind a cache, for every character.  Texts made only
// of Latin letters, digits, ASCII and general punctuation, currency signs,
// spaces and line breaks -- nearly every German and English article -- need
// only a few of Unicode's word rules (UAX #29 WB3-WB12), which a plain scan
// over the UTF-8 applies as ICU does, rule statuses included.  Any other text
// (combining marks, soft hyphens, other scripts, ill-formed UTF-8) is left to
// ICU.  Each character's word-break class comes from ICU's own property data;
// tests/text/word_scan_test.cpp compares the scan with ICU character by
// character and over every short sequence of classes.  Internal: not
// installed.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace geokg::words {

class WordScan {
 public:
  // True when the scan knows every character of `text` (and it is
  // well-formed UTF-8); otherwise ICU must find its words.
  static bool covers(std::string_view text);

  // `text` must be covered.
  explicit WordScan(std::string_view text);
  // The end (a byte offset) of the next piece -- a word, a number, a run of
  // spaces, a line break or one other character -- false at the end.
  bool next(std::uint32_t& end);
  // The piece's rule status as ICU's word iterator gives it:
  // UBRK_WORD_LETTER (200) for a word that ends in a letter, UBRK_WORD_NUMBER
  // (100) for one that ends in a digit, UBRK_WORD_NONE (0) for the rest.
  std::int32_t rule() const { return rule_; }

 private:
  std::size_t word_end(std::size_t i, bool letter);
  std::size_t ascii_word_run(std::size_t i) const;

  std::string_view text_;
  const std::uint8_t* classes_;  // each known character's class (word_scan.cpp)
  std::size_t at_ = 0;
  std::int32_t rule_ = 0;
};

}  // namespace geokg::words

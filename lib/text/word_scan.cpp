#include "text/word_scan.hpp"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <bit>
#include <cstring>

namespace geokg::words {
namespace {

// The word-break classes the scan knows (UAX #29, with ICU's changes), and
// kUnknown for the characters it leaves to ICU.
enum Class : std::uint8_t {
  kUnknown,
  kOther,
  kCR,
  kLineBreak,
  kLetter,
  kDigit,
  kMidLetter,
  kMidNumLet,
  kMidNum,
  kSpace
};

// The repertoire: Latin (U+0000-U+024F), general punctuation
// (U+2000-U+206F) and currency signs (U+20A0-U+20CF).
constexpr char32_t kLatinEnd = 0x250, kPunctBegin = 0x2000, kPunctEnd = 0x20D0;
using Classes = std::array<std::uint8_t, kLatinEnd + (kPunctEnd - kPunctBegin)>;

Class class_from_icu(char32_t c) {
  // ICU's rules (data/brkitr/rules/word.txt) count "@" as a letter, so that
  // "user@example.org" and "@handle" stay one word.
  if (c == '@') return kLetter;
  switch (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_WORD_BREAK)) {
    case U_WB_CR:
      return kCR;
    case U_WB_LF:
    case U_WB_NEWLINE:
      return kLineBreak;
    case U_WB_ALETTER:
      return kLetter;
    case U_WB_NUMERIC:
      return kDigit;
    // ICU's rules take the colon out of MidLetter: "a:b" is three pieces.
    case U_WB_MIDLETTER:
      return c == ':' ? kOther : kMidLetter;
    // Without Hebrew letters an apostrophe is one more MidNumLet.
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE:
      return kMidNumLet;
    case U_WB_MIDNUM:
      return kMidNum;
    case U_WB_WSEGSPACE:
      return kSpace;
    // Double quotes join only with Hebrew letters.
    case U_WB_OTHER:
    case U_WB_DOUBLE_QUOTE:
      return kOther;
    default:
      return kUnknown;  // Extend, Format, ZWJ, ExtendNumLet ("_"), Katakana ...
  }
}

const Classes& classes() {
  static const Classes table = [] {
    Classes t{};  // kUnknown
    for (char32_t c = 0; c < kLatinEnd; ++c) t[c] = class_from_icu(c);
    for (char32_t c = kPunctBegin; c < kPunctEnd; ++c)
      t[kLatinEnd + (c - kPunctBegin)] = class_from_icu(c);
    return t;
  }();
  return table;
}

struct Char {
  Class cls;
  std::uint8_t length;  // bytes
};

Char read_multibyte(std::string_view s, std::size_t i, const std::uint8_t* table) {
  const std::size_t start = i;
  UChar32 c;
  U8_NEXT(s.data(), i, s.size(), c);
  const auto length = static_cast<std::uint8_t>(i - start);
  if (c < 0) return {kUnknown, length};
  const auto cp = static_cast<char32_t>(c);
  if (cp < kLatinEnd) return {Class(table[cp]), length};
  if (cp >= kPunctBegin && cp < kPunctEnd)
    return {Class(table[kLatinEnd + (cp - kPunctBegin)]), length};
  return {kUnknown, length};
}

inline Char read(std::string_view s, std::size_t i, const std::uint8_t* table) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {Class(table[c]), 1};
  return read_multibyte(s, i, table);
}

constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;

std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// Eight ASCII bytes none of which is '_' (ExtendNumLet, the one ASCII
// character the scan does not know): most of a text is skipped so.
bool plain_ascii8(const char* p) {
  const std::uint64_t w = load8(p);
  const std::uint64_t x = w ^ (kOnes * '_');
  return (w & kHigh) == 0 && ((x - kOnes) & ~x & kHigh) == 0;
}

// The high bit of each byte of `w` with lo < byte < hi, for bytes below 0x80
// (no sum then carries into the next byte).
constexpr std::uint64_t between(std::uint64_t w, unsigned lo, unsigned hi) {
  return (w + kOnes * (0x7F - lo)) & ~(w + kOnes * (0x80 - hi)) & kHigh;
}

// The high bit of each byte of `w` that is an ASCII letter, digit or '@':
// the word characters of ASCII.
constexpr std::uint64_t word_bytes(std::uint64_t w) {
  const std::uint64_t lower = w | (kOnes * 0x20);
  const std::uint64_t at = w ^ (kOnes * '@');
  const std::uint64_t is_at = ~(((at & ~kHigh) + ~kHigh) | at) & kHigh;  // exact zero bytes
  return (between(lower, 'a' - 1, 'z' + 1) | between(w, '0' - 1, '9' + 1) | is_at) & ~w;
}

}  // namespace

WordScan::WordScan(std::string_view text) : text_(text), classes_(classes().data()) {}

bool WordScan::covers(std::string_view text) {
  const std::uint8_t* table = classes().data();
  for (std::size_t i = 0; i < text.size();) {
    if (i + 8 <= text.size() && plain_ascii8(text.data() + i)) {
      i += 8;
      continue;
    }
    const Char c = read(text, i, table);
    if (c.cls == kUnknown) return false;
    i += c.length;
  }
  return true;
}

// How many ASCII letters and digits -- the bulk of every word -- start at
// i, eight bytes at a time.
std::size_t WordScan::ascii_word_run(std::size_t i) const {
  const std::size_t from = i;
  // The lowest set bit is the first byte in memory (little-endian only).
  if constexpr (std::endian::native == std::endian::little)
    for (; i + 8 <= text_.size(); i += 8) {
      const std::uint64_t other = ~word_bytes(load8(text_.data() + i)) & kHigh;
      if (other != 0) return i - from + static_cast<std::size_t>(std::countr_zero(other)) / 8;
    }
  while (i < text_.size() && static_cast<unsigned char>(text_[i]) < 0x80 &&
         (classes_[static_cast<unsigned char>(text_[i])] == kLetter ||
          classes_[static_cast<unsigned char>(text_[i])] == kDigit))
    ++i;
  return i - from;
}

bool WordScan::next(std::uint32_t& end) {
  const std::size_t n = text_.size();
  if (at_ >= n) return false;
  const Char c = read(text_, at_, classes_);
  std::size_t i = at_ + c.length;
  rule_ = UBRK_WORD_NONE;
  switch (c.cls) {
    case kCR:  // WB3: CR x LF
      if (i < n && text_[i] == '\n') ++i;
      break;
    case kSpace:  // WB3d: spaces stay together
      for (Char d{}; i < n && (d = read(text_, i, classes_)).cls == kSpace;) i += d.length;
      break;
    case kLetter:
    case kDigit:
      i = word_end(i, c.cls == kLetter);
      break;
    default:  // WB3a, WB3b, WB999: one character on its own
      break;
  }
  at_ = i;
  end = static_cast<std::uint32_t>(i);
  return true;
}

// WB5-WB12: letters and digits join, and a MidLetter, MidNumLet or MidNum
// character joins what is on both its sides when both are letters (MidLetter,
// MidNumLet) or both digits (MidNum, MidNumLet).  `letter`: the last
// character taken is a letter, else a digit; as in ICU, the piece's status
// is that of its last character.
std::size_t WordScan::word_end(std::size_t i, bool letter) {
  const std::size_t n = text_.size();
  while (i < n) {
    if (const std::size_t run = ascii_word_run(i); run > 0) {
      i += run;
      letter = classes_[static_cast<unsigned char>(text_[i - 1])] == kLetter;
      if (i == n) break;
    }
    const Char d = read(text_, i, classes_);
    if (d.cls == kLetter || d.cls == kDigit) {
      letter = d.cls == kLetter;
      i += d.length;
      continue;
    }
    const bool mid =
        d.cls == kMidNumLet || (d.cls == kMidLetter && letter) || (d.cls == kMidNum && !letter);
    if (!mid || i + d.length >= n) break;
    const Char after = read(text_, i + d.length, classes_);
    if (after.cls != (letter ? kLetter : kDigit)) break;
    i += d.length + after.length;
  }
  rule_ = letter ? UBRK_WORD_LETTER : UBRK_WORD_NUMBER;
  return i;
}

}  // namespace geokg::words

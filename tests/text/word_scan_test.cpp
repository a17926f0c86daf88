// The word scan must give exactly what ICU's word iterator gives, pieces and
// rule statuses, for every text it covers: extraction output may not change.
#include <doctest/doctest.h>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "text/word_scan.hpp"

using geokg::words::WordScan;

namespace {

// "end/status" for each piece, ends in bytes.
std::string icu_pieces(icu::BreakIterator& words, const std::string& text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  words.setText(u);
  std::string out;
  words.first();
  for (int32_t e = words.next(); e != icu::BreakIterator::DONE; e = words.next()) {
    std::string prefix;
    u.tempSubString(0, e).toUTF8String(prefix);
    out += std::to_string(prefix.size()) + "/" + std::to_string(words.getRuleStatus()) + " ";
  }
  return out;
}

std::string scan_pieces(const std::string& text) {
  WordScan scan(text);
  std::string out;
  for (std::uint32_t e = 0; scan.next(e);)
    out += std::to_string(e) + "/" + std::to_string(scan.rule()) + " ";
  return out;
}

std::unique_ptr<icu::BreakIterator> word_iterator(const char* locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale(locale), status));
  REQUIRE(U_SUCCESS(status));
  return it;
}

std::string utf8(char32_t c) {
  std::string s;
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(c));
  s.assign(buf, static_cast<std::size_t>(n));
  return s;
}

// The texts the scan covers among `texts` whose pieces differ from ICU's.
std::vector<std::string> differing(const std::vector<std::string>& texts) {
  std::vector<std::string> out;
  for (const char* locale : {"de", "en"}) {
    auto words = word_iterator(locale);
    for (const std::string& t : texts)
      if (WordScan::covers(t) && scan_pieces(t) != icu_pieces(*words, t)) out.push_back(t);
  }
  return out;
}

}  // namespace

TEST_CASE("word scan: every character it knows, in the company of every kind of character") {
  std::vector<std::string> neighbours = {"",       "a",      "Z",      "ä", "@", "7", " ",
                                         "\u2003", "\r",     "\n",     ".", ",", ";", ":",
                                         "'",      "\u2019", "\u00B7", "-", "\""};
  std::vector<std::string> texts;
  std::size_t known = 0;
  for (char32_t c = 0; c < 0x2100; ++c) {
    if (c == 0x250) c = 0x2000;  // the scan's repertoire: Latin, punctuation, currency
    const std::string s = utf8(c);
    if (!WordScan::covers(s)) continue;
    ++known;
    for (const std::string& before : neighbours)
      for (const std::string& after : neighbours) {
        texts.push_back(before + s + after);
        texts.push_back(before + s + s + after);
        texts.push_back(s + before + s + after + s);
      }
  }
  CHECK(known > 600);
  CHECK(differing(texts) == std::vector<std::string>{});
}

TEST_CASE("word scan: every short sequence of word-break classes, and long random ones") {
  // One or two characters of each class the scan knows.
  const std::vector<std::string> alphabet = {
      "a",  "Z",  "é", "@",      "1",      "9",      ".",      ",",
      ";",  ":",  "'", "\u2019", "\u00B7", " ",      "\u2003", "\r",
      "\n", "\v", "-", "\"",     "\u00A9", "\u20AC", "\u00A0", "\t"};
  std::vector<std::string> texts, level = {""};
  for (int length = 1; length <= 4; ++length) {
    std::vector<std::string> longer;
    for (const std::string& t : level)
      for (const std::string& c : alphabet) longer.push_back(t + c);
    texts.insert(texts.end(), longer.begin(), longer.end());
    level = std::move(longer);
  }
  // Longer runs of letters and digits, which the scan takes eight bytes at a time.
  std::vector<std::string> pieces = alphabet;
  for (const char* run : {"abcdefghij", "ABCDEFGH12345678", "Wörterbuch", "x@QRS7"})
    pieces.push_back(run);
  std::mt19937 random(29);
  for (int i = 0; i < 50000; ++i) {
    std::string t;
    for (int n = 5 + static_cast<int>(random() % 20); n > 0; --n)
      t += pieces[random() % pieces.size()];
    texts.push_back(t);
  }
  CHECK(differing(texts) == std::vector<std::string>{});
}

TEST_CASE("word scan: what it leaves to ICU") {
  CHECK(WordScan::covers(
      "Die Bundes-Regierung (CDU) sagte am 3. Oktober: „Nein“ – 5,5 % für 1.000 €."));
  CHECK(WordScan::covers(""));
  CHECK_FALSE(WordScan::covers("snake_case"));             // ExtendNumLet
  CHECK_FALSE(WordScan::covers("Bundes\u00ADregierung"));  // a soft hyphen (Format)
  CHECK_FALSE(WordScan::covers("e\u0301"));                // a combining mark (Extend)
  CHECK_FALSE(WordScan::covers("Москва"));                 // another script
  CHECK_FALSE(WordScan::covers("K\xC3"));                  // ill-formed UTF-8
  CHECK(scan_pieces("G20-Staaten, 1.000,5 x@y.org a:b\r\n") ==
        "3/100 4/0 11/200 12/0 13/0 20/100 21/0 28/200 29/0 30/200 31/0 32/200 34/0 ");
}

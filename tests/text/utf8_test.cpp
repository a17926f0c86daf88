// The one UTF-8 decoder and the three ways its callers treat bad bytes: the
// input stage repairs maximal subparts and names the first bad offset, the
// exporters replace every bad byte and drop U+FFFE/U+FFFF, valid_utf8 says no.
#include <doctest/doctest.h>

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "export/text_util.hpp"
#include "geokg/text/segmenter.hpp"
#include "input/document_detail.hpp"
#include "text/utf8.hpp"

using namespace geokg;

namespace {

const std::string kFffd = "\xEF\xBF\xBD";

// "cp/length" for a valid sequence at s[i], "bad/length" for an ill-formed one.
std::string step(std::string_view s, std::size_t i = 0) {
  const utf8::Sequence q = utf8::decode(s, i);
  if (!q.valid) return "bad/" + std::to_string(q.length);
  char buf[32];
  std::snprintf(buf, sizeof buf, "U+%04X/%zu", static_cast<unsigned>(q.cp), q.length);
  return buf;
}

std::string repaired(std::string s, std::optional<std::size_t>* first = nullptr) {
  auto r = input_detail::repair_utf8(s);
  if (first) *first = r;
  return s;
}

std::string encoded(char32_t cp) {
  std::string out;
  utf8::append(out, cp);
  return out;
}

}  // namespace

TEST_CASE("utf8::decode reads well-formed sequences of one to four bytes") {
  CHECK(step("A") == "U+0041/1");
  CHECK(step(std::string_view("\0", 1)) == "U+0000/1");
  CHECK(step("\x7F") == "U+007F/1");
  CHECK(step("\xC2\x80") == "U+0080/2");
  CHECK(step("\xC3\xA4") == "U+00E4/2");  // ä
  CHECK(step("\xDF\xBF") == "U+07FF/2");
  CHECK(step("\xE0\xA0\x80") == "U+0800/3");
  CHECK(step("\xE2\x82\xAC") == "U+20AC/3");  // €
  CHECK(step("\xED\x9F\xBF") == "U+D7FF/3");  // just below the surrogates
  CHECK(step("\xEE\x80\x80") == "U+E000/3");  // just above them
  CHECK(step("\xEF\xBF\xBF") == "U+FFFF/3");
  CHECK(step("\xF0\x90\x80\x80") == "U+10000/4");
  CHECK(step("\xF0\x9F\x98\x80") == "U+1F600/4");  // 😀
  CHECK(step("\xF4\x8F\xBF\xBF") == "U+10FFFF/4");
  // At an offset, and not beyond the sequence.
  CHECK(step("K\xC3\xB6ln", 1) == "U+00F6/2");
  CHECK(step("\xE2\x82\xAC\xE2\x82\xAC", 3) == "U+20AC/3");
}

TEST_CASE("utf8::decode gives the maximal subpart of ill-formed sequences") {
  // Truncated: what there is of the sequence, at the end or before another byte.
  CHECK(step("\xC3") == "bad/1");
  CHECK(step("\xE2\x82") == "bad/2");
  CHECK(step("\xF0\x9F\x98") == "bad/3");
  CHECK(step("\xE2\x82x") == "bad/2");
  CHECK(step("\xF0\x9F\x98\xC3\xA4") == "bad/3");
  // Overlong forms: the lead byte alone.
  CHECK(step("\xC0\xAF") == "bad/1");
  CHECK(step("\xC1\xBF") == "bad/1");
  CHECK(step("\xE0\x80\xAF") == "bad/1");
  CHECK(step("\xE0\x9F\xBF") == "bad/1");
  CHECK(step("\xF0\x80\x80\xAF") == "bad/1");
  CHECK(step("\xF0\x8F\xBF\xBF") == "bad/1");
  // UTF-16 surrogates (CESU-8) and code points above U+10FFFF.
  CHECK(step("\xED\xA0\x80") == "bad/1");
  CHECK(step("\xED\xBF\xBF") == "bad/1");
  CHECK(step("\xF4\x90\x80\x80") == "bad/1");
  CHECK(step("\xF5\x80\x80\x80") == "bad/1");
  CHECK(step("\xF8\x88\x80\x80\x80") == "bad/1");
  CHECK(step("\xFF") == "bad/1");
  // Stray trail bytes.
  CHECK(step("\x80") == "bad/1");
  CHECK(step("\xBF\x80") == "bad/1");
}

TEST_CASE("utf8::find_invalid finds the first bad byte, in and after ASCII runs") {
  CHECK(utf8::find_invalid("") == std::string_view::npos);
  CHECK(utf8::find_invalid("Merkel trifft Macron – Grüße 北京 😀") == std::string_view::npos);
  // Every offset within and around the eight-byte ASCII blocks.
  for (std::size_t at = 0; at < 24; ++at) {
    for (const char* bad : {"\xFF", "\xC3", "\xE2\x82", "\xED\xA0\x80", "\x80"}) {
      const std::string s = std::string(at, 'a') + bad + std::string(20, 'b');
      CHECK(utf8::find_invalid(s) == at);
      CHECK(utf8::find_invalid(std::string(at, 'a') + "\xC3\xA4" + bad) == at + 2);
    }
  }
  CHECK(utf8::find_invalid("ab\xFF" "cd\xFF", 3) == 5);
  CHECK(utf8::find_invalid("ab\xFF" "cd", 3) == std::string_view::npos);
}

TEST_CASE("utf8::append writes what decode reads") {
  CHECK(encoded(U'A') == "A");
  CHECK(encoded(0x80) == "\xC2\x80");
  CHECK(encoded(0x7FF) == "\xDF\xBF");
  CHECK(encoded(0x800) == "\xE0\xA0\x80");
  CHECK(encoded(0xFFFD) == kFffd);
  CHECK(encoded(0x10000) == "\xF0\x90\x80\x80");
  CHECK(encoded(0x10FFFF) == "\xF4\x8F\xBF\xBF");
  for (char32_t cp : {0x41u, 0xE4u, 0x7FFu, 0x800u, 0xD7FFu, 0xE000u, 0xFFFFu, 0x10000u,
                      0x1F600u, 0x10FFFFu}) {
    const std::string s = encoded(cp);
    const utf8::Sequence q = utf8::decode(s, 0);
    CHECK(q.valid);
    CHECK(q.cp == cp);
    CHECK(q.length == s.size());
  }
}

TEST_CASE("the input stage replaces each maximal subpart and names the first bad offset") {
  std::optional<std::size_t> first;
  CHECK(repaired("Grüße 😀", &first) == "Grüße 😀");
  CHECK_FALSE(first.has_value());
  CHECK(repaired("ok \xE2\x82 x", &first) == "ok " + kFffd + " x");  // truncated
  CHECK(first == 3);
  CHECK(repaired("\xF0\x9F\x98") == kFffd);
  CHECK(repaired("\xC0\xAF") == kFffd + kFffd);                          // overlong
  CHECK(repaired("\xE0\x80\xAF") == kFffd + kFffd + kFffd);
  CHECK(repaired("\xED\xA0\x80", &first) == kFffd + kFffd + kFffd);      // surrogate
  CHECK(first == 0);
  CHECK(repaired("\xF4\x90\x80\x80") == kFffd + kFffd + kFffd + kFffd);  // > U+10FFFF
  // U+FFFE and U+FFFF are well-formed: the input keeps them.
  CHECK(repaired("\xEF\xBF\xBE\xEF\xBF\xBF", &first) == "\xEF\xBF\xBE\xEF\xBF\xBF");
  CHECK_FALSE(first.has_value());
}

TEST_CASE("the exporters replace every bad byte and drop U+FFFE and U+FFFF") {
  using exportutil::clean_utf8;
  CHECK(clean_utf8("Grüße 😀") == "Grüße 😀");
  CHECK(clean_utf8("ok \xE2\x82 x") == "ok " + kFffd + kFffd + " x");  // one per byte
  CHECK(clean_utf8("\xF0\x9F\x98") == kFffd + kFffd + kFffd);
  CHECK(clean_utf8("\xC0\xAF") == kFffd + kFffd);
  CHECK(clean_utf8("\xE0\x80\xAF") == kFffd + kFffd + kFffd);
  CHECK(clean_utf8("\xED\xA0\x80") == kFffd + kFffd + kFffd);
  CHECK(clean_utf8("\xF4\x90\x80\x80") == kFffd + kFffd + kFffd + kFffd);
  // A bad byte before a good sequence does not swallow it.
  CHECK(clean_utf8("\xE2\x82\xE2\x82\xAC") == kFffd + kFffd + "\xE2\x82\xAC");
  CHECK(clean_utf8("a\xEF\xBF\xBE" "b\xEF\xBF\xBF" "c") == "abc");
  CHECK(clean_utf8("\xEF\xBF\xBD") == kFffd);
}

TEST_CASE("valid_utf8 accepts exactly the well-formed texts") {
  CHECK(valid_utf8(""));
  CHECK(valid_utf8("Grüße € 😀 \xF4\x8F\xBF\xBF \xEF\xBF\xBF"));
  for (const char* bad : {"\xC3", "\xE2\x82", "\xF0\x9F\x98", "\xC0\xAF", "\xE0\x80\xAF",
                          "\xF0\x80\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80", "\xFF"}) {
    CHECK_FALSE(valid_utf8(bad));
    CHECK_FALSE(valid_utf8(std::string("Grüße aus Köln ") + bad + " und Bonn"));
  }
}

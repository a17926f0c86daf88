// White-box tests of the repair helpers and the JSON-object conversion.
#include <doctest/doctest.h>

#include <string>

#include <rapidjson/document.h>

#include "geokg/error.hpp"
#include "geokg/input/document.hpp"
#include "input/document_detail.hpp"

using namespace geokg;
using namespace geokg::input_detail;

namespace {

const std::string kFffd = "\xEF\xBF\xBD";

std::string repaired(std::string s, std::optional<std::size_t>* first = nullptr) {
  auto r = repair_utf8(s);
  if (first) *first = r;
  return s;
}

Document from_json(const char* json, JsonNotes& notes) {
  rapidjson::Document dom;
  dom.Parse(json);
  REQUIRE_FALSE(dom.HasParseError());
  return document_from_json(dom, notes);
}

std::string reason(const char* json) {
  JsonNotes notes;
  try {
    from_json(json, notes);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("repair_utf8 leaves valid text alone and reports the first bad byte") {
  std::optional<std::size_t> first;
  CHECK(repaired("Merkel trifft Macron – Grüße 北京 😀", &first) ==
        "Merkel trifft Macron – Grüße 北京 😀");
  CHECK_FALSE(first.has_value());

  CHECK(repaired("ab\xFF" "cd", &first) == "ab" + kFffd + "cd");
  REQUIRE(first.has_value());
  CHECK(*first == 2);
}

TEST_CASE("repair_utf8 replaces maximal subparts: overlongs, surrogates, truncation") {
  CHECK(repaired("\xC0\xAF") == kFffd + kFffd);             // overlong '/'
  CHECK(repaired("\xE0\x80\xAF") == kFffd + kFffd + kFffd);  // overlong 3-byte
  CHECK(repaired("\xED\xA0\x80") == kFffd + kFffd + kFffd);  // UTF-16 surrogate
  CHECK(repaired("\xF4\x90\x80\x80") == kFffd + kFffd + kFffd + kFffd);  // > U+10FFFF
  CHECK(repaired("x\xE2\x82") == "x" + kFffd);               // truncated at the end
  CHECK(repaired("\xE2\x82x") == kFffd + "x");               // truncated in the middle
  CHECK(repaired("\x80\x80") == kFffd + kFffd);              // stray continuations
  CHECK(repaired("\xF0\x9F\x98") == kFffd);                  // 3 of 4 bytes of 😀
}

TEST_CASE("remove_nuls and normalise_newlines") {
  std::string s("a\0b\0\0c", 6);
  std::size_t first = 99;
  CHECK(remove_nuls(s, &first) == 3);
  CHECK(first == 1);
  CHECK(s == "abc");
  std::string none = "abc";
  CHECK(remove_nuls(none) == 0);

  std::string t = "one\r\ntwo\rthree\n\rfour\r";
  normalise_newlines(t);
  CHECK(t == "one\ntwo\nthree\n\nfour\n");
}

TEST_CASE("is_blank knows ASCII and Unicode spaces") {
  CHECK(is_blank(""));
  CHECK(is_blank(" \t\r\n\f\v"));
  CHECK(is_blank("\xC2\xA0\xE2\x80\x83\xE3\x80\x80\xEF\xBB\xBF\xE2\x80\xAF"));
  CHECK_FALSE(is_blank("  x "));
  CHECK_FALSE(is_blank("\xC2\xA0."));
  CHECK_FALSE(is_blank("\xE2\x80\x94"));  // em dash is not a space
}

TEST_CASE("is_iso8601_date") {
  for (const char* ok : {"2024-01-15", "2024-02-29", "2000-02-29", "2024-01-15T10:30",
                         "2024-01-15T10:30:59", "2024-01-15 10:30:00", "2024-01-15T10:30:00Z",
                         "2024-01-15T10:30:00.123+01:00", "2024-01-15T23:59:60-0500",
                         "2024-01-15T10:30+02"})
    CHECK_MESSAGE(is_iso8601_date(ok), ok);
  for (const char* bad : {"", "yesterday", "15.01.2024", "2024-1-15", "2024-13-01",
                          "2024-00-10", "2023-02-29", "1900-02-29", "2024-04-31",
                          "2024-01-15T", "2024-01-15T25:00", "2024-01-15T10:60",
                          "2024-01-15T10:30:00.", "2024-01-15T10:30:00+", "2024-01-15X",
                          "20240115", "2024-01-15T10:30:00Zjunk"})
    CHECK_FALSE_MESSAGE(is_iso8601_date(bad), bad);
}

TEST_CASE("utf16_to_utf8") {
  // "Aä😀" in UTF-16LE and UTF-16BE
  CHECK(utf16_to_utf8(std::string("A\0\xE4\0=\xD8\0\xDE", 8), false) == "A\xC3\xA4\xF0\x9F\x98\x80");
  CHECK(utf16_to_utf8(std::string("\0A\0\xE4\xD8=\xDE\0", 8), true) == "A\xC3\xA4\xF0\x9F\x98\x80");
  CHECK(utf16_to_utf8(std::string("\0\xDC" "A", 3), false) == kFffd + kFffd);  // lone low + odd byte
}

TEST_CASE("document_from_json reads all known fields") {
  JsonNotes notes;
  const Document d = from_json(
      R"({"id":"a1","text":"Line one\r\nline two","title":"T\rU","date":" 2024-03-01 ",)"
      R"("lang":" DE ","url":"https://x.example/a","source":"Reuters"})",
      notes);
  CHECK(d.id == "a1");
  CHECK(d.text == "Line one\nline two");
  CHECK(d.title == "T\nU");
  CHECK(d.date == "2024-03-01");
  CHECK(d.lang == "de");
  CHECK(d.url == "https://x.example/a");
  CHECK(d.source == "Reuters");
  CHECK(d.origin.empty());
  CHECK(notes.warnings.empty());
  CHECK(notes.unknown_fields.empty());
}

TEST_CASE("document_from_json converts numeric ids and tolerates nulls") {
  JsonNotes notes;
  CHECK(from_json(R"({"id":42,"text":"x"})", notes).id == "42");
  CHECK(from_json(R"({"id":-7,"text":"x"})", notes).id == "-7");
  CHECK(from_json(R"({"id":18446744073709551615,"text":"x"})", notes).id ==
        "18446744073709551615");
  CHECK(from_json(R"({"id":3.0,"text":"x"})", notes).id == "3");
  CHECK(from_json(R"({"id":2.5,"text":"x"})", notes).id == "2.5");
  CHECK(from_json(R"({"id":null,"text":"x","title":null})", notes).id.empty());
  CHECK(notes.warnings.empty());
}

TEST_CASE("document_from_json warns about soft problems and keeps the document") {
  JsonNotes notes;
  const Document d = from_json(
      R"({"text":"a\u0000b","date":"last Tuesday","lang":5,"category":"x","text":"dup",)"
      R"("extra":{"deep":[1,2]},"category":"y"})",
      notes);
  CHECK(d.text == "ab");
  CHECK(d.date.empty());
  CHECK(d.lang.empty());
  REQUIRE(notes.warnings.size() == 4);
  CHECK(notes.warnings[0] == "field \"text\" appears more than once; the first is used");
  CHECK(notes.warnings[1] == "removed 1 NUL character from \"text\"");
  CHECK(notes.warnings[2] ==
        "date \"last Tuesday\" is not ISO 8601 (YYYY-MM-DD[Thh:mm[:ss]]); dropped");
  CHECK(notes.warnings[3] == "\"lang\" is a number, not a string; ignored");
  REQUIRE(notes.unknown_fields.size() == 2);
  CHECK(notes.unknown_fields[0] == "category");
  CHECK(notes.unknown_fields[1] == "extra");
}

TEST_CASE("document_from_json repairs a lone surrogate escape") {
  JsonNotes notes;
  const Document d = from_json(R"({"text":"x\udc00y"})", notes);
  CHECK(d.text == "x" + kFffd + kFffd + kFffd + "y");
  REQUIRE(notes.warnings.size() == 1);
  CHECK(notes.warnings[0] == "invalid UTF-8 in \"text\" at byte offset 1 (replaced with U+FFFD)");
}

TEST_CASE("document_from_json rejects unusable objects with a reason") {
  CHECK(reason(R"([1,2])") == "not a JSON object (found an array)");
  CHECK(reason(R"("text")") == "not a JSON object (found a string)");
  CHECK(reason(R"({"id":"x"})") == "no \"text\" field");
  CHECK(reason(R"({"text":17})") == "\"text\" must be a string, not a number");
  CHECK(reason(R"({"text":null})") == "\"text\" must be a string, not null");
  CHECK(reason(R"({"text":"x","id":{"a":1}})") ==
        "\"id\" must be a string or a number, not an object");
  CHECK(reason(R"({"text":"x","id":true})") ==
        "\"id\" must be a string or a number, not a boolean");
  CHECK(reason(R"({"text":" \n\t "})") == "empty text");
  CHECK(reason(R"({"text":""})") == "empty text");
}

TEST_CASE("IdSet tells every new id from every repeated one across many merges") {
  IdSet ids;
  // Enough ids for several merges of the pending table into the sorted pages.
  constexpr int kN = 50000;
  std::string first;
  for (int i = 0; i < kN; ++i)
    REQUIRE(ids.insert("doc-" + std::to_string(i), "f:" + std::to_string(i + 1), &first));
  CHECK(ids.size() == kN);
  int repeats = 0, fresh = 0;
  for (int i = 0; i < 2 * kN; i += 3) {
    if (ids.insert("doc-" + std::to_string(i), "g:1", &first)) ++fresh;
    else ++repeats;
  }
  CHECK(repeats == (kN + 2) / 3);
  CHECK(fresh == (2 * kN + 2) / 3 - (kN + 2) / 3);
  CHECK(ids.size() == static_cast<std::size_t>(kN + fresh));
  // Ids that differ only in case or by a trailing space are different ids.
  CHECK(ids.insert("DOC-1", "h:1", &first));
  CHECK(ids.insert("doc-1 ", "h:2", &first));
  CHECK_FALSE(ids.insert("doc-1", "h:3", &first));
}

TEST_CASE("IdSet keeps where an id was first seen for the first ids only") {
  IdSet ids(2);
  std::string first = "unchanged";
  CHECK(ids.insert("a", "x.jsonl:1", &first));
  CHECK(ids.insert("b", "x.jsonl:2", &first));
  CHECK(ids.insert("c", "x.jsonl:3", &first));
  CHECK_FALSE(ids.insert("b", "y.jsonl:1", &first));
  CHECK(first == "x.jsonl:2");
  CHECK_FALSE(ids.insert("a", "y.jsonl:2", &first));
  CHECK(first == "x.jsonl:1");
  CHECK_FALSE(ids.insert("c", "y.jsonl:3", &first));
  CHECK(first.empty());
}

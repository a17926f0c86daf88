// The benchmark's floor: the least any extractor over this corpus must do.
// Reads JSONL documents with RapidJSON and walks ICU's sentence and word
// boundaries over each text, nothing more.  scripts/bench.sh times it beside
// `geokg extract` on the same corpus, so the ratio between the two is measured
// on one machine in one run.  It also counts the sentences the table reports
// per second.
//
// ICU can walk a text two ways, and the floor must be the faster one, or the
// ratio flatters the extractor:
//   utext   a UText over the UTF-8 bytes, converted a few characters at a time
//           behind ICU's back (what geokg's segmenter did first)
//   utf16   the whole text converted to UTF-16 once, then walked natively
// bench.sh runs both and takes the faster as the floor.
//
// Usage: icu_floor [--utext|--utf16] [FILE.jsonl]   (default --utf16;
//        standard input without FILE)
// Prints: mode=M documents=N bytes=N sentences=N words=N
#include <rapidjson/document.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "icu_floor: %s\n", what.c_str());
  std::exit(2);
}

std::unique_ptr<icu::BreakIterator> make(bool sentence, const char* locale) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale loc(locale);
  std::unique_ptr<icu::BreakIterator> it(
      sentence ? icu::BreakIterator::createSentenceInstance(loc, status)
               : icu::BreakIterator::createWordInstance(loc, status));
  if (U_FAILURE(status)) fail(std::string("ICU break iterator: ") + u_errorName(status));
  return it;
}

struct Counts {
  unsigned long long sentences = 0, words = 0;
};

// The text as ICU will walk it: a UText straight over the UTF-8 bytes, or
// over a UTF-16 copy made in `utf16` (kept across documents, so that its
// memory is allocated once).
UText* open_text(std::string_view text, bool as_utf16, std::vector<UChar>& utf16, UText* ut,
                 UErrorCode& status) {
  if (!as_utf16)
    return utext_openUTF8(ut, text.data(), static_cast<int64_t>(text.size()), &status);
  // A UTF-8 text never has more UTF-16 units than bytes.
  if (utf16.size() < text.size() + 1) utf16.resize(text.size() + 1);
  int32_t length = 0;
  u_strFromUTF8WithSub(utf16.data(), static_cast<int32_t>(utf16.size()), &length, text.data(),
                       static_cast<int32_t>(text.size()), 0xFFFD, nullptr, &status);
  return utext_openUChars(ut, utf16.data(), length, &status);
}

void walk(UText* ut, icu::BreakIterator& sbi, icu::BreakIterator& wbi, Counts& counts,
          UErrorCode& status) {
  sbi.setText(ut, status);
  for (int32_t b = sbi.first(), n = sbi.next(); n != icu::BreakIterator::DONE;
       b = n, n = sbi.next())
    if (n > b) ++counts.sentences;
  wbi.setText(ut, status);
  wbi.first();
  while (wbi.next() != icu::BreakIterator::DONE)
    if (wbi.getRuleStatus() != UBRK_WORD_NONE) ++counts.words;
}

}  // namespace

int main(int argc, char** argv) {
  bool as_utf16 = true;
  int arg = 1;
  for (; arg < argc && std::string_view(argv[arg]).starts_with("--"); ++arg) {
    std::string_view opt(argv[arg]);
    if (opt == "--utf16")
      as_utf16 = true;
    else if (opt == "--utext")
      as_utf16 = false;
    else
      fail("unknown option " + std::string(opt) + " (--utext or --utf16)");
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  if (arg < argc && std::string_view(argv[arg]) != "-") {
    file.open(argv[arg], std::ios::binary);
    if (!file) fail(std::string("cannot read ") + argv[arg]);
    in = &file;
  }
  std::ios::sync_with_stdio(false);

  // One pair per language, as geokg's segmenter keeps them: German rules for
  // German text, English (root-like) rules otherwise.
  auto de_sentence = make(true, "de"), de_word = make(false, "de");
  auto en_sentence = make(true, "en"), en_word = make(false, "en");

  unsigned long long documents = 0, bytes = 0, line_no = 0;
  Counts counts;
  std::string line;
  std::vector<UChar> utf16;
  UText* ut = nullptr;
  while (std::getline(*in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    rapidjson::Document doc;
    // In situ: the text is parsed in the line buffer itself, with no copy.
    doc.ParseInsitu<rapidjson::kParseStopWhenDoneFlag>(line.data());
    if (doc.HasParseError() || !doc.IsObject()) continue;
    auto text_it = doc.FindMember("text");
    if (text_it == doc.MemberEnd() || !text_it->value.IsString()) continue;
    std::string_view text(text_it->value.GetString(), text_it->value.GetStringLength());
    auto lang_it = doc.FindMember("lang");
    bool english = lang_it != doc.MemberEnd() && lang_it->value.IsString() &&
                   std::string_view(lang_it->value.GetString()).substr(0, 2) == "en";

    UErrorCode status = U_ZERO_ERROR;
    ut = open_text(text, as_utf16, utf16, ut, status);
    if (U_FAILURE(status)) fail("line " + std::to_string(line_no) + ": " + u_errorName(status));
    walk(ut, english ? *en_sentence : *de_sentence, english ? *en_word : *de_word, counts,
         status);
    if (U_FAILURE(status)) fail("line " + std::to_string(line_no) + ": " + u_errorName(status));
    ++documents;
    bytes += text.size();
  }
  if (ut) utext_close(ut);
  std::printf("mode=%s documents=%llu bytes=%llu sentences=%llu words=%llu\n",
              as_utf16 ? "utf16" : "utext", documents, bytes, counts.sentences, counts.words);
  return 0;
}

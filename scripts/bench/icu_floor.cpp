// The benchmark's floor: the least any extractor over this corpus must do.
// Reads JSONL documents with RapidJSON and walks ICU's sentence and word
// boundaries over each text through a UTF-8 UText, nothing more.  scripts/bench.sh
// times it beside `geokg extract` on the same corpus, so the ratio between the
// two is measured on one machine in one run.  It also counts the sentences
// the table reports per second.
//
// Usage: icu_floor [FILE.jsonl]   (standard input without FILE)
// Prints: documents=N bytes=N sentences=N words=N
#include <rapidjson/document.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>

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

}  // namespace

int main(int argc, char** argv) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (argc > 1 && std::string_view(argv[1]) != "-") {
    file.open(argv[1], std::ios::binary);
    if (!file) fail(std::string("cannot read ") + argv[1]);
    in = &file;
  }
  std::ios::sync_with_stdio(false);

  // One pair per language, as geokg's segmenter keeps them: German rules for
  // German text, English (root-like) rules otherwise.
  auto de_sentence = make(true, "de"), de_word = make(false, "de");
  auto en_sentence = make(true, "en"), en_word = make(false, "en");

  unsigned long long documents = 0, bytes = 0, sentences = 0, words = 0, line_no = 0;
  std::string line;
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
    ut = utext_openUTF8(ut, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) fail("line " + std::to_string(line_no) + ": " + u_errorName(status));
    icu::BreakIterator& sbi = english ? *en_sentence : *de_sentence;
    icu::BreakIterator& wbi = english ? *en_word : *de_word;
    sbi.setText(ut, status);
    for (int32_t b = sbi.first(), n = sbi.next(); n != icu::BreakIterator::DONE; b = n, n = sbi.next())
      if (n > b) ++sentences;
    wbi.setText(ut, status);
    wbi.first();
    while (wbi.next() != icu::BreakIterator::DONE)
      if (wbi.getRuleStatus() != UBRK_WORD_NONE) ++words;
    if (U_FAILURE(status)) fail("line " + std::to_string(line_no) + ": " + u_errorName(status));
    ++documents;
    bytes += text.size();
  }
  if (ut) utext_close(ut);
  std::printf("documents=%llu bytes=%llu sentences=%llu words=%llu\n", documents, bytes, sentences,
              words);
  return 0;
}

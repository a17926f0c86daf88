#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "geokg/text/segmenter.hpp"

using namespace geokg;

namespace {
std::vector<std::string> sentences(const Segmenter& seg, std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& s : seg.segment(text).sentences)
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  for (auto& s : out)
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
  return out;
}
std::vector<std::string> forms(const Sentence& s) {
  std::vector<std::string> out;
  for (const Token& t : s.tokens) out.emplace_back(t.form);
  return out;
}
}  // namespace

TEST_CASE("German sentences: abbreviations, ordinals and initials do not end a sentence") {
  Segmenter seg(Lang::de);
  auto s = sentences(seg,
                     "Am 3. Oktober traf Dr. Müller z. B. den Minister. Die Gespräche dauerten "
                     "bis zum 24. Februar. John F. Kennedy kam nicht.");
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "Am 3. Oktober traf Dr. Müller z. B. den Minister.");
  CHECK(s[1] == "Die Gespräche dauerten bis zum 24. Februar.");
  CHECK(s[2] == "John F. Kennedy kam nicht.");
}

TEST_CASE("a year ends a sentence, and a line break separates a headline") {
  Segmenter seg(Lang::de);
  auto s = sentences(seg, "Russland greift an\nDer Krieg begann 2022. Die Ukraine wehrt sich.");
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "Russland greift an");
  CHECK(s[1] == "Der Krieg begann 2022.");
}

TEST_CASE("English sentences keep U.S. and Mr. together") {
  Segmenter seg(Lang::en);
  auto s = sentences(seg, "The U.S. Army left. Mr. Smith met officials in Kyiv. They agreed.");
  REQUIRE(s.size() == 3);
  CHECK(s[1] == "Mr. Smith met officials in Kyiv.");
}

TEST_CASE("tokens carry byte offsets into the original text") {
  Segmenter seg(Lang::de);
  std::string text = "Pjöngjang warnte Moskau.";
  SegmentedText st = seg.segment(text);
  REQUIRE(st.sentences.size() == 1);
  const auto& t = st.sentences[0].tokens;
  REQUIRE(t.size() == 4);
  CHECK(text.substr(t[0].begin, t[0].end - t[0].begin) == "Pjöngjang");
  CHECK(t[0].begin == 0);
  CHECK(t[0].end == 10);  // ö is two bytes
  CHECK(t[1].begin == 11);
  CHECK(t[3].form == ".");
  CHECK(t[3].kind == TokenKind::punct);
  CHECK(t[0].upper);
  CHECK_FALSE(t[1].upper);
  CHECK(t[0].fold == "pjöngjang");
}

TEST_CASE("quotes and dashes are normalised, hyphenated compounds split at the hyphen") {
  Segmenter seg(Lang::de);
  SegmentedText st = seg.segment("„Nein“ – sagte der US‑Beamte.");
  REQUIRE(st.sentences.size() == 1);
  CHECK(forms(st.sentences[0]) ==
        std::vector<std::string>{"\"", "Nein", "\"", "-", "sagte", "der", "US", "-", "Beamte", "."});
}

TEST_CASE("text that is not NFC is normalised in the token form, offsets stay original") {
  Segmenter seg(Lang::de);
  std::string decomposed = "Mu\xCC\x88nchen protestiert.";  // u + combining diaeresis
  SegmentedText st = seg.segment(decomposed);
  REQUIRE(st.sentences.size() == 1);
  const Token& t = st.sentences[0].tokens[0];
  CHECK(t.form == "München");
  CHECK(t.fold == "münchen");
  CHECK(t.end - t.begin == 9);
}

TEST_CASE("case folding folds ß and umlauts the same way as the lexicons") {
  CHECK(fold_case("Weißes HAUS") == "weisses haus");
  CHECK(fold_case("ÜBER") == "über");
  CHECK(fold_case("USA") == "usa");
}

TEST_CASE("empty and whitespace-only texts give no sentences") {
  Segmenter seg(Lang::en);
  CHECK(seg.segment("").sentences.empty());
  CHECK(seg.segment(" \n\t ").sentences.empty());
}

TEST_CASE("valid_utf8 rejects broken sequences") {
  CHECK(valid_utf8("Köln"));
  CHECK_FALSE(valid_utf8("K\xC3"));
  CHECK_FALSE(valid_utf8("\xFF"));
}

TEST_CASE("streaming sentences gives what segment() gives, one at a time") {
  Segmenter seg(Lang::de);
  std::string text =
      "Am 3. Oktober traf Dr. Müller z. B. den Minister. John F. Kennedy kam nicht. „Nein“ – "
      "sagte der US‑Beamte.\nÜberschrift ohne Punkt\n";
  for (int i = 0; i < 1500; ++i) text += "Wort ";  // over the 1000-token cap
  text += "Ende.";
  SegmentedText all = seg.segment(text);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  std::vector<std::string> words;
  seg.for_each_sentence(text, [&](const Sentence& s) {
    spans.emplace_back(s.begin, s.end);
    for (const Token& t : s.tokens) words.push_back(std::string(t.form) + "/" + std::string(t.fold));
  });
  REQUIRE(spans.size() == all.sentences.size());
  std::vector<std::string> expected;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    CHECK(spans[i].first == all.sentences[i].begin);
    CHECK(spans[i].second == all.sentences[i].end);
    for (const Token& t : all.sentences[i].tokens)
      expected.push_back(std::string(t.form) + "/" + std::string(t.fold));
  }
  CHECK(words == expected);
  CHECK(all.sentences.size() == 6);  // three sentences, the headline, a cut long one and its rest
}

TEST_CASE("ASCII words of any length fold to lower case, in whole and in the tail") {
  Segmenter seg(Lang::en);
  SegmentedText st =
      seg.segment("BUNDESVERFASSUNGSGERICHT mAcRoEcOnOmIcS XY q ABCDEFGH abcdefgZ Z9z A1B2C3D4E5.");
  REQUIRE(st.sentences.size() == 1);
  std::vector<std::string> folds, uppers;
  for (const Token& t : st.sentences[0].tokens) {
    folds.emplace_back(t.fold);
    uppers.emplace_back(t.upper ? "U" : "l");
  }
  CHECK(folds == std::vector<std::string>{"bundesverfassungsgericht", "macroeconomics", "xy", "q",
                                          "abcdefgh", "abcdefgz", "z9z", "a1b2c3d4e5", "."});
  CHECK(uppers == std::vector<std::string>{"U", "l", "U", "l", "U", "l", "U", "U", "l"});
}

TEST_CASE("a sentence cut after 1000 tokens keeps the folded strings of the token at the cut") {
  // The 1001st token and those after it need folded copies (capitalised);
  // the copies must survive the hand-over of the first piece's strings (and
  // the reuse of their memory for the next tokens' copies).
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "wort ";
  for (int i = 0; i < 30; ++i) text += "Xaver" + std::to_string(i) + " ";
  text += "Ende.";
  Segmenter seg(Lang::de);
  std::vector<std::string> pieces_tail;
  std::size_t pieces = 0;
  seg.for_each_sentence(text, [&](const Sentence& s) {
    ++pieces;
    if (pieces == 2)
      for (const Token& t : s.tokens) pieces_tail.push_back(std::string(t.fold));
  });
  CHECK(pieces == 2);
  REQUIRE(pieces_tail.size() == 32);
  for (int i = 0; i < 30; ++i) CHECK(pieces_tail[i] == "xaver" + std::to_string(i));
  CHECK(pieces_tail[30] == "ende");
}

TEST_CASE("offsets are bytes whichever way ICU walks the text: UTF-16 copy, UText over UTF-8") {
  // A unit with two-, three- and four-byte characters (ä, „ “, 😀, 𝔘), repeated
  // past 256 KiB: shorter texts are walked as a UTF-16 copy, longer ones and
  // ill-formed ones as a UText over the UTF-8.  Every repetition must give the
  // unit's tokens, at the unit's byte offsets shifted by its length.  (The
  // emoji and 𝔘 send the words to ICU's word iterator too, not the scan.)
  const std::string unit = "Der Präsident 😀 sagte: „Nein“ zu 𝔘nion. ";
  Segmenter seg(Lang::de);
  std::vector<std::string> one;
  for (const Sentence& s : seg.segment(unit).sentences)
    for (const Token& t : s.tokens)
      one.push_back(std::string(t.form) + "@" + std::to_string(t.begin) + "-" +
                    std::to_string(t.end));
  CHECK(one == std::vector<std::string>{"Der@0-3", "Präsident@4-14", "😀@15-19", "sagte@20-25",
                                        ":@25-26", "\"@27-30", "Nein@30-34", "\"@34-37",
                                        "zu@38-40", "𝔘nion@41-49", ".@49-50"});
  auto periodic = [&](const std::string& text) {
    std::size_t i = 0, wrong = 0;
    seg.for_each_sentence(text, [&](const Sentence& s) {
      for (const Token& t : s.tokens) {
        const std::size_t base = i / one.size() * unit.size();
        const std::string got = std::string(t.form) + "@" + std::to_string(t.begin - base) +
                                "-" + std::to_string(t.end - base);
        if (got != one[i % one.size()]) ++wrong;
        ++i;
      }
    });
    CHECK(wrong == 0);
    return i / one.size();
  };
  std::string small, large;
  while (small.size() + unit.size() <= (256u << 10)) small += unit;
  large = small + unit + unit;
  CHECK(periodic(small) == small.size() / unit.size());
  CHECK(periodic(large) == large.size() / unit.size());
  // Ill-formed: a stray continuation byte before the unit shifts it by one.
  std::size_t ill = 0;
  seg.for_each_sentence("\x80" + unit, [&](const Sentence& s) {
    for (const Token& t : s.tokens)
      if (t.form == "Präsident" && t.begin == 5 && t.end == 15) ++ill;
  });
  CHECK(ill == 1);
}

TEST_CASE("plain words give the tokens ICU gives them") {
  // Letters, apostrophes between letters and spaces between words are split
  // without ICU (most actor forms are such).  A final period sends the same
  // words through ICU: its tokens must be the same, the period apart.  Every
  // string of up to five of these characters, and a few names.
  const std::vector<std::string> alphabet = {"a", "Z", "ä", "Ü", "ß", "'", " ", "×"};
  std::vector<std::string> texts = {"Barack Obama", "Obama's",
                                    "Außenminister der Vereinigten Staaten", "Côte d'Ivoire",
                                    "ÉTAT  ÿ"};
  std::vector<std::string> level = {""};
  for (int length = 1; length <= 5; ++length) {
    std::vector<std::string> longer;
    for (const std::string& t : level)
      for (const std::string& c : alphabet) longer.push_back(t + c);
    texts.insert(texts.end(), longer.begin(), longer.end());
    level = std::move(longer);
  }
  auto tokens = [](const Segmenter& seg, const std::string& text) {
    std::vector<std::string> out;
    for (const Sentence& s : seg.segment(text).sentences)
      for (const Token& t : s.tokens)
        out.push_back(std::string(t.form) + "/" + std::string(t.fold) + "/" +
                      std::to_string(t.begin) + "-" + std::to_string(t.end) + "/" +
                      std::to_string(static_cast<int>(t.kind)) + (t.upper ? "U" : "l"));
    return out;
  };
  for (Lang lang : {Lang::de, Lang::en}) {
    Segmenter seg(lang);
    std::size_t differ = 0;
    for (const std::string& text : texts) {
      std::vector<std::string> with_period = tokens(seg, text + ".");
      REQUIRE_FALSE(with_period.empty());
      with_period.pop_back();
      if (tokens(seg, text) != with_period) ++differ;
    }
    CHECK(differ == 0);
  }
  CHECK(tokens(Segmenter(Lang::en), "Obama's Außenminister") ==
        std::vector<std::string>{"Obama's/obama's/0-7/0U",
                                 "Außenminister/aussenminister/8-22/0U"});
}

TEST_CASE("long texts: the word scan's offsets with sentences found over the UText") {
  // Characters the word scan knows, repeated past 256 KiB: the sentences
  // then come from ICU over the UTF-8, the words from the scan.
  const std::string unit = "Der Präsident sagte am 3. Oktober: „Nein“ zu Köln – 5,5 %. ";
  Segmenter seg(Lang::de);
  std::vector<std::string> one;
  for (const Sentence& s : seg.segment(unit).sentences)
    for (const Token& t : s.tokens)
      one.push_back(std::string(t.form) + "@" + std::to_string(t.begin));
  std::string text;
  while (text.size() <= (256u << 10)) text += unit;
  std::size_t i = 0, wrong = 0, sentences = 0;
  seg.for_each_sentence(text, [&](const Sentence& s) {
    ++sentences;
    for (const Token& t : s.tokens) {
      const std::size_t base = i / one.size() * unit.size();
      if (std::string(t.form) + "@" + std::to_string(t.begin - base) != one[i % one.size()])
        ++wrong;
      ++i;
    }
  });
  CHECK(wrong == 0);
  CHECK(i == one.size() * (text.size() / unit.size()));
  CHECK(sentences == text.size() / unit.size());  // "3. Oktober" does not end one
}

// Language identification: CLD2 for texts long enough to be reliable, and a
// count of German and English function words for short ones (a headline, a
// single sentence), where CLD2 often answers "unknown".
#include <cstdio>  // compact_lang_det.h uses FILE without including it

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>
#include <string>

#include <fmt/format.h>

#include "geokg/text/segmenter.hpp"

namespace geokg {
namespace {

constexpr std::array<std::string_view, 24> kGerman = {
    "der", "die", "das", "und", "nicht", "ist", "mit", "den", "dem", "des", "von", "zu",
    "auf", "sich", "hat", "ein", "eine", "wurde", "nach", "auch", "sie", "für", "bei", "im"};
constexpr std::array<std::string_view, 24> kEnglish = {
    "the", "and", "of", "to", "is", "in", "that", "was", "for", "on", "with", "has",
    "have", "by", "said", "it", "as", "at", "from", "his", "an", "were", "are", "be"};

// Function words counted over this much of a text: all of nearly every
// article, so that a long list of names cannot hide the sentences around it.
constexpr std::size_t kFunctionWordSpan = 1 << 20;

// A word of up to eight bytes as a number, for a binary search among the
// function words instead of 48 string comparisons per word.
constexpr std::uint64_t pack(std::string_view w) {
  std::uint64_t v = 0;
  for (unsigned char c : w) v = (v << 8) | c;
  return v;
}

// Function words that are everyday words of the other language too: "in",
// "an", "was" are German words, "die", "den", "hat" English ones.  They count
// for their language, but never decide a text alone.
constexpr std::array<std::uint64_t, 6> kShared = {pack("in"),  pack("an"),  pack("was"),
                                                  pack("die"), pack("den"), pack("hat")};

// The function words, packed and sorted; the low bit says English.
const std::vector<std::uint64_t>& function_words() {
  static const std::vector<std::uint64_t> table = [] {
    std::vector<std::uint64_t> t;
    for (auto w : kGerman) t.push_back(pack(w) << 1);
    for (auto w : kEnglish) t.push_back(pack(w) << 1 | 1);
    std::sort(t.begin(), t.end());
    return t;
  }();
  return table;
}

// Function words counted, and sentences won by either language: a sentence
// casts one vote however long it is, so a list of thousands of names (with
// their "and", "of", "the") weighs as one sentence, not as thousands of words.
// Places count adjacent function words once: names carry their particles in
// a row ("von der Leyen", "van den Broek"), a sentence's own function words
// mostly stand apart.
struct Votes {
  int de = 0, en = 0;
  int sentences_de = 0, sentences_en = 0;
  int de_only = 0, en_only = 0;  // not counting the words in kShared
  int places_de = 0, places_en = 0;
};

Votes count_function_words(std::string_view text) {
  const auto& table = function_words();
  Votes v;
  int de = 0, en = 0;  // in the current sentence
  std::uint64_t word = 0;
  std::size_t len = 0;
  bool after_de = false, after_en = false;  // the word before was a function word
  auto score = [&]() {
    if (len == 0) return;
    bool is_de = false, is_en = false;
    if (len >= 2 && len <= 8) {
      auto it = std::lower_bound(table.begin(), table.end(), word << 1);
      if (it != table.end() && (*it >> 1) == word) ((*it & 1) ? is_en : is_de) = true;
    }
    de += is_de;
    en += is_en;
    if (is_de || is_en) {
      const bool shared = std::find(kShared.begin(), kShared.end(), word) != kShared.end();
      v.de_only += is_de && !shared;
      v.en_only += is_en && !shared;
    }
    v.places_de += is_de && !after_de;
    v.places_en += is_en && !after_en;
    after_de = is_de;
    after_en = is_en;
    word = 0;
    len = 0;
  };
  auto end_sentence = [&]() {
    v.de += de;
    v.en += en;
    v.sentences_de += de > en;
    v.sentences_en += en > de;
    de = en = 0;
    after_de = after_en = false;
  };
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || c >= 0x80) {
      word = (word << 8) | c;
      ++len;
    } else if (c >= 'A' && c <= 'Z') {
      word = (word << 8) | (c - 'A' + 'a');
      ++len;
    } else {
      score();
      if (c == '.' || c == '!' || c == '?' || c == '\n') end_sentence();
    }
  }
  score();
  end_sentence();
  return v;
}

Lang by_votes(Votes v) {
  if (v.de == 0 && v.en == 0) return Lang::other;
  return v.de > v.en ? Lang::de : (v.en > v.de ? Lang::en : Lang::other);
}

// "German", "English", else CLD2's name ("FRENCH" -> "French", "Unknown").
std::string cld2_name(CLD2::Language lang) {
  if (lang == CLD2::GERMAN) return "German";
  if (lang == CLD2::ENGLISH) return "English";
  std::string name = CLD2::LanguageName(lang);
  for (std::size_t i = 1; i < name.size(); ++i)
    if (name[i] >= 'A' && name[i] <= 'Z') name[i] = static_cast<char>(name[i] - 'A' + 'a');
  return name;
}

std::string word_counts(Votes v) {
  return fmt::format("function words: {} German, {} English", v.de, v.en);
}

// The decision, and when `why` is given, its reason; detect_language passes
// none and builds no string.
Lang decide(std::string_view text, std::string* why) {
  if (text.empty()) {
    if (why) *why = "empty text";
    return Lang::other;
  }
  // The sentences decide when they clearly do: CLD2 weighs every word, so
  // thousands of English country names listed in a German article made it
  // answer English, and every German sentence of the article was lost.
  const Votes votes = count_function_words(text.substr(0, kFunctionWordSpan));
  const auto sentences_win = [&](Lang lang, int won, int lost) {
    if (why)
      *why =
          fmt::format("{} function words win {} sentence{} to {}",
                      lang == Lang::de ? "German" : "English", won, won == 1 ? "" : "s", lost);
    return lang;
  };
  if (votes.sentences_de >= votes.sentences_en + 2)
    return sentences_win(Lang::de, votes.sentences_de, votes.sentences_en);
  if (votes.sentences_en >= votes.sentences_de + 2)
    return sentences_win(Lang::en, votes.sentences_en, votes.sentences_de);
  // Function words outweigh CLD2, which judges a short text by its names
  // ("Russland und China kritisierten die USA" was English to it), when one
  // language has more of them, in two places at least, and the other none of
  // its own (only words of kShared).
  const auto words_decide = [&](Lang lang) {
    if (why) {
      const bool de = lang == Lang::de;
      const char* self = de ? "German" : "English";
      const char* other = de ? "English" : "German";
      const int others = de ? votes.en : votes.de;
      *why = fmt::format("function words decide: {} {} in {} places, {} {}",
                         de ? votes.de : votes.en, self, de ? votes.places_de : votes.places_en,
                         others, other);
      if (others) *why += fmt::format(" shared with {}", self);
    }
    return lang;
  };
  if (votes.de_only > 0 && votes.en_only == 0 && votes.places_de >= 2 && votes.de > votes.en)
    return words_decide(Lang::de);
  if (votes.en_only > 0 && votes.de_only == 0 && votes.places_en >= 2 && votes.en > votes.de)
    return words_decide(Lang::en);
  std::string_view sample = text.substr(0, std::min<std::size_t>(text.size(), 16384));
  // CLD2 wants valid UTF-8; cut a sample back to a character boundary.
  while (!sample.empty() && (static_cast<unsigned char>(sample.back()) & 0xC0) == 0x80)
    sample.remove_suffix(1);
  if (!sample.empty() && static_cast<unsigned char>(sample.back()) >= 0xC0)
    sample.remove_suffix(1);
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang = CLD2::DetectLanguageCheckUTF8(
      sample.data(), static_cast<int>(sample.size()), true, &reliable, &valid_prefix);
  if (reliable && (lang == CLD2::GERMAN || lang == CLD2::ENGLISH)) {
    if (why) *why = fmt::format("CLD2 says {} (reliable)", cld2_name(lang));
    return lang == CLD2::GERMAN ? Lang::de : Lang::en;
  }
  const auto cld2 = [&] {
    return fmt::format("CLD2 says {} ({})", cld2_name(lang),
                       reliable ? "reliable" : "unreliable");
  };
  Lang guess = by_votes(votes);
  if (guess != Lang::other) {
    if (why) *why = fmt::format("{}; {}", word_counts(votes), cld2());
    return guess;
  }
  if (lang == CLD2::GERMAN || lang == CLD2::ENGLISH) {
    if (why) *why = fmt::format("{}; {}", cld2(), word_counts(votes));
    return lang == CLD2::GERMAN ? Lang::de : Lang::en;
  }
  if (why) *why = fmt::format("no clue: {}; {}", word_counts(votes), cld2());
  return Lang::other;
}

}  // namespace

Lang detect_language(std::string_view text) { return decide(text, nullptr); }

LanguageGuess explain_language(std::string_view text) {
  LanguageGuess guess;
  guess.lang = decide(text, &guess.why);
  return guess;
}

}  // namespace geokg

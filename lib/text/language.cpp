// Language identification: CLD2 for texts long enough to be reliable, and a
// count of German and English function words for short ones (a headline, a
// single sentence), where CLD2 often answers "unknown".
#include <cstdio>  // compact_lang_det.h uses FILE without including it

#include <cld2/public/compact_lang_det.h>

#include <array>
#include <string>

#include "geokg/text/segmenter.hpp"

namespace geokg {
namespace {

constexpr std::array<std::string_view, 24> kGerman = {
    "der", "die", "das", "und", "nicht", "ist", "mit", "den", "dem", "des", "von", "zu",
    "auf", "sich", "hat", "ein", "eine", "wurde", "nach", "auch", "sie", "für", "bei", "im"};
constexpr std::array<std::string_view, 24> kEnglish = {
    "the", "and", "of", "to", "is", "in", "that", "was", "for", "on", "with", "has",
    "have", "by", "said", "it", "as", "at", "from", "his", "an", "were", "are", "be"};

Lang by_function_words(std::string_view text) {
  int de = 0, en = 0;
  std::string word;
  auto score = [&]() {
    if (word.empty()) return;
    for (auto w : kGerman) de += (w == word);
    for (auto w : kEnglish) en += (w == word);
    word.clear();
  };
  std::size_t limit = std::min<std::size_t>(text.size(), 4096);
  for (std::size_t i = 0; i < limit; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
      word.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    else
      score();
  }
  score();
  if (de == 0 && en == 0) return Lang::other;
  return de > en ? Lang::de : (en > de ? Lang::en : Lang::other);
}

}  // namespace

Lang detect_language(std::string_view text) {
  if (text.empty()) return Lang::other;
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
  if (reliable) {
    if (lang == CLD2::GERMAN) return Lang::de;
    if (lang == CLD2::ENGLISH) return Lang::en;
  }
  Lang guess = by_function_words(sample);
  if (guess != Lang::other) return guess;
  if (lang == CLD2::GERMAN) return Lang::de;
  if (lang == CLD2::ENGLISH) return Lang::en;
  return Lang::other;
}

}  // namespace geokg

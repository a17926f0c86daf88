// What the tagger and parser know about a word on its own: hashes of its
// form, case-folded form, affixes and shape, computed once per sentence.
// Internal: not installed.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace geokg::syntax {

struct WordFeatures {
  std::uint64_t form = 0, lower = 0, shape = 0, tail = 0, tail_suffix = 0;
  std::uint64_t suffix[4] = {}, prefix[3] = {};
  std::uint8_t length = 0;  // in code points, capped
  bool upper = false, digit = false, hyphen = false;
};

// Case-folded form (ASCII fast path, else the text module's full folding).
std::string lower_form(std::string_view form);

void describe_words(std::span<const std::string_view> forms, std::vector<WordFeatures>& out);

}  // namespace geokg::syntax

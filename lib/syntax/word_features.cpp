#include "syntax/word_features.hpp"

#include <algorithm>

#include "geokg/text/segmenter.hpp"
#include "syntax/weights.hpp"

namespace geokg::syntax {
namespace {

bool continuation(unsigned char c) { return (c & 0xc0) == 0x80; }

// The last `n` code points of `s` (all of it when shorter).
std::string_view last_chars(std::string_view s, int n) {
  std::size_t i = s.size();
  while (i > 0 && n > 0) {
    --i;
    if (!continuation(static_cast<unsigned char>(s[i]))) --n;
  }
  return s.substr(i);
}

std::string_view first_chars(std::string_view s, int n) {
  std::size_t i = 0;
  while (i < s.size() && n > 0) {
    ++i;
    while (i < s.size() && continuation(static_cast<unsigned char>(s[i]))) ++i;
    --n;
  }
  return s.substr(0, i);
}

// Xxxx, dd.dd, XX-Xxx: runs longer than two collapse, so "Bundesregierung"
// and "Regierung" share a shape.  Latin-1 capitals (Ä, Ö, Ü, É ...) count as X.
std::string shape_of(std::string_view s) {
  std::string out;
  char last = 0;
  int run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char k;
    if (c >= 'A' && c <= 'Z') k = 'X';
    else if (c >= 'a' && c <= 'z') k = 'x';
    else if (c >= '0' && c <= '9') k = 'd';
    else if (continuation(c)) continue;
    else if (c == 0xc3 && i + 1 < s.size()) k = static_cast<unsigned char>(s[i + 1]) < 0x9f ? 'X' : 'x';
    else if (c >= 0x80) k = 'x';
    else k = static_cast<char>(c);
    run = k == last ? run + 1 : 1;
    last = k;
    if (run <= 2) out.push_back(k);
  }
  return out;
}

}  // namespace

std::string lower_form(std::string_view form) {
  bool ascii = std::all_of(form.begin(), form.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) return fold_case(form);
  std::string out(form);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

void describe_words(std::span<const std::string_view> forms, std::vector<WordFeatures>& out) {
  out.resize(forms.size());
  for (std::size_t i = 0; i < forms.size(); ++i) {
    std::string_view form = forms[i];
    std::string lower = lower_form(form);
    WordFeatures& w = out[i];
    w.form = hash_bytes(form);
    w.lower = hash_bytes(lower);
    std::string shape = shape_of(form);
    w.shape = hash_bytes(shape);
    for (int k = 0; k < 4; ++k) w.suffix[k] = hash_bytes(last_chars(lower, k + 1));
    for (int k = 0; k < 3; ++k) w.prefix[k] = hash_bytes(first_chars(lower, k + 1));
    std::size_t hyphen = lower.rfind('-');
    w.hyphen = hyphen != std::string::npos && hyphen > 0 && hyphen + 1 < lower.size();
    std::string_view tail = w.hyphen ? std::string_view(lower).substr(hyphen + 1) : "";
    w.tail = hash_bytes(tail);
    w.tail_suffix = hash_bytes(last_chars(tail, 3));
    w.upper = !shape.empty() && shape[0] == 'X';
    w.digit = shape.find('d') != std::string::npos;
    std::size_t n = 0;
    for (unsigned char c : form) n += !continuation(c);
    w.length = static_cast<std::uint8_t>(std::min<std::size_t>(n, 12));
  }
}

}  // namespace geokg::syntax

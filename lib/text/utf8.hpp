// UTF-8 decoding, the one place that knows its byte patterns.  Well-formed
// means Unicode's Table 3-7: no overlong forms, no surrogates, nothing above
// U+10FFFF.  ICU's U8_NEXT does the work; ICU stays behind this header.
// Internal: not installed.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace geokg::utf8 {

// The sequence at an offset of a text.
struct Sequence {
  char32_t cp;         // the code point; 0 when the sequence is ill-formed
  std::size_t length;  // bytes taken, at least 1 (see decode)
  bool valid;
};

// The non-ASCII case of decode, out of line.
Sequence decode_multibyte(std::string_view s, std::size_t i);

// Decodes the sequence at s[i] (i < s.size()).  An ill-formed sequence has the
// length of its maximal subpart (Unicode 15, 3.9): a lead byte with the trail
// bytes that could still have continued it, or one byte, so that replacing
// each with U+FFFD is Unicode's recommended practice.  A caller that wants
// one U+FFFD per bad byte steps by one byte instead.
inline Sequence decode(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1, true};
  return decode_multibyte(s, i);
}

// Offset of the first byte of the first ill-formed sequence at or after
// `from`, or npos when the rest of `s` is well-formed.
std::size_t find_invalid(std::string_view s, std::size_t from = 0);

// Appends the UTF-8 form of a Unicode scalar value (not a surrogate, at most
// U+10FFFF).
void append(std::string& out, char32_t cp);

}  // namespace geokg::utf8

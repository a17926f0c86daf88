#include "text/utf8.hpp"

#include <unicode/utf8.h>

#include <bit>
#include <cstdint>
#include <cstring>

namespace geokg::utf8 {

Sequence decode_multibyte(std::string_view s, std::size_t i) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const std::size_t start = i;
  UChar32 c;
  // U8_NEXT steps over the maximal subpart of an ill-formed sequence; its
  // index and length may be any integer type, so texts over 2 GB work too.
  U8_NEXT(p, i, s.size(), c);
  if (c < 0) return {0, i - start, false};
  return {static_cast<char32_t>(c), i - start, true};
}

std::size_t find_invalid(std::string_view s, std::size_t from) {
  std::size_t i = from;
  while (i < s.size()) {
    // Eight ASCII bytes at a time: input text is checked twice (as a JSONL
    // line and as a field), and most of it is ASCII.
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (const std::uint64_t high = w & 0x8080808080808080ull) {
        // Straight to the first non-ASCII byte (the lowest set bit is the
        // first byte in memory on a little-endian machine).
        if constexpr (std::endian::native == std::endian::little)
          i += static_cast<std::size_t>(std::countr_zero(high)) / 8;
        break;
      }
      i += 8;
    }
    if (i >= s.size()) break;
    const Sequence q = decode(s, i);
    if (!q.valid) return i;
    i += q.length;
  }
  return std::string_view::npos;
}

void append(std::string& out, char32_t cp) {
  std::uint8_t buf[U8_MAX_LENGTH];
  std::int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(cp));
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

}  // namespace geokg::utf8

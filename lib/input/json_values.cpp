#include "input/json_values.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace geokg::input_detail {

namespace {
constexpr std::size_t kChunk = 256 * 1024;
bool is_space(int c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
}  // namespace

JsonValues::JsonValues(int fd, std::string preloaded, std::size_t max_bytes)
    : fd_(fd), buf_(std::move(preloaded)), max_(max_bytes) {
  if (fd_ < 0) eof_ = true;
}

JsonValues::~JsonValues() = default;

// More bytes into the buffer; false at the end of the file or on an error.
bool JsonValues::fill() {
  if (eof_) return false;
  buf_.erase(0, pos_);
  pos_ = 0;
  const std::size_t old = buf_.size();
  buf_.resize(old + kChunk);
  for (;;) {
    const ssize_t n = ::read(fd_, buf_.data() + old, kChunk);
    if (n < 0 && errno == EINTR) continue;
    buf_.resize(old + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    if (n < 0) read_error_ = errno;
    if (n <= 0) eof_ = true;
    return n > 0;
  }
}

int JsonValues::peek() {
  if (pos_ == buf_.size() && !fill()) return -1;
  return static_cast<unsigned char>(buf_[pos_]);
}

void JsonValues::take() {
  if (buf_[pos_++] == '\n') ++line_;
  ++offset_;
}

std::string JsonValues::head(std::size_t n) {
  while (buf_.size() - pos_ < n && fill()) {
  }
  return buf_.substr(pos_, n);
}

void JsonValues::skip(std::size_t n) {
  for (std::size_t i = 0; i < n && peek() >= 0; ++i) take();
}

void JsonValues::skip_space() {
  while (is_space(peek())) take();
}

bool JsonValues::at_end() {
  skip_space();
  return peek() < 0;
}

JsonValues::Got JsonValues::fail(const std::string& what) {
  error_ = fmt::format("malformed JSON at offset {} (line {}): {}", offset_, line_, what);
  return Got::kError;
}

JsonValues::Got JsonValues::next(Piece& p) {
  for (;;) {
    skip_space();
    const int c = peek();
    if (!in_array_) {
      if (c < 0) return Got::kEnd;
      ++top_values_;
      if (c == '[') {
        take();
        in_array_ = expect_value_ = true;
        after_comma_ = false;
        continue;
      }
      p.element = false;
      capture(p);
      return Got::kValue;
    }
    if (c < 0) return fail("the file ends inside the array (truncated?)");
    if (c == ']' && !after_comma_) {
      take();
      in_array_ = false;
      continue;
    }
    if (!expect_value_) {
      if (c != ',') return fail("Missing a comma or ']' after an array element.");
      take();
      expect_value_ = after_comma_ = true;
      continue;
    }
    if (c == ',' || c == ']') return fail("Invalid value.");
    p.element = true;
    capture(p);
    expect_value_ = after_comma_ = false;
    return Got::kValue;
  }
}

void JsonValues::keep(Piece& p, const char* s, std::size_t n) {
  if (p.too_big) return;
  if (p.text.size() + n > max_) {
    p.too_big = true;
    std::string().swap(p.text);  // the memory goes back now, not at the next piece
    return;
  }
  p.text.append(s, n);
}

// The rest of a string, its closing quote included; runs of plain bytes are
// copied at once, since texts are most of a corpus.
bool JsonValues::capture_string(Piece& p) {
  for (;;) {
    if (peek() < 0) return false;
    const char* start = buf_.data() + pos_;
    const char* end = buf_.data() + buf_.size();
    const char* stop = start;
    while (stop < end && *stop != '"' && *stop != '\\') ++stop;
    const std::size_t run = static_cast<std::size_t>(stop - start);
    keep(p, start, run);
    line_ += static_cast<std::size_t>(std::count(start, stop, '\n'));
    offset_ += run;
    pos_ += run;
    if (stop == end) continue;
    const char c = buf_[pos_];
    keep(p, &c, 1);
    take();
    if (c == '"') return true;
    if (peek() < 0) return false;
    const char escaped = buf_[pos_];  // the escaped byte, which may be a quote
    keep(p, &escaped, 1);
    take();
  }
}

void JsonValues::capture(Piece& p) {
  p.text.clear();
  p.offset = offset_;
  p.line = line_;
  p.too_big = p.truncated = false;
  int depth = 0;
  for (bool first = true;; first = false) {
    const int c = peek();
    if (c < 0) {
      p.truncated = depth > 0;
      return;
    }
    const char ch = static_cast<char>(c);
    if (depth == 0 && !first && (is_space(c) || ch == ',' || ch == ']' || ch == '}')) return;
    keep(p, &ch, 1);
    take();
    if (ch == '"') {
      if (!capture_string(p)) {
        p.truncated = true;
        return;
      }
    } else if (ch == '{' || ch == '[') {
      ++depth;
    } else if ((ch == '}' || ch == ']') && depth > 0) {
      --depth;
    }
    if (depth == 0 && (ch == '"' || ch == '}' || ch == ']')) return;
  }
}

}  // namespace geokg::input_detail

// Cuts a .json file into its documents without holding the file whole.
// Internal: not installed.
#pragma once
#include <cstddef>
#include <memory>
#include <string>

namespace geokg::input_detail {

// Each top-level value of a .json file, and each element of a top-level
// array, is cut out by following brackets and strings only; RapidJSON then
// parses just that piece.  So a 100 MB array costs one element at a time,
// and a piece over the cap costs nothing at all (it is skipped over).
class JsonValues {
 public:
  struct Piece {
    std::string text;          // empty when over the cap
    std::size_t offset = 0;    // of its first byte in the file
    std::size_t line = 1;      // of that byte, 1-based
    bool element = false;      // an element of a top-level array
    bool too_big = false;      // longer than the cap: text dropped
    bool truncated = false;    // the file ended inside it
  };
  enum class Got { kValue, kEnd, kError };

  // Reads from `fd` (not closed here), or only `preloaded` when fd < 0.
  JsonValues(int fd, std::string preloaded, std::size_t max_bytes);
  ~JsonValues();
  JsonValues(const JsonValues&) = delete;
  JsonValues& operator=(const JsonValues&) = delete;

  // The next piece; kError with error() set when the file's structure is
  // broken between pieces (then nothing more is read).
  Got next(Piece& piece);
  const std::string& error() const { return error_; }

  // True when only white space is left (the bytes already given count).
  bool at_end();
  // The first bytes of the file (up to n), without consuming them.
  std::string head(std::size_t n);
  void skip(std::size_t n);
  std::size_t top_values() const { return top_values_; }
  std::size_t consumed() const { return offset_; }
  int read_error() const { return read_error_; }

 private:
  int peek();
  void take();
  bool fill();
  void skip_space();
  void capture(Piece& p);
  bool capture_string(Piece& p);  // false: the file ended inside it
  void keep(Piece& p, const char* s, std::size_t n);
  Got fail(const std::string& what);

  int fd_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::size_t max_;
  std::size_t offset_ = 0, line_ = 1;
  std::size_t top_values_ = 0;
  bool in_array_ = false, expect_value_ = false, after_comma_ = false, eof_ = false;
  int read_error_ = 0;
  std::string error_;
};

}  // namespace geokg::input_detail

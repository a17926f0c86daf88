// The input stage: turns files, directories and stdin into a stream of
// documents, repairing what can be repaired and reporting everything else.
//
// Nothing is fatal.  next() never throws for a bad input: a missing path, an
// unreadable file, a malformed line, a symlink loop are all reported through
// the problem handler and reading continues with the next document.  The only
// exceptions that can leave next() are std::bad_alloc and whatever the
// caller's own on_problem handler throws (that is how a caller implements a
// "stop at the first problem" mode).
#include "geokg/input/document.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include <fmt/format.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stream.h>

#include "geokg/error.hpp"
#include "geokg/text/segmenter.hpp"
#include "input/document_detail.hpp"
#include "input/json_values.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;

namespace geokg {
namespace input_detail {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

bool all_digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return false;
  for (std::size_t k = pos; k < pos + n; ++k)
    if (s[k] < '0' || s[k] > '9') return false;
  return true;
}

int number_at(std::string_view s, std::size_t pos, std::size_t n) {
  int v = 0;
  for (std::size_t k = pos; k < pos + n; ++k) v = v * 10 + (s[k] - '0');
  return v;
}

const char* type_name(const rapidjson::Value& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType: return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType: return "a boolean";
    case rapidjson::kObjectType: return "an object";
    case rapidjson::kArrayType: return "an array";
    case rapidjson::kStringType: return "a string";
    case rapidjson::kNumberType: return "a number";
  }
  return "an unknown value";
}

std::string trim(std::string_view s) {
  const auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// Strings decoded from JSON escapes can still carry NULs (\u0000) and, with
// RapidJSON 1.1, unpaired low surrogates (\udc00) encoded as invalid UTF-8.
std::string clean_string(const rapidjson::Value& v, std::string_view field,
                         JsonNotes& notes) {
  std::string s(v.GetString(), v.GetStringLength());
  if (auto bad = repair_utf8(s))
    notes.warnings.push_back(fmt::format(
        "invalid UTF-8 in \"{}\" at byte offset {} (replaced with U+FFFD)", field, *bad));
  if (std::size_t n = remove_nuls(s))
    notes.warnings.push_back(
        fmt::format("removed {} NUL character{} from \"{}\"", n, n == 1 ? "" : "s", field));
  return s;
}

std::string number_to_id(const rapidjson::Value& v) {
  if (v.IsInt64()) return std::to_string(v.GetInt64());
  if (v.IsUint64()) return std::to_string(v.GetUint64());
  const double d = v.GetDouble();
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15)
    return fmt::format("{:.0f}", d);
  return fmt::format("{}", d);
}

}  // namespace

std::optional<std::size_t> repair_utf8(std::string& s) {
  // Most text is valid and must not be copied.
  const std::size_t first_bad = utf8::find_invalid(s);
  if (first_bad == std::string::npos) return std::nullopt;
  std::string out;
  out.reserve(s.size() + 16);
  out.append(s, 0, first_bad);
  for (std::size_t i = first_bad; i < s.size();) {
    const utf8::Sequence q = utf8::decode(s, i);
    if (q.valid)
      out.append(s, i, q.length);
    else
      out += kReplacement;  // one for the whole maximal subpart
    i += q.length;
  }
  s.swap(out);
  return first_bad;
}

IdSet::IdSet(std::size_t origins_kept)
    : offsets_(kBuckets + 1, 0), pending_(kPendingSlots, 0), origins_kept_(origins_kept) {}

IdSet::~IdSet() = default;

std::uint64_t IdSet::remainder_at(std::size_t i) const {
  const unsigned char* p = pages_[i / kPageEntries].get() + (i % kPageEntries) * 6;
  std::uint64_t r = 0;
  for (int k = 0; k < 6; ++k) r |= static_cast<std::uint64_t>(p[k]) << (8 * k);
  return r;
}

void IdSet::set_remainder(std::size_t i, std::uint64_t r) {
  unsigned char* p = pages_[i / kPageEntries].get() + (i % kPageEntries) * 6;
  for (int k = 0; k < 6; ++k) p[k] = static_cast<unsigned char>(r >> (8 * k));
}

bool IdSet::contains(std::uint64_t fp) const {
  for (std::size_t s = fp & (kPendingSlots - 1);; s = (s + 1) & (kPendingSlots - 1)) {
    if (pending_[s] == 0) break;
    if (pending_[s] == fp) return true;
  }
  const std::size_t b = fp >> (64 - kBucketBits);
  const std::uint64_t r = fp & ((std::uint64_t{1} << (64 - kBucketBits)) - 1);
  for (std::size_t i = offsets_[b]; i < offsets_[b + 1]; ++i) {
    const std::uint64_t have = remainder_at(i);
    if (have == r) return true;
    if (have > r) break;  // sorted within the bucket
  }
  return false;
}

// Merges the pending fingerprints into the sorted pages, in place from the
// back (the pages only grow, so nothing is held twice), then empties them.
void IdSet::flush() {
  std::vector<std::uint64_t> add;
  add.reserve(pending_count_);
  for (std::uint64_t fp : pending_)
    if (fp) add.push_back(fp);
  std::sort(add.begin(), add.end());
  const std::size_t total = size_ + add.size();
  if (total > UINT32_MAX) throw InputError("more than 4294967295 document ids to tell apart");
  while (pages_.size() * kPageEntries < total)
    pages_.push_back(std::make_unique<unsigned char[]>(kPageBytes));
  constexpr std::uint64_t kLow = (std::uint64_t{1} << (64 - kBucketBits)) - 1;
  std::size_t i = size_, j = add.size(), w = total;
  std::size_t b = kBuckets - 1;  // bucket of entry i - 1
  while (j > 0) {
    if (i > 0) {
      while (offsets_[b] >= i) --b;
      const std::uint64_t have = (static_cast<std::uint64_t>(b) << (64 - kBucketBits)) |
                                 remainder_at(i - 1);
      if (have > add[j - 1]) {
        set_remainder(--w, have & kLow);
        --i;
        continue;
      }
    }
    set_remainder(--w, add[--j] & kLow);
  }
  // Each bucket now starts after the new entries of the buckets before it.
  std::size_t before = 0;
  for (std::size_t k = 0; k <= kBuckets; ++k) {
    while (before < add.size() && (add[before] >> (64 - kBucketBits)) < k) ++before;
    offsets_[k] += static_cast<std::uint32_t>(before);
  }
  size_ = total;
  std::fill(pending_.begin(), pending_.end(), 0);
  pending_count_ = 0;
}

bool IdSet::insert(std::string_view id, std::string_view origin, std::string* first_seen) {
  std::uint64_t fp = std::hash<std::string_view>{}(id);
  if (fp == 0) fp = 1;  // 0 marks an empty pending slot
  if (contains(fp)) {
    if (first_seen) {
      auto it = origins_.find(fp);
      *first_seen = it == origins_.end() ? std::string() : it->second;
    }
    return false;
  }
  if (origins_.size() < origins_kept_) origins_.emplace(fp, std::string(origin));
  std::size_t s = fp & (kPendingSlots - 1);
  while (pending_[s] != 0) s = (s + 1) & (kPendingSlots - 1);
  pending_[s] = fp;
  if (++pending_count_ == kPendingMax) flush();
  return true;
}

std::size_t remove_nuls(std::string& s, std::size_t* first) {
  const std::size_t pos = s.find('\0');
  if (pos == std::string::npos) return 0;
  if (first) *first = pos;
  const auto end = std::remove(s.begin() + static_cast<std::ptrdiff_t>(pos), s.end(), '\0');
  const std::size_t removed = static_cast<std::size_t>(s.end() - end);
  s.erase(end, s.end());
  return removed;
}

void normalise_newlines(std::string& s) {
  if (s.find('\r') == std::string::npos) return;
  std::size_t w = 0;
  for (std::size_t r = 0; r < s.size(); ++r) {
    if (s[r] == '\r') {
      s[w++] = '\n';
      if (r + 1 < s.size() && s[r + 1] == '\n') ++r;
    } else {
      s[w++] = s[r];
    }
  }
  s.resize(w);
}

bool is_blank(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      ++i;
      continue;
    }
    // Multi-byte spaces: U+00A0, U+1680, U+2000..U+200B, U+2028, U+2029,
    // U+202F, U+205F, U+3000, U+FEFF.
    const std::string_view rest = s.substr(i);
    if (rest.starts_with("\xC2\xA0")) { i += 2; continue; }
    if (rest.size() >= 3) {
      const auto b1 = static_cast<unsigned char>(rest[1]);
      const auto b2 = static_cast<unsigned char>(rest[2]);
      if (c == 0xE2 && b1 == 0x80 && (b2 <= 0x8B || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF)) { i += 3; continue; }
      if (c == 0xE2 && b1 == 0x81 && b2 == 0x9F) { i += 3; continue; }
      if (c == 0xE1 && b1 == 0x9A && b2 == 0x80) { i += 3; continue; }
      if (c == 0xE3 && b1 == 0x80 && b2 == 0x80) { i += 3; continue; }
      if (c == 0xEF && b1 == 0xBB && b2 == 0xBF) { i += 3; continue; }
    }
    return false;
  }
  return true;
}

bool is_iso8601_date(std::string_view s) {
  if (s.size() < 10 || !all_digits(s, 0, 4) || s[4] != '-' || !all_digits(s, 5, 2) ||
      s[7] != '-' || !all_digits(s, 8, 2))
    return false;
  const int year = number_at(s, 0, 4), month = number_at(s, 5, 2), day = number_at(s, 8, 2);
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > kDays[month - 1] + (month == 2 && leap ? 1 : 0)) return false;
  if (s.size() == 10) return true;

  std::size_t p = 10;
  if (s[p] != 'T' && s[p] != 't' && s[p] != ' ') return false;
  ++p;
  if (!all_digits(s, p, 2) || p + 2 >= s.size() || s[p + 2] != ':' || !all_digits(s, p + 3, 2))
    return false;
  if (number_at(s, p, 2) > 23 || number_at(s, p + 3, 2) > 59) return false;
  p += 5;
  if (p < s.size() && s[p] == ':') {
    if (!all_digits(s, p + 1, 2) || number_at(s, p + 1, 2) > 60) return false;
    p += 3;
    if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
      ++p;
      const std::size_t start = p;
      while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
      if (p == start) return false;
    }
  }
  if (p == s.size()) return true;
  if ((s[p] == 'Z' || s[p] == 'z') && p + 1 == s.size()) return true;
  if (s[p] != '+' && s[p] != '-') return false;
  ++p;
  if (!all_digits(s, p, 2) || number_at(s, p, 2) > 23) return false;
  p += 2;
  if (p == s.size()) return true;
  if (s[p] == ':') ++p;
  return all_digits(s, p, 2) && number_at(s, p, 2) <= 59 && p + 2 == s.size();
}

std::string utf16_to_utf8(std::string_view bytes, bool big_endian) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  const auto unit = [&](std::size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? (char32_t{a} << 8 | b) : (char32_t{b} << 8 | a);
  };
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    const char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      const char32_t u2 = unit(i + 2);
      if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
        utf8::append(out, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF)
      out += kReplacement;
    else
      utf8::append(out, u);
  }
  if (i < bytes.size()) out += kReplacement;
  return out;
}

std::string json_error_message(rapidjson::ParseErrorCode code, std::size_t offset) {
  return fmt::format("malformed JSON at offset {}: {}", offset, rapidjson::GetParseError_En(code));
}

Document document_from_json(const rapidjson::Value& value, JsonNotes& notes) {
  if (!value.IsObject())
    throw InputError(fmt::format("not a JSON object (found {})", type_name(value)));

  enum Field { kId, kText, kTitle, kDate, kLang, kUrl, kSource, kFieldCount };
  static constexpr std::string_view kNames[kFieldCount] = {"id",   "text", "title", "date",
                                                           "lang", "url",  "source"};
  const rapidjson::Value* fields[kFieldCount] = {};
  for (const auto& m : value.GetObject()) {
    const std::string_view name(m.name.GetString(), m.name.GetStringLength());
    const auto* it = std::find(std::begin(kNames), std::end(kNames), name);
    if (it == std::end(kNames)) {
      std::string unknown(name);
      if (std::find(notes.unknown_fields.begin(), notes.unknown_fields.end(), unknown) ==
          notes.unknown_fields.end())
        notes.unknown_fields.push_back(std::move(unknown));
      continue;
    }
    auto& slot = fields[it - std::begin(kNames)];
    if (slot)
      notes.warnings.push_back(
          fmt::format("field \"{}\" appears more than once; the first is used", name));
    else
      slot = &m.value;
  }

  Document doc;
  if (const auto* id = fields[kId]; id && !id->IsNull()) {
    if (id->IsString())
      doc.id = clean_string(*id, "id", notes);
    else if (id->IsNumber())
      doc.id = number_to_id(*id);
    else
      throw InputError(
          fmt::format("\"id\" must be a string or a number, not {}", type_name(*id)));
  }

  const auto* text = fields[kText];
  if (!text) throw InputError("no \"text\" field");
  if (!text->IsString())
    throw InputError(fmt::format("\"text\" must be a string, not {}", type_name(*text)));
  doc.text = clean_string(*text, "text", notes);
  normalise_newlines(doc.text);
  if (is_blank(doc.text)) throw InputError("empty text");

  const auto optional_string = [&](Field f) -> std::string {
    const auto* v = fields[f];
    if (!v || v->IsNull()) return {};
    if (!v->IsString()) {
      notes.warnings.push_back(fmt::format("\"{}\" is {}, not a string; ignored", kNames[f],
                                           type_name(*v)));
      return {};
    }
    return clean_string(*v, kNames[f], notes);
  };
  doc.title = optional_string(kTitle);
  normalise_newlines(doc.title);
  doc.date = trim(optional_string(kDate));
  if (!doc.date.empty() && !is_iso8601_date(doc.date)) {
    notes.warnings.push_back(fmt::format(
        "date \"{}\" is not ISO 8601 (YYYY-MM-DD[Thh:mm[:ss]]); dropped", doc.date));
    doc.date.clear();
  }
  doc.lang = trim(optional_string(kLang));
  std::transform(doc.lang.begin(), doc.lang.end(), doc.lang.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  if (!doc.lang.empty() && parse_lang(doc.lang) == Lang::other) {
    notes.warnings.push_back(fmt::format(
        "\"lang\" is \"{}\", not German (de) or English (en); the language is detected "
        "from the text instead",
        doc.lang));
    doc.lang.clear();
  }
  doc.url = trim(optional_string(kUrl));
  doc.source = trim(optional_string(kSource));
  return doc;
}

}  // namespace input_detail

using namespace input_detail;

Document parse_document_json(std::string_view json, const std::string& where) {
  // A NUL would end RapidJSON's input early; strip NULs and bad UTF-8 first
  // just as the reader does.
  std::string buffer(json);
  repair_utf8(buffer);
  remove_nuls(buffer);
  rapidjson::Document dom;
  rapidjson::StringStream stream(buffer.c_str());
  dom.ParseStream<rapidjson::kParseIterativeFlag>(stream);
  if (dom.HasParseError())
    throw InputError(fmt::format("{}: {}", where,
                                 json_error_message(dom.GetParseError(), dom.GetErrorOffset())));
  JsonNotes notes;
  try {
    Document doc = document_from_json(dom, notes);
    doc.origin = where;
    return doc;
  } catch (const InputError& e) {
    throw InputError(fmt::format("{}: {}", where, e.what()));
  }
}

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

enum class Kind { kText, kJson, kJsonl, kUnsupported };

Kind kind_of(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  if (ext == ".txt") return Kind::kText;
  if (ext == ".json") return Kind::kJson;
  if (ext == ".jsonl") return Kind::kJsonl;
  return Kind::kUnsupported;
}

// Reads lines from a file descriptor through a fixed buffer, so a file of any
// size costs one buffer plus its longest line.  std::string::append grows
// geometrically, which keeps a 200 MB line linear.
//
// Lines end at LF (a CR before it is the caller's to drop), or at a lone CR
// when the file's first line ends that way: JSON forbids raw CRs inside
// strings, so a JSONL file saved with classic Mac line ends would otherwise
// be one long malformed line and lose every document in it.
class LineReader {
 public:
  LineReader(int fd, bool owned) : fd_(fd), owned_(owned), buf_(new char[kSize]) {}
  ~LineReader() {
    if (owned_) ::close(fd_);
  }
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line without its line end; false at the end or on a read error
  // (then error() is the errno).  *consumed grows by the bytes taken.  A line
  // longer than `max` returns at once, empty, with *too_long set and the rest
  // of it unread (see skip_line): the caller can say so before the rest,
  // which may never end (/dev/zero), is read.
  bool getline(std::string& line, std::size_t* consumed, std::size_t max, bool* too_long) {
    line.clear();
    *too_long = false;
    bool got = false;
    for (;;) {
      if (pos_ < end_) {
        got = true;
        const char* start = buf_.get() + pos_;
        const auto* nl = static_cast<const char*>(std::memchr(start, eol_, end_ - pos_));
        const std::size_t n = nl ? static_cast<std::size_t>(nl - start) : end_ - pos_;
        if (line.size() + n > max) {
          *too_long = true;
          std::string().swap(line);
          return true;
        }
        line.append(start, n);
        pos_ += n + (nl ? 1 : 0);
        *consumed += n + (nl ? 1 : 0);
        if (nl) return true;
        pos_ = end_ = 0;
      }
      if (!refill()) return got && !error_;
    }
  }
  int error() const { return error_; }

  // Reads on to the end of the current line, keeping nothing.
  void skip_line(std::size_t* consumed) {
    do {
      const char* start = buf_.get() + pos_;
      const auto* nl = static_cast<const char*>(std::memchr(start, eol_, end_ - pos_));
      const std::size_t n = nl ? static_cast<std::size_t>(nl - start) + 1 : end_ - pos_;
      pos_ += n;
      *consumed += n;
      if (nl) return;
    } while (refill());
  }

 private:
  // The next bufferful; false at the end or on a read error.
  bool refill() {
    pos_ = end_ = 0;
    while (!eof_ && !error_) {
      const ssize_t n = ::read(fd_, buf_.get(), kSize);
      if (n < 0) {
        if (errno != EINTR) error_ = errno;
      } else if (n == 0) {
        eof_ = true;
      } else {
        end_ = static_cast<std::size_t>(n);
        if (!decided_) decide_line_end();
        return true;
      }
    }
    return false;
  }

  // The first CR or LF in the data decides; a CR that is the last byte of the
  // buffer cannot be told from CRLF and keeps LF, the common case.
  void decide_line_end() {
    const char* b = buf_.get();
    for (std::size_t i = 0; i < end_; ++i) {
      if (b[i] == '\n') {
        decided_ = true;
        return;
      }
      if (b[i] == '\r') {
        decided_ = true;
        if (i + 1 < end_ && b[i + 1] != '\n') eol_ = '\r';
        return;
      }
    }
  }

  static constexpr std::size_t kSize = 256 * 1024;
  int fd_;
  bool owned_;
  std::unique_ptr<char[]> buf_;
  std::size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  int error_ = 0;
  char eol_ = '\n';
  bool decided_ = false;
};

constexpr int kTooBig = -1;

// Reads the rest of a file onto `out`; returns 0, the errno of a failed read,
// or kTooBig (and `out` freed) when it would hold more than `max` bytes.
int read_all(int fd, std::string& out, std::size_t max) {
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    if (static_cast<std::uintmax_t>(st.st_size) > max) return kTooBig;
    out.reserve(static_cast<std::size_t>(st.st_size));
  }
  constexpr std::size_t kChunk = 1 << 20;
  for (;;) {
    const std::size_t old = out.size();
    if (old > max) {
      std::string().swap(out);
      return kTooBig;
    }
    out.resize(old + kChunk);
    const ssize_t n = ::read(fd, out.data() + old, kChunk);
    if (n < 0) {
      out.resize(old);
      if (errno == EINTR) continue;
      return errno;
    }
    out.resize(old + static_cast<std::size_t>(n));
    if (n == 0) return 0;
  }
}

// "64 MiB" for a whole number of MiB, else bytes.
std::string size_text(std::size_t n) {
  return n % (1 << 20) == 0 ? fmt::format("{} MiB", n >> 20) : fmt::format("{} bytes", n);
}

std::string cap_note(std::size_t max) {
  return fmt::format("the cap on one document is {}; raise it with --max-document-size",
                     size_text(max));
}

struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd >= 0) ::close(fd);
  }
};

std::size_t line_of_offset(std::string_view s, std::size_t offset) {
  offset = std::min(offset, s.size());
  return 1 + static_cast<std::size_t>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

struct DirEntry {
  std::string key;  // name, plus "/" for directories: sorts like full paths
  fs::path path;
};

struct DirFrame {
  std::string path;
  std::pair<dev_t, ino_t> identity;
  std::vector<DirEntry> entries;
  std::size_t next = 0;
};

struct JsonSource {
  JsonSource(int fd_, std::string head, std::size_t max, std::string name_, std::string stem_)
      : fd(fd_), values(fd_, std::move(head), max), name(std::move(name_)), stem(std::move(stem_)) {}
  ~JsonSource() {
    if (fd >= 0) ::close(fd);
  }
  int fd;
  input_detail::JsonValues values;
  input_detail::JsonValues::Piece piece;
  std::string name, stem;
  std::size_t element = 0;
  // Byte repairs, reported once for the file as a whole.
  std::size_t nuls = 0, first_nul = 0;
  std::optional<std::size_t> first_bad_utf8;
};

struct JsonlSource {
  JsonlSource(int fd, bool owned, std::string name_, std::string stem_)
      : reader(fd, owned), name(std::move(name_)), stem(std::move(stem_)) {}
  LineReader reader;
  std::string name;  // path, or "-" for stdin
  std::string stem;  // for ids of documents without one
  std::size_t line_no = 0;
  std::size_t start = 0;  // bytes_read() when it was opened, for offsets in it
  bool any_content = false;
};

}  // namespace

struct DocumentReader::Impl {
  std::vector<std::string> inputs;
  ReaderOptions options;
  std::size_t next_input = 0;
  std::vector<DirFrame> dirs;
  std::map<std::pair<dev_t, ino_t>, std::string> visited_dirs;
  std::unique_ptr<JsonlSource> jsonl;
  std::unique_ptr<JsonSource> json;
  std::deque<Document> ready;
  input_detail::IdSet seen_ids;
  std::vector<InputProblem> problems;
  std::function<void(const InputProblem&)> handler;
  std::size_t bytes = 0;
  std::string line;  // reused so long lines do not reallocate each time

  void report(std::string where, std::string what, bool skipped) {
    InputProblem p{std::move(where), std::move(what), skipped};
    if (handler) handler(p);
    if (problems.size() < kProblemsKept) problems.push_back(std::move(p));
  }

  // Registers the id; false (and a report) when an earlier document had it.
  bool claim_id(const Document& doc, const std::string& where) {
    if (!options.skip_duplicate_ids) return true;
    std::string first;
    if (seen_ids.insert(doc.id, doc.origin, &first)) return true;
    report(where,
           first.empty() ? fmt::format("duplicate document id \"{}\" (seen before)", doc.id)
                         : fmt::format("duplicate document id \"{}\" (first seen at {})",
                                       doc.id, first),
           true);
    return false;
  }

  std::optional<Document> next() {
    for (;;) {
      if (!ready.empty()) {
        Document d = std::move(ready.front());
        ready.pop_front();
        return d;
      }
      if (jsonl) {
        if (auto d = next_jsonl()) return d;
        continue;
      }
      if (json) {
        next_json();
        continue;
      }
      if (!dirs.empty()) {
        DirFrame& top = dirs.back();
        if (top.next == top.entries.size()) {
          dirs.pop_back();
          continue;
        }
        const fs::path p = std::move(top.entries[top.next++].path);
        open_path(p, false);
        continue;
      }
      if (next_input < inputs.size()) {
        const std::string& in = inputs[next_input++];
        if (in == "-") {
          if (!options.allow_stdin) {
            report("-", "reading documents from standard input is not allowed here", true);
            continue;
          }
          jsonl = std::make_unique<JsonlSource>(STDIN_FILENO, false, "-", "stdin");
          jsonl->start = bytes;
          continue;
        }
        open_path(in, true);
        continue;
      }
      return std::nullopt;
    }
  }

  void open_path(const fs::path& path, bool explicit_input) {
    const std::string name = path.string();
    struct stat st {};
    if (::stat(name.c_str(), &st) != 0) {
      const int err = errno;
      struct stat lst {};
      if (::lstat(name.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode))
        report(name, "broken symbolic link", true);
      else if (err == ENOENT && !explicit_input)
        report(name, "file vanished before it could be read", true);
      else
        report(name, err == ENOENT ? std::string("no such file or directory")
                                   : fmt::format("cannot access: {}", std::strerror(err)),
               true);
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      enter_directory(name, st);
      return;
    }
    const Kind kind = kind_of(path);
    if (kind == Kind::kUnsupported) {
      // Directory walks only list supported names, so this is a named input.
      report(name,
             fmt::format("unsupported file type \"{}\" (expected .txt, .json or .jsonl)",
                         path.extension().string()),
             true);
      return;
    }
    // Inside a directory, a FIFO or device would block or never end.
    if (!explicit_input && !S_ISREG(st.st_mode)) {
      report(name, "not a regular file", true);
      return;
    }
    const int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
      const int err = errno;
      report(name,
             err == ENOENT ? std::string("file vanished before it could be read")
                           : fmt::format("cannot open: {}", std::strerror(err)),
             true);
      return;
    }
    switch (kind) {
      case Kind::kJsonl:
        jsonl = std::make_unique<JsonlSource>(fd, true, name, path.stem().string());
        jsonl->start = bytes;
        return;
      case Kind::kText:
        read_text_file(fd, path);
        return;
      case Kind::kJson:
        start_json(fd, path);
        return;
      case Kind::kUnsupported:
        break;
    }
    ::close(fd);
  }

  void enter_directory(const std::string& name, const struct stat& st) {
    const std::pair<dev_t, ino_t> identity{st.st_dev, st.st_ino};
    if (auto it = visited_dirs.find(identity); it != visited_dirs.end()) {
      const bool loop = std::any_of(dirs.begin(), dirs.end(),
                                    [&](const DirFrame& f) { return f.identity == identity; });
      report(name,
             loop ? fmt::format("symbolic link loop: same directory as {}; not followed",
                                it->second)
                  : fmt::format("directory already read as {}; not read again", it->second),
             true);
      return;
    }
    visited_dirs.emplace(identity, name);

    DirFrame frame{name, identity, {}, 0};
    std::error_code ec;
    fs::directory_iterator it(name, ec), end;
    if (ec) {
      report(name, fmt::format("cannot read directory: {}", ec.message()), true);
      return;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) break;
      std::error_code type_ec;
      const bool is_dir = it->is_directory(type_ec);
      const fs::path& p = it->path();
      if (is_dir)
        frame.entries.push_back({p.filename().string() + "/", p});
      else if (kind_of(p) != Kind::kUnsupported)
        frame.entries.push_back({p.filename().string(), p});
    }
    if (ec) report(name, fmt::format("cannot read directory: {}", ec.message()), true);
    std::sort(frame.entries.begin(), frame.entries.end(),
              [](const DirEntry& a, const DirEntry& b) { return a.key < b.key; });
    dirs.push_back(std::move(frame));
  }

  // Reads a whole file into `raw`; false (reported) when nothing usable came.
  bool slurp(int fd, const std::string& name, std::string& raw) {
    FdCloser closer{fd};
    const int err = read_all(fd, raw, options.max_document_bytes);
    bytes += raw.size();
    if (err == kTooBig) {
      report(name, fmt::format("larger than {} ({})", size_text(options.max_document_bytes),
                               cap_note(options.max_document_bytes)),
             true);
      return false;
    }
    if (err) {
      report(name, fmt::format("read error after {} bytes: {}", raw.size(), std::strerror(err)),
             true);
      return false;
    }
    if (raw.empty()) {
      report(name, "empty file", true);
      return false;
    }
    // A UTF-16 byte-order mark means the whole file is UTF-16: convert it
    // instead of turning every other byte into a NUL warning.
    if (raw.size() >= 2 && ((raw[0] == '\xFF' && raw[1] == '\xFE') ||
                            (raw[0] == '\xFE' && raw[1] == '\xFF'))) {
      const bool big = raw[0] == '\xFE';
      raw = utf16_to_utf8(std::string_view(raw).substr(2), big);
      report(name, fmt::format("converted from UTF-16{} to UTF-8", big ? "BE" : "LE"), false);
    }
    if (std::string_view(raw).starts_with(kBom)) raw.erase(0, kBom.size());
    std::size_t first_nul = 0;
    const std::size_t nuls = count_nuls(raw, &first_nul);
    if (auto bad = repair_utf8(raw))
      report(name, fmt::format("invalid UTF-8 at byte offset {} (replaced with U+FFFD)", *bad),
             false);
    if (nuls) {
      remove_nuls(raw);
      report(name, fmt::format("removed {} NUL byte{} (first at byte offset {})", nuls,
                               nuls == 1 ? "" : "s", first_nul),
             false);
    }
    return true;
  }

  // Counts NULs without removing them, so the UTF-8 offset refers to the
  // same bytes the user has on disk.
  static std::size_t count_nuls(const std::string& s, std::size_t* first) {
    const std::size_t pos = s.find('\0');
    if (pos == std::string::npos) return 0;
    *first = pos;
    return static_cast<std::size_t>(std::count(s.begin() + static_cast<std::ptrdiff_t>(pos), s.end(), '\0'));
  }

  void read_text_file(int fd, const fs::path& path) {
    const std::string name = path.string();
    std::string raw;
    if (!slurp(fd, name, raw)) return;
    normalise_newlines(raw);
    if (is_blank(raw)) {
      report(name, "empty text (only white space)", true);
      return;
    }
    Document doc;
    doc.id = path.stem().string();
    doc.text = std::move(raw);
    doc.origin = name;
    if (claim_id(doc, name)) ready.push_back(std::move(doc));
  }

  void start_json(int fd, const fs::path& path) {
    const std::string name = path.string();
    std::string head(2, '\0');
    ssize_t n;
    do n = ::read(fd, head.data(), 2);
    while (n < 0 && errno == EINTR);
    head.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    // UTF-16 is converted whole (slurp), as such files are small; UTF-8 is
    // read piece by piece.
    if (head == "\xFF\xFE" || head == "\xFE\xFF") {
      if (!slurp(fd, name, head)) return;
      json = std::make_unique<JsonSource>(-1, std::move(head), options.max_document_bytes, name,
                                          path.stem().string());
      return;
    }
    json = std::make_unique<JsonSource>(fd, std::move(head), options.max_document_bytes, name,
                                        path.stem().string());
    if (json->values.head(kBom.size()) == kBom) json->values.skip(kBom.size());
  }

  // Reads the next piece of the .json file; a document goes to `ready`.
  void next_json() {
    JsonSource& src = *json;
    using Got = input_detail::JsonValues::Got;
    const Got got = src.values.next(src.piece);
    if (got == Got::kValue) {
      json_piece(src);
      if (!src.piece.truncated) return;
    } else if (got == Got::kError) {
      report(src.name, src.values.error(), true);
    }
    finish_json(src);
  }

  void json_piece(JsonSource& src) {
    auto& p = src.piece;
    const std::size_t element = ++src.element;
    const bool single = !p.element && src.values.top_values() == 1 && src.values.at_end();
    const std::string label = single ? std::string() : fmt::format("element {}: ", element);
    if (p.too_big) {
      report(src.name,
             fmt::format("{}larger than {}, from byte offset {} (line {}) ({})", label,
                         size_text(options.max_document_bytes), p.offset, p.line,
                         cap_note(options.max_document_bytes)),
             true);
      return;
    }
    std::size_t first_nul = 0;
    if (const std::size_t nuls = count_nuls(p.text, &first_nul)) {
      if (src.nuls == 0) src.first_nul = p.offset + first_nul;
      src.nuls += nuls;
      remove_nuls(p.text);
    }
    if (auto bad = repair_utf8(p.text); bad && !src.first_bad_utf8)
      src.first_bad_utf8 = p.offset + *bad;
    rapidjson::Document dom;
    rapidjson::InsituStringStream stream(p.text.data());
    dom.ParseStream<rapidjson::kParseIterativeFlag | rapidjson::kParseInsituFlag>(stream);
    if (dom.HasParseError()) {
      const std::size_t off = std::min(dom.GetErrorOffset(), p.text.size());
      report(src.name,
             fmt::format("{}malformed JSON at offset {} (line {}): {}", label, p.offset + off,
                         p.line + line_of_offset(p.text, off) - 1,
                         rapidjson::GetParseError_En(dom.GetParseError())),
             true);
      return;
    }
    add_json_value(dom, src.name, src.stem, element, single);
  }

  void finish_json(JsonSource& src) {
    if (src.values.read_error())
      report(src.name, fmt::format("read error after {} bytes: {}", src.values.consumed(),
                                   std::strerror(src.values.read_error())),
             true);
    else if (src.values.top_values() == 0)
      report(src.name, "empty file", true);
    if (src.first_bad_utf8)
      report(src.name,
             fmt::format("invalid UTF-8 at byte offset {} (replaced with U+FFFD)",
                         *src.first_bad_utf8),
             false);
    if (src.nuls)
      report(src.name, fmt::format("removed {} NUL byte{} (first at byte offset {})", src.nuls,
                                   src.nuls == 1 ? "" : "s", src.first_nul),
             false);
    if (src.values.top_values() > 1)
      report(src.name,
             fmt::format("holds {} top-level JSON values; read them all (JSONL saved as .json?)",
                         src.values.top_values()),
             false);
    if (src.fd >= 0) bytes += src.values.consumed();
    json.reset();
  }

  void add_json_value(const rapidjson::Value& v, const std::string& name, const std::string& stem,
                      std::size_t element, bool single) {
    const std::string label = single ? std::string() : fmt::format("element {}: ", element);
    JsonNotes notes;
    Document doc;
    try {
      doc = document_from_json(v, notes);
    } catch (const InputError& e) {
      report(name, label + e.what(), true);
      return;
    }
    doc.origin = single ? name : fmt::format("{}#{}", name, element);
    if (doc.id.empty()) {
      doc.id = single ? stem : fmt::format("{}-{}", stem, element);
      if (!single) notes.warnings.push_back(fmt::format("no \"id\"; named \"{}\"", doc.id));
    }
    if (!claim_id(doc, name)) return;
    for (auto& w : notes.warnings) report(name, label + w, false);
    for (auto& f : notes.unknown_fields) report_unknown_once(name, f);
    ready.push_back(std::move(doc));
  }

  std::set<std::pair<std::string, std::string>> unknown_reported;  // (file, field)

  void report_unknown_once(const std::string& file, const std::string& field,
                           const std::string& where = {}) {
    if (!unknown_reported.emplace(file, field).second) return;
    report(where.empty() ? file : where,
           fmt::format("unknown field \"{}\" ignored (reported once per file)", field), false);
  }

  std::optional<Document> next_jsonl() {
    JsonlSource& src = *jsonl;
    const std::size_t max = options.max_document_bytes;
    bool too_long = false;
    for (std::size_t start = bytes; src.reader.getline(line, &bytes, max, &too_long);
         start = bytes) {
      ++src.line_no;
      const std::string where = fmt::format("{}:{}", src.name, src.line_no);
      if (too_long) {
        report(where,
               fmt::format("line longer than {}, from byte offset {} ({})", size_text(max),
                           start - src.start, cap_note(max)),
               true);
        src.any_content = true;
        src.reader.skip_line(&bytes);
        continue;
      }
      // A BOM is silently dropped on any line: concatenated files carry one
      // per original file.
      std::size_t skip = std::string_view(line).starts_with(kBom) ? kBom.size() : 0;
      if (skip) line.erase(0, skip);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (is_blank(line)) continue;
      src.any_content = true;

      std::vector<std::string> raw_notes;
      std::size_t first_nul = 0;
      const std::size_t nuls = count_nuls(line, &first_nul);
      if (auto bad = repair_utf8(line))
        raw_notes.push_back(
            fmt::format("invalid UTF-8 at byte offset {} (replaced with U+FFFD)", *bad + skip));
      if (nuls) {
        remove_nuls(line);
        raw_notes.push_back(fmt::format("removed {} NUL byte{} (first at byte offset {})", nuls,
                                        nuls == 1 ? "" : "s", first_nul + skip));
      }

      // In-situ parsing decodes strings inside the line buffer, so a 200 MB
      // text is not copied again.
      const std::size_t length = line.size();
      rapidjson::Document dom;
      rapidjson::InsituStringStream stream(line.data());
      dom.ParseStream<rapidjson::kParseIterativeFlag | rapidjson::kParseInsituFlag>(stream);
      if (dom.HasParseError()) {
        const std::size_t off = dom.GetErrorOffset();
        std::string what = json_error_message(dom.GetParseError(), off);
        if (off >= length) what += " (the line ends early: truncated?)";
        report(where, std::move(what), true);
        continue;
      }
      JsonNotes notes;
      Document doc;
      try {
        doc = document_from_json(dom, notes);
      } catch (const InputError& e) {
        report(where, e.what(), true);
        continue;
      }
      doc.origin = where;
      if (doc.id.empty()) {
        doc.id = fmt::format("{}-{}", src.stem, src.line_no);
        notes.warnings.push_back(fmt::format("no \"id\"; named \"{}\"", doc.id));
      }
      if (!claim_id(doc, where)) continue;
      for (auto& w : raw_notes) report(where, std::move(w), false);
      for (auto& w : notes.warnings) report(where, std::move(w), false);
      for (auto& f : notes.unknown_fields) report_unknown_once(src.name, f, where);
      return doc;
    }
    if (src.reader.error())
      report(src.name,
             fmt::format("read error after line {}: {}", src.line_no,
                         std::strerror(src.reader.error())),
             true);
    // An empty file is a mistake worth a word; an empty stream on stdin is a
    // pipeline step that had no documents for us (an empty shard), not an error.
    else if (!src.any_content && src.name != "-")
      report(src.name, src.line_no == 0 ? "empty file" : "empty file (only blank lines)", true);
    jsonl.reset();
    line.clear();
    line.shrink_to_fit();  // do not keep a 200 MB buffer for the rest of the run
    return std::nullopt;
  }
};

DocumentReader::DocumentReader(std::vector<std::string> inputs, ReaderOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->inputs = std::move(inputs);
  impl_->options = options;
}

DocumentReader::~DocumentReader() = default;

std::optional<Document> DocumentReader::next() { return impl_->next(); }

void DocumentReader::on_problem(std::function<void(const InputProblem&)> handler) {
  impl_->handler = std::move(handler);
}

const std::vector<InputProblem>& DocumentReader::problems() const { return impl_->problems; }

std::size_t DocumentReader::bytes_read() const { return impl_->bytes; }

namespace input_detail {
namespace {

std::optional<std::size_t> index_of(const struct stat& st,
                                    const std::vector<FileIdentity>& files) {
  const FileIdentity id{static_cast<std::uint64_t>(st.st_dev),
                        static_cast<std::uint64_t>(st.st_ino)};
  const auto it = std::find(files.begin(), files.end(), id);
  if (it == files.end()) return std::nullopt;
  return static_cast<std::size_t>(it - files.begin());
}

// Depth first through `root`, each directory once (links can make loops).
std::optional<std::pair<std::size_t, std::string>> find_in_directory(
    const fs::path& root, const std::vector<FileIdentity>& files,
    std::set<std::pair<dev_t, ino_t>>& seen) {
  std::vector<fs::path> todo{root};
  while (!todo.empty()) {
    const fs::path dir = std::move(todo.back());
    todo.pop_back();
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0 || !seen.emplace(st.st_dev, st.st_ino).second) continue;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (::stat(it->path().c_str(), &st) != 0) continue;
      if (S_ISDIR(st.st_mode))
        todo.push_back(it->path());
      else if (kind_of(it->path()) != Kind::kUnsupported)
        if (auto i = index_of(st, files)) return std::make_pair(*i, it->path().string());
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::pair<std::size_t, std::string>> find_input_file(
    const std::vector<std::string>& inputs, const std::vector<FileIdentity>& files) {
  std::set<std::pair<dev_t, ino_t>> seen;
  for (const auto& in : inputs) {
    struct stat st {};
    if (in == "-" ? ::fstat(STDIN_FILENO, &st) != 0 : ::stat(in.c_str(), &st) != 0) continue;
    if (auto i = index_of(st, files)) return std::make_pair(*i, in);
    if (S_ISDIR(st.st_mode))
      if (auto found = find_in_directory(in, files, seen)) return found;
  }
  return std::nullopt;
}

}  // namespace input_detail

}  // namespace geokg

// Building blocks of the document reader, exposed for white-box tests.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "geokg/input/document.hpp"

namespace geokg::input_detail {

// Replaces every maximal ill-formed subsequence (Unicode 15, 3.9 "U+FFFD
// substitution of maximal subparts") with U+FFFD.  Returns the byte offset of
// the first bad byte, or nullopt when `s` was already valid (and untouched).
std::optional<std::size_t> repair_utf8(std::string& s);

// Removes NUL bytes; returns how many there were and sets *first to the offset
// of the first one.
std::size_t remove_nuls(std::string& s, std::size_t* first = nullptr);

// CRLF and lone CR become LF.
void normalise_newlines(std::string& s);

// True when `s` holds nothing but ASCII or Unicode white space.
bool is_blank(std::string_view s);

// YYYY-MM-DD, optionally followed by [T ]hh:mm[:ss[.frac]][Z|(+|-)hh[:mm]].
bool is_iso8601_date(std::string_view s);

// UTF-16 bytes (without their byte-order mark) to UTF-8; unpaired surrogates
// and a dangling odd byte become U+FFFD.
std::string utf16_to_utf8(std::string_view bytes, bool big_endian);

// "malformed JSON at offset 17: Missing a comma or '}' after an object member."
std::string json_error_message(rapidjson::ParseErrorCode code, std::size_t offset);

// Findings about a document that was nevertheless kept.
struct JsonNotes {
  std::vector<std::string> warnings;
  std::vector<std::string> unknown_fields;  // in order of appearance
};

// The document ids seen so far, for duplicate detection in constant memory per
// id: a 64-bit hash (fingerprint) of each id, stored as 6 bytes (the top 16
// bits are implied by the bucket it sits in), so 10x the documents cost about
// 6 bytes more each rather than the ~180 of a map from id to origin.
//
// Exactness: two different ids are taken for the same one only when their
// 64-bit hashes collide; for n ids that happens with probability about
// n^2 / 2^65 (1e-8 for a million documents, 3e-6 for ten million).
//
// Where an id was first seen ("file:line") is kept for the first
// `origins_kept` ids only, so that part is bounded too; a duplicate of a
// later id is reported without it.
class IdSet {
 public:
  explicit IdSet(std::size_t origins_kept = 4096);
  ~IdSet();
  IdSet(const IdSet&) = delete;
  IdSet& operator=(const IdSet&) = delete;

  // True and the id registered when it is new.  False when it was seen
  // before; then *first_seen is where, or empty when that was not kept.
  bool insert(std::string_view id, std::string_view origin, std::string* first_seen);
  std::size_t size() const { return size_ + pending_count_; }

 private:
  static constexpr unsigned kBucketBits = 16;
  static constexpr std::size_t kBuckets = std::size_t{1} << kBucketBits;
  static constexpr std::size_t kPageBytes = 65532;     // a multiple of 6
  static constexpr std::size_t kPageEntries = kPageBytes / 6;
  static constexpr std::size_t kPendingMax = 8192;     // flushed into the pages when full
  static constexpr std::size_t kPendingSlots = 2 * kPendingMax;

  bool contains(std::uint64_t fp) const;
  std::uint64_t remainder_at(std::size_t i) const;
  void set_remainder(std::size_t i, std::uint64_t r);
  void flush();

  // Sorted fingerprints: bucket b (the top bits) holds entries
  // [offsets_[b], offsets_[b + 1]) of the 6-byte remainders in pages_.
  std::vector<std::uint32_t> offsets_;
  std::vector<std::unique_ptr<unsigned char[]>> pages_;
  std::size_t size_ = 0;
  // The newest fingerprints, in an open-addressing table (0 = empty) until
  // there are enough to merge.
  std::vector<std::uint64_t> pending_;
  std::size_t pending_count_ = 0;
  std::size_t origins_kept_;
  std::map<std::uint64_t, std::string> origins_;  // fingerprint -> origin
};

// Turns a parsed JSON value into a document.  Leaves id empty when the object
// has none (the caller knows what to name it) and origin empty.  Throws
// InputError whose message is only the reason (no location) when the value is
// not a usable document.
Document document_from_json(const rapidjson::Value& value, JsonNotes& notes);

// A file by device and inode, as stat gives them.
struct FileIdentity {
  std::uint64_t device = 0, inode = 0;
  bool operator==(const FileIdentity&) const = default;
};

// The first of `files` that the reader would read from `inputs`: an input
// itself ("-" being standard input) or an article file found in an input
// directory, links followed as the reader follows them.  Returns its index in
// `files` and the path it is read as, or nullopt.  Lets an output that would
// replace an input be refused before anything is read.
std::optional<std::pair<std::size_t, std::string>> find_input_file(
    const std::vector<std::string>& inputs, const std::vector<FileIdentity>& files);

}  // namespace geokg::input_detail

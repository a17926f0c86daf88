// Building blocks of the document reader, exposed for white-box tests.
#pragma once
#include <cstddef>
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

// Turns a parsed JSON value into a document.  Leaves id empty when the object
// has none (the caller knows what to name it) and origin empty.  Throws
// InputError whose message is only the reason (no location) when the value is
// not a usable document.
Document document_from_json(const rapidjson::Value& value, JsonNotes& notes);

}  // namespace geokg::input_detail

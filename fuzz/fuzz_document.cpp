// libFuzzer target: document parsing.  The input is one file's bytes, read the
// way the CLI reads it (as .jsonl, .json and .txt), and one JSON object given
// to parse_document_json.  The reader must never throw for bad input and every
// document it hands out must be valid UTF-8 without NULs and with a unique id.
#include <fcntl.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "geokg/error.hpp"
#include "geokg/input/document.hpp"
#include "geokg/text/segmenter.hpp"
#include "input/document_detail.hpp"

namespace {

// One scratch directory per fuzzing process, so parallel jobs do not collide.
std::string scratch_dir() {
  static const std::string dir = [] {
    // Memory-backed when possible: three files are written per input.
    std::string d = access("/dev/shm", W_OK) == 0 ? "/dev/shm/geokg-fuzz-XXXXXX"
                                                  : "/tmp/geokg-fuzz-XXXXXX";
    if (!mkdtemp(d.data())) std::abort();
    return d;
  }();
  // Each input's files are removed after reading; the folder goes at exit.
  static const bool cleanup = std::atexit([] { ::rmdir(scratch_dir().c_str()); }) == 0;
  (void)cleanup;
  return dir;
}

void write_file(const std::string& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) std::abort();
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) std::abort();
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
}

void check_document(const geokg::Document& d, std::set<std::string>& ids) {
  // The reader's contract with the rest of the pipeline.
  if (!geokg::valid_utf8(d.text) || d.text.find('\0') != std::string::npos) std::abort();
  if (geokg::input_detail::is_blank(d.text)) std::abort();
  if (d.text.find('\r') != std::string::npos) std::abort();
  if (!ids.insert(d.id).second) std::abort();
  if (d.origin.empty()) std::abort();
}

void read_as(const std::string& path, std::string_view bytes) {
  write_file(path, bytes);
  geokg::DocumentReader reader({path}, geokg::ReaderOptions{false});
  std::set<std::string> ids;
  while (auto d = reader.next()) check_document(*d, ids);
  for (const auto& p : reader.problems())
    if (p.where.empty() || p.what.empty()) std::abort();
  std::remove(path.c_str());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string dir = scratch_dir();
  read_as(dir + "/doc.jsonl", bytes);
  read_as(dir + "/doc.json", bytes);
  read_as(dir + "/doc.txt", bytes);

  try {
    const geokg::Document d = geokg::parse_document_json(bytes, "fuzz");
    if (!geokg::valid_utf8(d.text) || d.text.find('\0') != std::string::npos) std::abort();
  } catch (const geokg::InputError&) {
    // A clear rejection is the expected outcome for most inputs.
  }

  // The repair helpers on their own: repaired text is valid and idempotent.
  std::string s(bytes);
  geokg::input_detail::repair_utf8(s);
  if (!geokg::valid_utf8(s)) std::abort();
  std::string again = s;
  if (geokg::input_detail::repair_utf8(again)) std::abort();
  geokg::input_detail::normalise_newlines(s);
  if (s.find('\r') != std::string::npos) std::abort();
  const std::string utf16 = geokg::input_detail::utf16_to_utf8(bytes, size % 2 == 0);
  if (!geokg::valid_utf8(utf16)) std::abort();
  return 0;
}

// Writing an output so that what the user had is never lost, overwritten
// half-way or exposed: the new version goes to a private temporary beside the
// target, created exclusively (a link planted at its name is never followed),
// and is renamed over the target only once it is complete and on disk.  Used
// by the graph writers and by the CLI's event output alike.
#pragma once
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "geokg/error.hpp"

namespace geokg::exportutil {

// A failed write; errno is kept so that the CLI can tell a reader that went
// away (EPIPE) from a full disk.
struct WriteError : ExportError {
  WriteError(const std::string& what, int code) : ExportError(what), code(code) {}
  int code;
};

// Neither class can be copied (each owns its temporary through impl_).

// One output file.  The temporary ".NAME.tmp-PID-XXXXXX" is readable by its
// owner only until commit() gives it the mode (and, where allowed, the owner
// and group) of the file it replaces.  A symbolic link is written through: its
// target is replaced and the link stays.  A device or FIFO is written in
// place, since a rename would replace the node.  Throws ExportError naming
// `path`, or WriteError when the data cannot be written.
class AtomicFile {
 public:
  explicit AtomicFile(const std::filesystem::path& path);
  // Without commit() the temporary is removed and the target left as it was.
  ~AtomicFile();

  // For writers that stream a whole file; a failure surfaces at commit().
  std::ostream& stream();
  // Fails at once, for long-running writers that should stop early.
  void write(std::string_view s);
  void commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A folder of files (the Neo4j CSV), built under a temporary name and
// swapped in whole; the same guarantees as AtomicFile.
class AtomicFolder {
 public:
  explicit AtomicFolder(const std::filesystem::path& path);
  ~AtomicFolder();

  std::ostream& add(const std::string& name);
  void commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// On SIGINT, SIGTERM and SIGHUP the temporaries of unfinished outputs are
// removed before the program dies of the signal as it would have.  Signals
// already ignored (nohup) stay ignored.  For programs, not for the library.
void remove_temporaries_on_signals();

}  // namespace geokg::exportutil

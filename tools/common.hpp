// What several subcommands share: reading inputs with problem reports, the
// extractor with user lexicons, progress on a terminal, atomic text output.
#pragma once
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "geokg/error.hpp"
#include "geokg/graph/knowledge_graph.hpp"
#include "geokg/input/document.hpp"
#include "geokg/relations/extractor.hpp"
#include "commands.hpp"
#include "geokg/relations/parallel.hpp"

namespace geokg::cli {

// More threads than this only add memory and contention.
inline constexpr unsigned kMaxThreads = 1024;

struct InputOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> lexicons;
  unsigned threads = 0;  // 0: the number of cores
  std::string max_document_size = "64M";
  bool strict = false;
  bool quiet = false;
};

void add_input_options(CLI::App& cmd, InputOptions& o);

// Checks the options (before anything is read) and loads the extractor.
Extractor load_extractor(const InputOptions& o);

// The reader's options: --max-document-size.  Throws InputError.
ReaderOptions reader_options(const InputOptions& o);

// Counts problems as they are reported (each printed to stderr).
struct ProblemLog {
  std::size_t skipped = 0, warnings = 0;
  bool quiet = false;  // warnings are counted, not printed
  void attach(DocumentReader& reader, bool quiet);
  // A problem found after reading: a document extraction or the graph
  // could take only in part (warning) or not at all (skipped).
  void report(const std::string& where, const std::string& what, bool skipped);
  int exit_status(bool strict) const;
  // With --strict a skipped document fails the run before any output is
  // written, so the previous output stays as it was.  Throws InputError.
  void check_strict(bool strict) const;
};

// Documents, MB/s and time left on stderr, only when stderr is a terminal.
class Progress {
 public:
  explicit Progress(std::uintmax_t total_bytes);
  void update(std::size_t documents, std::size_t bytes);
  void finish();

 private:
  bool tty_;
  std::uintmax_t total_;
  double start_;
  double last_ = 0;
};
std::uintmax_t input_size(const std::vector<std::string>& inputs);

// Extraction's warnings go to `log`.
StreamOptions stream_options(const InputOptions& o, ProblemLog& log);

// Writes the graph to every output: .json gets the whole graph (it is read
// back and merged), every other format what `filter` keeps.  Returns that
// filtered view.
KnowledgeGraph write_outputs(const std::vector<std::string>& outs, const KnowledgeGraph& full,
                             const EdgeFilter& filter);

// The reader of standard output (or of a FIFO output) went away, as with
// `geokg extract ... | head`: main() ends quietly with status 0.
struct OutputClosed : ExportError {
  OutputClosed() : ExportError("the output was closed by its reader") {}
};

// Output written to a temporary file beside the target and renamed into place
// on commit(); "-" or empty writes to stdout.  A device or FIFO (/dev/null, a
// named pipe) is written in place, since renaming would replace the node.
class AtomicOutput {
 public:
  explicit AtomicOutput(const std::string& path);
  ~AtomicOutput();
  std::FILE* file() const { return f_; }
  void write(std::string_view s);  // throws OutputClosed or ExportError
  void commit();

 private:
  std::string shown() const;
  std::string path_, target_, tmp_;
  std::FILE* f_ = nullptr;
  bool in_place_ = false;
};

}  // namespace geokg::cli

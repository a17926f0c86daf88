// What several subcommands share: reading inputs with problem reports, the
// extractor with user lexicons, progress on a terminal, atomic text output.
#pragma once
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "export/atomic_file.hpp"

#include "geokg/error.hpp"
#include "geokg/graph/knowledge_graph.hpp"
#include "geokg/input/document.hpp"
#include "geokg/relations/extractor.hpp"
#include "commands.hpp"
#include "geokg/relations/parallel.hpp"

namespace geokg::cli {

// More threads than this only add memory and contention.
inline constexpr unsigned kMaxThreads = 1024;

// Diagnostics must never cost the run: a closed pipe (2>&1 | head -1), a full
// disk (2>/dev/full) or a closed descriptor (2>&-) loses the message, not the
// output or the exit status.
void write_stderr(std::string_view s) noexcept;
template <typename... Args>
void diag(fmt::format_string<Args...> format, Args&&... args) {
  write_stderr(fmt::format(format, std::forward<Args>(args)...));
}
// "geokg: <what>" for main's last word; allocates nothing, throws nothing.
void print_fatal(std::string_view what, std::string_view detail = {}) noexcept;

// Opens /dev/null read-only on a closed standard descriptor, so that no file
// the program opens becomes "stderr" and receives its diagnostics; writing to
// a closed stdout still fails (EBADF) and says so.
void keep_standard_descriptors_open() noexcept;

struct InputOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> lexicons;
  unsigned threads = 0;  // 0: the number of cores
  std::string max_document_size = "64M";
  bool strict = false;
  bool quiet = false;
};

// The articles and how to read them: inputs, --max-document-size, --strict, -q.
void add_reader_options(CLI::App& cmd, InputOptions& o);
// The reader's options and the extractor's: --lexicon, -j.
void add_input_options(CLI::App& cmd, InputOptions& o);

// Checks the options (before anything is read) and loads the extractor.
Extractor load_extractor(const InputOptions& o);

// The reader's options: --max-document-size.  Throws InputError.
ReaderOptions reader_options(const InputOptions& o);

// Refuses, before anything is read, what would cost the user data: an input
// path that does not exist (a typo would otherwise give an empty output over
// the last good one) and an output that is also an input or a lexicon (it
// would replace the user's corpus).  Returns whether an output already exists
// (a file or folder, not stdout, a device or a FIFO), which a run that reads
// nothing must then leave alone.  Throws InputError.
bool check_paths(const InputOptions& o, const std::vector<std::string>& outputs);

// Counts problems as they are reported (each printed to stderr, or with -q
// counted for one summary line).
struct ProblemLog {
  std::size_t skipped = 0, warnings = 0;
  std::size_t duplicates = 0;  // of `skipped`: a document id seen before
  bool quiet = false;          // counted, not printed, until print_summary
  void attach(DocumentReader& reader, bool quiet);
  // A problem found after reading: a document extraction or the graph
  // could take only in part (warning) or not at all (skipped).
  void report(const std::string& where, const std::string& what, bool skipped);
  int exit_status(bool strict) const;
  // With -q, what was not printed, in one line: "geokg: 29,816 duplicate
  // documents skipped, 2 warnings (without -q each is shown)".
  void print_summary() const;
  // With --strict a skipped document fails the run before any output is
  // written, so the previous output stays as it was.  Throws InputError.
  void check_strict(bool strict) const;
  // A run whose every document was bad writes nothing.  Inputs that hold no
  // document (an empty folder or stdin) write nothing over an existing output,
  // but an empty stdin to stdout is an empty result, as for any filter (an
  // empty shard of a pipeline).  Throws InputError.
  void check_read(std::size_t documents, bool replaces_output) const;
};

// Documents, MB/s and time left on stderr, only when stderr is a terminal.
class Progress {
 public:
  explicit Progress(std::uintmax_t total_bytes);
  void update(std::size_t documents, std::size_t bytes);
  // The last line says what was read, with no time left: skipped documents
  // and the JSON around the texts are part of the input's size but never
  // counted as read, so the estimate would stop short of its end.
  void finish();

 private:
  void show(const std::string& line);
  bool tty_;
  std::uintmax_t total_;
  double start_;
  double last_ = 0;
  std::size_t documents_ = 0, bytes_ = 0;
  std::size_t shown_ = 0;  // length of the line on screen, to blank it out
};
std::uintmax_t input_size(const std::vector<std::string>& inputs);

// Extraction's warnings go to `log`.
StreamOptions stream_options(const InputOptions& o, ProblemLog& log);

// Where a document record (id, text hash) came from: "file:line" of an
// article, or a graph file.  `report`: say so if the graph drops it.
struct RecordOrigin {
  std::string where;
  bool report = true;
  bool from_graph = false;  // read from an existing graph, not from articles
};
using RecordOrigins = std::map<DocumentRecord, RecordOrigin>;

// Reports each document of `origins` marked `report` that `graph` does not
// keep, naming where the copy that beats it came from: a skip when another
// text under its id wins, a warning when its text is kept under another id.
// Adds the records of the graph read from `path`: its kept documents, to be
// reported if dropped, and its dropped ones, to be named as winners.
void add_origins(const KnowledgeGraph& g, const std::string& path, RecordOrigins& origins);

void report_dropped(const KnowledgeGraph& graph, const RecordOrigins& origins, ProblemLog& log);

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

// Output written through exportutil::AtomicFile; "-" or empty writes to stdout.
class AtomicOutput {
 public:
  explicit AtomicOutput(const std::string& path);
  void write(std::string_view s);  // throws OutputClosed or ExportError
  void commit();

 private:
  std::optional<exportutil::AtomicFile> file_;  // empty: standard output
};

}  // namespace geokg::cli

#include "common.hpp"

#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <fmt/core.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "geokg/error.hpp"
#include "geokg/export/graph_io.hpp"
#include "geokg/resources.hpp"
#include "input/document_detail.hpp"

namespace geokg::cli {
namespace fs = std::filesystem;

namespace {
double now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}
void write_all_to_stderr(iovec* parts, int count) noexcept {
  while (count > 0) {
    const ssize_t n = ::writev(STDERR_FILENO, parts, count);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // nowhere to tell anyone
    std::size_t done = static_cast<std::size_t>(n);
    while (count > 0 && done >= parts->iov_len) {
      done -= parts->iov_len;
      ++parts;
      --count;
    }
    if (count > 0) {
      parts->iov_base = static_cast<char*>(parts->iov_base) + done;
      parts->iov_len -= done;
    }
  }
}

iovec part(std::string_view s) { return {const_cast<char*>(s.data()), s.size()}; }

}  // namespace

void write_stderr(std::string_view s) noexcept {
  iovec parts[] = {part(s)};
  write_all_to_stderr(parts, 1);
}

void print_fatal(std::string_view what, std::string_view detail) noexcept {
  iovec parts[] = {part("geokg: "), part(what), part(detail), part("\n")};
  write_all_to_stderr(parts, 4);
}

void keep_standard_descriptors_open() noexcept {
  for (int fd = 0; fd <= 2; ++fd)
    if (::fcntl(fd, F_GETFD) < 0 && errno == EBADF) ::open("/dev/null", O_RDONLY);
}

namespace {

void add_articles(CLI::App& cmd, InputOptions& o) {
  cmd.add_option("inputs", o.inputs,
                 "Articles: .txt, .json, .jsonl files, directories, or - for JSONL on stdin")
      ->required();
}

void add_reading(CLI::App& cmd, InputOptions& o) {
  cmd.add_option("--max-document-size", o.max_document_size,
                 "Skip (and report) a document, JSONL line or .txt file longer than this: "
                 "bytes, or with K, M, G (default 64M)");
  cmd.add_flag("--strict", o.strict, "Fail (exit 2) if any document is skipped");
  cmd.add_flag("-q,--quiet", o.quiet,
               "One summary line instead of a line per skipped document or warning");
}

}  // namespace

void add_reader_options(CLI::App& cmd, InputOptions& o) {
  add_articles(cmd, o);
  add_reading(cmd, o);
}

void add_input_options(CLI::App& cmd, InputOptions& o) {
  add_articles(cmd, o);
  // One file per --lexicon: taking several would swallow the article paths
  // that follow it ("--lexicon lex.json articles.jsonl").
  cmd.add_option("--lexicon", o.lexicons,
                 "Extra actors and triggers (JSON, see README); one file, repeatable")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  cmd.add_option("-j,--jobs", o.threads,
                 fmt::format("Worker threads, at most {} (default: the number of cores)",
                             kMaxThreads));
  add_reading(cmd, o);
}

Extractor load_extractor(const InputOptions& o) {
  // Checked here, before anything is read: a thread count the system cannot
  // start failed deep inside with "Resource temporarily unavailable".
  if (o.threads > kMaxThreads)
    throw InputError(fmt::format("-j {}: at most {} worker threads (0: one per core)", o.threads,
                                 kMaxThreads));
  Extractor ex(find_data_dir());
  for (const auto& lex : o.lexicons) ex.add_lexicon(lex);
  return ex;
}

ReaderOptions reader_options(const InputOptions& o) {
  const std::string& v = o.max_document_size;
  std::size_t digits = 0;
  while (digits < v.size() && v[digits] >= '0' && v[digits] <= '9') ++digits;
  const std::string unit = v.substr(digits);
  const int shift = unit.empty() || unit == "B" ? 0 : unit == "K" || unit == "k" ? 10
                    : unit == "M" || unit == "m" ? 20 : unit == "G" || unit == "g" ? 30 : -1;
  // At most 1 TiB: beyond that a "document" is a mistake, and the shift cannot overflow.
  const bool ok = digits > 0 && digits <= 13 && shift >= 0;
  const unsigned long long n = ok ? std::stoull(v.substr(0, digits)) : 0;
  if (!ok || n == 0 || n > (1ull << 40) >> shift)
    throw InputError(fmt::format(
        "--max-document-size {}: expected a size from 1 byte to 1024G, as bytes or with K, M or G "
        "(64M)", v));
  ReaderOptions r;
  r.max_document_bytes = static_cast<std::size_t>(n << shift);
  return r;
}

namespace {

void check_exists(const std::string& in) {
  struct stat st {};
  if (in == "-" || ::stat(in.c_str(), &st) == 0) return;
  const int err = errno;
  if (::lstat(in.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
    throw InputError(in + ": broken symbolic link");
  throw InputError(in + ": " + (err == ENOENT ? "no such file or directory" : std::strerror(err)));
}

}  // namespace

bool check_paths(const InputOptions& o, const std::vector<std::string>& outputs) {
  for (const auto& in : o.inputs) check_exists(in);
  std::vector<input_detail::FileIdentity> existing;
  std::vector<std::string> names;
  for (const auto& out : outputs) {
    struct stat st {};
    if (out.empty() || out == "-" || ::stat(out.c_str(), &st) != 0) continue;
    // Writing to a device or FIFO (/dev/null) replaces nothing.
    if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) continue;
    existing.push_back({static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)});
    names.push_back(out);
  }
  if (existing.empty()) return false;
  std::vector<std::string> read = o.inputs;
  read.insert(read.end(), o.lexicons.begin(), o.lexicons.end());
  if (auto found = input_detail::find_input_file(read, existing)) {
    const std::string& out = names[found->first];
    const std::string as = found->second == out ? "" : " (as " + found->second + ")";
    throw InputError(fmt::format("{} is also an input{}; write the output elsewhere", out, as));
  }
  return true;
}

void ProblemLog::attach(DocumentReader& reader, bool quiet_warnings) {
  quiet = quiet_warnings;
  reader.on_problem([this](const InputProblem& p) { report(p.where, p.what, p.skipped); });
}

void ProblemLog::report(const std::string& where, const std::string& what, bool skip) {
  (skip ? skipped : warnings)++;
  if (skip && what.starts_with("duplicate document id")) ++duplicates;
  if (!quiet) diag("geokg: {}: {}{}\n", where, skip ? "skipped: " : "warning: ", what);
}

namespace {

// 29816 -> "29,816": counts of a large corpus are read at a glance.
std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string counted(std::size_t n, std::string_view what) {
  return grouped(n) + " " + std::string(what) + (n == 1 ? "" : "s");
}

}  // namespace

void ProblemLog::print_summary() const {
  if (!quiet || skipped + warnings == 0) return;
  std::vector<std::string> parts;
  const std::size_t others = skipped - duplicates;
  if (duplicates) parts.push_back(counted(duplicates, "duplicate document") + " skipped");
  if (others)
    parts.push_back(counted(others, duplicates ? "other document" : "document") + " skipped");
  if (warnings) parts.push_back(counted(warnings, "warning"));
  diag("geokg: {} (without -q each is shown)\n", fmt::join(parts, ", "));
}

void add_origins(const KnowledgeGraph& g, const std::string& path, RecordOrigins& origins) {
  const GraphInfo& info = g.graph()[boost::graph_bundle];
  for (const auto& [id, d] : info.documents)
    origins.try_emplace({id, d.hash}, RecordOrigin{path, true, true});
  for (const DocumentRecord& r : info.dropped)
    origins.try_emplace(r, RecordOrigin{path, false, true});
}

void report_dropped(const KnowledgeGraph& graph, const RecordOrigins& origins, ProblemLog& log) {
  const auto& kept = graph.graph()[boost::graph_bundle].documents;
  for (const auto& [record, origin] : origins) {
    if (!origin.report) continue;
    auto k = kept.find(record.id);
    if (k != kept.end() && k->second.hash == record.hash) continue;
    const std::optional<DocumentRecord> winner = graph.beaten_by(record);
    if (!winner) continue;
    auto w = origins.find(*winner);
    const std::string where = w == origins.end() ? "an earlier run" : w->second.where;
    if (winner->id == record.id)
      log.report(origin.where,
                 fmt::format("document \"{}\" has another text in {}; the text with the smaller "
                             "hash wins", record.id, where),
                 true);
    else
      log.report(origin.where,
                 fmt::format("document \"{}\" has the same text as \"{}\" in {}; the smaller id "
                             "wins", record.id, winner->id, where),
                 false);
  }
}

void ProblemLog::check_read(std::size_t documents, bool replaces_output) const {
  if (documents > 0) return;
  if (skipped > 0)
    throw InputError(fmt::format("no document could be read ({} skipped); nothing written",
                                 skipped));
  if (replaces_output) throw InputError("the inputs hold no document; nothing written");
}

void ProblemLog::check_strict(bool strict) const {
  if (strict && skipped > 0)
    throw InputError(std::to_string(skipped) + " document" + (skipped == 1 ? "" : "s") +
                     " skipped; with --strict nothing is written");
}

int ProblemLog::exit_status(bool strict) const {
  if (skipped == 0) return kOk;
  return strict ? kFatal : kSkipped;
}

KnowledgeGraph write_outputs(const std::vector<std::string>& outs, const KnowledgeGraph& full,
                             const EdgeFilter& filter) {
  KnowledgeGraph shown = filtered(full, filter);
  for (const auto& out : outs) write_graph(out, format_for(out) == Format::json ? full : shown);
  return shown;
}

StreamOptions stream_options(const InputOptions& o, ProblemLog& log) {
  StreamOptions s;
  s.on_warning = [&log](const Document& d, const std::string& what) {
    log.report(d.origin.empty() ? d.id : d.origin,
               fmt::format("document \"{}\", {}", d.id, what), false);
  };
  s.threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  return s;
}

std::uintmax_t input_size(const std::vector<std::string>& inputs) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (const auto& in : inputs) {
    if (in == "-") return 0;
    if (fs::is_regular_file(in, ec)) total += fs::file_size(in, ec);
    else if (fs::is_directory(in, ec))
      for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

Progress::Progress(std::uintmax_t total_bytes)
    : tty_(isatty(STDERR_FILENO) != 0), total_(total_bytes), start_(now()) {}

void Progress::update(std::size_t documents, std::size_t bytes) {
  documents_ = documents;
  bytes_ = bytes;
  if (!tty_) return;
  double t = now();
  if (t - last_ < 0.5) return;
  last_ = t;
  double mbps = bytes / 1e6 / std::max(1e-9, t - start_);
  std::string left;
  if (total_ > bytes && mbps > 0)
    left = fmt::format(", {:.0f} s left", (total_ - bytes) / 1e6 / mbps);
  show(fmt::format("{} documents, {:.1f} MB, {:.1f} MB/s{}", documents, bytes / 1e6, mbps, left));
}

void Progress::show(const std::string& line) {
  // Spaces over what is left of a longer line before it.
  const std::string blank(shown_ > line.size() ? shown_ - line.size() : 0, ' ');
  diag("\rgeokg: {}{}", line, blank);
  shown_ = line.size();
}

void Progress::finish() {
  if (!tty_ || last_ == 0) return;
  const double seconds = now() - start_;
  show(fmt::format("{} documents, {:.1f} MB in {:.1f} s, {:.1f} MB/s", documents_, bytes_ / 1e6,
                   seconds, bytes_ / 1e6 / std::max(1e-9, seconds)));
  write_stderr("\n");
}

AtomicOutput::AtomicOutput(const std::string& path) {
  if (!path.empty() && path != "-") file_.emplace(path);
}

namespace {

[[noreturn]] void stdout_failed() {
  if (errno == EPIPE) throw OutputClosed();
  throw ExportError(std::string("cannot write standard output: ") + std::strerror(errno));
}

}  // namespace

void AtomicOutput::write(std::string_view s) {
  if (!file_) {
    if (std::fwrite(s.data(), 1, s.size(), stdout) != s.size()) stdout_failed();
    return;
  }
  try {
    file_->write(s);
  } catch (const exportutil::WriteError& e) {
    if (e.code == EPIPE) throw OutputClosed();  // a FIFO whose reader went away
    throw;
  }
}

void AtomicOutput::commit() {
  if (!file_) {
    if (std::fflush(stdout) != 0) stdout_failed();
    return;
  }
  try {
    file_->commit();
  } catch (const exportutil::WriteError& e) {
    if (e.code == EPIPE) throw OutputClosed();
    throw;
  }
}

}  // namespace geokg::cli

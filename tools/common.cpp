#include "common.hpp"

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "geokg/error.hpp"
#include "geokg/export/graph_io.hpp"
#include "geokg/resources.hpp"

namespace geokg::cli {
namespace fs = std::filesystem;

namespace {
double now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}
}  // namespace

void add_input_options(CLI::App& cmd, InputOptions& o) {
  cmd.add_option("inputs", o.inputs,
                 "Articles: .txt, .json, .jsonl files, directories, or - for JSONL on stdin")
      ->required();
  // One file per --lexicon: taking several would swallow the article paths
  // that follow it ("--lexicon lex.json articles.jsonl").
  cmd.add_option("--lexicon", o.lexicons,
                 "Extra actors and triggers (JSON, see README); one file, repeatable")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  cmd.add_option("-j,--jobs", o.threads,
                 fmt::format("Worker threads, at most {} (default: the number of cores)",
                             kMaxThreads));
  cmd.add_option("--max-document-size", o.max_document_size,
                 "Skip (and report) a document, JSONL line or .txt file longer than this: "
                 "bytes, or with K, M, G (default 64M)");
  cmd.add_flag("--strict", o.strict, "Fail (exit 2) if any document is skipped");
  cmd.add_flag("-q,--quiet", o.quiet, "Do not print input warnings");
}

Extractor load_extractor(const InputOptions& o) {
  // Checked here, before anything is read: a thread count the system cannot
  // start failed deep inside with "Resource temporarily unavailable".
  if (o.threads > kMaxThreads)
    throw InputError(fmt::format("-j {}: at most {} worker threads (0: one per core)", o.threads,
                                 kMaxThreads));
  reader_options(o);
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

void ProblemLog::attach(DocumentReader& reader, bool quiet_warnings) {
  quiet = quiet_warnings;
  reader.on_problem([this](const InputProblem& p) { report(p.where, p.what, p.skipped); });
}

void ProblemLog::report(const std::string& where, const std::string& what, bool skip) {
  (skip ? skipped : warnings)++;
  if (!quiet || skip)
    fmt::print(stderr, "geokg: {}: {}{}\n", where, skip ? "skipped: " : "warning: ", what);
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
  if (!tty_) return;
  double t = now();
  if (t - last_ < 0.5) return;
  last_ = t;
  double mbps = bytes / 1e6 / std::max(1e-9, t - start_);
  std::string left;
  if (total_ > bytes && mbps > 0)
    left = fmt::format(", {:.0f} s left", (total_ - bytes) / 1e6 / mbps);
  fmt::print(stderr, "\r{} documents, {:.1f} MB, {:.1f} MB/s{}   ", documents, bytes / 1e6, mbps, left);
  std::fflush(stderr);
}

void Progress::finish() {
  if (tty_ && last_ > 0) fmt::print(stderr, "\n");
}

AtomicOutput::AtomicOutput(const std::string& path) : path_(path), target_(path) {
  if (path.empty() || path == "-") {
    f_ = stdout;
    return;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) throw ExportError("cannot write " + path + ": it is a directory");
    if (!S_ISREG(st.st_mode)) {
      f_ = std::fopen(path.c_str(), "wb");
      if (!f_) throw ExportError("cannot write " + path + ": " + std::strerror(errno));
      in_place_ = true;
      return;
    }
  }
  // Through a symbolic link the file it points to is replaced, not the link.
  std::error_code ec;
  if (fs::is_symlink(path, ec)) {
    fs::path resolved = fs::weakly_canonical(path, ec);
    if (!ec) target_ = resolved.string();
  }
  fs::path p(target_);
  fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec))
    throw ExportError("cannot write " + path + ": directory " + dir.string() + " does not exist");
  tmp_ = (dir / ("." + p.filename().string() + ".tmp-XXXXXX")).string();
  int fd = mkstemp(tmp_.data());
  if (fd < 0) throw ExportError("cannot write " + path + ": " + std::strerror(errno));
  // mkstemp creates the file 0600; the output gets the mode it had, or the
  // usual 0666 less the umask, as if it had been opened normally.
  mode_t mode;
  if (::stat(target_.c_str(), &st) == 0) {
    mode = st.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  ::fchmod(fd, mode);
  f_ = fdopen(fd, "wb");
  if (!f_) {
    const int err = errno;
    ::close(fd);
    std::remove(tmp_.c_str());
    throw ExportError("cannot write " + path + ": " + std::strerror(err));
  }
}

AtomicOutput::~AtomicOutput() {
  if (f_ && f_ != stdout) {
    std::fclose(f_);
    if (!in_place_) std::remove(tmp_.c_str());
  }
}

std::string AtomicOutput::shown() const {
  return path_.empty() || path_ == "-" ? "standard output" : path_;
}

void AtomicOutput::write(std::string_view s) {
  if (std::fwrite(s.data(), 1, s.size(), f_) != s.size()) {
    if (errno == EPIPE) throw OutputClosed();
    throw ExportError("cannot write " + shown() + ": " + std::strerror(errno));
  }
}

void AtomicOutput::commit() {
  if (f_ == stdout) {
    if (std::fflush(stdout) != 0) {
      if (errno == EPIPE) throw OutputClosed();
      throw ExportError(std::string("cannot write standard output: ") + std::strerror(errno));
    }
    return;
  }
  // Devices and FIFOs cannot be synced (EINVAL); a full device still fails the flush.
  int err = 0;
  if (std::fflush(f_) != 0 || (!in_place_ && fsync(fileno(f_)) != 0)) err = errno;
  if (std::fclose(f_) != 0 && err == 0) err = errno;
  f_ = nullptr;
  if (in_place_) {
    if (err == EPIPE) throw OutputClosed();
    if (err) throw ExportError("cannot write " + path_ + ": " + std::strerror(err));
    return;
  }
  if (err == 0 && std::rename(tmp_.c_str(), target_.c_str()) != 0) err = errno;
  if (err) {
    std::remove(tmp_.c_str());
    throw ExportError("cannot write " + path_ + ": " + std::strerror(err));
  }
}

}  // namespace geokg::cli

#include "export/atomic_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

#include <fmt/format.h>

namespace geokg::exportutil {
namespace fs = std::filesystem;
namespace {

constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

// ---- temporaries removed on a signal ---------------------------------------
// The handler may only call async-signal-safe functions, so the paths live in
// fixed slots that are filled once and never reused: a handler running on
// another thread can then never read a path that is being overwritten.

struct Slot {
  std::atomic<bool> live{false};
  bool folder = false;
  char path[PATH_MAX];
};
constexpr std::size_t kSlots = 64;
Slot g_slots[kSlots];
std::atomic<std::size_t> g_claimed{0};

extern "C" void remove_temporaries(int sig) {
  const int saved = errno;
  const std::size_t n = std::min(g_claimed.load(), kSlots);
  // Files first, so that their folders are empty when rmdir comes.
  for (const bool folders : {false, true})
    for (std::size_t i = n; i-- > 0;)
      if (g_slots[i].live.load(std::memory_order_acquire) && g_slots[i].folder == folders)
        folders ? ::rmdir(g_slots[i].path) : ::unlink(g_slots[i].path);
  errno = saved;
  // SA_RESETHAND restored the default action; the signal is blocked until
  // this handler returns, and then ends the program with the status it says.
  ::raise(sig);
}

class SignalsBlocked {
 public:
  SignalsBlocked() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : kCleanupSignals) sigaddset(&set, sig);
    pthread_sigmask(SIG_BLOCK, &set, &old_);
  }
  ~SignalsBlocked() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  SignalsBlocked(const SignalsBlocked&) = delete;
  SignalsBlocked& operator=(const SignalsBlocked&) = delete;

 private:
  sigset_t old_;
};

// Returns the slot, or -1 when every slot is taken (the temporary is then only
// removed by a normal exit or by the next run's clean-up of stale ones).
int track(const fs::path& path, bool folder) {
  const std::string& s = path.native();
  if (s.size() >= PATH_MAX) return -1;
  SignalsBlocked blocked;
  const std::size_t i = g_claimed.fetch_add(1);
  if (i >= kSlots) return -1;
  std::memcpy(g_slots[i].path, s.c_str(), s.size() + 1);
  g_slots[i].folder = folder;
  g_slots[i].live.store(true, std::memory_order_release);
  return static_cast<int>(i);
}

void untrack(int slot) {
  if (slot >= 0) g_slots[slot].live.store(false, std::memory_order_release);
}

// ---- paths and messages -------------------------------------------------------

[[noreturn]] void fail(const fs::path& shown, const std::string& why) {
  throw ExportError(fmt::format("cannot write {}: {}", shown.string(), why));
}

[[noreturn]] void write_failed(const fs::path& shown, int err) {
  throw WriteError(fmt::format("cannot write {}: {}", shown.string(), std::strerror(err)), err);
}

fs::path directory_of(const fs::path& p) {
  return p.parent_path().empty() ? fs::path(".") : p.parent_path();
}

// "-o file.json/x.json" says that file.json is a file rather than that a
// directory is missing.
void check_directory(const fs::path& dir, const fs::path& shown) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode)) fail(shown, dir.string() + " is not a directory");
    return;
  }
  const int err = errno;
  if (err == ENOTDIR)
    for (fs::path p = dir.parent_path(); !p.empty() && p != p.parent_path(); p = p.parent_path())
      if (::stat(p.c_str(), &st) == 0) {
        if (!S_ISDIR(st.st_mode)) fail(shown, p.string() + " is not a directory");
        break;
      }
  if (err == ENOENT) fail(shown, "directory " + dir.string() + " does not exist");
  fail(shown, dir.string() + ": " + std::strerror(err));
}

// The kernel's protected_symlinks rule, which it cannot apply here because we
// resolve the link ourselves: in a shared sticky folder (/tmp) a link is only
// followed when it belongs to us or to the folder's owner.
void check_link_owner(const fs::path& link, const struct stat& lst, const fs::path& shown) {
  struct stat dir {};
  if (::stat(directory_of(link).c_str(), &dir) != 0) return;
  const bool shared = (dir.st_mode & S_ISVTX) && (dir.st_mode & S_IWOTH);
  if (shared && lst.st_uid != ::geteuid() && lst.st_uid != dir.st_uid)
    fail(shown, "it is a symbolic link of another user in a shared folder; not followed");
}

// Where the bytes go: the output itself, or the end of its chain of links (a
// dangling link included, so that the link is kept and its target created).
fs::path follow_links(const fs::path& out) {
  fs::path p = out;
  for (int hops = 0;; ++hops) {
    struct stat lst {};
    if (::lstat(p.c_str(), &lst) != 0 || !S_ISLNK(lst.st_mode)) return p;
    if (hops == 40) fail(out, std::strerror(ELOOP));
    check_link_owner(p, lst, out);
    std::error_code ec;
    const fs::path next = fs::read_symlink(p, ec);
    if (ec) fail(out, ec.message());
    p = next.is_absolute() ? next : directory_of(p) / next;
  }
}

struct Target {
  fs::path shown;  // as the user wrote it
  fs::path path;   // where it is written
  std::optional<struct stat> existing;
};

Target resolve(const fs::path& out) {
  struct stat st {};
  // A device or FIFO is written in place under whatever name it was given:
  // /dev/stdout links to /proc/self/fd/1, whose target "pipe:[N]" is no path.
  if (::stat(out.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
    return Target{out, out, st};
  Target t{out, follow_links(out), std::nullopt};
  check_directory(directory_of(t.path), out);
  if (::stat(t.path.c_str(), &st) == 0) t.existing = st;
  return t;
}

mode_t default_mode(mode_t full) {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return full & ~mask;
}

// The mode the replaced output had, or what open() would have given.  Set-id
// bits are dropped: a rewritten data file has no business carrying them.
mode_t mode_for(const Target& t, mode_t full) {
  return t.existing ? t.existing->st_mode & (S_IRWXU | S_IRWXG | S_IRWXO | S_ISVTX)
                    : default_mode(full);
}

// A replaced output keeps its owner and group where we may set them; when the
// group cannot be kept, its permissions go, so that a private graph never
// becomes readable to our group instead.
void keep_owner_and_mode(int fd, const Target& t, mode_t mode) {
  if (t.existing && (t.existing->st_uid != ::geteuid() || t.existing->st_gid != ::getegid())) {
    if (::fchown(fd, t.existing->st_uid, t.existing->st_gid) != 0 &&
        ::fchown(fd, static_cast<uid_t>(-1), t.existing->st_gid) != 0)
      mode &= ~S_IRWXG;
  }
  if (::fchmod(fd, mode) != 0) write_failed(t.shown, errno);
}

void sync_directory(const fs::path& dir, const fs::path& shown) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  // Some file systems cannot sync a directory (EINVAL); the rename is done.
  const int err = ::fsync(fd) == 0 ? 0 : errno;
  ::close(fd);
  if (err != 0 && err != EINVAL) write_failed(shown, err);
}

// ---- temporary names and stale ones -------------------------------------------

constexpr std::size_t kSuffix = 6;

std::string random_suffix() {
  static constexpr char kChars[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  unsigned char bytes[kSuffix];
  if (::getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes))
    for (unsigned char& b : bytes) b = static_cast<unsigned char>(std::rand());
  std::string s;
  for (unsigned char b : bytes) s += kChars[b % (sizeof kChars - 1)];
  return s;
}

std::string temp_prefix(const fs::path& target) {
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "." + s.
  std::string prefix(".");
  prefix += target.filename().native();
  prefix += ".tmp-";
  return prefix;
}

// ".NAME.tmp-PID-XXXXXX": the writer's pid, or nullopt for any other name.
std::optional<pid_t> writer_of(std::string_view entry, std::string_view prefix) {
  if (!entry.starts_with(prefix)) return std::nullopt;
  entry.remove_prefix(prefix.size());
  const std::size_t dash = entry.find('-');
  if (dash == 0 || dash > 9 || entry.size() != dash + 1 + kSuffix) return std::nullopt;
  pid_t pid = 0;
  for (char c : entry.substr(0, dash)) {
    if (c < '0' || c > '9') return std::nullopt;
    pid = pid * 10 + (c - '0');
  }
  for (char c : entry.substr(dash + 1))
    if (!std::isalnum(static_cast<unsigned char>(c))) return std::nullopt;
  return pid > 0 ? std::optional<pid_t>(pid) : std::nullopt;
}

bool alive(pid_t pid) { return ::kill(pid, 0) == 0 || errno == EPERM; }

// Removes what a run that could not clean up (SIGKILL, a power cut) left
// beside `target`, when provably stale: our naming, our file, its writer's pid
// gone, and no lock on it.  Every writer holds a lock on its temporary, so a
// live writer whose pid we cannot see (another pid namespace, another host on
// a network file system) keeps its file.
void remove_stale(const fs::path& target) {
  const fs::path dir = directory_of(target);
  const std::string prefix = temp_prefix(target);
  DIR* d = ::opendir(dir.c_str());
  if (!d) return;
  std::vector<std::string> stale;
  while (const dirent* e = ::readdir(d)) {
    const auto pid = writer_of(e->d_name, prefix);
    if (!pid || alive(*pid)) continue;
    const int fd = ::openat(::dirfd(d), e->d_name,
                            O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) continue;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_uid == ::geteuid() &&
        (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) && ::flock(fd, LOCK_EX | LOCK_NB) == 0)
      stale.emplace_back(e->d_name);
    ::close(fd);
  }
  ::closedir(d);
  std::error_code ec;
  for (const auto& name : stale) fs::remove_all(dir / name, ec);
}

// Creates the temporary with `make` (O_EXCL open or mkdir, which never follow
// a link) under a fresh name; tracked before it exists, so that no moment
// leaves a temporary the signal handler does not know.
template <typename Make>
int create_temporary(const Target& t, bool folder, fs::path& tmp, int& slot, Make make) {
  remove_stale(t.path);
  const std::string base = temp_prefix(t.path) + std::to_string(::getpid()) + "-";
  for (int attempt = 0; attempt < 100; ++attempt) {
    tmp = directory_of(t.path) / (base + random_suffix());
    slot = track(tmp, folder);
    const int fd = make(tmp);
    if (fd >= 0) {
      ::flock(fd, LOCK_EX);
      return fd;
    }
    const int err = errno;
    untrack(slot);
    if (err != EEXIST) {
      tmp.clear();
      write_failed(t.shown, err);
    }
  }
  tmp.clear();
  fail(t.shown, "no free temporary name beside it");
}

int create_file(const fs::path& p) {
  return ::open(p.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
}

int create_folder(const fs::path& p) {
  if (::mkdir(p.c_str(), 0700) != 0) return -1;
  const int fd = ::open(p.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    ::rmdir(p.c_str());
    errno = err;
  }
  return fd;
}

// ---- buffered writing that keeps errno ------------------------------------------
// std::ofstream forgets why a write failed; the user wants "No space left on
// device", not "write failed".

class FdBuf : public std::streambuf {
 public:
  FdBuf() : buf_(1 << 16) {}
  void attach(int fd) {
    fd_ = fd;
    setp(buf_.data(), buf_.data() + buf_.size());
  }
  int error() const { return error_; }
  bool drain() {
    const bool ok = error_ == 0 && write_all(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    setp(buf_.data(), buf_.data() + buf_.size());
    return ok;
  }

 protected:
  int overflow(int c) override {
    if (!drain()) return traits_type::eof();
    if (c != traits_type::eof()) {
      *pptr() = static_cast<char>(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool write_all(const char* p, std::size_t n) {
    while (n > 0) {
      const ssize_t w = ::write(fd_, p, n);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        error_ = w < 0 ? errno : EIO;
        return false;
      }
      p += w;
      n -= static_cast<std::size_t>(w);
    }
    return true;
  }
  std::vector<char> buf_;
  int fd_ = -1;
  int error_ = 0;
};

// Flushes, sets the mode, syncs and closes; throws with the real reason.
void finish_file(int& fd, FdBuf& buf, const Target& t, mode_t mode) {
  if (!buf.drain()) write_failed(t.shown, buf.error());
  keep_owner_and_mode(fd, t, mode);
  const int err = ::fsync(fd) == 0 ? 0 : errno;
  const int close_err = ::close(fd) == 0 ? 0 : errno;
  fd = -1;
  if (err || close_err) write_failed(t.shown, err ? err : close_err);
}

}  // namespace

// ---- AtomicFile ------------------------------------------------------------------

struct AtomicFile::Impl {
  Target target;
  fs::path tmp;  // empty when written in place or once renamed
  int fd = -1;
  int slot = -1;
  FdBuf buf;
  std::ostream os{&buf};
};

AtomicFile::AtomicFile(const fs::path& path) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.target = resolve(path);
  if (m.target.existing && S_ISDIR(m.target.existing->st_mode)) fail(path, "it is a directory");
  if (m.target.existing && !S_ISREG(m.target.existing->st_mode)) {
    m.fd = ::open(m.target.path.c_str(), O_WRONLY | O_TRUNC | O_NOCTTY | O_CLOEXEC);
    if (m.fd < 0) write_failed(path, errno);
  } else {
    m.fd = create_temporary(m.target, false, m.tmp, m.slot, create_file);
  }
  m.buf.attach(m.fd);
}

AtomicFile::~AtomicFile() {
  if (impl_->fd >= 0) ::close(impl_->fd);
  if (!impl_->tmp.empty()) ::unlink(impl_->tmp.c_str());
  untrack(impl_->slot);
}

std::ostream& AtomicFile::stream() { return impl_->os; }

void AtomicFile::write(std::string_view s) {
  impl_->os.write(s.data(), static_cast<std::streamsize>(s.size()));
  if (impl_->buf.error()) write_failed(impl_->target.shown, impl_->buf.error());
}

void AtomicFile::commit() {
  Impl& m = *impl_;
  if (m.tmp.empty()) {  // a device or FIFO: nothing to sync or rename
    const bool drained = m.buf.drain();
    const int close_err = ::close(m.fd) == 0 ? 0 : errno;
    m.fd = -1;
    if (!drained || close_err) write_failed(m.target.shown, drained ? close_err : m.buf.error());
    return;
  }
  finish_file(m.fd, m.buf, m.target, mode_for(m.target, 0666));
  if (::rename(m.tmp.c_str(), m.target.path.c_str()) != 0) write_failed(m.target.shown, errno);
  m.tmp.clear();
  untrack(m.slot);
  sync_directory(directory_of(m.target.path), m.target.shown);
}

// ---- AtomicFolder ----------------------------------------------------------------

struct AtomicFolder::Impl {
  struct File {
    Target target;  // shown as the folder, mode from the file it replaces
    int fd = -1;
    int slot = -1;
    FdBuf buf;
    std::ostream os{&buf};
  };
  Target target;
  fs::path tmp;
  int fd = -1;  // the temporary folder, locked while it is ours
  int slot = -1;
  std::vector<std::unique_ptr<File>> files;
};

AtomicFolder::AtomicFolder(const fs::path& path) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.target = resolve(path);
  if (m.target.existing && !S_ISDIR(m.target.existing->st_mode))
    fail(path, "it exists and is not a directory");
  m.fd = create_temporary(m.target, true, m.tmp, m.slot, create_folder);
}

AtomicFolder::~AtomicFolder() {
  for (auto& f : impl_->files) {
    if (f->fd >= 0) ::close(f->fd);
    untrack(f->slot);
  }
  if (impl_->fd >= 0) ::close(impl_->fd);
  std::error_code ec;
  if (!impl_->tmp.empty()) fs::remove_all(impl_->tmp, ec);
  untrack(impl_->slot);
}

std::ostream& AtomicFolder::add(const std::string& name) {
  Impl& m = *impl_;
  auto f = std::make_unique<Impl::File>();
  f->target.shown = m.target.shown;
  f->target.path = m.tmp / name;
  struct stat st {};
  if (m.target.existing && ::stat((m.target.path / name).c_str(), &st) == 0) f->target.existing = st;
  f->slot = track(f->target.path, false);
  f->fd = ::openat(m.fd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (f->fd < 0) write_failed(m.target.shown, errno);
  f->buf.attach(f->fd);
  m.files.push_back(std::move(f));
  return m.files.back()->os;
}

namespace {

// Puts the finished folder `tmp` at `out`; what was at `out` ends up at
// `tmp`, to be removed.  RENAME_EXCHANGE swaps both at once; where the file
// system cannot (NFS), the old folder is moved aside first, with the cleanup
// signals held back so that no signal finds the output missing.
void swap_in(const fs::path& tmp, const Target& t) {
  if (!t.existing) {
    if (::rename(tmp.c_str(), t.path.c_str()) != 0) write_failed(t.shown, errno);
    return;
  }
  if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, t.path.c_str(), RENAME_EXCHANGE) == 0) return;
  if (errno != EINVAL && errno != ENOSYS) write_failed(t.shown, errno);
  SignalsBlocked blocked;
  fs::path aside = tmp;
  const std::string name = tmp.filename().string();
  aside.replace_filename(name.substr(0, name.size() - kSuffix) + random_suffix());
  if (::rename(t.path.c_str(), aside.c_str()) != 0) write_failed(t.shown, errno);
  if (::rename(tmp.c_str(), t.path.c_str()) != 0) {
    const int err = errno;
    ::rename(aside.c_str(), t.path.c_str());
    write_failed(t.shown, err);
  }
  ::rename(aside.c_str(), tmp.c_str());
}

}  // namespace

void AtomicFolder::commit() {
  Impl& m = *impl_;
  for (auto& f : m.files) finish_file(f->fd, f->buf, f->target, mode_for(f->target, 0666));
  keep_owner_and_mode(m.fd, m.target, mode_for(m.target, 0777));
  if (::fsync(m.fd) != 0 && errno != EINVAL) write_failed(m.target.shown, errno);
  swap_in(m.tmp, m.target);
  std::error_code ec;
  fs::remove_all(m.tmp, ec);  // the old folder, if there was one
  m.tmp.clear();
  for (auto& f : m.files) untrack(f->slot);
  untrack(m.slot);
  sync_directory(directory_of(m.target.path), m.target.shown);
}

void remove_temporaries_on_signals() {
  struct sigaction sa {};
  sa.sa_handler = remove_temporaries;
  sa.sa_flags = SA_RESETHAND;
  sigemptyset(&sa.sa_mask);
  for (int sig : kCleanupSignals) sigaddset(&sa.sa_mask, sig);
  for (int sig : kCleanupSignals) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler != SIG_IGN)
      ::sigaction(sig, &sa, nullptr);
  }
}

}  // namespace geokg::exportutil

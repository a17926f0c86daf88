// A pipeline rather than batch-at-a-time: the calling thread reads documents
// into a bounded window and hands results to the sink in input order, while
// persistent workers extract whatever the window holds.  Reading, extraction
// and the sink overlap, so with N workers nothing serial stands between
// batches (the earlier batch loop left cores idle while it read the next batch
// and while the sink ran), and each worker clones its ICU break iterators once
// for the whole run instead of once per batch.
#include "geokg/relations/parallel.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

namespace geokg {

namespace {

struct Slot {
  Document doc;
  std::vector<Event> events;
  std::vector<std::string> warnings;
  std::string trace;
  std::exception_ptr error;
  bool done = false;
};

// The window of documents between the reader and the sink.  Slots live in a
// deque: push_back and pop_front leave references to the other slots valid,
// so a worker may extract into its slot without holding the lock.
class Window {
 public:
  Window(const Extractor& extractor, bool trace) : extractor_(extractor), trace_(trace) {}

  void start(unsigned threads) {
    for (unsigned t = 0; t < threads; ++t) workers_.emplace_back([this] { work(); });
  }

  // Stops and joins the workers; also on the way out of an exception.
  ~Window() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    more_work_.notify_all();
    for (auto& w : workers_) w.join();
  }

  std::size_t size() {
    std::lock_guard lock(mutex_);
    return slots_.size();
  }

  void push(Document&& doc) {
    {
      std::lock_guard lock(mutex_);
      slots_.emplace_back().doc = std::move(doc);
    }
    more_work_.notify_one();
  }

  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    more_work_.notify_all();
  }

  // Waits, when `wait`, until a run of done slots is ready at the front (see
  // ready()), else only looks; moves the oldest done slot out into `out`.
  bool pop_done(Slot& out, bool wait) {
    std::unique_lock lock(mutex_);
    if (wait) front_done_.wait(lock, [&] { return ready(); });
    if (slots_.empty() || !slots_.front().done) return false;
    out = std::move(slots_.front());
    slots_.pop_front();
    --claimed_;  // claimed_ counts slots from the front, which just moved up one
    return true;
  }

 private:
  void work() {
    std::unique_lock lock(mutex_);
    while (true) {
      more_work_.wait(lock, [&] { return stop_ || claimed_ < slots_.size() || closed_; });
      if (stop_) return;
      if (claimed_ == slots_.size()) {
        if (closed_) return;
        continue;
      }
      std::size_t i = claimed_++;
      Slot& slot = slots_[i];
      lock.unlock();
      try {
        auto warn = [&slot](std::string w) { slot.warnings.push_back(std::move(w)); };
        if (trace_)
          slot.events = extractor_.extract(slot.doc, warn,
                                           [&slot](const std::string& t) { slot.trace += t; });
        else
          slot.events = extractor_.extract(slot.doc, warn);
      } catch (...) {
        slot.error = std::current_exception();
      }
      lock.lock();
      slot.done = true;
      // Only a run of done slots at the front matters to the reader.
      if (ready()) front_done_.notify_one();
    }
  }

  // A waiting reader wakes for kDeliverRun done documents at the front (or
  // for all there are), not for each one: with every core extracting, each
  // wake-up preempts a worker, and one per document cost more CPU time than
  // the reader's own work.  Called with the mutex held.
  static constexpr std::size_t kDeliverRun = 16;
  bool ready() const {
    if (slots_.empty() || !slots_.front().done) return false;
    const std::size_t want = std::min(kDeliverRun, slots_.size());
    std::size_t run = 0;
    while (run < want && slots_[run].done) ++run;
    return run == want;
  }

  const Extractor& extractor_;
  const bool trace_;  // collect each document's trace in its slot
  std::mutex mutex_;
  std::condition_variable more_work_, front_done_;
  std::deque<Slot> slots_;
  std::size_t claimed_ = 0;  // slots_[0 .. claimed_) are taken by a worker
  bool closed_ = false, stop_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace

std::size_t extract_stream(DocumentReader& reader, const Extractor& extractor,
                           const StreamOptions& options, const EventSink& sink,
                           const ProgressFn& progress) {
  const unsigned threads = std::max(1u, options.threads);
  std::size_t total = 0, bytes = 0;

  if (threads == 1) {
    // One document at a time: no threads, no window, the least memory.
    std::size_t since_progress = 0;
    while (std::optional<Document> d = reader.next()) {
      auto warn = [&](std::string w) {
        if (options.on_warning) options.on_warning(*d, w);
      };
      std::vector<Event> events =
          options.on_trace
              ? extractor.extract(*d, warn, [&](const std::string& t) { options.on_trace(*d, t); })
              : extractor.extract(*d, warn);
      bytes += d->text.size();
      sink(*d, std::move(events));
      ++total;
      if (progress && ++since_progress == options.batch_documents) {
        progress(total, bytes);
        since_progress = 0;
      }
    }
    if (progress && since_progress) progress(total, bytes);
    return total;
  }

  Window window(extractor, static_cast<bool>(options.on_trace));
  window.start(threads);
  // Text bytes of the documents in the window, bounded by batch_bytes like
  // their number by batch_documents; only the reader thread changes it.
  std::size_t window_bytes = 0;
  Slot slot;
  auto deliver = [&](bool wait) {
    bool any = false;
    while (window.pop_done(slot, wait)) {
      wait = false;
      any = true;
      window_bytes -= slot.doc.text.size();
      bytes += slot.doc.text.size();
      // Failures surface in input order, so the same input fails the same
      // way at any -j.
      if (slot.error) std::rethrow_exception(slot.error);
      if (options.on_warning)
        for (const std::string& w : slot.warnings) options.on_warning(slot.doc, w);
      if (options.on_trace && !slot.trace.empty()) options.on_trace(slot.doc, slot.trace);
      sink(slot.doc, std::move(slot.events));
      ++total;
    }
    if (any && progress) progress(total, bytes);
  };

  bool exhausted = false;
  while (!exhausted) {
    deliver(false);
    std::size_t held = window.size();
    if (held > 0 && (held >= options.batch_documents || window_bytes >= options.batch_bytes)) {
      deliver(true);  // full: wait for the oldest document
      continue;
    }
    std::optional<Document> d = reader.next();
    if (!d) {
      exhausted = true;
      break;
    }
    window_bytes += d->text.size();
    window.push(std::move(*d));
  }
  window.close();
  while (window.size() > 0) deliver(true);
  return total;
}

}  // namespace geokg

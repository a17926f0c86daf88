#include "geokg/relations/parallel.hpp"

#include <atomic>
#include <exception>
#include <thread>

namespace geokg {

std::size_t extract_stream(DocumentReader& reader, const Extractor& extractor,
                           const StreamOptions& options, const EventSink& sink,
                           const ProgressFn& progress) {
  const unsigned threads = std::max(1u, options.threads);
  std::size_t total = 0, bytes = 0;
  std::vector<Document> batch;
  std::vector<std::vector<Event>> results;
  while (true) {
    batch.clear();
    std::size_t batch_bytes = 0;
    while (batch.size() < options.batch_documents && batch_bytes < options.batch_bytes) {
      std::optional<Document> d = reader.next();
      if (!d) break;
      batch_bytes += d->text.size();
      batch.push_back(std::move(*d));
    }
    if (batch.empty()) break;
    results.assign(batch.size(), {});
    if (threads == 1 || batch.size() == 1) {
      for (std::size_t i = 0; i < batch.size(); ++i) results[i] = extractor.extract(batch[i]);
    } else {
      // Workers take documents by index; the first exception is rethrown here.
      std::atomic<std::size_t> next{0};
      std::exception_ptr failure;
      std::atomic<bool> failed{false};
      auto work = [&]() {
        for (std::size_t i; (i = next++) < batch.size();) {
          if (failed) return;
          try {
            results[i] = extractor.extract(batch[i]);
          } catch (...) {
            if (!failed.exchange(true)) failure = std::current_exception();
          }
        }
      };
      std::vector<std::thread> pool;
      for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
      work();
      for (auto& th : pool) th.join();
      if (failure) std::rethrow_exception(failure);
    }
    for (std::size_t i = 0; i < batch.size(); ++i) sink(batch[i], std::move(results[i]));
    total += batch.size();
    bytes += batch_bytes;
    if (progress) progress(total, bytes);
  }
  return total;
}

}  // namespace geokg

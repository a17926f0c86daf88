// Extraction over a stream of documents on several threads, with results
// delivered in input order, so `-j N` output is identical to `-j 1`.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "geokg/input/document.hpp"
#include "geokg/relations/event.hpp"
#include "geokg/relations/extractor.hpp"

namespace geokg {

// What a document lost in extraction (see Extractor::extract), in input order.
using WarningFn = std::function<void(const Document&, const std::string&)>;

struct StreamOptions {
  unsigned threads = 1;
  std::size_t batch_documents = 256;     // documents held at once ...
  std::size_t batch_bytes = 16u << 20;   // ... or this much text, whichever first
  WarningFn on_warning;                  // none: warnings are dropped
  // How each document was read (Extractor::extract's trace), in input order,
  // before its events reach the sink; none: no trace is made.
  std::function<void(const Document&, const std::string&)> on_trace;
};

using EventSink = std::function<void(const Document&, std::vector<Event>&&)>;
// Called after each batch with documents and bytes done so far.
using ProgressFn = std::function<void(std::size_t documents, std::size_t bytes)>;

// Reads every document from `reader`, extracts its events and hands them to
// `sink` in input order.  Memory holds one batch.  Returns the number of documents.
std::size_t extract_stream(DocumentReader& reader, const Extractor& extractor,
                           const StreamOptions& options, const EventSink& sink,
                           const ProgressFn& progress = {});

}  // namespace geokg

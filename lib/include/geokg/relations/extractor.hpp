// Turns a document into actor-relation-actor events.
#pragma once
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "geokg/actors/actor_dictionary.hpp"
#include "geokg/input/document.hpp"
#include "geokg/relations/event.hpp"

namespace geokg {

class Trace;  // internal: relations/passes/trace.hpp

class Extractor {
 public:
  // Loads actors and triggers from `data_dir` (see find_data_dir()).
  explicit Extractor(const std::filesystem::path& data_dir);
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  // Adds actors and triggers from a user lexicon (JSON, format in README).
  void add_lexicon(const std::filesystem::path& json_file);

  // Thread-safe: one Extractor may serve many threads.
  std::vector<Event> extract(const Document& doc) const;
  // The same, and tells `warn` what the document lost on the way (a sentence
  // too long to analyse whole), one message each.
  std::vector<Event> extract(const Document& doc,
                             const std::function<void(std::string)>& warn) const;
  // The same, and tells `trace`, a sentence at a time, how the document was
  // read: its language, each trigger candidate, the gates it passed, the
  // roles tried, why it was dropped, status changes and dedupe (--trace).
  std::vector<Event> extract(const Document& doc, const std::function<void(std::string)>& warn,
                             const std::function<void(const std::string&)>& trace) const;

  const ActorDictionary& actors() const;

 private:
  // The white-box tests read a trace's structure (which drop reasons occur).
  friend std::vector<Event> extract_traced(const Extractor& ex, const Document& doc, Trace& trace);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace geokg

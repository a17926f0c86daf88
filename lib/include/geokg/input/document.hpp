#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace geokg {

struct Document {
  std::string id;
  std::string text;
  std::string title;
  std::string date;    // ISO 8601 (YYYY-MM-DD...), empty if unknown
  std::string lang;    // "de", "en", or empty (detected later)
  std::string url;
  std::string source;
  std::string origin;  // "file:line" it came from, for messages
};

// A document that could not be read, or was read with a repair.
struct InputProblem {
  std::string where;   // "path:line" or "path"
  std::string what;
  bool skipped = true;  // false: a warning, the document was still used
};

struct ReaderOptions {
  bool allow_stdin = true;
  // false: a document whose id was seen before is passed on, not skipped, for
  // a caller that tells the copies apart itself (build: KnowledgeGraph).
  bool skip_duplicate_ids = true;
  // A longer JSONL line, .json value or .txt file is skipped and reported
  // (with its byte offset), so that no input (/dev/zero, a huge dump) can
  // take all memory.
  std::size_t max_document_bytes = std::size_t{64} << 20;
};

// problems() keeps only the first this many; the handler sees every one.
inline constexpr std::size_t kProblemsKept = 1000;

// Streams documents from .txt, .json and .jsonl files, directories (recursive,
// sorted) and "-" (JSONL on stdin), one document at a time.
class DocumentReader {
 public:
  explicit DocumentReader(std::vector<std::string> inputs, ReaderOptions options = {});
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // The next good document, or nullopt when every input is exhausted.  Bad
  // documents are skipped and reported to the problem handler.
  std::optional<Document> next();

  // Called for each problem as it is found (default: collected only).
  void on_problem(std::function<void(const InputProblem&)> handler);
  // The first kProblemsKept problems: millions of bad lines must not cost
  // memory for each.
  const std::vector<InputProblem>& problems() const;
  std::size_t bytes_read() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Parses one JSON object (a line of JSONL or a .json file) into a document.
// Throws InputError naming `where` when it is not a usable document.
Document parse_document_json(std::string_view json, const std::string& where);

}  // namespace geokg

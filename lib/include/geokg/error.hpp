// One error strategy: every module throws an exception derived from geokg::Error,
// whose message says what went wrong and where (file, line, offset).
#pragma once
#include <stdexcept>
#include <string>

namespace geokg {

struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct InputError : Error { using Error::Error; };      // documents and their files
struct DataError : Error { using Error::Error; };       // lexicons and dictionaries
struct GraphError : Error { using Error::Error; };      // graph model, graph JSON
struct ExportError : Error { using Error::Error; };     // writing outputs
struct QueryError : Error { using Error::Error; };      // query arguments

}  // namespace geokg

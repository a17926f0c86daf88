#include "geokg/resources.hpp"

#include <cstdlib>
#include <string>
#include <system_error>
#include <vector>

#include "geokg/error.hpp"

namespace geokg {
namespace fs = std::filesystem;

namespace {

bool looks_like_data(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "actors", ec) && fs::is_directory(dir / "triggers", ec);
}

}  // namespace

fs::path find_data_dir() {
  std::vector<fs::path> tried;
  if (const char* env = std::getenv("GEOKG_DATA_DIR"); env && *env) {
    fs::path p(env);
    if (looks_like_data(p)) return p;
    throw DataError("GEOKG_DATA_DIR=" + p.string() +
                    " does not hold geokg's data (actors/ and triggers/)");
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // build/tools/geokg in a source checkout, PREFIX/bin/geokg when installed.
    for (const fs::path& rel : {fs::path("../../data"), fs::path("../share/geokg"),
                                fs::path("../../../data")}) {
      fs::path p = (exe.parent_path() / rel).lexically_normal();
      tried.push_back(p);
      if (looks_like_data(p)) return p;
    }
  }
  fs::path compiled(GEOKG_DATADIR);
  tried.push_back(compiled);
  if (looks_like_data(compiled)) return compiled;
  std::string where;
  for (const auto& p : tried) where += (where.empty() ? "" : ", ") + p.string();
  throw DataError("cannot find geokg's data directory (looked in " + where +
                  "); set GEOKG_DATA_DIR");
}

}  // namespace geokg

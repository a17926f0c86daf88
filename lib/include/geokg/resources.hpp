// Where geokg finds its lexicons: $GEOKG_DATA_DIR, then beside the executable
// (source tree or install prefix), then the compiled-in install directory.  Never
// the working directory.
#pragma once
#include <filesystem>

namespace geokg {

// Throws DataError listing the places it looked.
std::filesystem::path find_data_dir();

}  // namespace geokg

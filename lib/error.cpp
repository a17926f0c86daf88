#include "geokg/error.hpp"
#include "geokg/version.hpp"

namespace geokg {
std::string_view version() { return GEOKG_VERSION; }
}  // namespace geokg

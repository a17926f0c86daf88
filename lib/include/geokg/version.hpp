#pragma once
#include <string_view>

namespace geokg {
std::string_view version();
}

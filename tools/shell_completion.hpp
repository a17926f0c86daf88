// bash and zsh completion for geokg, from its CLI11 definition.
#pragma once
#include <CLI/CLI.hpp>

#include <string>

namespace geokg::cli {

// The completion script for `shell` ("bash" or "zsh") of the commands and
// options under `root`; hidden commands (empty group) are left out.
std::string completion_script(const CLI::App& root, const std::string& shell);

}  // namespace geokg::cli

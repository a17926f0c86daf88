// The subcommands.  Each registers its options on the app and returns the
// action to run once the command line is parsed; actions return the exit status.
#pragma once
#include <CLI/CLI.hpp>

#include <functional>

namespace geokg::cli {

// Exit statuses, documented in --help and the README.
inline constexpr int kOk = 0;
inline constexpr int kSkipped = 1;   // some documents were skipped
inline constexpr int kFatal = 2;     // usage or fatal error

using Action = std::function<int()>;

Action add_extract(CLI::App& app);
Action add_build(CLI::App& app);
Action add_merge(CLI::App& app);
Action add_query(CLI::App& app);
Action add_parse(CLI::App& app);
Action add_train_syntax(CLI::App& app);
Action add_completion(CLI::App& app);  // hidden: writes shell completion

}  // namespace geokg::cli

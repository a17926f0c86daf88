// How the command line explains itself: usage lines that name the
// positionals (GRAPH, A, B), and parse errors that say what went wrong,
// suggest the closest command or option, and show the right usage.
#pragma once
#include <CLI/CLI.hpp>

#include <string>

namespace geokg::cli {

// Installs the help formatter and the "geokg: " failure message on `app`;
// call before adding subcommands, which inherit both.
void set_up_usage(CLI::App& app);

// "Usage: geokg query GRAPH between [OPTIONS] A B" without the label.
std::string usage_line(const CLI::App& app);

// Reports a parse error of the command line `app` just failed on (help and
// --version print to stdout); returns the exit status.
int report_parse_error(CLI::App& app, const CLI::ParseError& e);

}  // namespace geokg::cli

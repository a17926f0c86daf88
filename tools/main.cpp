// geokg: news articles in, a knowledge graph of political relations out.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <csignal>
#include <new>

#include "commands.hpp"
#include "common.hpp"
#include "geokg/error.hpp"
#include "geokg/version.hpp"
#include "usage.hpp"

int main(int argc, char** argv) {
  using namespace geokg::cli;
  // A closed pipe (geokg extract ... | head) ends the program quietly through
  // EPIPE on write instead of killing it mid-line.
  std::signal(SIGPIPE, SIG_IGN);
  keep_standard_descriptors_open();
  // Ctrl-C, kill and a closed terminal leave no temporary output behind.
  geokg::exportutil::remove_temporaries_on_signals();
  CLI::App app{
      "geokg - builds a knowledge graph of political relations (PLOVER types, ISO-3 actor "
      "codes) from German and English news.\n\nExit status: 0 all good, 1 some documents "
      "skipped, 2 usage or fatal error.",
      "geokg"};
  // Before the subcommands, which inherit the formatter and failure message.
  set_up_usage(app);
  // help2man writes the man page from this: every command's help in one.
  app.set_help_all_flag("--help-all", "Print the help of every command and exit");
  app.set_version_flag("--version", std::string("geokg ") + std::string(geokg::version()));
  app.require_subcommand(1);
  Action actions[] = {add_extract(app), add_build(app), add_merge(app),
                      add_query(app),   add_parse(app), add_train_syntax(app),
                      add_completion(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return report_parse_error(app, e) == 0 ? kOk : kFatal;
  }
  try {
    for (std::size_t i = 0; i < app.get_subcommands().size(); ++i) {
      CLI::App* sub = app.get_subcommands()[i];
      for (std::size_t k = 0; k < std::size(actions); ++k)
        if (app.get_subcommands({})[k] == sub) return actions[k]();
    }
    return kFatal;
  } catch (const OutputClosed&) {
    // `geokg ... | head`: the reader has what it wanted; not an error.
    return kOk;
  } catch (const geokg::Error& e) {
    // print_fatal neither allocates nor throws: a second exception here
    // would end in std::terminate with the output never written.
    if (*e.what()) print_fatal(e.what());
    return kFatal;
  } catch (const std::bad_alloc&) {
    print_fatal("out of memory");
    return kFatal;
  } catch (const std::exception& e) {
    print_fatal("internal error: ", e.what());
    return kFatal;
  }
}

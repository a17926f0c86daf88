// geokg extract: events as JSONL, one per line, or as CSV rows.
#include <fmt/core.h>

#include <cstdio>

#include "commands.hpp"
#include "common.hpp"
#include "geokg/relations/event.hpp"

namespace geokg::cli {

Action add_extract(CLI::App& app) {
  auto* cmd = app.add_subcommand("extract",
                                 "Extract events from articles and write them as JSONL (or CSV)");
  struct Opts {
    InputOptions in;
    std::string out, format = "jsonl";
    bool explain = false;
    bool trace = false;
  };
  auto o = std::make_shared<Opts>();
  add_input_options(*cmd, o->in);
  cmd->add_option("-o,--output", o->out, "Output file (default: standard output)");
  cmd->add_option("--format", o->format, "jsonl: one JSON object per event; csv: one row per "
                                         "event with a header, for spreadsheets")
      ->check(CLI::IsMember({"jsonl", "csv"}));
  cmd->add_flag("--explain", o->explain, "Add the rule and tokens behind each event");
  cmd->add_flag("--trace", o->trace,
                "Write to standard error how each sentence was read: every trigger candidate, "
                "the gates it passed, the roles tried, why it was dropped, status changes");
  return [o]() {
    const bool replaces = check_paths(o->in, {o->out});
    const ReaderOptions read_options = reader_options(o->in);
    Extractor ex = load_extractor(o->in);
    DocumentReader reader(o->in.inputs, read_options);
    ProblemLog log;
    log.attach(reader, o->in.quiet);
    AtomicOutput out(o->out);
    Progress progress(input_size(o->in.inputs));
    const bool csv = o->format == "csv";
    // The header waits for the first document, so that a run that reads
    // nothing writes nothing, as with JSONL.
    bool header = !csv;
    std::string line;
    StreamOptions options = stream_options(o->in, log);
    if (o->trace)
      options.on_trace = [](const Document&, const std::string& text) { std::fputs(text.c_str(), stderr); };
    const std::size_t documents = extract_stream(
        reader, ex, options,
        [&](const Document&, std::vector<Event>&& events) {
          line = header ? std::string() : event_csv_header(o->explain);
          header = true;
          for (const Event& e : events)
            line += csv ? to_csv(e, o->explain) : to_json(e, o->explain) + '\n';
          out.write(line);
        },
        [&](std::size_t d, std::size_t b) { progress.update(d, b); });
    progress.finish();
    log.print_summary();
    log.check_read(documents, replaces);
    log.check_strict(o->in.strict);
    if (!header) out.write(event_csv_header(o->explain));
    out.commit();
    return log.exit_status(o->in.strict);
  };
}

}  // namespace geokg::cli

// geokg merge: several graphs into one.  KnowledgeGraph::merge is associative
// and commutative, so extraction can run as a plain map over shards (one
// `geokg build` per shard, on any machines) and the shard graphs merge
// afterwards into the graph a single build over everything would give.
#include <fmt/core.h>

#include "commands.hpp"
#include "common.hpp"
#include "geokg/error.hpp"
#include "geokg/export/graph_io.hpp"
#include "geokg/graph/knowledge_graph.hpp"

namespace geokg::cli {

Action add_merge(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "merge",
      "Merge graphs written by geokg build (JSON) into one; the result does not depend on the "
      "order of the inputs.  The format follows each output's extension, as for build; .json "
      "keeps everything and can be merged again, other formats show what --status keeps.");
  struct Opts {
    std::vector<std::string> inputs, outs;
    std::string status = "fact";
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("graphs", o->inputs, "Graph JSON files written by geokg build or merge")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", o->outs, "Output file(s)")->required();
  cmd->add_option("--status", o->status, "fact: only events presented as facts; all: also "
                                         "hypothetical and negated ones (not for .json)")
      ->check(CLI::IsMember({"fact", "all"}));
  return [o]() {
    for (const auto& out : o->outs) format_for(out);  // reject unknown formats before reading

    // The first graph is the base rather than an empty one: merging into an
    // empty graph gives the same result, but would copy the largest input.
    KnowledgeGraph merged = read_graph_file(o->inputs.front());
    RecordOrigins origins;
    add_origins(merged, o->inputs.front(), origins);
    for (std::size_t i = 1; i < o->inputs.size(); ++i) {
      KnowledgeGraph next = read_graph_file(o->inputs[i]);
      add_origins(next, o->inputs[i], origins);
      // Checked here, not only inside merge(), so the message names both files.
      if (next.level() != merged.level())
        throw GraphError(fmt::format("{} is a graph at --level {} but {} is at --level {}; "
                                     "merge only graphs built at the same level",
                                     o->inputs[i], to_string(next.level()), o->inputs.front(),
                                     to_string(merged.level())));
      merged.merge(next);
    }
    // The same default view as geokg build, so merging shard graphs and
    // exporting gives what building everything at once would have exported.
    ProblemLog log;
    report_dropped(merged, origins, log);
    EdgeFilter filter;
    filter.facts_only = o->status == "fact";
    write_outputs(o->outs, merged, filter);

    const Graph& g = merged.graph();
    diag("geokg: merged {} graphs: {} documents, {} actors, {} relations\n",
               o->inputs.size(), g[boost::graph_bundle].documents.size(),
               boost::num_vertices(g), boost::num_edges(g));
    for (const auto& out : o->outs) diag("geokg: wrote {}\n", out);
    return log.exit_status(false);
  };
}

}  // namespace geokg::cli

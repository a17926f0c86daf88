// geokg build: articles (and optionally an existing graph) to graph files.
#include <fmt/core.h>

#include <map>

#include "commands.hpp"
#include "common.hpp"
#include "geokg/error.hpp"
#include "geokg/export/graph_io.hpp"
#include "geokg/graph/knowledge_graph.hpp"
#include "geokg/query/query.hpp"

namespace geokg::cli {


Action add_build(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "build",
      "Build the graph and write it; the format follows each output's extension: .graphml, "
      ".dot, .gexf, .json (complete, readable back by --graph), .neo4j (folder of CSV files), "
      ".csv (edge list for spreadsheets), .html (interactive page that works offline). "
      "Filters apply to every format except .json, which keeps the whole graph.");
  struct Opts {
    InputOptions in;
    std::vector<std::string> outs;
    std::string graph, level = "state", status = "fact", since, until, relations;
    unsigned min_weight = 1;
  };
  auto o = std::make_shared<Opts>();
  add_input_options(*cmd, o->in);
  cmd->get_option("inputs")->required(false);
  cmd->add_option("-o,--output", o->outs, "Output file(s)")->required();
  cmd->add_option("--graph", o->graph, "Add to this existing graph (JSON written by geokg)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--level", o->level, "state: actors folded into their state; actor: persons "
                                       "and organisations as their own nodes")
      ->check(CLI::IsMember({"state", "actor"}));
  cmd->add_option("--status", o->status, "fact: only events presented as facts; all: also "
                                         "hypothetical and negated ones")
      ->check(CLI::IsMember({"fact", "all"}));
  cmd->add_option("--min-weight", o->min_weight, "Keep edges supported by at least N sentences");
  cmd->add_option("--since", o->since, "Keep evidence dated on or after DATE (YYYY-MM-DD)");
  cmd->add_option("--until", o->until, "Keep evidence dated on or before DATE");
  cmd->add_option("--relations", o->relations, "Keep only these types (comma-separated)");
  return [o]() {
    EdgeFilter filter;
    filter.facts_only = o->status == "fact";
    filter.min_weight = o->min_weight;
    if (!o->since.empty()) query::check_date(o->since, "--since");
    if (!o->until.empty()) query::check_date(o->until, "--until");
    filter.since = o->since;
    filter.until = o->until;
    if (!o->relations.empty()) filter.relations = query::parse_relations(o->relations, "--relations");
    for (const auto& out : o->outs) format_for(out);  // reject unknown formats before working
    if (o->in.inputs.empty() && o->graph.empty())
      throw InputError("nothing to build: give articles, or --graph with an existing graph");
    // --graph is left out: adding to the graph being written is what it is for.
    const bool exists = check_paths(o->in, o->outs);
    // With --graph an empty input leaves the graph as it was, so rewriting it loses nothing.
    const bool replaces = o->graph.empty() && exists;

    // Copies under one id are told apart by the graph, which keeps the same
    // one whatever the order of the inputs; the reader would keep the first.
    ReaderOptions read_options = reader_options(o->in);
    read_options.skip_duplicate_ids = false;
    Extractor ex = load_extractor(o->in);
    Level level = parse_level(o->level);
    KnowledgeGraph graph(level, dictionary_namer(ex.actors()));
    RecordOrigins origins;
    if (!o->graph.empty()) {
      KnowledgeGraph base = read_graph_file(o->graph);
      if (base.level() != level)
        throw GraphError(fmt::format("{} is a graph at --level {}; build it with the same level",
                                     o->graph, to_string(base.level())));
      graph.merge(base);
      add_origins(base, o->graph, origins);
    }
    ProblemLog log;
    std::size_t duplicates = 0;
    if (!o->in.inputs.empty()) {
      DocumentReader reader(o->in.inputs, read_options);
      log.attach(reader, o->in.quiet);
      Progress progress(input_size(o->in.inputs));
      const std::size_t documents = extract_stream(
          reader, ex, stream_options(o->in, log),
          [&](const Document& d, std::vector<Event>&& events) {
            // Braces, not try_emplace's arguments: clang 14 cannot build an
            // aggregate from parentheses.
            auto [first, fresh] = origins.try_emplace({d.id, content_hash(d.text)},
                                                      RecordOrigin{d.origin, true, false});
            KnowledgeGraph::Added added;
            // An event the graph refuses costs its document, never the build.
            try {
              added = graph.add_document(d, events);
            } catch (const GraphError& e) {
              log.report(d.origin.empty() ? d.id : d.origin, e.what(), true);
              return;
            }
            if (added != KnowledgeGraph::Added::duplicate) return;
            if (fresh || first->second.from_graph)
              ++duplicates;
            else
              log.report(d.origin,
                         fmt::format("duplicate document id \"{}\" (first seen at {})", d.id,
                                     first->second.where),
                         true);
          },
          [&](std::size_t d, std::size_t b) { progress.update(d, b); });
      progress.finish();
      log.check_read(documents, replaces);
    }
    report_dropped(graph, origins, log);
    log.print_summary();
    log.check_strict(o->in.strict);
    KnowledgeGraph shown = write_outputs(o->outs, graph, filter);

    // A short summary: actors and relations of what was written.
    const Graph& g = shown.graph();
    std::map<std::string, std::size_t> by_relation;
    std::map<std::string, std::size_t> degree;
    for (Edge e : shown.sorted_edges()) {
      if (g[e].kind != EdgeKind::event) continue;
      by_relation[std::string(to_string(g[e].relation))] += 1;
      degree[g[boost::source(e, g)].id] += g[e].weight;
      degree[g[boost::target(e, g)].id] += g[e].weight;
    }
    diag("geokg: {} documents ({} already in the graph), {} actors, {} relations\n",
               graph.graph()[boost::graph_bundle].documents.size(), duplicates,
               boost::num_vertices(g), boost::num_edges(g));
    std::vector<std::pair<std::size_t, std::string>> top;
    for (auto& [id, d] : degree) top.emplace_back(d, id);
    std::sort(top.begin(), top.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    std::string line;
    for (std::size_t i = 0; i < std::min<std::size_t>(top.size(), 10); ++i)
      line += fmt::format("{}{} ({})", i ? ", " : "", top[i].second, top[i].first);
    if (!line.empty()) diag("geokg: most active actors: {}\n", line);
    line.clear();
    for (auto& [r, n] : by_relation) line += fmt::format("{}{} {}", line.empty() ? "" : ", ", r, n);
    if (!line.empty()) diag("geokg: relations: {}\n", line);
    for (const auto& out : o->outs) diag("geokg: wrote {}\n", out);
    return log.exit_status(o->in.strict);
  };
}

}  // namespace geokg::cli

// geokg query: answers from a built graph (JSON written by geokg build).
#include <fmt/core.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <optional>

#include "commands.hpp"
#include "common.hpp"
#include "geokg/error.hpp"
#include "geokg/export/graph_io.hpp"
#include "geokg/query/query.hpp"
#include "geokg/resources.hpp"

namespace geokg::cli {

namespace {

using namespace geokg::query;

struct QueryOptions {
  std::string graph;
  std::string format;  // empty: table on a terminal, else TSV
};

// What the filtering options of one subcommand hold before they are checked.
struct FilterOptions {
  std::string status, since, until, types, min_weight = "1";
};

// Numbers are read here rather than by CLI11, whose conversion errors take
// two lines; every bad argument of query gets the same one-line report.  A
// count larger than T holds means "no limit" (more rows, a higher weight or a
// deeper walk than any graph has), so it saturates instead of failing.
template <typename T>
T parse_count(const std::string& text, const char* option) {
  constexpr T kMax = std::numeric_limits<T>::max();
  T n = 0;
  bool ok = !text.empty();
  for (char c : text) {
    ok = ok && c >= '0' && c <= '9';
    if (!ok) break;
    const T digit = static_cast<T>(c - '0');
    n = n > (kMax - digit) / 10 ? kMax : n * 10 + digit;
  }
  if (!ok) throw QueryError(fmt::format("{} wants a whole number, not '{}'", option, text));
  return n;
}

void add_filter_options(CLI::App* cmd, FilterOptions& f, const char* default_status) {
  f.status = default_status;
  cmd->add_option(
      "--status", f.status,
      fmt::format("fact, hypothetical, negated or all (default: {})", default_status));
  cmd->add_option("--since", f.since,
                  "Only evidence dated on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY); "
                  "weights count the sentences in the range");
  cmd->add_option("--until", f.until, "Only evidence dated on or before DATE");
  cmd->add_option("--type", f.types,
                  "Only these relation types (comma-separated, e.g. "
                  "THREATEN,SANCTION)");
  cmd->add_option("--min-weight", f.min_weight,
                  "Only relations supported by at least N sentences");
}

Selection selection(const FilterOptions& f) {
  Selection s;
  s.status = parse_status_option(f.status);
  s.since = f.since;
  s.until = f.until;
  if (!f.types.empty()) s.relations = parse_relations(f.types);
  s.min_weight = parse_count<std::uint32_t>(f.min_weight, "--min-weight");
  check_range(s);
  return s;
}

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

KnowledgeGraph load_graph(const std::string& path) {
  try {
    return read_graph_file(path);
  } catch (const GraphError& e) {
    throw GraphError(one_line(e.what()));
  }
}

const ActorDictionary* load_dictionary() {
  // Loaded only when a name is neither an id nor a name in the graph: most
  // queries never need the gazetteer, and loading it costs more than answering.
  static std::optional<ActorDictionary> dict;
  if (!dict) dict = ActorDictionary::load(find_data_dir());
  return &*dict;
}

void write_stdout(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) == text.size() &&
      std::fflush(stdout) == 0)
    return;
  // A reader that stopped early (geokg query ... | head) is not an error.
  if (errno == EPIPE) return;
  throw ExportError(fmt::format("cannot write to standard output: {}", std::strerror(errno)));
}

void emit(const QueryOptions& q, const Table& t) {
  const OutputFormat format =
      q.format.empty() ? (isatty(fileno(stdout)) ? OutputFormat::table : OutputFormat::tsv)
                       : parse_output_format(q.format);
  write_stdout(render(t, format));
  // JSON carries its notes; elsewhere they would corrupt the table.
  if (format != OutputFormat::json)
    for (const auto& n : t.notes) diag("geokg: {}\n", n);
}

// PLplot draws SVG only here; a .png name would get SVG inside.
void check_plot_name(const std::string& path) {
  if (path.empty()) return;
  std::string ext = path.size() >= 4 ? path.substr(path.size() - 4) : "";
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext != ".svg")
    throw QueryError(
        fmt::format("--plot writes SVG: give a file name ending in .svg, not '{}'", path));
}

constexpr const char* kTimelineHelp =
    "Relations over time: per week, month or year, a count per relation type (or quad "
    "class) for the whole graph, for one actor (a row for what it does, ACTOR->any, and "
    "one for what is done to it, any->ACTOR) or for a pair A B (a row per direction, "
    "A->B and B->A; AGREE, CONSULT and COOPERATE count in the direction the graph stores). "
    "Counted: evidence sentences, each at its document's date, and the distinct documents "
    "behind them.  Every period from the first to the last (or from --since to --until) "
    "gets a row, empty ones with zeros; the first and last may reach outside the range, "
    "but only evidence inside it counts.  Evidence without a date is reported in a note.";

using Answer = std::function<Table(const Engine&)>;
// Set by the callback of the subcommand given; see add_query.
using Prepare = std::shared_ptr<std::function<Answer()>>;

void add_timeline(CLI::App* s, const Prepare& prepare) {
  struct O {
    FilterOptions f;
    std::vector<std::string> actors;
    std::string by = "month", per = "relation", plot;
  };
  auto o = std::make_shared<O>();
  // More than two are left to the engine, whose message names the command.
  s->add_option("actor", o->actors, "None, one actor, or two (a pair)")
      ->expected(0, CLI::detail::expected_max_vector_size)
      ->type_name("ACTOR");
  s->add_option("--by", o->by,
                "week (ISO 8601, YYYY-Www, from Monday), month or year "
                "(default: month)");
  s->add_option("--per", o->per,
                "relation (a column per type) or quad (verbal-cooperation, "
                "material-cooperation, verbal-conflict, material-conflict; default: relation)");
  s->add_option("--plot", o->plot, "Also draw the series as a line chart (SVG)")
      ->type_name("FILE.svg");
  add_filter_options(s, o->f, "fact");
  s->callback([o, prepare] {
    *prepare = [o]() -> Answer {
      TimelineQuery tq;
      tq.selection = selection(o->f);
      tq.actors = o->actors;
      tq.by = parse_period(o->by);
      tq.per = parse_series(o->per);
      check_plot_name(o->plot);
      return [tq, plot = o->plot](const Engine& e) {
        const Timeline t = e.timeline(tq);
        if (!plot.empty()) plot_svg(t, plot);
        return to_table(t);
      };
    };
  });
}

CLI::App* subcommand(CLI::App* cmd, const char* name, const char* help) {
  CLI::App* s = cmd->add_subcommand(name, help);
  // Lets --format follow the subcommand's own arguments.
  s->fallthrough();
  return s;
}

void add_actors(CLI::App* cmd, const Prepare& prepare) {
  struct O {
    FilterOptions f;
    std::string top = "10";
    std::string by = "degree";
  };
  auto o = std::make_shared<O>();
  CLI::App* s = subcommand(
      cmd, "actors",
      "Actors ranked by weighted degree (sentences in and out), PageRank (sums to 1) "
      "or betweenness (a relation's distance is 1/sentences; computed, and shown as a "
      "column, only when ranking by it)");
  s->add_option("--top", o->top, "How many (0: all; default 10)");
  s->add_option("--by", o->by, "degree, pagerank or betweenness (default: degree)");
  add_filter_options(s, o->f, "fact");
  s->callback([o, prepare] {
    *prepare = [o]() -> Answer {
      const Selection sel = selection(o->f);
      const Ranking by = parse_ranking(o->by);
      const std::size_t top = parse_count<std::size_t>(o->top, "--top");
      return [sel, by, top](const Engine& e) { return e.actors(sel, by, top); };
    };
  });
}

void add_relations(CLI::App* cmd, const Prepare& prepare) {
  struct O {
    FilterOptions f;
    std::string from, to;
    std::string top = "0";
  };
  auto o = std::make_shared<O>();
  CLI::App* s =
      subcommand(cmd, "relations",
                 "Relations that match, strongest first, as the rows of 'geokg build -o "
                 "graph.csv': codes and names, dates, and the earliest dated evidence "
                 "sentence with its document");
  s->add_option("--from", o->from, "Only relations by this actor");
  s->add_option("--to", o->to, "Only relations on this actor");
  s->add_option("--top", o->top, "At most N relations (0: all, the default)");
  add_filter_options(s, o->f, "fact");
  s->callback([o, prepare] {
    *prepare = [o]() -> Answer {
      RelationQuery rq;
      rq.selection = selection(o->f);
      rq.from = o->from;
      rq.to = o->to;
      rq.top = parse_count<std::size_t>(o->top, "--top");
      return [rq](const Engine& e) { return e.relations(rq); };
    };
  });
}

void add_between(CLI::App* cmd, const Prepare& prepare) {
  struct O {
    FilterOptions f;
    std::string a, b;
  };
  auto o = std::make_shared<O>();
  CLI::App* s = subcommand(cmd, "between",
                           "Every relation between two actors, both directions, with "
                           "counts and dates");
  s->add_option("a", o->a, "One actor")->required();
  s->add_option("b", o->b, "The other actor")->required();
  add_filter_options(s, o->f, "all");
  s->callback([o, prepare] {
    *prepare = [o]() -> Answer {
      const Selection sel = selection(o->f);
      return [o, sel](const Engine& e) { return e.between(o->a, o->b, sel); };
    };
  });
}

void add_neighbors(CLI::App* cmd, const Prepare& prepare) {
  struct O {
    FilterOptions f;
    std::string a;
    std::string depth = "1";
  };
  auto o = std::make_shared<O>();
  CLI::App* s = subcommand(cmd, "neighbors",
                           "Who an actor acts on and who acts on it, each relation listed "
                           "with its depth (hops from the actor)");
  s->add_option("actor", o->a, "The actor")->required();
  s->add_option("--depth", o->depth, "Hops to follow, in either direction (default 1)");
  add_filter_options(s, o->f, "fact");
  s->callback([o, prepare] {
    *prepare = [o]() -> Answer {
      const Selection sel = selection(o->f);
      const auto depth = parse_count<unsigned>(o->depth, "--depth");
      return [o, sel, depth](const Engine& e) { return e.neighbors(o->a, depth, sel); };
    };
  });
}

void add_path(CLI::App* cmd, const Prepare& prepare) {
  struct O {
    FilterOptions f;
    std::string a, b;
  };
  auto o = std::make_shared<O>();
  CLI::App* s =
      subcommand(cmd, "path",
                 "The shortest chain of relations from A to B (fewest hops), each hop with its "
                 "relations.  Hops follow the direction of relations (AGREE, CONSULT and "
                 "COOPERATE go both ways); when no such chain exists, the shortest chain "
                 "ignoring direction is shown, with a note.");
  s->add_option("a", o->a, "From this actor")->required();
  s->add_option("b", o->b, "To this actor")->required();
  add_filter_options(s, o->f, "fact");
  s->callback([o, prepare] {
    *prepare = [o]() -> Answer {
      const Selection sel = selection(o->f);
      return [o, sel](const Engine& e) { return e.path(o->a, o->b, sel); };
    };
  });
}

void add_evidence(CLI::App* cmd, const Prepare& prepare) {
  struct O {
    FilterOptions f;
    std::string a, relation, b;
  };
  auto o = std::make_shared<O>();
  CLI::App* s = subcommand(cmd, "evidence",
                           "The sentences behind a relation, with document, date and status");
  s->add_option("a", o->a, "The source actor")->required();
  s->add_option("relation", o->relation, "The relation type (THREATEN, SANCTION, ...)")
      ->required();
  s->add_option("b", o->b, "The target actor")->required();
  add_filter_options(s, o->f, "all");
  s->callback([o, prepare] {
    *prepare = [o]() -> Answer {
      const Selection sel = selection(o->f);
      const Relation r = parse_relation_name(o->relation);
      return [o, sel, r](const Engine& e) { return e.evidence(o->a, r, o->b, sel); };
    };
  });
}

void add_stats(CLI::App* cmd, const Prepare& prepare) {
  CLI::App* s = subcommand(cmd, "stats",
                           "Counts of documents, actors, relations by type, quad class and "
                           "status, and weak and strong components");
  s->callback([prepare] {
    *prepare = []() -> Answer { return [](const Engine& e) { return e.stats(); }; };
  });
}

}  // namespace

Action add_query(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "query",
      "Answer questions from a graph built with 'geokg build -o GRAPH.json'.  Actors are named "
      "by code (PRK), or by German or English name or alias (Nordkorea, \"North Korea\", "
      "Pjöngjang), in any case and with or without accents.  Output: an aligned table on a "
      "terminal, tab-separated values (TSV, with \\t \\n \\\\ escaped) when piped; --format "
      "chooses.");
  auto q = std::make_shared<QueryOptions>();
  cmd->add_option("graph", q->graph, "The graph (JSON written by geokg build)")->required();
  cmd->add_option("--format", q->format,
                  "table, json (one document), csv (RFC 4180) or tsv (default: table on a "
                  "terminal, tsv otherwise)");
  cmd->require_subcommand(1);

  // Each subcommand's callback sets `prepare`, which checks the options and
  // returns the question to ask.  Checking happens in the action, not in the
  // callback: errors thrown during parsing would bypass main's error report.
  auto prepare = std::make_shared<std::function<Answer()>>();
  for (auto add :
       {add_actors, add_relations, add_between, add_neighbors, add_path, add_evidence})
    add(cmd, prepare);
  add_timeline(subcommand(cmd, "timeline", kTimelineHelp), prepare);
  add_stats(cmd, prepare);
  return [q, prepare]() {
    // Options are checked before the graph is read, so a typo is reported at
    // once, whatever the graph.
    if (!q->format.empty()) parse_output_format(q->format);
    const Answer answer = (*prepare)();
    const KnowledgeGraph graph = load_graph(q->graph);
    const Engine engine(graph, load_dictionary);
    emit(*q, answer(engine));
    return kOk;
  };
}

}  // namespace geokg::cli

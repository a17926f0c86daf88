// Questions to a built graph: rankings, filtered relations, the relations
// between two actors, neighbourhoods, paths, evidence and statistics.  Every
// answer is a small table that the CLI renders as text, JSON, CSV or TSV.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "geokg/actors/actor_dictionary.hpp"
#include "geokg/graph/knowledge_graph.hpp"
#include "geokg/relations/relation.hpp"

namespace geokg::query {

// monostate is an empty cell (JSON null).
using Cell = std::variant<std::monostate, std::string, std::int64_t, double>;

struct Table {
  std::string command;
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  std::vector<std::string> notes;  // remarks about the answer, e.g. "no path"
};

// Which edges a command looks at.  Dates and types mean what they mean for
// EdgeFilter (a date range also recounts weights from the evidence inside it).
struct Selection {
  std::optional<Status> status = Status::fact;  // nullopt: every status
  std::string since, until;                     // checked with check_date()
  std::vector<Relation> relations;              // empty: every type
  std::uint32_t min_weight = 1;
};

enum class Ranking { degree, pagerank, betweenness };
Ranking parse_ranking(std::string_view name);  // throws QueryError

struct RelationQuery {
  Selection selection;
  std::string from, to;  // actor names, empty: any
  std::size_t top = 0;   // 0: all
};

// Throws QueryError unless `date` is YYYY-MM-DD, YYYY-MM or YYYY (a real day);
// `option` names it in the message.
void check_date(std::string_view date, std::string_view option);
// Checks since <= until as well as both dates.
void check_range(const Selection& s);
// "THREATEN,sanction" -> types; throws QueryError listing the valid ones.
std::vector<Relation> parse_relations(std::string_view list, std::string_view option = "--type");
Relation parse_relation_name(std::string_view name);
// "fact", "hypothetical", "negated" or "all" (nullopt); throws QueryError.
std::optional<Status> parse_status_option(std::string_view name);

// Case-folded with accents removed ("Türkei" and "TURKEI" both give "turkei").
std::string fold_name(std::string_view name);

// The graph with only the event edges `sel` keeps and the nodes they touch
// (affiliation edges are dropped: no query looks at them).
KnowledgeGraph select(const KnowledgeGraph& g, const Selection& sel);

// Centralities over the event edges of `g` (pass select()'s result to
// restrict them), indexed by vertex.  Symmetric relations (AGREE, CONSULT,
// COOPERATE) count in both directions, since the order of their actors carries
// no meaning.
struct Centrality {
  std::vector<double> in, out, degree;  // weighted by supporting sentences
  std::vector<double> pagerank;         // sums to 1 over all vertices
  std::vector<double> betweenness;      // distance of an edge = 1 / weight; empty unless asked
};
// Betweenness costs O(V·E log V), far more than the rest together, so it is
// computed only when `with_betweenness` asks for it.
Centrality centrality(const KnowledgeGraph& g, bool with_betweenness, double damping = 0.85);
std::vector<double> pagerank(const KnowledgeGraph& g, double damping = 0.85);
std::vector<double> betweenness(const KnowledgeGraph& g);

// Relations over time.  The unit counted is the supporting evidence item (one
// sentence of one document) at its document's date; undated evidence cannot
// be placed and is counted in a note instead.
enum class Period { week, month, year };  // ISO weeks: YYYY-Www, from Monday
Period parse_period(std::string_view name);      // throws QueryError
enum class Series { relation, quad };
Series parse_series(std::string_view name);      // throws QueryError

struct TimelineQuery {
  Selection selection;
  std::vector<std::string> actors;  // none: the whole graph; one: its relations
                                    // either way; two: the pair, both directions
  Period by = Period::month;
  Series per = Series::relation;
};

// Every period from the first to the last (from --since to --until when
// given), empty ones included, so that each series is continuous.
struct Timeline {
  std::string title;                    // what was asked, for a plot
  std::vector<std::string> periods;     // "2023-W27", "2023-07", "2023"
  std::vector<std::string> starts;      // the first day of each period
  std::vector<std::string> directions;  // {""} for the whole graph, else two
  std::vector<std::string> series;      // relation or quad class names
  struct Cells {
    std::int64_t evidence = 0, documents = 0;
    std::vector<std::int64_t> per_series;
  };
  std::vector<std::vector<Cells>> cells;  // [direction][period]
  std::vector<std::string> notes;
};

// One row per period (and direction, for an actor or a pair): period, start,
// [direction], evidence, documents, then one column per series.
Table to_table(const Timeline& t);
// Draws each series (solid for the first direction, dashed for the second) as
// SVG with PLplot; written atomically.  Throws ExportError.  Not for two
// threads at once: PLplot keeps its state in globals.
void plot_svg(const Timeline& t, const std::string& path);

// Loads the actor dictionary on first use; may return nullptr when none is
// available (then only the graph's own ids and names resolve).
using DictionaryLoader = std::function<const ActorDictionary*()>;

class Engine {
 public:
  explicit Engine(const KnowledgeGraph& graph, DictionaryLoader dictionary = {});

  // A node id of the graph for a code, id, name or alias; throws QueryError
  // ("unknown actor 'X'; did you mean: ...") when nothing matches.
  std::string resolve(std::string_view name) const;

  Table actors(const Selection& sel, Ranking by, std::size_t top) const;
  Table relations(const RelationQuery& q) const;
  Table between(std::string_view a, std::string_view b, const Selection& sel) const;
  Table neighbors(std::string_view a, unsigned depth, const Selection& sel) const;
  Table path(std::string_view a, std::string_view b, const Selection& sel) const;
  Table evidence(std::string_view a, Relation r, std::string_view b,
                 const Selection& sel) const;
  Table stats() const;
  Timeline timeline(const TimelineQuery& q) const;

 private:
  const KnowledgeGraph& graph_;
  DictionaryLoader dictionary_;
  mutable bool dictionary_loaded_ = false;
  mutable const ActorDictionary* dict_ = nullptr;

  const ActorDictionary* dictionary() const;
  // The ids of two actors, which must differ (a pair of one actor asks nothing).
  std::pair<std::string, std::string> resolve_pair(std::string_view a, std::string_view b) const;
};

enum class OutputFormat { table, json, csv, tsv };
OutputFormat parse_output_format(std::string_view name);  // throws QueryError

// The whole answer as text in `format`; JSON is one document:
// {"command": ..., "columns": [...], "rows": [{column: value, ...}], "notes": [...]}.
// Notes appear only in JSON; the other formats leave them to the caller.
std::string render(const Table& t, OutputFormat format);

}  // namespace geokg::query

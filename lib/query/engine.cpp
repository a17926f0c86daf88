// The query commands over a graph: each builds one table.
#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <boost/graph/strong_components.hpp>

#include "export/text_util.hpp"
#include "geokg/error.hpp"
#include "geokg/query/query.hpp"
#include "geokg/text/segmenter.hpp"

namespace geokg::query {
namespace {

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

Cell text_or_null(const std::string& s) { return s.empty() ? Cell{} : Cell{s}; }

Cell count(std::size_t n) { return Cell{static_cast<std::int64_t>(n)}; }

const std::vector<std::string> kEdgeColumns = {
    "source", "relation", "target", "status", "weight", "documents", "first_seen", "last_seen"};

std::vector<Cell> edge_cells(const Graph& g, Edge e) {
  const RelationEdge& p = g[e];
  return {g[boost::source(e, g)].id,
          std::string(to_string(p.relation)),
          g[boost::target(e, g)].id,
          std::string(to_string(p.status)),
          count(p.weight),
          count(p.documents),
          text_or_null(p.first_seen),
          text_or_null(p.last_seen)};
}

// The row of the spreadsheet edge list (as `-o graph.csv`), with its counts
// as numbers for JSON.
std::vector<Cell> edge_list_cells(const Graph& g, Edge e) {
  std::vector<std::string> values = exportutil::edge_list_values(g, e);
  std::vector<Cell> cells;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::string_view column = exportutil::kEdgeListColumns[i];
    const bool number =
        column == "weight" || column == "documents" || column == "evidence_sentence";
    if (number && !values[i].empty())
      cells.push_back(count(std::stoull(values[i])));
    else
      cells.push_back(text_or_null(values[i]));
  }
  return cells;
}

// Strongest first; ties in the canonical edge order, so answers are stable.
bool stronger(const Graph& g, Edge a, Edge b) {
  const RelationEdge &x = g[a], &y = g[b];
  if (x.weight != y.weight) return x.weight > y.weight;
  if (x.documents != y.documents) return x.documents > y.documents;
  return std::tie(g[boost::source(a, g)].id, g[boost::target(a, g)].id, x.relation, x.status) <
         std::tie(g[boost::source(b, g)].id, g[boost::target(b, g)].id, y.relation, y.status);
}

std::vector<Edge> event_edges(const Graph& g) {
  std::vector<Edge> out;
  for (Edge e : boost::make_iterator_range(boost::edges(g)))
    if (g[e].kind == EdgeKind::event) out.push_back(e);
  return out;
}

// Event edges touching v, either direction, each once.
std::vector<Edge> incident(const Graph& g, Vertex v) {
  std::vector<Edge> out;
  for (Edge e : boost::make_iterator_range(boost::out_edges(v, g)))
    if (g[e].kind == EdgeKind::event) out.push_back(e);
  for (Edge e : boost::make_iterator_range(boost::in_edges(v, g)))
    if (g[e].kind == EdgeKind::event && boost::source(e, g) != v) out.push_back(e);
  return out;
}

std::string actor_list(const KnowledgeGraph& kg, const std::set<std::string>& ids) {
  std::vector<std::string> parts;
  for (const auto& id : ids) {
    const Vertex v = *kg.find(id);
    const std::string& label = kg.graph()[v].label;
    parts.push_back(label.empty() || label == id ? id : fmt::format("{} ({})", id, label));
  }
  return join(parts, ", ");
}

}  // namespace

KnowledgeGraph select(const KnowledgeGraph& kg, const Selection& sel) {
  EdgeFilter f;
  f.facts_only = sel.status == Status::fact;
  f.min_weight = sel.min_weight;
  f.since = sel.since;
  f.until = sel.until;
  f.relations = sel.relations;
  // Only a date range changes edges (their evidence and counts); without one
  // the filter's verdict per edge is enough and the copy is built once.
  const bool dated = !f.since.empty() || !f.until.empty();
  const KnowledgeGraph pre = dated ? filtered(kg, f) : KnowledgeGraph(kg.level());
  const KnowledgeGraph& src = dated ? pre : kg;
  const Graph& g = src.graph();

  KnowledgeGraph out(kg.level());
  Graph& og = out.graph();
  og[boost::graph_bundle] = kg.graph()[boost::graph_bundle];
  for (Edge e : src.sorted_edges()) {
    const RelationEdge& p = g[e];
    if (p.kind != EdgeKind::event) continue;
    if (sel.status && p.status != *sel.status) continue;
    if (!dated && !f.keep(p)) continue;
    const Vertex s = out.add_node(g[boost::source(e, g)]);
    const Vertex t = out.add_node(g[boost::target(e, g)]);
    og[out.edge_for(s, t, EdgeKind::event, p.relation, p.status)] = p;
  }
  return out;
}

Engine::Engine(const KnowledgeGraph& graph, DictionaryLoader dictionary)
    : graph_(graph), dictionary_(std::move(dictionary)) {}

const ActorDictionary* Engine::dictionary() const {
  if (!dictionary_loaded_) {
    dictionary_loaded_ = true;
    if (dictionary_) dict_ = dictionary_();
  }
  return dict_;
}

std::string Engine::resolve(std::string_view raw) const {
  const Graph& g = graph_.graph();
  const std::string folded = fold_name(raw);
  if (folded.empty()) throw QueryError("an actor name is empty");

  if (auto v = graph_.find(raw)) return g[*v].id;
  std::string upper(raw);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (auto v = graph_.find(upper)) return g[*v].id;

  // The graph's own names first: they are what the user sees in its output.
  std::set<std::string> hits;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const ActorNode& n = g[v];
    for (const std::string* s : {&n.id, &n.label, &n.name_de, &n.name_en, &n.code})
      if (!s->empty() && fold_name(*s) == folded) {
        // A code names the node of that state, not every node coded as it.
        if (s == &n.code && n.code != n.id && graph_.find(n.code)) continue;
        hits.insert(n.id);
      }
  }
  if (hits.size() == 1) return *hits.begin();
  if (hits.size() > 1)
    throw QueryError(fmt::format("actor '{}' is ambiguous: it names {}; give the id instead",
                                 raw, actor_list(graph_, hits)));

  const ActorDictionary* dict = dictionary();
  // A dictionary actor becomes a node the way the graph was built: at state
  // level through its code, at actor level as itself (or its state, if the
  // graph only holds that).
  auto node_of = [&](const Actor& a) -> std::optional<std::string> {
    const std::string code = a.code.empty() ? a.id : a.code;
    if (graph_.level() == Level::actor && graph_.find(a.id)) return a.id;
    if (graph_.find(code)) return code;
    return std::nullopt;
  };
  // suggest() gives "ID (form)" with the form folded.
  struct Close {
    const Actor* actor;
    std::string form;
  };
  std::vector<Close> close;
  if (dict)
    for (const std::string& s : dict->suggest(raw, 20)) {
      const std::size_t open = s.find(" (");
      if (open == std::string::npos || s.back() != ')') continue;
      if (const Actor* a = dict->find(s.substr(0, open)))
        close.push_back({a, s.substr(open + 2, s.size() - open - 3)});
    }
  std::set<std::string> known;
  if (dict) {
    std::vector<const Actor*> found = dict->lookup(raw);
    // The dictionary matches case-insensitively; a close form that differs
    // only in accents ("Pjongjang" for "Pjöngjang") is the same name too.
    if (found.empty())
      for (const Close& c : close)
        if (fold_name(c.form) == folded &&
            std::find(found.begin(), found.end(), c.actor) == found.end())
          found.push_back(c.actor);
    for (const Actor* a : found) {
      if (auto id = node_of(*a))
        hits.insert(*id);
      else
        known.insert(a->code.empty() ? a->id : a->code);
    }
    if (hits.size() == 1) return *hits.begin();
    if (hits.size() > 1)
      throw QueryError(fmt::format("actor '{}' is ambiguous: it names {}; give the id instead",
                                   raw, actor_list(graph_, hits)));
    if (known.size() == 1 && *known.begin() == upper)
      throw QueryError(fmt::format("actor '{}' has no relations in this graph", raw));
    if (!known.empty())
      throw QueryError(fmt::format("actor '{}' ({}) has no relations in this graph", raw,
                                   join({known.begin(), known.end()}, ", ")));
  }

  // Did you mean: close names of the graph's nodes, then the dictionary's close
  // forms of actors that are in the graph, one suggestion per node.
  std::vector<std::tuple<std::size_t, std::string, std::string>> scored;
  const std::size_t limit = std::max<std::size_t>(2, folded.size() / 4);
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const ActorNode& n = g[v];
    for (const std::string* s : {&n.id, &n.label, &n.name_de, &n.name_en}) {
      if (s->empty()) continue;
      const std::string f = fold_name(*s);
      if (f.size() > folded.size() + limit || f.size() + limit < folded.size()) continue;
      const std::size_t d = edit_distance(folded, f);
      if (d <= limit) scored.emplace_back(d, n.id, *s);
    }
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> seen, suggestions;
  auto add = [&](const std::string& id, const std::string& form) {
    if (std::find(seen.begin(), seen.end(), id) != seen.end() || suggestions.size() >= 5)
      return;
    seen.push_back(id);
    suggestions.push_back(form == id ? id : fmt::format("{} ({})", id, form));
  };
  for (const auto& [d, id, form] : scored) add(id, form);
  // Only actors present in the graph help.
  for (const Close& c : close)
    if (auto id = node_of(*c.actor)) add(*id, c.form);
  if (suggestions.empty())
    throw QueryError(fmt::format(
        "unknown actor '{}': no actor in the graph has this code, name or alias", raw));
  throw QueryError(
      fmt::format("unknown actor '{}'; did you mean: {}", raw, join(suggestions, ", ")));
}

Table Engine::actors(const Selection& sel, Ranking by, std::size_t top) const {
  check_range(sel);
  const KnowledgeGraph view = select(graph_, sel);
  const Graph& g = view.graph();
  const bool with_betweenness = by == Ranking::betweenness;
  const Centrality c = centrality(view, with_betweenness);
  const std::vector<double>& key = by == Ranking::degree     ? c.degree
                                   : by == Ranking::pagerank ? c.pagerank
                                                             : c.betweenness;
  std::vector<Vertex> order = view.sorted_nodes();
  std::stable_sort(order.begin(), order.end(),
                   [&](Vertex a, Vertex b) { return key[a] > key[b]; });
  if (top > 0 && order.size() > top) order.resize(top);

  Table t;
  t.command = "actors";
  t.columns = {"rank", "actor", "label", "type", "degree", "in", "out", "pagerank"};
  if (with_betweenness) t.columns.push_back("betweenness");
  std::int64_t rank = 0;
  for (Vertex v : order) {
    const ActorNode& n = g[v];
    t.rows.push_back({Cell{++rank}, n.id, text_or_null(n.label), std::string(to_string(n.type)),
                      Cell{static_cast<std::int64_t>(c.degree[v])},
                      Cell{static_cast<std::int64_t>(c.in[v])},
                      Cell{static_cast<std::int64_t>(c.out[v])}, Cell{c.pagerank[v]}});
    if (with_betweenness) t.rows.back().push_back(Cell{c.betweenness[v]});
  }
  if (t.rows.empty()) t.notes.push_back("no relations match");
  return t;
}

Table Engine::relations(const RelationQuery& q) const {
  check_range(q.selection);
  const std::string from = q.from.empty() ? "" : resolve(q.from);
  const std::string to = q.to.empty() ? "" : resolve(q.to);
  const KnowledgeGraph view = select(graph_, q.selection);
  const Graph& g = view.graph();
  std::vector<Edge> edges;
  for (Edge e : event_edges(g)) {
    if (!from.empty() && g[boost::source(e, g)].id != from) continue;
    if (!to.empty() && g[boost::target(e, g)].id != to) continue;
    edges.push_back(e);
  }
  std::sort(edges.begin(), edges.end(), [&](Edge a, Edge b) { return stronger(g, a, b); });
  if (q.top > 0 && edges.size() > q.top) edges.resize(q.top);
  Table t;
  t.command = "relations";
  t.columns.assign(exportutil::kEdgeListColumns.begin(), exportutil::kEdgeListColumns.end());
  for (Edge e : edges) t.rows.push_back(edge_list_cells(g, e));
  if (t.rows.empty()) t.notes.push_back("no relations match");
  return t;
}

std::pair<std::string, std::string> Engine::resolve_pair(std::string_view a,
                                                         std::string_view b) const {
  std::string x = resolve(a), y = resolve(b);
  if (x == y) throw QueryError(fmt::format("'{}' and '{}' are the same actor ({})", a, b, x));
  return {std::move(x), std::move(y)};
}

Table Engine::between(std::string_view a, std::string_view b, const Selection& sel) const {
  check_range(sel);
  // Named references, not a structured binding: clang before 16 cannot
  // capture one in a lambda.
  const auto ids = resolve_pair(a, b);
  const std::string &x = ids.first, &y = ids.second;
  const KnowledgeGraph view = select(graph_, sel);
  const Graph& g = view.graph();
  std::vector<Edge> edges;
  auto u = view.find(x), v = view.find(y);
  if (u && v)
    for (Edge e : incident(g, *u))
      if (boost::source(e, g) == *v || boost::target(e, g) == *v) edges.push_back(e);
  // x -> y before y -> x, each direction in PLOVER's order of types.
  std::sort(edges.begin(), edges.end(), [&](Edge p, Edge q) {
    const bool px = g[boost::source(p, g)].id == x, qx = g[boost::source(q, g)].id == x;
    return std::tuple(!px, g[p].relation, g[p].status) <
           std::tuple(!qx, g[q].relation, g[q].status);
  });
  Table t;
  t.command = "between";
  t.columns = kEdgeColumns;
  for (Edge e : edges) t.rows.push_back(edge_cells(g, e));
  if (t.rows.empty()) t.notes.push_back(fmt::format("no relations between {} and {}", x, y));
  return t;
}

Table Engine::neighbors(std::string_view a, unsigned depth, const Selection& sel) const {
  check_range(sel);
  if (depth == 0) throw QueryError("--depth wants a number of hops of at least 1");
  const std::string x = resolve(a);
  const KnowledgeGraph view = select(graph_, sel);
  const Graph& g = view.graph();
  Table t;
  t.command = "neighbors";
  t.columns = {"depth"};
  t.columns.insert(t.columns.end(), kEdgeColumns.begin(), kEdgeColumns.end());
  const auto start = view.find(x);
  if (!start) {
    t.notes.push_back(fmt::format("{} has no relations that match", x));
    return t;
  }
  // Breadth-first in both directions: the edges at depth d touch a node d-1
  // hops from the start; each edge is listed once, at its first depth.
  std::vector<int> dist(boost::num_vertices(g), -1);
  dist[*start] = 0;
  std::vector<Vertex> frontier{*start};
  std::set<Edge> listed;
  for (unsigned d = 1; d <= depth && !frontier.empty(); ++d) {
    std::vector<Edge> level;
    std::vector<Vertex> next;
    for (Vertex v : frontier)
      for (Edge e : incident(g, v)) {
        if (!listed.insert(e).second) continue;
        level.push_back(e);
        const Vertex other =
            boost::source(e, g) == v ? boost::target(e, g) : boost::source(e, g);
        if (dist[other] < 0) {
          dist[other] = static_cast<int>(d);
          next.push_back(other);
        }
      }
    std::sort(level.begin(), level.end(), [&](Edge p, Edge q) { return stronger(g, p, q); });
    for (Edge e : level) {
      std::vector<Cell> row{Cell{static_cast<std::int64_t>(d)}};
      for (Cell& c : edge_cells(g, e)) row.push_back(std::move(c));
      t.rows.push_back(std::move(row));
    }
    frontier = std::move(next);
  }
  return t;
}

Table Engine::path(std::string_view a, std::string_view b, const Selection& sel) const {
  check_range(sel);
  const std::string x = resolve(a), y = resolve(b);
  if (x == y)
    throw QueryError(
        fmt::format("'{}' and '{}' are the same actor ({}); a path needs two", a, b, x));
  const KnowledgeGraph view = select(graph_, sel);
  const Graph& g = view.graph();
  Table t;
  t.command = "path";
  t.columns = {"hop"};
  t.columns.insert(t.columns.end(), kEdgeColumns.begin(), kEdgeColumns.end());
  const auto s = view.find(x), goal = view.find(y);
  if (!s || !goal) {
    t.notes.push_back(fmt::format("{} has no relations that match", s ? y : x));
    return t;
  }

  // Breadth-first search by hops, neighbours in id order so that among equally
  // short chains the answer is always the same.  A hop follows an edge in its
  // direction, or against it for symmetric relations (and, in the fallback,
  // for every relation).
  auto search = [&](bool undirected) -> std::vector<Vertex> {
    const std::size_t n = boost::num_vertices(g);
    std::vector<std::optional<Vertex>> parent(n);
    std::vector<bool> seen(n, false);
    seen[*s] = true;
    std::deque<Vertex> queue{*s};
    while (!queue.empty()) {
      const Vertex v = queue.front();
      queue.pop_front();
      if (v == *goal) break;
      std::vector<Vertex> next;
      for (Edge e : incident(g, v)) {
        const bool forward = boost::source(e, g) == v;
        if (!forward && !undirected && !is_symmetric(g[e].relation)) continue;
        next.push_back(forward ? boost::target(e, g) : boost::source(e, g));
      }
      std::sort(next.begin(), next.end(),
                [&](Vertex p, Vertex q) { return g[p].id < g[q].id; });
      for (Vertex w : next)
        if (!seen[w]) {
          seen[w] = true;
          parent[w] = v;
          queue.push_back(w);
        }
    }
    if (!seen[*goal]) return {};
    std::vector<Vertex> chain{*goal};
    while (chain.back() != *s) chain.push_back(*parent[chain.back()]);
    std::reverse(chain.begin(), chain.end());
    return chain;
  };
  std::vector<Vertex> chain = search(false);
  bool undirected = false;
  if (chain.empty()) {
    chain = search(true);
    undirected = true;
    if (chain.empty()) {
      t.notes.push_back(fmt::format("no chain of relations connects {} and {}", x, y));
      return t;
    }
    t.notes.push_back(fmt::format(
        "no chain of relations leads from {} to {}; shown: the shortest chain ignoring the "
        "direction of relations",
        x, y));
  }
  // Every relation that makes a hop is shown, strongest first.
  for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
    std::vector<Edge> hop;
    for (Edge e : incident(g, chain[i])) {
      const bool forward =
          boost::source(e, g) == chain[i] && boost::target(e, g) == chain[i + 1];
      const bool backward =
          boost::target(e, g) == chain[i] && boost::source(e, g) == chain[i + 1];
      if (forward || (backward && (undirected || is_symmetric(g[e].relation))))
        hop.push_back(e);
    }
    std::sort(hop.begin(), hop.end(), [&](Edge p, Edge q) { return stronger(g, p, q); });
    for (Edge e : hop) {
      std::vector<Cell> row{Cell{static_cast<std::int64_t>(i + 1)}};
      for (Cell& c : edge_cells(g, e)) row.push_back(std::move(c));
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

Table Engine::evidence(std::string_view a, Relation r, std::string_view b,
                       const Selection& sel) const {
  check_range(sel);
  // Named references, not a structured binding: clang before 16 cannot
  // capture one in a lambda.
  const auto ids = resolve_pair(a, b);
  const std::string &x = ids.first, &y = ids.second;
  Selection s = sel;
  s.relations = {r};
  const KnowledgeGraph view = select(graph_, s);
  const Graph& g = view.graph();
  struct Row {
    const Evidence* ev;
    Edge edge;
  };
  std::vector<Row> rows;
  auto u = view.find(x), v = view.find(y);
  if (u && v)
    for (Edge e : incident(g, *u)) {
      const bool forward = boost::source(e, g) == *u && boost::target(e, g) == *v;
      const bool backward = boost::source(e, g) == *v && boost::target(e, g) == *u;
      // "A CONSULT B" is the same relation as "B CONSULT A".
      if (forward || (backward && is_symmetric(r)))
        for (const Evidence& ev : g[e].evidence) rows.push_back({&ev, e});
    }
  // Oldest first, undated last; then by document and sentence.
  auto key = [&](const Row& row) {
    return std::tuple<bool, const std::string&, const std::string&, std::uint32_t, Status>(
        row.ev->date.empty(), row.ev->date, row.ev->doc, row.ev->sentence, g[row.edge].status);
  };
  std::sort(rows.begin(), rows.end(),
            [&](const Row& p, const Row& q) { return key(p) < key(q); });
  Table t;
  t.command = "evidence";
  t.columns = {"source",   "relation", "target",  "status",        "doc",
               "sentence", "date",     "trigger", "attributed_to", "text"};
  for (const Row& row : rows) {
    const Evidence& ev = *row.ev;
    t.rows.push_back({g[boost::source(row.edge, g)].id, std::string(to_string(r)),
                      g[boost::target(row.edge, g)].id,
                      std::string(to_string(g[row.edge].status)), ev.doc,
                      Cell{static_cast<std::int64_t>(ev.sentence)}, text_or_null(ev.date),
                      text_or_null(ev.trigger), text_or_null(ev.attributed_to), ev.text});
  }
  if (t.rows.empty())
    t.notes.push_back(
        fmt::format("no {} relation from {} to {} in the graph", to_string(r), x, y));
  return t;
}

Table Engine::stats() const {
  const Graph& g = graph_.graph();
  const std::size_t n = boost::num_vertices(g);
  std::size_t events = 0, affiliations = 0, sentences = 0;
  std::map<Relation, std::size_t> by_relation;
  std::map<Quad, std::size_t> by_quad;
  std::map<Status, std::size_t> by_status;
  // Weak components by union-find over every edge: an affiliation ties a
  // person to its state as much as an event ties two states.
  std::vector<std::size_t> parent(n);
  for (std::size_t i = 0; i < n; ++i) parent[i] = i;
  auto root = [&](std::size_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    const RelationEdge& p = g[e];
    parent[root(boost::source(e, g))] = root(boost::target(e, g));
    if (p.kind == EdgeKind::affiliation) {
      ++affiliations;
      continue;
    }
    ++events;
    sentences += p.weight;
    by_relation[p.relation] += 1;
    by_quad[quad_of(p.relation)] += 1;
    by_status[p.status] += 1;
  }
  std::size_t weak = 0;
  for (std::size_t i = 0; i < n; ++i) weak += root(i) == i;
  // Strong components over the directions a path may take: a symmetric
  // relation (A CONSULT B) joins its actors both ways.
  boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS> arcs(n);
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    boost::add_edge(boost::source(e, g), boost::target(e, g), arcs);
    if (g[e].kind == EdgeKind::event && is_symmetric(g[e].relation))
      boost::add_edge(boost::target(e, g), boost::source(e, g), arcs);
  }
  std::vector<std::size_t> comp(n);
  const std::size_t strong =
      n == 0 ? 0
             : boost::strong_components(
                   arcs, boost::make_iterator_property_map(
                             comp.begin(), boost::get(boost::vertex_index, arcs)));

  Table t;
  t.command = "stats";
  t.columns = {"group", "name", "value"};
  auto row = [&](const char* group, std::string name, Cell value) {
    t.rows.push_back({std::string(group), std::move(name), std::move(value)});
  };
  row("graph", "level", std::string(to_string(graph_.level())));
  row("graph", "documents", count(g[boost::graph_bundle].documents.size()));
  row("graph", "actors", count(n));
  row("graph", "relations", count(events));
  row("graph", "evidence", count(sentences));  // supporting sentences, per relation
  if (graph_.level() == Level::actor) row("graph", "affiliations", count(affiliations));
  row("graph", "weak components", count(weak));
  row("graph", "strong components", count(strong));
  for (const auto& [r, k] : by_relation) row("relation", std::string(to_string(r)), count(k));
  for (const auto& [q, k] : by_quad) row("quad", std::string(to_string(q)), count(k));
  for (const auto& [s, k] : by_status) row("status", std::string(to_string(s)), count(k));
  return t;
}

}  // namespace geokg::query

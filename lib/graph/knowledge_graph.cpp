#include "geokg/graph/knowledge_graph.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "geokg/error.hpp"

namespace geokg {
namespace {

// A node seen twice (from two documents, two shards, a JSON file and a new run)
// must end up with the same attributes whichever came first, or merge() would
// depend on order: every field is combined by a commutative, associative rule.
void combine_text(std::string& mine, const std::string& theirs) {
  if (mine.empty() || (!theirs.empty() && theirs < mine)) mine = theirs;
}

void combine_node(ActorNode& mine, const ActorNode& theirs) {
  // A label that only repeats the id is a fallback; a real name beats it.
  const bool mine_fallback = mine.label.empty() || mine.label == mine.id;
  const bool theirs_fallback = theirs.label.empty() || theirs.label == theirs.id;
  if (mine_fallback && !theirs_fallback)
    mine.label = theirs.label;
  else if (mine_fallback == theirs_fallback)
    combine_text(mine.label, theirs.label);
  combine_text(mine.name_de, theirs.name_de);
  combine_text(mine.name_en, theirs.name_en);
  combine_text(mine.code, theirs.code);
  // Without a dictionary a person's code reads as a state; an organisation
  // met as itself then says more, so the larger type wins.
  mine.type = std::max(mine.type, theirs.type);
}

std::string display_label(const ActorNode& n) {
  if (!n.name_en.empty()) return n.name_en;
  if (!n.name_de.empty()) return n.name_de;
  return n.id;
}

bool same_sentence(const Evidence& a, const Evidence& b) {
  return a.doc == b.doc && a.sentence == b.sentence;
}

// Sorting by every field before dropping repeats of (doc, sentence) keeps the
// smallest record, so the survivor does not depend on insertion order.  Only
// the records from `fresh` on are new: they are sorted alone and merged into
// the sorted rest, so an edge with much evidence is not sorted again whole.
void normalise_evidence(std::vector<Evidence>& ev, std::size_t fresh) {
  const auto mid = ev.begin() + static_cast<std::ptrdiff_t>(fresh);
  std::sort(mid, ev.end());
  std::inplace_merge(ev.begin(), mid, ev.end());
  ev.erase(std::unique(ev.begin(), ev.end(), same_sentence), ev.end());
}

// Counts from sorted evidence: one document per run of equal doc ids.
void recount(RelationEdge& e) {
  e.weight = static_cast<std::uint32_t>(e.evidence.size());
  e.documents = 0;
  e.first_seen.clear();
  e.last_seen.clear();
  const std::string* previous = nullptr;
  for (const Evidence& ev : e.evidence) {
    if (!previous || *previous != ev.doc) ++e.documents;
    previous = &ev.doc;
    if (ev.date.empty()) continue;
    if (e.first_seen.empty() || ev.date < e.first_seen) e.first_seen = ev.date;
    if (e.last_seen.empty() || ev.date > e.last_seen) e.last_seen = ev.date;
  }
}

// hashes_ only caches what the documents map says; graph() is public, so a
// reader or filter may have filled the map directly.
void sync_hashes(const GraphInfo& info, std::map<std::string, std::string, std::less<>>& hashes) {
  if (hashes.size() == info.documents.size()) return;
  hashes.clear();
  for (const auto& [id, d] : info.documents) hashes.emplace(d.hash, id);
}

void sync_index(const Graph& g, std::map<std::string, Vertex, std::less<>>& index) {
  if (index.size() == boost::num_vertices(g)) return;
  index.clear();
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) index.emplace(g[v].id, v);
}

ActorRef code_ref(const ActorNode& actor) {
  // The state's own node at --level actor has id = code, the same id a state
  // gets when it is named itself, so both meet in one node.
  return ActorRef{actor.code, actor.code, actor.code, ActorType::state};
}

// Copies `src` keeping the event edges `keep` returns (possibly changed), the
// affiliation edges of actors that still have events, and the nodes they touch;
// `keep_isolated` also keeps nodes that had no edge to begin with.
template <typename Keep>
KnowledgeGraph rebuild(const KnowledgeGraph& src, Keep keep, bool keep_isolated) {
  const Graph& g = src.graph();
  KnowledgeGraph out(src.level());
  out.graph()[boost::graph_bundle] = g[boost::graph_bundle];

  std::vector<std::tuple<Vertex, Vertex, RelationEdge>> events;
  std::set<Vertex> touched;
  for (Edge e : src.sorted_edges()) {
    if (g[e].kind != EdgeKind::event) continue;
    std::optional<RelationEdge> kept = keep(g[e]);
    if (!kept) continue;
    Vertex s = boost::source(e, g), t = boost::target(e, g);
    touched.insert(s);
    touched.insert(t);
    events.emplace_back(s, t, std::move(*kept));
  }
  std::vector<Edge> affiliations;
  for (Edge e : src.sorted_edges())
    if (g[e].kind == EdgeKind::affiliation && touched.count(boost::source(e, g)))
      affiliations.push_back(e);
  for (Edge e : affiliations) touched.insert(boost::target(e, g));

  for (Vertex v : src.sorted_nodes())
    if (touched.count(v) || (keep_isolated && boost::degree(v, g) == 0)) out.add_node(g[v]);

  Graph& og = out.graph();
  auto vertex_of = [&](Vertex v) { return *out.find(g[v].id); };
  for (auto& [s, t, edge] : events) {
    Edge ne = out.edge_for(vertex_of(s), vertex_of(t), EdgeKind::event, edge.relation,
                           edge.status);
    og[ne] = std::move(edge);
  }
  for (Edge e : affiliations) {
    Edge ne = out.edge_for(vertex_of(boost::source(e, g)), vertex_of(boost::target(e, g)),
                           EdgeKind::affiliation, g[e].relation, g[e].status);
    og[ne] = g[e];
  }
  return out;
}

bool in_range(std::string_view date, const EdgeFilter& f) {
  if (date.empty()) return false;
  // Comparing the date's prefix of the bound's length makes a bound of
  // "2023-01" mean the whole month on either side.
  if (!f.since.empty() && date.substr(0, f.since.size()) < f.since) return false;
  if (!f.until.empty() && date.substr(0, f.until.size()) > f.until) return false;
  return true;
}

bool dated(const EdgeFilter& f) { return !f.since.empty() || !f.until.empty(); }

// The edge as the filter sees it: with a date range, only its evidence inside
// the range counts.
std::optional<RelationEdge> apply_filter(const RelationEdge& e, const EdgeFilter& f) {
  if (e.kind != EdgeKind::event) return e;
  if (f.facts_only && e.status != Status::fact) return std::nullopt;
  if (!f.relations.empty() &&
      std::find(f.relations.begin(), f.relations.end(), e.relation) == f.relations.end())
    return std::nullopt;
  if (!dated(f)) {
    if (e.weight < f.min_weight) return std::nullopt;
    return e;
  }
  RelationEdge out = e;
  out.evidence.clear();
  for (const Evidence& ev : e.evidence)
    if (in_range(ev.date, f)) out.evidence.push_back(ev);
  if (out.evidence.empty()) return std::nullopt;
  recount(out);
  if (out.weight < f.min_weight) return std::nullopt;
  return out;
}

}  // namespace

std::string content_hash(std::string_view text) {
  // FNV-1a 64: stable across platforms and runs, which std::hash is not.
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", h);
}

std::string_view to_string(Level level) {
  return level == Level::state ? "state" : "actor";
}

Level parse_level(std::string_view name) {
  if (name == "state") return Level::state;
  if (name == "actor") return Level::actor;
  throw GraphError("unknown graph level '" + std::string(name) +
                   "' (expected state or actor)");
}

ActorNode default_node(const ActorRef& ref, Level level) {
  ActorNode n;
  // The name as written varies between mentions ("Moskau", "Russland"); only
  // ids and codes are stable, so they are the label when no dictionary helps.
  if (level == Level::state) {
    n.id = ref.code;
    n.code = ref.code;
    n.type = ref.id == ref.code ? ref.type : ActorType::state;
  } else {
    n.id = ref.id;
    n.code = ref.code;
    n.type = ref.type;
  }
  n.label = n.id;
  return n;
}

NodeNamer dictionary_namer(const ActorDictionary& actors) {
  // Holds a pointer: the dictionary must outlive the graph that uses the namer.
  return [dict = &actors](const ActorRef& ref, Level level) {
    ActorNode n = default_node(ref, level);
    const Actor* a = dict->find(n.id);
    if (!a) return n;
    n.name_de = a->name_de;
    n.name_en = a->name_en;
    if (!a->code.empty()) n.code = level == Level::state ? n.id : a->code;
    n.type = a->type;
    n.label = display_label(n);
    return n;
  };
}

KnowledgeGraph::KnowledgeGraph(Level level, NodeNamer namer)
    : namer_(namer ? std::move(namer) : NodeNamer(default_node)) {
  g_[boost::graph_bundle].level = level;
}

// Pending evidence names edges by descriptors into the source's storage, so
// it must be in the edges before the graph is copied or moved.
KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other)
    : g_((other.settle(), other.g_)),
      namer_(other.namer_),
      index_(other.index_),
      hashes_(other.hashes_) {}

KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&& other)
    : g_((other.settle(), std::move(other.g_))),
      namer_(std::move(other.namer_)),
      index_(std::move(other.index_)),
      hashes_(std::move(other.hashes_)) {}

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this != &other) *this = KnowledgeGraph(other);
  return *this;
}

KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&& other) {
  if (this == &other) return *this;
  other.settle();
  g_ = std::move(other.g_);
  pending_.clear();
  namer_ = std::move(other.namer_);
  index_ = std::move(other.index_);
  hashes_ = std::move(other.hashes_);
  return *this;
}

void KnowledgeGraph::settle() const {
  if (pending_.empty()) return;
  // The edges that get new evidence, each with where its new evidence starts.
  std::vector<std::pair<RelationEdge*, std::size_t>> touched;
  for (PendingEvidence& p : pending_) {
    RelationEdge& e = g_[p.edge];
    touched.emplace_back(&e, e.evidence.size());
    e.evidence.push_back(std::move(p.evidence));
  }
  pending_.clear();
  // Per edge, the first entry holds the smallest start: where its new part begins.
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                touched.end());
  for (auto& [e, fresh] : touched) {
    normalise_evidence(e->evidence, fresh);
    recount(*e);
  }
}

std::optional<Vertex> KnowledgeGraph::find(std::string_view node_id) const {
  settle();
  if (index_.size() == boost::num_vertices(g_)) {
    auto it = index_.find(node_id);
    if (it == index_.end()) return std::nullopt;
    return it->second;
  }
  for (Vertex v : boost::make_iterator_range(boost::vertices(g_)))
    if (g_[v].id == node_id) return v;
  return std::nullopt;
}

Vertex KnowledgeGraph::add_node(const ActorNode& node) {
  if (node.id.empty()) throw GraphError("a graph node needs a non-empty id");
  sync_index(g_, index_);
  if (auto it = index_.find(node.id); it != index_.end()) {
    combine_node(g_[it->second], node);
    return it->second;
  }
  Vertex v = boost::add_vertex(node, g_);
  if (g_[v].label.empty()) g_[v].label = display_label(node);
  index_.emplace(node.id, v);
  return v;
}

Edge KnowledgeGraph::edge_for(Vertex s, Vertex t, EdgeKind kind, Relation r, Status st) {
  for (Edge e : boost::make_iterator_range(boost::out_edges(s, g_))) {
    const RelationEdge& p = g_[e];
    if (boost::target(e, g_) == t && p.kind == kind &&
        (kind == EdgeKind::affiliation || (p.relation == r && p.status == st)))
      return e;
  }
  RelationEdge p;
  p.kind = kind;
  p.relation = kind == EdgeKind::event ? r : Relation::AGREE;
  p.status = kind == EdgeKind::event ? st : Status::fact;
  // An affiliation is a fact of the dictionary, not counted from sentences;
  // weight 1 keeps it visible to tools that drop weight-0 edges.
  if (kind == EdgeKind::affiliation) p.weight = 1;
  return boost::add_edge(s, t, std::move(p), g_).first;
}

std::vector<Vertex> KnowledgeGraph::sorted_nodes() const {
  settle();
  std::vector<Vertex> out(boost::vertices(g_).first, boost::vertices(g_).second);
  std::sort(out.begin(), out.end(),
            [&](Vertex a, Vertex b) { return g_[a].id < g_[b].id; });
  return out;
}

std::vector<Edge> KnowledgeGraph::sorted_edges() const {
  settle();
  std::vector<Edge> out(boost::edges(g_).first, boost::edges(g_).second);
  auto key = [&](Edge e) {
    const RelationEdge& p = g_[e];
    return std::tie(g_[boost::source(e, g_)].id, g_[boost::target(e, g_)].id, p.kind,
                    p.relation, p.status);
  };
  std::sort(out.begin(), out.end(), [&](Edge a, Edge b) { return key(a) < key(b); });
  return out;
}

KnowledgeGraph::Added KnowledgeGraph::add_document(const Document& doc,
                                                   const std::vector<Event>& events) {
  GraphInfo& info = g_[boost::graph_bundle];
  const std::string where = doc.origin.empty() ? doc.id : doc.origin;
  if (doc.id.empty())
    throw GraphError("document " + (where.empty() ? std::string("(no origin)") : where) +
                     " has no id and cannot be added to the graph");
  const std::string hash = content_hash(doc.text);
  sync_hashes(info, hashes_);
  if (info.documents.count(doc.id) || hashes_.count(hash)) return Added::duplicate;

  const Level lvl = level();
  struct Pending {
    ActorNode source, target;
    const Event* event;
  };
  std::vector<Pending> pending;
  // Everything is checked before anything is added, so a bad event cannot
  // leave half a document in the graph.
  for (const Event& ev : events) {
    Pending p{namer_(ev.source, lvl), namer_(ev.target, lvl), &ev};
    if (p.source.id.empty() || p.target.id.empty())
      throw GraphError(fmt::format("document {}, sentence {}: {} event with an empty actor {}",
                                   where, ev.sentence, to_string(ev.relation),
                                   lvl == Level::state ? "code" : "id"));
    // A state acting on itself is no relation between political actors.
    if (p.source.id == p.target.id) continue;
    if (lvl == Level::state && ev.source.code == ev.target.code) continue;
    pending.push_back(std::move(p));
  }

  info.documents.emplace(doc.id, DocumentInfo{hash, doc.date});
  hashes_.emplace(hash, doc.id);

  for (Pending& p : pending) {
    const Event& ev = *p.event;
    Vertex s = add_node(p.source), t = add_node(p.target);
    if (lvl == Level::actor) {
      for (const auto& [v, actor] : {std::pair{s, p.source}, std::pair{t, p.target}}) {
        if (actor.code.empty() || actor.code == actor.id) continue;
        Vertex c = add_node(namer_(code_ref(actor), Level::actor));
        edge_for(v, c, EdgeKind::affiliation, Relation::AGREE, Status::fact);
      }
    }
    Edge e = edge_for(s, t, EdgeKind::event, ev.relation, ev.status);
    pending_.push_back({e, Evidence{doc.id, ev.sentence, doc.date.empty() ? ev.date : doc.date,
                                    ev.evidence, ev.trigger, ev.attributed_to}});
  }
  return Added::added;
}

void KnowledgeGraph::merge(const KnowledgeGraph& other) {
  if (&other == this) return;
  if (other.level() != level())
    throw GraphError(fmt::format("cannot merge a graph at level {} into one at level {}",
                                 to_string(other.level()), to_string(level())));
  settle();
  other.settle();

  // The same article may sit in both graphs under different ids (or one id
  // may hold different texts).  Keeping whichever came first would make the
  // result depend on merge order; taking documents greedily in (id, hash)
  // order picks the same survivors for any order or grouping of merges.
  struct Candidate {
    const std::string* id;
    const DocumentInfo* info;
    bool mine;
  };
  const GraphInfo& mine_info = g_[boost::graph_bundle];
  const GraphInfo& their_info = other.g_[boost::graph_bundle];
  std::vector<Candidate> all;
  for (const auto& [id, d] : mine_info.documents) all.push_back({&id, &d, true});
  for (const auto& [id, d] : their_info.documents) all.push_back({&id, &d, false});
  std::sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(*a.id, a.info->hash, b.mine) < std::tie(*b.id, b.info->hash, a.mine);
  });
  std::set<std::string_view> ids, hashes;
  // Owned copies: rebuilding below replaces the maps the candidates point into.
  std::set<std::string, std::less<>> drop_mine, take_theirs;
  for (const Candidate& c : all) {
    const bool ok = !ids.count(*c.id) && !hashes.count(c.info->hash);
    if (ok) {
      ids.insert(*c.id);
      hashes.insert(c.info->hash);
      if (!c.mine) take_theirs.insert(*c.id);
    } else if (c.mine) {
      drop_mine.insert(*c.id);
    }
  }

  if (!drop_mine.empty()) {
    auto strip = [&](const RelationEdge& e) -> std::optional<RelationEdge> {
      RelationEdge out = e;
      std::erase_if(out.evidence,
                    [&](const Evidence& ev) { return drop_mine.count(ev.doc) > 0; });
      if (out.evidence.empty()) return std::nullopt;
      recount(out);
      return out;
    };
    KnowledgeGraph kept = rebuild(*this, strip, true);
    for (const std::string& id : drop_mine) kept.g_[boost::graph_bundle].documents.erase(id);
    kept.namer_ = std::move(namer_);
    *this = std::move(kept);
    hashes_.clear();
  }

  const Graph& og = other.g_;
  GraphInfo& info = g_[boost::graph_bundle];
  for (const std::string& id : take_theirs) info.documents.emplace(id, their_info.documents.at(id));
  sync_hashes(info, hashes_);

  for (Edge e : other.sorted_edges()) {
    const RelationEdge& p = og[e];
    if (p.kind != EdgeKind::event) continue;
    std::optional<Edge> mine;
    for (const Evidence& ev : p.evidence) {
      if (!take_theirs.count(ev.doc)) continue;
      if (!mine) {
        Vertex s = add_node(og[boost::source(e, og)]), t = add_node(og[boost::target(e, og)]);
        mine = edge_for(s, t, EdgeKind::event, p.relation, p.status);
      }
      pending_.push_back({*mine, ev});
    }
  }
  settle();
  for (Edge e : other.sorted_edges()) {
    if (og[e].kind != EdgeKind::affiliation) continue;
    auto s = find(og[boost::source(e, og)].id);
    if (!s) continue;
    Vertex t = add_node(og[boost::target(e, og)]);
    edge_for(*s, t, EdgeKind::affiliation, og[e].relation, og[e].status);
  }
  // Attributes of nodes both graphs know are combined, isolated nodes carried.
  for (Vertex v : other.sorted_nodes()) {
    if (find(og[v].id) || boost::degree(v, og) == 0) add_node(og[v]);
  }
}

bool EdgeFilter::keep(const RelationEdge& e) const {
  return apply_filter(e, *this).has_value();
}

KnowledgeGraph filtered(const KnowledgeGraph& g, const EdgeFilter& f) {
  return rebuild(g, [&](const RelationEdge& e) { return apply_filter(e, f); }, false);
}

}  // namespace geokg

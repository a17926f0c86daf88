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

// One document per run of equal doc ids: the evidence is sorted.
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
      index_(other.index_),
      namer_(other.namer_),
      hashes_(other.hashes_),
      dropped_hashes_(other.dropped_hashes_) {}

KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&& other)
    : g_((other.settle(), std::move(other.g_))),
      index_(std::move(other.index_)),
      namer_(std::move(other.namer_)),
      hashes_(std::move(other.hashes_)),
      dropped_hashes_(std::move(other.dropped_hashes_)) {}

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this != &other) *this = KnowledgeGraph(other);
  return *this;
}

KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&& other) {
  if (this == &other) return *this;
  other.settle();
  g_ = std::move(other.g_);
  pending_.clear();
  pending_dropped_.clear();
  pending_ids_.clear();
  strip_.clear();
  namer_ = std::move(other.namer_);
  index_ = std::move(other.index_);
  hashes_ = std::move(other.hashes_);
  dropped_hashes_ = std::move(other.dropped_hashes_);
  return *this;
}

void KnowledgeGraph::settle() const {
  if (pending_.empty() && strip_.empty()) return;
  // Taken out first: the rebuild below looks at the graph, which settles it.
  std::vector<PendingEvidence> pending;
  pending.swap(pending_);
  std::vector<bool> dropped;
  dropped.swap(pending_dropped_);
  pending_ids_.clear();
  std::set<std::string, std::less<>> gone;
  gone.swap(strip_);

  // A dropped document's evidence leaves before the pending evidence comes
  // in, which may be a new copy under the same id.
  bool emptied = strip_in_place(gone);
  // The edges that get new evidence, each with where its new evidence starts.
  std::vector<std::pair<RelationEdge*, std::size_t>> touched;
  for (PendingEvidence& p : pending) {
    if (dropped[p.document]) continue;
    RelationEdge& e = g_[p.edge];
    touched.emplace_back(&e, e.evidence.size());
    e.evidence.push_back(std::move(p.evidence));
  }
  // An edge made only for documents dropped before they settled stays empty.
  for (const PendingEvidence& p : pending) emptied = emptied || g_[p.edge].evidence.empty();
  // Per edge, the first entry holds the smallest start: where its new part begins.
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                touched.end());
  for (auto& [e, fresh] : touched) {
    normalise_evidence(e->evidence, fresh);
    recount(*e);
  }
  if (emptied) drop_empty_edges();
}

// One pass over every edge, however many documents were dropped; true when
// an event edge is left without evidence.
bool KnowledgeGraph::strip_in_place(const std::set<std::string, std::less<>>& gone) const {
  if (gone.empty()) return false;
  bool emptied = false;
  for (Edge e : boost::make_iterator_range(boost::edges(g_))) {
    RelationEdge& p = g_[e];
    if (p.kind != EdgeKind::event) continue;
    if (std::erase_if(p.evidence, [&](const Evidence& ev) { return gone.count(ev.doc) > 0; }))
      recount(p);
    emptied = emptied || p.evidence.empty();
  }
  return emptied;
}

// Without their evidence, edges go, and with them nodes and affiliations
// nothing else needs.
void KnowledgeGraph::drop_empty_edges() const {
  KnowledgeGraph kept = rebuild(
      *this,
      [](const RelationEdge& e) -> std::optional<RelationEdge> {
        if (e.evidence.empty()) return std::nullopt;
        return e;
      },
      true);
  g_ = std::move(kept.g_);
  index_ = std::move(kept.index_);
}

// hashes_ and dropped_hashes_ only cache what GraphInfo says; graph() is
// public, so a reader or filter may have filled it directly.
void KnowledgeGraph::sync_records() const {
  const GraphInfo& info = g_[boost::graph_bundle];
  if (hashes_.size() != info.documents.size()) {
    hashes_.clear();
    for (const auto& [id, d] : info.documents) hashes_.emplace(d.hash, id);
  }
  if (dropped_hashes_.size() != info.dropped.size()) {
    dropped_hashes_.clear();
    for (const DocumentRecord& r : info.dropped) dropped_hashes_.emplace(r.hash, r.id);
  }
}

std::optional<DocumentRecord> KnowledgeGraph::beaten_by(const DocumentRecord& r) const {
  sync_records();
  const GraphInfo& info = g_[boost::graph_bundle];
  std::optional<DocumentRecord> by_id, by_hash;
  // Candidates share the id (or the hash), so record order picks the smaller.
  auto smaller = [](std::optional<DocumentRecord>& best, DocumentRecord c) {
    if (!best || c < *best) best = std::move(c);
  };
  if (auto k = info.documents.find(r.id); k != info.documents.end() && k->second.hash < r.hash)
    smaller(by_id, {r.id, k->second.hash});
  if (auto d = info.dropped.lower_bound({r.id, ""}); d != info.dropped.end() &&
                                                     d->id == r.id && d->hash < r.hash)
    smaller(by_id, *d);
  if (by_id) return by_id;
  if (auto k = hashes_.find(r.hash); k != hashes_.end() && k->second < r.id)
    smaller(by_hash, {k->second, r.hash});
  if (auto d = dropped_hashes_.lower_bound({r.hash, ""});
      d != dropped_hashes_.end() && d->first == r.hash && d->second < r.id)
    smaller(by_hash, {d->second, r.hash});
  return by_hash;
}

// Moves a kept document to the dropped ones; its evidence leaves on settle.
void KnowledgeGraph::drop_kept(std::string id) {
  GraphInfo& info = g_[boost::graph_bundle];
  auto it = info.documents.find(id);
  DocumentRecord r{id, it->second.hash};
  hashes_.erase(r.hash);
  info.documents.erase(it);
  dropped_hashes_.emplace(r.hash, r.id);
  info.dropped.insert(std::move(r));
  if (auto p = pending_ids_.find(id); p != pending_ids_.end()) {
    pending_dropped_[p->second] = true;
    pending_ids_.erase(p);
  } else {
    strip_.insert(std::move(id));
  }
}

// Adds `r` to the records seen: kept, unless `beaten` says that a record not
// yet here beats it or one here does; the kept documents it beats are dropped.
KnowledgeGraph::Added KnowledgeGraph::remember(const DocumentRecord& r, const DocumentInfo& kept,
                                               bool beaten) {
  sync_records();
  GraphInfo& info = g_[boost::graph_bundle];
  if (info.dropped.count(r)) return Added::duplicate;
  auto same_id = info.documents.find(r.id);
  if (same_id != info.documents.end() && same_id->second.hash == r.hash) {
    if (!beaten) return Added::duplicate;
    drop_kept(r.id);
    return Added::dropped;
  }
  beaten = beaten || beaten_by(r).has_value();
  if (same_id != info.documents.end() && r.hash < same_id->second.hash) drop_kept(r.id);
  if (auto h = hashes_.find(r.hash); h != hashes_.end() && r.id < h->second) drop_kept(h->second);
  if (beaten) {
    dropped_hashes_.emplace(r.hash, r.id);
    info.dropped.insert(r);
    return Added::dropped;
  }
  info.documents.emplace(r.id, kept);
  hashes_.emplace(r.hash, r.id);
  return Added::added;
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
  const DocumentRecord record{doc.id, content_hash(doc.text)};
  sync_records();
  if (info.dropped.count(record) ||
      (info.documents.count(doc.id) && info.documents.at(doc.id).hash == record.hash))
    return Added::duplicate;
  const DocumentInfo kept{record.hash, doc.date, doc.url};
  if (beaten_by(record)) return remember(record, kept, true);

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

  remember(record, kept, false);
  const std::size_t serial = pending_dropped_.size();
  pending_dropped_.push_back(false);
  pending_ids_[doc.id] = serial;

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
    pending_.push_back({e, serial,
                        Evidence{doc.id, ev.sentence, doc.date.empty() ? ev.date : doc.date,
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

  // Their dropped records first: they may drop some of ours.  Their kept
  // documents then meet the same rule as documents added one by one.
  const GraphInfo& theirs = other.g_[boost::graph_bundle];
  for (const DocumentRecord& r : theirs.dropped) remember(r, DocumentInfo{r.hash, "", ""}, true);
  std::set<std::string, std::less<>> take;
  for (const auto& [id, d] : theirs.documents)
    if (remember({id, d.hash}, d, false) == Added::added) take.insert(id);
  // Our evidence of documents dropped just now leaves before theirs comes in,
  // which may carry the same document id.
  settle();

  const Graph& og = other.g_;
  const std::size_t serial = pending_dropped_.size();
  pending_dropped_.push_back(false);
  for (Edge e : other.sorted_edges()) {
    const RelationEdge& p = og[e];
    if (p.kind != EdgeKind::event) continue;
    std::optional<Edge> mine;
    for (const Evidence& ev : p.evidence) {
      if (!take.count(ev.doc)) continue;
      if (!mine) {
        Vertex s = add_node(og[boost::source(e, og)]), t = add_node(og[boost::target(e, og)]);
        mine = edge_for(s, t, EdgeKind::event, p.relation, p.status);
      }
      pending_.push_back({*mine, serial, ev});
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

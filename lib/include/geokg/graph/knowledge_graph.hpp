// The graph model: a node per actor, an edge per (source, relation, target,
// status), with counts, dates and the evidence sentences.  Plain structs as
// Boost bundled properties; every writer and reader uses these fields.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "geokg/actors/actor.hpp"
#include "geokg/actors/actor_dictionary.hpp"
#include "geokg/input/document.hpp"
#include "geokg/relations/event.hpp"

namespace geokg {

struct Evidence {
  std::string doc;
  std::uint32_t sentence = 0;
  std::string date;     // the document's date, may be empty
  std::string text;     // the sentence
  std::string trigger;
  std::string attributed_to;
  friend auto operator<=>(const Evidence&, const Evidence&) = default;
};

struct ActorNode {
  std::string id;       // stable id: the code at --level state, the actor id otherwise
  std::string label;    // display name (English name, else German, else id)
  std::string name_de;
  std::string name_en;
  std::string code;     // the state or organisation it is coded as
  ActorType type = ActorType::state;
};

// Edges are events, except at --level actor, where an affiliation edge links a
// person or organisation to the state it serves.
enum class EdgeKind : std::uint8_t { event, affiliation };

struct RelationEdge {
  EdgeKind kind = EdgeKind::event;
  Relation relation = Relation::AGREE;
  Status status = Status::fact;
  std::uint32_t weight = 0;     // distinct supporting sentences
  std::uint32_t documents = 0;  // distinct supporting documents
  std::string first_seen;       // earliest / latest article date, may be empty
  std::string last_seen;
  std::vector<Evidence> evidence;  // sorted, unique by (doc, sentence)
};

struct DocumentInfo {
  std::string hash;   // of the text: the same article under another id is not re-counted
  std::string date;
  std::string url;    // where a reader finds the article, may be empty
  friend bool operator==(const DocumentInfo&, const DocumentInfo&) = default;
};

// A document as the graph tells copies apart: its id and its text's hash.
struct DocumentRecord {
  std::string id;
  std::string hash;
  friend auto operator<=>(const DocumentRecord&, const DocumentRecord&) = default;
};

enum class Level : std::uint8_t { state, actor };
std::string_view to_string(Level level);
Level parse_level(std::string_view name);  // throws GraphError

struct GraphInfo {
  Level level = Level::state;
  std::map<std::string, DocumentInfo> documents;  // the kept documents, by id
  std::set<DocumentRecord> dropped;  // documents another record beats (see KnowledgeGraph)
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                    ActorNode, RelationEdge, GraphInfo>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

// The content hash used to recognise a document seen before.
std::string content_hash(std::string_view text);

// Sets an edge's weight, documents, first_seen and last_seen from its
// evidence (sorted, unique by (doc, sentence)).
void recount(RelationEdge& e);

// The node an event's actor becomes: at --level state the node of its code
// (id = code), at --level actor the actor itself (id = actor id).  Names and type
// come from the dictionary; an id the dictionary does not know keeps what the
// event says.
using NodeNamer = std::function<ActorNode(const ActorRef& ref, Level level)>;
NodeNamer dictionary_namer(const ActorDictionary& actors);
ActorNode default_node(const ActorRef& ref, Level level);  // no dictionary

// Which copy of a document counts: of two records that share an id, the one
// with the smaller hash beats the other; of two that share a hash (the same
// text), the one with the smaller id.  A document is kept iff no record the
// graph has seen beats it, and only kept documents give evidence.  Beaten
// records stay remembered in `dropped`, so what is kept depends only on the
// set of records seen: not on the order of add_document, nor on the order or
// grouping of merges.
class KnowledgeGraph {
 public:
  explicit KnowledgeGraph(Level level = Level::state, NodeNamer namer = {});
  // Copies and moves first settle the source's pending evidence (see settle).
  KnowledgeGraph(const KnowledgeGraph& other);
  KnowledgeGraph(KnowledgeGraph&& other);
  KnowledgeGraph& operator=(const KnowledgeGraph& other);
  KnowledgeGraph& operator=(KnowledgeGraph&& other);

  // added: the document is kept (and the kept documents it beats are dropped);
  // duplicate: its record was seen before, nothing changes; dropped: a
  // record seen before beats it, it is only remembered.
  enum class Added { added, duplicate, dropped };
  Added add_document(const Document& doc, const std::vector<Event>& events);

  // Adds the records of `other` and the evidence of those it keeps.
  void merge(const KnowledgeGraph& other);

  // The record that beats `r`: of those seen with its id, the one with the
  // smallest hash, else of those with its hash, the one with the smallest id;
  // nullopt when none beats it.
  std::optional<DocumentRecord> beaten_by(const DocumentRecord& r) const;

  const Graph& graph() const {
    settle();
    return g_;
  }
  Graph& graph() {
    settle();
    return g_;
  }
  Level level() const { return g_[boost::graph_bundle].level; }

  std::optional<Vertex> find(std::string_view node_id) const;
  Vertex add_node(const ActorNode& node);  // or returns the existing one
  // The edge for (source, relation, target, status, kind), created if missing.
  Edge edge_for(Vertex s, Vertex t, EdgeKind kind, Relation r, Status st);

  // Nodes sorted by id, edges sorted by (source id, target id, kind, relation,
  // status): the canonical order every writer uses.
  std::vector<Vertex> sorted_nodes() const;
  std::vector<Edge> sorted_edges() const;

 private:
  // add_document appends a document's evidence here; settle() sorts it into
  // the edges and recounts them once, when the graph is next looked at.
  // Re-sorting an edge's whole evidence after every document made a build
  // quadratic in the evidence behind one relation.
  struct PendingEvidence {
    Edge edge;
    std::size_t document;  // index into pending_dropped_
    Evidence evidence;
  };
  void settle() const;
  bool strip_in_place(const std::set<std::string, std::less<>>& gone) const;
  void drop_empty_edges() const;
  Added remember(const DocumentRecord& r, const DocumentInfo& kept, bool beaten);
  void drop_kept(std::string id);
  void sync_records() const;

  // Mutable only for settle(), which changes how the graph is stored, never
  // what it holds.
  mutable Graph g_;
  mutable std::map<std::string, Vertex, std::less<>> index_;
  mutable std::vector<PendingEvidence> pending_;
  // Per document added since the last settle: whether it has been dropped
  // since, and, for those still kept, the index by id.
  mutable std::vector<bool> pending_dropped_;
  mutable std::map<std::string, std::size_t, std::less<>> pending_ids_;
  // Documents dropped after their evidence was settled into the edges.
  mutable std::set<std::string, std::less<>> strip_;
  NodeNamer namer_;
  // Look-ups by hash, caches of what GraphInfo says.
  mutable std::map<std::string, std::string, std::less<>> hashes_;  // kept: hash -> id
  mutable std::set<std::pair<std::string, std::string>> dropped_hashes_;  // (hash, id)
};

// Which edges an export or query keeps.
struct EdgeFilter {
  bool facts_only = true;                 // --status fact|all
  std::uint32_t min_weight = 1;
  std::string since, until;               // ISO dates, inclusive, empty = open
  std::vector<Relation> relations;        // empty = all
  bool keep(const RelationEdge& e) const;
};

// A copy of the graph with only the edges the filter keeps (and the nodes they
// touch, plus their affiliation edges).
KnowledgeGraph filtered(const KnowledgeGraph& g, const EdgeFilter& f);

}  // namespace geokg

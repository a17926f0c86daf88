// The graph model: a node per actor, an edge per (source, relation, target,
// status), with counts, dates and the evidence sentences.  Plain structs as
// Boost bundled properties; every writer and reader uses these fields.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
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
  friend bool operator==(const DocumentInfo&, const DocumentInfo&) = default;
};

enum class Level : std::uint8_t { state, actor };
std::string_view to_string(Level level);
Level parse_level(std::string_view name);  // throws GraphError

struct GraphInfo {
  Level level = Level::state;
  std::map<std::string, DocumentInfo> documents;  // by document id
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                    ActorNode, RelationEdge, GraphInfo>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

// The content hash used to recognise a document seen before.
std::string content_hash(std::string_view text);

// The node an event's actor becomes: at --level state the node of its code
// (id = code), at --level actor the actor itself (id = actor id).  Names and type
// come from the dictionary; an id the dictionary does not know keeps what the
// event says.
using NodeNamer = std::function<ActorNode(const ActorRef& ref, Level level)>;
NodeNamer dictionary_namer(const ActorDictionary& actors);
ActorNode default_node(const ActorRef& ref, Level level);  // no dictionary

class KnowledgeGraph {
 public:
  explicit KnowledgeGraph(Level level = Level::state, NodeNamer namer = {});
  // Copies and moves first settle the source's pending evidence (see settle).
  KnowledgeGraph(const KnowledgeGraph& other);
  KnowledgeGraph(KnowledgeGraph&& other);
  KnowledgeGraph& operator=(const KnowledgeGraph& other);
  KnowledgeGraph& operator=(KnowledgeGraph&& other);

  enum class Added { added, duplicate };
  // Adds a document and its events.  A document whose id or text hash is
  // already in the graph changes nothing and returns duplicate.
  Added add_document(const Document& doc, const std::vector<Event>& events);

  // Adds everything of `other` that is not already here (by document); the
  // result does not depend on the order of merges.
  void merge(const KnowledgeGraph& other);

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
    Evidence evidence;
  };
  void settle() const;

  // Mutable only for settle(), which changes how the graph is stored, never
  // what it holds.
  mutable Graph g_;
  mutable std::vector<PendingEvidence> pending_;
  NodeNamer namer_;
  std::map<std::string, Vertex, std::less<>> index_;
  std::map<std::string, std::string, std::less<>> hashes_;  // hash -> doc id
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

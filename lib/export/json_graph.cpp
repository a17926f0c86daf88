// The complete graph as JSON, the one format read back: every writer's output
// can be regenerated from it, and merging runs across processes goes through it.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <istream>
#include <iterator>
#include <ostream>
#include <set>

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include "export/text_util.hpp"
#include "geokg/error.hpp"
#include "geokg/export/graph_io.hpp"

namespace geokg {
namespace {

constexpr const char* kFormat = "geokg-graph";
// Version 2 adds "dropped"; a graph without dropped documents is written as
// version 1, byte for byte what earlier versions wrote and still read.
constexpr unsigned kVersion = 1;
constexpr unsigned kVersionDropped = 2;

using Writer = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

void put(Writer& w, const char* key, std::string_view value) {
  w.Key(key);
  // Ill-formed UTF-8 would make the file unreadable to strict parsers; fixing it
  // here also makes the reader's output identical to what it read.
  const std::string clean = exportutil::clean_utf8(value);
  w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

void put(Writer& w, const char* key, std::uint32_t value) {
  w.Key(key);
  w.Uint(value);
}

// ---- reading ---------------------------------------------------------------

using Value = rapidjson::Value;

class Reader {
 public:
  explicit Reader(const std::string& where) : where_(where) {}

  [[noreturn]] void fail(const std::string& path, const std::string& what) const {
    throw GraphError(fmt::format("{}: {}{}{}", where_, path, path.empty() ? "" : ": ", what));
  }

  const Value& member(const Value& obj, const char* key, const std::string& path) const {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) fail(path, fmt::format("missing field \"{}\"", key));
    return it->value;
  }

  std::string text(const Value& obj, const char* key, const std::string& path) const {
    const Value& v = member(obj, key, path);
    if (!v.IsString()) fail(path, fmt::format("field \"{}\" must be a string", key));
    return std::string(v.GetString(), v.GetStringLength());
  }

  std::uint32_t count(const Value& obj, const char* key, const std::string& path) const {
    const Value& v = member(obj, key, path);
    if (!v.IsUint()) fail(path, fmt::format("field \"{}\" must be a non-negative integer", key));
    return v.GetUint();
  }

  const Value& array(const Value& obj, const char* key, const std::string& path) const {
    const Value& v = member(obj, key, path);
    if (!v.IsArray()) fail(path, fmt::format("field \"{}\" must be an array", key));
    return v;
  }

  const Value& object(const Value& v, const std::string& path) const {
    if (!v.IsObject()) fail(path, "must be an object");
    return v;
  }

 private:
  const std::string& where_;
};

// Dropped records must be what the rule of KnowledgeGraph makes them: each
// beaten by another record of the file, and none beating a kept document.
void read_dropped(const Reader& r, const Value& doc, KnowledgeGraph& kg) {
  GraphInfo& info = kg.graph()[boost::graph_bundle];
  const Value& dropped = r.array(doc, "dropped", "");
  for (rapidjson::SizeType i = 0; i < dropped.Size(); ++i) {
    const std::string path = fmt::format("dropped[{}]", i);
    const Value& d = r.object(dropped[i], path);
    DocumentRecord rec{r.text(d, "id", path), r.text(d, "hash", path)};
    if (rec.id.empty()) r.fail(path, "empty document id");
    auto kept = info.documents.find(rec.id);
    if (kept != info.documents.end() && kept->second.hash == rec.hash)
      r.fail(path, fmt::format("document \"{}\" is listed as kept and as dropped", rec.id));
    if (!info.dropped.insert(std::move(rec)).second) r.fail(path, "listed twice");
  }
  for (const DocumentRecord& rec : info.dropped)
    if (!kg.beaten_by(rec))
      r.fail("dropped", fmt::format("document \"{}\" (hash {}) is beaten by no other document",
                                    rec.id, rec.hash));
  for (const auto& [id, d] : info.documents)
    if (auto winner = kg.beaten_by({id, d.hash}))
      r.fail(fmt::format("documents[\"{}\"]", id),
             fmt::format("kept, but dropped document \"{}\" (hash {}) beats it", winner->id,
                         winner->hash));
}

std::string edge_label(const std::string& source, const std::string& target, const RelationEdge& e) {
  std::string label = fmt::format("edge {}->{} {}", source, target, exportutil::edge_name(e));
  if (e.kind == EdgeKind::event && e.status != Status::fact)
    label += fmt::format(" ({})", to_string(e.status));
  return label;
}

// Stored counts are what an edge's evidence gives, never taken on trust: a
// count that disagrees would be shown by query and carried on by merge.
void check_counts(const Reader& r, const std::string& label, RelationEdge& edge) {
  const RelationEdge stored = RelationEdge{edge.kind, edge.relation, edge.status, edge.weight,
                                           edge.documents, edge.first_seen, edge.last_seen, {}};
  if (edge.kind == EdgeKind::affiliation) {
    if (!edge.evidence.empty()) r.fail(label, "an affiliation edge has no evidence");
    edge.weight = 1;
    edge.documents = 0;
    edge.first_seen.clear();
    edge.last_seen.clear();
  } else {
    if (edge.evidence.empty()) r.fail(label, "an event edge needs at least one evidence sentence");
    recount(edge);
  }
  if (stored.weight != edge.weight)
    r.fail(label, fmt::format("weight {} but {}", stored.weight,
                              edge.kind == EdgeKind::affiliation
                                  ? std::string("an affiliation has weight 1")
                                  : fmt::format("{} evidence sentence{}", edge.weight,
                                                edge.weight == 1 ? "" : "s")));
  if (stored.documents != edge.documents)
    r.fail(label, fmt::format("documents {} but the evidence comes from {}", stored.documents,
                              edge.documents));
  if (stored.first_seen != edge.first_seen)
    r.fail(label, fmt::format("first_seen \"{}\" but the evidence says \"{}\"",
                              stored.first_seen, edge.first_seen));
  if (stored.last_seen != edge.last_seen)
    r.fail(label, fmt::format("last_seen \"{}\" but the evidence says \"{}\"", stored.last_seen,
                              edge.last_seen));
}

std::string line_column(const std::string& text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return fmt::format("line {}, column {}, offset {}", line, column, offset);
}

}  // namespace

void write_json(std::ostream& out, const KnowledgeGraph& kg) {
  const Graph& g = kg.graph();
  rapidjson::OStreamWrapper os(out);
  Writer w(os);
  w.SetIndent(' ', 2);
  w.StartObject();
  const GraphInfo& info = g[boost::graph_bundle];
  put(w, "format", kFormat);
  put(w, "version", info.dropped.empty() ? kVersion : kVersionDropped);
  put(w, "level", to_string(kg.level()));

  w.Key("documents");
  w.StartObject();
  for (const auto& [id, d] : g[boost::graph_bundle].documents) {
    const std::string clean = exportutil::clean_utf8(id);
    w.Key(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
    w.StartObject();
    put(w, "hash", d.hash);
    put(w, "date", d.date);
    // Optional, so that graphs of documents without a url read and write as before.
    if (!d.url.empty()) put(w, "url", d.url);
    w.EndObject();
  }
  w.EndObject();
  if (!info.dropped.empty()) {
    w.Key("dropped");
    w.StartArray();
    for (const DocumentRecord& r : info.dropped) {
      w.StartObject();
      put(w, "id", r.id);
      put(w, "hash", r.hash);
      w.EndObject();
    }
    w.EndArray();
  }

  w.Key("nodes");
  w.StartArray();
  for (Vertex v : kg.sorted_nodes()) {
    const ActorNode& n = g[v];
    w.StartObject();
    put(w, "id", n.id);
    put(w, "label", n.label);
    put(w, "name_de", n.name_de);
    put(w, "name_en", n.name_en);
    put(w, "code", n.code);
    put(w, "type", to_string(n.type));
    w.EndObject();
  }
  w.EndArray();

  w.Key("edges");
  w.StartArray();
  for (Edge e : kg.sorted_edges()) {
    const RelationEdge& p = g[e];
    w.StartObject();
    put(w, "source", g[boost::source(e, g)].id);
    put(w, "target", g[boost::target(e, g)].id);
    put(w, "kind", p.kind == EdgeKind::event ? "event" : "affiliation");
    // An affiliation has no relation; writing the default would claim one.
    if (p.kind == EdgeKind::event) {
      put(w, "relation", to_string(p.relation));
      put(w, "status", to_string(p.status));
      put(w, "quad", to_string(quad_of(p.relation)));
    }
    put(w, "weight", p.weight);
    put(w, "documents", p.documents);
    put(w, "first_seen", p.first_seen);
    put(w, "last_seen", p.last_seen);
    w.Key("evidence");
    w.StartArray();
    for (const Evidence& ev : p.evidence) {
      w.StartObject();
      put(w, "doc", ev.doc);
      put(w, "sentence", ev.sentence);
      put(w, "date", ev.date);
      put(w, "text", ev.text);
      put(w, "trigger", ev.trigger);
      put(w, "attributed_to", ev.attributed_to);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  os.Flush();
  out << '\n';
}

KnowledgeGraph read_json(std::istream& in, const std::string& where) {
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw GraphError(where + ": read error");

  rapidjson::Document doc;
  // Iterative parsing: deeply nested input must not exhaust the stack.
  doc.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(text.data(), text.size());
  if (doc.HasParseError())
    throw GraphError(fmt::format("{}: invalid JSON at {}: {}", where,
                                 line_column(text, doc.GetErrorOffset()),
                                 rapidjson::GetParseError_En(doc.GetParseError())));

  Reader r(where);
  const std::string not_graph =
      fmt::format("not a geokg graph (expected a JSON object with \"format\": \"{}\")", kFormat);
  if (!doc.IsObject()) r.fail("", not_graph);
  auto fmt_it = doc.FindMember("format");
  if (fmt_it == doc.MemberEnd() || !fmt_it->value.IsString() ||
      std::string_view(fmt_it->value.GetString()) != kFormat)
    r.fail("", not_graph);
  const std::uint32_t version = r.count(doc, "version", "");
  if (version != kVersion && version != kVersionDropped)
    r.fail("", fmt::format("graph format version {} is not supported (this geokg reads {} and {})",
                           version, kVersion, kVersionDropped));

  const std::string level_name = r.text(doc, "level", "");
  Level level;
  try {
    level = parse_level(level_name);
  } catch (const GraphError& e) {
    r.fail("level", e.what());
  }
  KnowledgeGraph kg(level);
  Graph& g = kg.graph();
  GraphInfo& info = g[boost::graph_bundle];

  const Value& docs = r.member(doc, "documents", "");
  if (!docs.IsObject()) r.fail("", "field \"documents\" must be an object");
  std::set<std::string> hashes;
  for (auto it = docs.MemberBegin(); it != docs.MemberEnd(); ++it) {
    std::string id(it->name.GetString(), it->name.GetStringLength());
    const std::string path = fmt::format("documents[\"{}\"]", id);
    if (id.empty()) r.fail(path, "empty document id");
    const Value& d = r.object(it->value, path);
    DocumentInfo di{r.text(d, "hash", path), r.text(d, "date", path),
                    d.HasMember("url") ? r.text(d, "url", path) : std::string()};
    if (!hashes.insert(di.hash).second)
      r.fail(path, fmt::format("hash {} is already used by another document", di.hash));
    if (!info.documents.emplace(std::move(id), std::move(di)).second)
      r.fail(path, "document listed twice");
  }
  if (version == kVersionDropped) read_dropped(r, doc, kg);

  const Value& nodes = r.array(doc, "nodes", "");
  for (rapidjson::SizeType i = 0; i < nodes.Size(); ++i) {
    const std::string path = fmt::format("nodes[{}]", i);
    const Value& n = r.object(nodes[i], path);
    ActorNode node;
    node.id = r.text(n, "id", path);
    if (node.id.empty()) r.fail(path, "empty node id");
    if (kg.find(node.id)) r.fail(path, fmt::format("node \"{}\" listed twice", node.id));
    node.label = r.text(n, "label", path);
    node.name_de = r.text(n, "name_de", path);
    node.name_en = r.text(n, "name_en", path);
    node.code = r.text(n, "code", path);
    const std::string type = r.text(n, "type", path);
    try {
      node.type = parse_actor_type(type);
    } catch (const Error& e) {
      r.fail(path, e.what());
    }
    kg.add_node(node);
  }

  const Value& edges = r.array(doc, "edges", "");
  for (rapidjson::SizeType i = 0; i < edges.Size(); ++i) {
    const std::string path = fmt::format("edges[{}]", i);
    const Value& e = r.object(edges[i], path);
    const std::string source = r.text(e, "source", path);
    const std::string target = r.text(e, "target", path);
    auto s = kg.find(source);
    if (!s) r.fail(path, fmt::format("source \"{}\" is not a node of the graph", source));
    auto t = kg.find(target);
    if (!t) r.fail(path, fmt::format("target \"{}\" is not a node of the graph", target));

    RelationEdge edge;
    const std::string kind = r.text(e, "kind", path);
    if (kind == "event") {
      edge.kind = EdgeKind::event;
    } else if (kind == "affiliation") {
      edge.kind = EdgeKind::affiliation;
    } else {
      r.fail(path, fmt::format("unknown edge kind \"{}\" (expected event or affiliation)", kind));
    }
    if (edge.kind == EdgeKind::event) {
      const std::string relation = r.text(e, "relation", path);
      auto rel = parse_relation(relation);
      if (!rel) r.fail(path, fmt::format("unknown relation \"{}\"", relation));
      edge.relation = *rel;
      const std::string status = r.text(e, "status", path);
      auto st = parse_status(status);
      if (!st)
        r.fail(path, fmt::format("unknown status \"{}\" (expected fact, hypothetical or negated)",
                                 status));
      edge.status = *st;
    }
    const std::string label = edge_label(source, target, edge);
    edge.weight = r.count(e, "weight", path);
    edge.documents = r.count(e, "documents", path);
    edge.first_seen = r.text(e, "first_seen", path);
    edge.last_seen = r.text(e, "last_seen", path);

    const Value& evidence = r.array(e, "evidence", path);
    for (rapidjson::SizeType k = 0; k < evidence.Size(); ++k) {
      const std::string epath = fmt::format("{}.evidence[{}]", path, k);
      const Value& ev = r.object(evidence[k], epath);
      Evidence item{r.text(ev, "doc", epath), r.count(ev, "sentence", epath),
                    r.text(ev, "date", epath), r.text(ev, "text", epath),
                    r.text(ev, "trigger", epath), r.text(ev, "attributed_to", epath)};
      if (!info.documents.count(item.doc))
        r.fail(epath, fmt::format("document \"{}\" is not listed under \"documents\"", item.doc));
      edge.evidence.push_back(std::move(item));
    }
    if (!std::is_sorted(edge.evidence.begin(), edge.evidence.end()) ||
        std::adjacent_find(edge.evidence.begin(), edge.evidence.end(),
                           [](const Evidence& a, const Evidence& b) {
                             return a.doc == b.doc && a.sentence == b.sentence;
                           }) != edge.evidence.end())
      r.fail(path, "evidence must be sorted and hold each (doc, sentence) once");
    check_counts(r, label, edge);

    const std::size_t before = boost::num_edges(g);
    Edge created = kg.edge_for(*s, *t, edge.kind, edge.relation, edge.status);
    if (boost::num_edges(g) == before)
      r.fail(path, fmt::format("edge {} -[{}]-> {} listed twice", source,
                               exportutil::edge_name(edge), target));
    g[created] = std::move(edge);
  }
  return kg;
}

KnowledgeGraph read_graph_file(const std::filesystem::path& path) {
  const std::string where = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw GraphError(where + ": is a directory, not a geokg JSON graph");
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".graphml" || ext == ".dot" || ext == ".gexf" || ext == ".neo4j")
    throw GraphError(where + ": only JSON graphs (.json, written by geokg) can be read back; "
                     "rebuild this " + ext + " export from the JSON graph instead");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw GraphError(where + ": cannot open: " + std::strerror(errno));
  return read_json(in, where);
}

}  // namespace geokg

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "../graph/fixtures.hpp"
#include "export/atomic_file.hpp"
#include "export/text_util.hpp"
#include "geokg/error.hpp"
#include "hostile.hpp"

using namespace geokg;
using namespace geokg::testing;
namespace fs = std::filesystem;

namespace {

// Three nodes, one named; a dyad seen in two articles and a hypothetical one.
KnowledgeGraph tiny() {
  NodeNamer namer = [](const ActorRef& ref, Level level) {
    ActorNode n = default_node(ref, level);
    if (n.id == "RUS") {
      n.name_en = n.label = "Russia";
      n.name_de = "Russland";
    }
    return n;
  };
  KnowledgeGraph kg(Level::state, namer);
  kg.add_document(doc("d1", "2023-01-05"),
                  {event(state("RUS"), Relation::ASSAULT, state("UKR"), 0,
                         "Russland griff die Ukraine an.")});
  kg.add_document(doc("d2", "2023-02-10"),
                  {event(state("RUS"), Relation::ASSAULT, state("UKR"), 1,
                         "Angriffe & Drohungen <neu>"),
                   event(state("UKR"), Relation::REQUEST, state("USA"), 2, "Kiew bat um \"Hilfe\"",
                         Status::hypothetical)});
  return kg;
}

template <typename F>
std::string written(F write, const KnowledgeGraph& kg) {
  std::ostringstream out;
  write(out, kg);
  return out.str();
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fresh directory under the system temp dir, removed at scope exit.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("geokg-export-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string export_error(const fs::path& p, const KnowledgeGraph& kg) {
  try {
    write_graph(p, kg);
  } catch (const ExportError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("GraphML of a small graph, exactly") {
  CHECK(written(write_graphml, tiny()) == R"XML(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="name_de" for="node" attr.name="name_de" attr.type="string"/>
  <key id="name_en" for="node" attr.name="name_en" attr.type="string"/>
  <key id="code" for="node" attr.name="code" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="edge_label" for="edge" attr.name="label" attr.type="string"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>
  <key id="status" for="edge" attr.name="status" attr.type="string"/>
  <key id="quad" for="edge" attr.name="quad" attr.type="string"/>
  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>
  <key id="documents" for="edge" attr.name="documents" attr.type="int"/>
  <key id="first_seen" for="edge" attr.name="first_seen" attr.type="string"/>
  <key id="last_seen" for="edge" attr.name="last_seen" attr.type="string"/>
  <key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>
  <key id="r" for="edge" attr.name="r" attr.type="int"/>
  <key id="g" for="edge" attr.name="g" attr.type="int"/>
  <key id="b" for="edge" attr.name="b" attr.type="int"/>
  <graph id="geokg" edgedefault="directed">
    <node id="RUS">
      <data key="label">Russia</data>
      <data key="name_de">Russland</data>
      <data key="name_en">Russia</data>
      <data key="code">RUS</data>
      <data key="type">state</data>
    </node>
    <node id="UKR">
      <data key="label">UKR</data>
      <data key="name_de"></data>
      <data key="name_en"></data>
      <data key="code">UKR</data>
      <data key="type">state</data>
    </node>
    <node id="USA">
      <data key="label">USA</data>
      <data key="name_de"></data>
      <data key="name_en"></data>
      <data key="code">USA</data>
      <data key="type">state</data>
    </node>
    <edge id="e0" source="RUS" target="UKR">
      <data key="edge_label">ASSAULT</data>
      <data key="weight">2</data>
      <data key="kind">event</data>
      <data key="relation">ASSAULT</data>
      <data key="status">fact</data>
      <data key="quad">material-conflict</data>
      <data key="documents">2</data>
      <data key="first_seen">2023-01-05</data>
      <data key="last_seen">2023-02-10</data>
      <data key="evidence">d1#0: Russland griff die Ukraine an. | d2#1: Angriffe &amp; Drohungen &lt;neu&gt;</data>
      <data key="r">214</data>
      <data key="g">39</data>
      <data key="b">40</data>
    </edge>
    <edge id="e1" source="UKR" target="USA">
      <data key="edge_label">REQUEST</data>
      <data key="weight">1</data>
      <data key="kind">event</data>
      <data key="relation">REQUEST</data>
      <data key="status">hypothetical</data>
      <data key="quad">verbal-conflict</data>
      <data key="documents">1</data>
      <data key="first_seen">2023-02-10</data>
      <data key="last_seen">2023-02-10</data>
      <data key="evidence">d2#2: Kiew bat um &quot;Hilfe&quot;</data>
      <data key="r">255</data>
      <data key="g">187</data>
      <data key="b">120</data>
    </edge>
  </graph>
</graphml>
)XML");
}

TEST_CASE("DOT of a small graph, exactly") {
  CHECK(written(write_dot, tiny()) == R"DOT(digraph "geokg" {
  graph [charset="UTF-8", rankdir="LR", overlap="false"];
  node [shape="box", style="rounded"];
  "RUS" [label="Russia", tooltip="Russia (RUS, state)"];
  "UKR" [label="UKR", tooltip="UKR (UKR, state)"];
  "USA" [label="USA", tooltip="USA (USA, state)"];
  "RUS" -> "UKR" [label="ASSAULT (2)", color="#d62728", fontcolor="#d62728", penwidth=2.00, weight=2, tooltip="d1#0: Russland griff die Ukraine an.\nd2#1: Angriffe & Drohungen <neu>"];
  "UKR" -> "USA" [label="REQUEST (1, hypothetical)", color="#ffbb78", fontcolor="#ffbb78", penwidth=1.00, weight=1, style="dotted", tooltip="d2#2: Kiew bat um \"Hilfe\""];
  subgraph "cluster_legend" {
    label="relations";
    style="dashed";
    "legend:REQUEST" [label="REQUEST", shape="box", style="filled", fillcolor="#ffbb78", color="#ffbb78"];
    "legend:ASSAULT" [label="ASSAULT", shape="box", style="filled", fillcolor="#d62728", color="#d62728"];
  }
}
)DOT");
}

TEST_CASE("Neo4j CSV of a small graph, exactly") {
  std::ostringstream nodes, rels;
  write_neo4j(nodes, rels, tiny());
  // U+001F separates labels and array elements (--array-delimiter=U+001F).
  CHECK(nodes.str() + rels.str() ==
        "id:ID(Actor),:LABEL,name:string,name_de:string,name_en:string,code:string,type:string\n"
        "RUS,Actor\x1fState,Russia,Russland,Russia,RUS,state\n"
        "UKR,Actor\x1fState,UKR,,,UKR,state\n"
        "USA,Actor\x1fState,USA,,,USA,state\n"
        ":START_ID(Actor),:END_ID(Actor),:TYPE,status:string,weight:int,documents:int,"
        "first_seen:date,last_seen:date,quad:string,evidence:string[]\n"
        "RUS,UKR,ASSAULT,fact,2,2,2023-01-05,2023-02-10,material-conflict,"
        "d1#0: Russland griff die Ukraine an.\x1f" "d2#1: Angriffe & Drohungen <neu>\n"
        "UKR,USA,REQUEST,hypothetical,1,1,2023-02-10,2023-02-10,verbal-conflict,"
        "\"d2#2: Kiew bat um \"\"Hilfe\"\"\"\n");
}

TEST_CASE("Neo4j dates are typed and normalised; evidence is kept as written") {
  KnowledgeGraph kg;
  kg.add_document(doc("a", "2023-03-01T10:00:00Z"),
                  {event(state("FRA"), Relation::AID, state("UKR"), 0, "a;b, \"c\"\nd\r\te")});
  kg.add_document(doc("b", "2023-04"), {event(state("FRA"), Relation::AID, state("UKR"), 0)});
  kg.add_document(doc("c", "M\xC3\xA4rz 2023"),
                  {event(state("DEU"), Relation::AID, state("UKR"), 0)});
  std::ostringstream nodes, rels;
  write_neo4j(nodes, rels, kg);
  CHECK(rels.str().find("\nDEU,UKR,AID,fact,1,1,,,material-cooperation,c#0: sentence 0\n") !=
        std::string::npos);
  CHECK(rels.str().find("\nFRA,UKR,AID,fact,2,2,2023-03-01,2023-04-01,material-cooperation,"
                        "\"a#0: a;b, \"\"c\"\"\nd\r\te\x1f" "b#0: sentence 0\"\n") !=
        std::string::npos);
}

TEST_CASE("Neo4j evidence: at most 50 sentences, then a count of the rest") {
  KnowledgeGraph kg;
  std::vector<Event> events;
  for (std::uint32_t i = 0; i < 53; ++i)
    events.push_back(event(state("ISR"), Relation::ASSAULT, state("LBN"), i, "s"));
  kg.add_document(doc("d", "2023-01-01"), events);
  std::ostringstream nodes, rels;
  write_neo4j(nodes, rels, kg);
  std::string want = ",material-conflict,d#0: s";
  for (int i = 1; i < 50; ++i) want += fmt::format("\x1f" "d#{}: s", i);
  CHECK(rels.str().find(want + "\x1f(+3 more)\n") != std::string::npos);
}

TEST_CASE("calendar dates for typed consumers") {
  using exportutil::calendar_date;
  CHECK(calendar_date("2023-03-01") == "2023-03-01");
  CHECK(calendar_date("2023-03-01T10:00:00+02:00") == "2023-03-01");
  CHECK(calendar_date("2023-03") == "2023-03-01");
  CHECK(calendar_date("2023") == "2023-01-01");
  CHECK(calendar_date("2024-02-29") == "2024-02-29");
  CHECK(calendar_date("2023-02-29") == "");
  CHECK(calendar_date("2023-13") == "");
  CHECK(calendar_date("2023-01-011") == "");
  CHECK(calendar_date("M\xC3\xA4rz 2023") == "");
  CHECK(calendar_date("") == "");
}

TEST_CASE("CSV edge list of a small graph, exactly") {
  CHECK(written(write_csv, tiny()) ==
        "source,source_name,target,target_name,relation,status,quad,weight,documents,"
        "first_seen,last_seen,evidence_doc,evidence_sentence,evidence\r\n"
        "RUS,Russia,UKR,UKR,ASSAULT,fact,material-conflict,2,2,2023-01-05,2023-02-10,d1,0,"
        "Russland griff die Ukraine an.\r\n"
        "UKR,UKR,USA,USA,REQUEST,hypothetical,verbal-conflict,1,1,2023-02-10,2023-02-10,d2,2,"
        "\"Kiew bat um \"\"Hilfe\"\"\"\r\n");
}

TEST_CASE("CSV edge list: the earliest dated sentence, kept as written") {
  KnowledgeGraph kg(Level::actor);
  kg.add_document(doc("z-late", "2023-06-01"),
                  {event(person("putin", "RUS"), Relation::THREATEN, state("UKR"), 3, "late")});
  kg.add_document(doc("a-undated", ""),
                  {event(person("putin", "RUS"), Relation::THREATEN, state("UKR"), 0, "undated")});
  kg.add_document(doc("m-early", "2023-01-02"),
                  {event(person("putin", "RUS"), Relation::THREATEN, state("UKR"), 1,
                         "=early, \"quoted\"\nline")});
  const std::string csv = written(write_csv, kg);
  CHECK(csv.find("\r\nputin,putin,RUS,RUS,affiliation,,,1,,,,,,\r\n") != std::string::npos);
  CHECK(csv.find("\r\nputin,putin,UKR,UKR,THREATEN,fact,verbal-conflict,3,3,2023-01-02,"
                 "2023-06-01,m-early,1,\"'=early, \"\"quoted\"\"\nline\"\r\n") !=
        std::string::npos);
}

TEST_CASE("GEXF 1.3 declares what Gephi needs") {
  const std::string gexf = written(write_gexf, tiny());
  for (const char* part : {
           "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" ",
           "<graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\" "
           "timerepresentation=\"timestamp\">",
           "<attributes class=\"node\" mode=\"static\">",
           "<attribute id=\"documents\" title=\"documents\" type=\"integer\"/>",
           "<node id=\"RUS\" label=\"Russia\">",
           "<edge id=\"0\" source=\"RUS\" target=\"UKR\" kind=\"ASSAULT\" label=\"ASSAULT\" "
           "weight=\"2\">",
           "        <spells>\n"
           "          <spell timestamp=\"2023-01-05\"/>\n"
           "          <spell timestamp=\"2023-02-10\"/>\n"
           "        </spells>\n",
           "<edge id=\"1\" source=\"UKR\" target=\"USA\" kind=\"REQUEST (hypothetical)\" "
           "label=\"REQUEST (hypothetical)\" weight=\"1\">",
           "<viz:color r=\"214\" g=\"39\" b=\"40\"/>",
           "<viz:size value=\"17.92\"/>",
           "<attvalue for=\"evidence\" value=\"d1#0: Russland griff die Ukraine an. | d2#1: "
           "Angriffe &amp; Drohungen &lt;neu&gt;\"/>",
       })
    CHECK_MESSAGE(gexf.find(part) != std::string::npos, part);
  CHECK(gexf.find("start=") == std::string::npos);
}

TEST_CASE("GEXF keeps fact, hypothetical and negated edges of a pair apart") {
  KnowledgeGraph kg;
  kg.add_document(doc("a", "2023-06-01"),
                  {event(state("RUS"), Relation::ASSAULT, state("UKR"), 0),
                   event(state("RUS"), Relation::ASSAULT, state("UKR"), 1, "",
                         Status::hypothetical),
                   event(state("RUS"), Relation::ASSAULT, state("UKR"), 2, "", Status::negated)});
  kg.add_document(doc("b", "2023-10-01"),
                  {event(state("RUS"), Relation::ASSAULT, state("UKR"), 0)});
  const std::string gexf = written(write_gexf, kg);
  for (const char* kind : {"kind=\"ASSAULT\"", "kind=\"ASSAULT (hypothetical)\"",
                           "kind=\"ASSAULT (negated)\""})
    CHECK_MESSAGE(gexf.find(kind) != std::string::npos, kind);
  // June and October, not the summer in between.
  CHECK(gexf.find("weight=\"2\">") != std::string::npos);
  CHECK(gexf.find("<spell timestamp=\"2023-06-01\"/>\n"
                  "          <spell timestamp=\"2023-10-01\"/>\n        </spells>") !=
        std::string::npos);
}

TEST_CASE("GEXF timestamps only from real days; a graph without dates is static") {
  KnowledgeGraph kg;
  kg.add_document(doc("a", "2023-03-01T10:00:00Z"),
                  {event(state("FRA"), Relation::AID, state("UKR"), 0)});
  kg.add_document(doc("b", "M\xC3\xA4rz 2023"),
                  {event(state("DEU"), Relation::AID, state("UKR"), 0)});
  const std::string gexf = written(write_gexf, kg);
  CHECK(gexf.find("<spells>\n          <spell timestamp=\"2023-03-01\"/>\n        </spells>") !=
        std::string::npos);
  CHECK(gexf.find("<spell timestamp=\"M") == std::string::npos);
  // first_seen/last_seen are the days Neo4j and the CSV edge list give, not
  // the raw input.
  CHECK(gexf.find("<attvalue for=\"first_seen\" value=\"2023-03-01\"/>\n"
                  "          <attvalue for=\"last_seen\" value=\"2023-03-01\"/>") !=
        std::string::npos);
  CHECK(gexf.find("T10:00:00Z") == std::string::npos);
  CHECK(gexf.find("value=\"M\xC3\xA4rz 2023\"") == std::string::npos);
  CHECK(exportutil::xsd_date("2023-03-01T10:00:00Z") == "2023-03-01");
  CHECK(exportutil::xsd_date("2023-03") == "");
  CHECK(exportutil::xsd_date("2023/03/01") == "");
  CHECK(exportutil::xsd_date("2023-02-30") == "");

  KnowledgeGraph undated;
  undated.add_document(doc("u", ""), {event(state("FRA"), Relation::AID, state("UKR"), 0)});
  const std::string stat = written(write_gexf, undated);
  CHECK(stat.find("<graph defaultedgetype=\"directed\" mode=\"static\">") != std::string::npos);
  CHECK(stat.find("time") == std::string::npos);
  CHECK(stat.find("spell") == std::string::npos);
}

TEST_CASE("escaping for XML, DOT and CSV") {
  using namespace exportutil;
  const std::string nasty = "a\"b'c<d>e&f\\g\th\ni\rj\x01k\x1bl\x7fm";
  CHECK(xml_escape(nasty) == "a&quot;b&apos;c&lt;d&gt;e&amp;f\\g&#9;h&#10;i&#13;jkl\x7fm");
  CHECK(dot_escape(nasty) == "a\\\"b'c<d>e&f\\\\g h\\nijkl\x7fm");
  CHECK(csv_field(nasty) == "\"a\"\"b'c<d>e&f\\g h i jkl\x7fm\"");
  CHECK(csv_field("x,y") == "\"x,y\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("a;b") == "\"a;b\"");
  CHECK(csv_field(" pad") == "\" pad\"");
  CHECK(csv_field("plain") == "plain");
  // Ill-formed UTF-8 becomes U+FFFD; U+FFFE is not XML at all.
  CHECK(clean_utf8("ok\xC3(\xED\xA0\x80\xEF\xBF\xBE\xF0\x9F\x98\x80") ==
        "ok\xEF\xBF\xBD(\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xF0\x9F\x98\x80");
  CHECK(truncate_utf8("\xC3\xA4\xC3\xB6\xC3\xBC", 3) == "\xC3\xA4\xE2\x80\xA6");
  CHECK(truncate_utf8("short", 10) == "short");
}

TEST_CASE("CSV cells never start a spreadsheet formula") {
  using namespace exportutil;
  CHECK(csv_field("=1+2") == "'=1+2");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("+x") == "'+x");
  CHECK(csv_field("-2+3") == "'-2+3");
  CHECK(csv_field("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0");
  CHECK(csv_field("=a,b") == "\"'=a,b\"");
  // Numbers cannot run, and a quote would change them.
  CHECK(csv_field("-3") == "-3");
  CHECK(csv_field("+1.5e-3") == "+1.5e-3");
  CHECK(csv_field("2023-01-05") == "2023-01-05");

  KnowledgeGraph kg;
  kg.add_document(doc("=HYPERLINK(1)", "2023-01-05"),
                  {event(state("=cmd"), Relation::AID, state("@x"), 0, "text")});
  std::ostringstream nodes, rels;
  write_neo4j(nodes, rels, kg);
  CHECK(nodes.str().find("\n'=cmd,Actor\x1fState,'=cmd,,,'=cmd,state\n") != std::string::npos);
  CHECK(rels.str().find("\n'=cmd,'@x,AID,fact,1,1,2023-01-05,2023-01-05,material-cooperation,"
                        "'=HYPERLINK(1)#0: text\n") != std::string::npos);
}

TEST_CASE("DOT ids come back from Graphviz as they are, within its 16 KB limit") {
  using namespace exportutil;
  CHECK(dot_id("x\\y") == "x\\y");
  CHECK(dot_id("line\nbreak") == "line\nbreak");
  CHECK(dot_id("two\\\\") == "two\\\\");
  // Graphviz cannot hold a lone backslash before a quote, a line end or the end.
  CHECK(dot_id("end\\") == "end\\\\");
  CHECK(dot_id("q\\\"") == "q\\\\\"");
  CHECK(dot_quoted_id("q\\\\\"") == "\"q\\\\\\\"\"");
  CHECK(dot_id(std::string(20000, 'a')) == std::string(kDotIdBytes, 'a') + "\xE2\x80\xA6");

  KnowledgeGraph kg;
  kg.add_document(doc("d", "2023-01-01"),
                  {event(state("x\\y"), Relation::AID, state("line\nbreak"), 0),
                   event(state(std::string(20000, 'a')), Relation::AID, state("x\\y"), 1)});
  const std::string dot = written(write_dot, kg);
  CHECK(dot.find("  \"x\\y\" -> \"line\nbreak\"") != std::string::npos);
  CHECK(dot.find(std::string(kDotIdBytes, 'a') + "\xE2\x80\xA6\" -> \"x\\y\"") !=
        std::string::npos);
  std::size_t longest = 0, open = std::string::npos;
  for (std::size_t i = 0; i < dot.size(); ++i) {
    if (dot[i] == '\\') {
      ++i;
    } else if (dot[i] == '"') {
      if (open == std::string::npos) open = i;
      else longest = std::max(longest, i - open), open = std::string::npos;
    }
  }
  CHECK(longest < 16384);
}

TEST_CASE("ids that cleaning makes equal stay apart") {
  KnowledgeGraph kg;
  kg.add_node(ActorNode{"ab", "", "", "", "ab", ActorType::state});
  kg.add_node(ActorNode{"a\x01" "b", "", "", "", "ab", ActorType::state});
  kg.add_node(ActorNode{"\x02", "", "", "", "", ActorType::state});
  const auto ids = exportutil::unique_ids(kg, kg.sorted_nodes(), exportutil::xml_text);
  CHECK(ids == std::vector<std::string>{"_", "ab~2", "ab"});
  const std::string graphml = written(write_graphml, kg);
  CHECK(graphml.find("<node id=\"ab\">") != std::string::npos);
  CHECK(graphml.find("<node id=\"ab~2\">") != std::string::npos);
  CHECK(graphml.find("<node id=\"_\">") != std::string::npos);
}

TEST_CASE("DOT quotes keywords and escapes ids; the legend dodges actor ids") {
  KnowledgeGraph kg;
  kg.add_document(doc("d", "2023-01-01"),
                  {event(state("node"), Relation::AID, state("legend:AID"), 0, "x\\y \"z\"\n2"),
                   event(state("a\"b\\"), Relation::ASSAULT, state("edge"), 1)});
  const std::string dot = written(write_dot, kg);
  CHECK(dot.find("  \"node\" -> \"legend:AID\" [label=\"AID (1)\"") != std::string::npos);
  CHECK(dot.find("  \"a\\\"b\\\\\" -> \"edge\"") != std::string::npos);
  CHECK(dot.find("tooltip=\"d#0: x\\\\y \\\"z\\\"\\n2\"") != std::string::npos);
  CHECK(dot.find("\"_legend:AID\" [label=\"AID\"") != std::string::npos);
  CHECK(dot.find("\"_legend:ASSAULT\" [label=\"ASSAULT\"") != std::string::npos);
}

TEST_CASE("penwidth grows with the log of the weight") {
  KnowledgeGraph kg;
  std::vector<Event> events;
  for (std::uint32_t i = 0; i < 8; ++i)
    events.push_back(event(state("ISR"), Relation::ASSAULT, state("LBN"), i));
  kg.add_document(doc("d", "2023-01-01"), events);
  CHECK(written(write_dot, kg).find("label=\"ASSAULT (8)\", color=\"#d62728\", "
                                    "fontcolor=\"#d62728\", penwidth=4.00, weight=8,") !=
        std::string::npos);
}

TEST_CASE("affiliation edges in every format") {
  KnowledgeGraph kg(Level::actor);
  kg.add_document(doc("d", "2023-01-01"),
                  {event(person("putin", "RUS"), Relation::THREATEN, state("UKR"), 0)});
  CHECK(written(write_dot, kg).find(
            "  \"putin\" -> \"RUS\" [label=\"affiliation\", color=\"#808080\", "
            "style=\"dashed\"];") != std::string::npos);
  const std::string graphml = written(write_graphml, kg);
  CHECK(graphml.find("<edge id=\"e0\" source=\"putin\" target=\"RUS\">\n"
                     "      <data key=\"edge_label\">affiliation</data>\n"
                     "      <data key=\"weight\">1</data>\n"
                     "      <data key=\"kind\">affiliation</data>\n") != std::string::npos);
  CHECK(written(write_gexf, kg).find("<edge id=\"0\" source=\"putin\" target=\"RUS\" "
                                     "kind=\"affiliation\" label=\"affiliation\" weight=\"1\">") !=
        std::string::npos);
  std::ostringstream nodes, rels;
  write_neo4j(nodes, rels, kg);
  CHECK(rels.str().find("\nputin,RUS,AFFILIATED_WITH,,1,,,,,\n") != std::string::npos);
  CHECK(nodes.str().find("\nputin,Actor\x1fPerson,putin,,,RUS,person\n") != std::string::npos);
}

TEST_CASE("long evidence stays bounded in the visual formats") {
  const KnowledgeGraph kg = hostile_graph(Level::state);
  const std::string dot = written(write_dot, kg);
  const std::string graphml = written(write_graphml, kg);
  const std::string gexf = written(write_gexf, kg);
  CHECK(dot.size() < 10000);
  CHECK(graphml.size() < 20000);
  CHECK(gexf.size() < 20000);
  CHECK(graphml.find("(+56 more)</data>") != std::string::npos);
  CHECK(dot.find("\\n(+58 more)\"") != std::string::npos);
  // The JSON keeps everything.
  CHECK(written(write_json, kg).find(std::string(40000, 'x')) != std::string::npos);
}

TEST_CASE("hostile graph: JSON round trip and control characters") {
  for (Level level : {Level::state, Level::actor}) {
    const KnowledgeGraph kg = hostile_graph(level);
    const std::string json = written(write_json, kg);
    std::istringstream in(json);
    CHECK(written(write_json, read_json(in, "hostile.json")) == json);
    CHECK(json.find("\"ctl\\u0001id\"") != std::string::npos);
    for (const std::string& out : {written(write_graphml, kg), written(write_gexf, kg),
                                   written(write_dot, kg)})
      CHECK(std::find_if(out.begin(), out.end(), [](char c) {
              return static_cast<unsigned char>(c) < 0x20 && c != '\n';
            }) == out.end());
  }
}

TEST_CASE("format_for reads the extension") {
  CHECK(format_for("g.graphml") == Format::graphml);
  CHECK(format_for("dir/g.GraphML") == Format::graphml);
  CHECK(format_for("g.dot") == Format::dot);
  CHECK(format_for("g.gexf") == Format::gexf);
  CHECK(format_for("g.json") == Format::json);
  CHECK(format_for("out.neo4j") == Format::neo4j);
  CHECK(format_for("out.neo4j/") == Format::neo4j);
  CHECK(format_for("edges.CSV") == Format::csv);
  CHECK(format_for("g.HTML") == Format::html);
  CHECK_THROWS_WITH_AS(format_for("out/graph.xml"),
                       "cannot export to out/graph.xml: unknown extension '.xml' (supported: "
                       ".graphml, .dot, .gexf, .json, .neo4j, .csv, .html)",
                       ExportError);
  CHECK_THROWS_WITH_AS(format_for("graph"),
                       "cannot export to graph: no file extension (supported: .graphml, .dot, "
                       ".gexf, .json, .neo4j, .csv, .html)",
                       ExportError);
}

TEST_CASE("write_graph writes every format and leaves no temporary file") {
  TempDir dir;
  const KnowledgeGraph kg = tiny();
  for (const char* name : {"g.graphml", "g.dot", "g.gexf", "g.json", "g.neo4j"})
    write_graph(dir.path / name, kg);
  CHECK(entries(dir.path) ==
        std::vector<std::string>{"g.dot", "g.gexf", "g.graphml", "g.json", "g.neo4j"});
  CHECK(slurp(dir.path / "g.graphml") == written(write_graphml, kg));
  CHECK(slurp(dir.path / "g.dot") == written(write_dot, kg));
  CHECK(slurp(dir.path / "g.gexf") == written(write_gexf, kg));
  CHECK(slurp(dir.path / "g.json") == written(write_json, kg));
  CHECK(entries(dir.path / "g.neo4j") == std::vector<std::string>{"nodes.csv", "relationships.csv"});
  CHECK(written(write_json, read_graph_file(dir.path / "g.json")) == written(write_json, kg));

  SUBCASE("rewriting replaces, in files and folders") {
    std::ofstream(dir.path / "g.neo4j" / "stale.csv") << "old";
    KnowledgeGraph other;
    write_graph(dir.path / "g.json", other);
    write_graph(dir.path / "g.neo4j", other);
    CHECK(slurp(dir.path / "g.json") == written(write_json, other));
    CHECK(entries(dir.path / "g.neo4j") ==
          std::vector<std::string>{"nodes.csv", "relationships.csv"});
    CHECK(slurp(dir.path / "g.neo4j" / "relationships.csv") ==
          ":START_ID(Actor),:END_ID(Actor),:TYPE,status:string,weight:int,documents:int,"
          "first_seen:date,last_seen:date,quad:string,evidence:string[]\n");
    CHECK(entries(dir.path) ==
          std::vector<std::string>{"g.dot", "g.gexf", "g.graphml", "g.json", "g.neo4j"});
  }
}

TEST_CASE("write_graph fails clearly and keeps what was there") {
  TempDir dir;
  const KnowledgeGraph kg = tiny();
  const fs::path missing = dir.path / "no" / "such" / "g.json";
  CHECK(export_error(missing, kg) == "cannot write " + missing.string() + ": directory " +
                                         missing.parent_path().string() + " does not exist");
  CHECK(export_error(dir.path / "g.svg", kg).rfind(
            "cannot export to " + (dir.path / "g.svg").string() + ": unknown extension '.svg'",
            0) == 0);

  fs::create_directory(dir.path / "taken.json");
  CHECK(export_error(dir.path / "taken.json", kg) ==
        "cannot write " + (dir.path / "taken.json").string() + ": it is a directory");
  std::ofstream(dir.path / "file.neo4j") << "x";
  CHECK(export_error(dir.path / "file.neo4j", kg) ==
        "cannot write " + (dir.path / "file.neo4j").string() +
            ": it exists and is not a directory");
  CHECK(slurp(dir.path / "file.neo4j") == "x");

  if (::geteuid() != 0) {
    // Root ignores permissions, so this part only runs as a normal user.
    fs::create_directory(dir.path / "ro");
    std::ofstream(dir.path / "ro" / "g.json") << "previous";
    fs::permissions(dir.path / "ro", fs::perms::owner_read | fs::perms::owner_exec);
    CHECK(export_error(dir.path / "ro" / "g.json", kg).rfind(
              "cannot write " + (dir.path / "ro" / "g.json").string() + ": ", 0) == 0);
    CHECK(slurp(dir.path / "ro" / "g.json") == "previous");
    fs::permissions(dir.path / "ro", fs::perms::owner_all);
  }
  CHECK(entries(dir.path) == std::vector<std::string>{"file.neo4j", "taken.json"});
}

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

TEST_CASE("write_graph keeps modes and writes through symbolic links") {
  TempDir dir;
  const KnowledgeGraph kg = tiny();
  std::ofstream(dir.path / "g.json") << "private";
  fs::permissions(dir.path / "g.json", fs::perms::owner_read | fs::perms::owner_write);
  fs::create_directory(dir.path / "g.neo4j");
  fs::permissions(dir.path / "g.neo4j", fs::perms::owner_all);
  fs::create_directory(dir.path / "real");
  std::ofstream(dir.path / "real" / "graph.dot") << "old";
  fs::permissions(dir.path / "real" / "graph.dot", fs::perms::owner_read |
                                                      fs::perms::owner_write |
                                                      fs::perms::group_read);
  fs::create_symlink("real/graph.dot", dir.path / "g.dot");
  fs::create_symlink("real/new.gexf", dir.path / "g.gexf");  // dangling: creates its target
  for (const char* name : {"g.json", "g.neo4j", "g.dot", "g.gexf"}) write_graph(dir.path / name, kg);
  CHECK(mode_of(dir.path / "g.json") == 0600);
  CHECK(mode_of(dir.path / "g.neo4j") == 0700);
  CHECK(mode_of(dir.path / "real" / "graph.dot") == 0640);
  CHECK(fs::is_symlink(dir.path / "g.dot"));
  CHECK(fs::is_symlink(dir.path / "g.gexf"));
  CHECK(slurp(dir.path / "real" / "graph.dot") == written(write_dot, kg));
  CHECK(slurp(dir.path / "real" / "new.gexf") == written(write_gexf, kg));
  CHECK(slurp(dir.path / "g.json") == written(write_json, kg));
  CHECK(entries(dir.path) == std::vector<std::string>{"g.dot", "g.gexf", "g.json", "g.neo4j",
                                                      "real"});
}

TEST_CASE("write_graph never follows a link planted at a temporary name") {
  TempDir dir;
  const KnowledgeGraph kg = tiny();
  std::ofstream(dir.path / "victim.txt") << "someone else's";
  // Every name the writer of issue 11 used: .NAME.tmp-PID-COUNTER.
  for (const char* name : {"g.json", "g.neo4j"})
    for (int n = 0; n < 1000; ++n)
      fs::create_symlink(dir.path / "victim.txt",
                         dir.path / fmt::format(".{}.tmp-{}-{}", name, ::getpid(), n));
  write_graph(dir.path / "g.json", kg);
  write_graph(dir.path / "g.neo4j", kg);
  CHECK(slurp(dir.path / "victim.txt") == "someone else's");
  CHECK(fs::is_regular_file(fs::symlink_status(dir.path / "g.json")));
  CHECK(fs::is_directory(fs::symlink_status(dir.path / "g.neo4j")));
  CHECK(slurp(dir.path / "g.json") == written(write_json, kg));
}

TEST_CASE("a link of another user in a shared sticky folder is not followed") {
  if (::geteuid() != 0) return;  // only root can make a link owned by someone else
  TempDir dir;
  fs::create_directory(dir.path / "shared");
  fs::permissions(dir.path / "shared", fs::perms::all | fs::perms::sticky_bit);
  std::ofstream(dir.path / "victim.txt") << "root's";
  const fs::path link = dir.path / "shared" / "g.json";
  fs::create_symlink(dir.path / "victim.txt", link);
  REQUIRE(::lchown(link.c_str(), 65534, 65534) == 0);
  CHECK(export_error(link, tiny()) ==
        "cannot write " + link.string() +
            ": it is a symbolic link of another user in a shared folder; not followed");
  CHECK(slurp(dir.path / "victim.txt") == "root's");
  CHECK(fs::is_symlink(link));
}

pid_t dead_pid() {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  ::waitpid(pid, nullptr, 0);
  return pid;
}

TEST_CASE("write_graph removes temporaries of dead runs, and only those") {
  TempDir dir;
  const pid_t gone = dead_pid();
  const std::string stale = fmt::format(".g.json.tmp-{}-Ab12Cd", gone);
  const std::string stale_folder = fmt::format(".g.neo4j.tmp-{}-Xy34Zw", gone);
  const std::string live = fmt::format(".g.json.tmp-{}-Qq12Rr", ::getpid());
  const std::string locked = fmt::format(".g.json.tmp-{}-Lk56Mn", gone);
  const std::string foreign = fmt::format(".g.json.tmp-{}-notes", gone);
  for (const auto& name : {stale, live, locked, foreign}) std::ofstream(dir.path / name) << "x";
  fs::create_directory(dir.path / stale_folder);
  std::ofstream(dir.path / stale_folder / "nodes.csv") << "x";
  // A writer in another pid namespace: its pid means nothing here, its lock does.
  const int fd = ::open((dir.path / locked).c_str(), O_RDONLY);
  REQUIRE(::flock(fd, LOCK_EX) == 0);
  write_graph(dir.path / "g.json", tiny());
  write_graph(dir.path / "g.neo4j", tiny());
  ::close(fd);
  std::vector<std::string> kept{foreign, live, locked, "g.json", "g.neo4j"};
  std::sort(kept.begin(), kept.end());
  CHECK(entries(dir.path) == kept);
}

TEST_CASE("write errors say which part of the path is a file, and the real reason") {
  TempDir dir;
  std::ofstream(dir.path / "file.json") << "x";
  const fs::path through = dir.path / "file.json" / "sub" / "g.json";
  CHECK(export_error(through, tiny()) == "cannot write " + through.string() + ": " +
                                             (dir.path / "file.json").string() +
                                             " is not a directory");
  // A file size limit fails a write with EFBIG, as a full disk would with ENOSPC.
  std::signal(SIGXFSZ, SIG_IGN);
  rlimit old{};
  ::getrlimit(RLIMIT_FSIZE, &old);
  rlimit small = old;
  small.rlim_cur = 4096;
  ::setrlimit(RLIMIT_FSIZE, &small);
  std::string message;
  int code = 0;
  try {
    exportutil::AtomicFolder folder(dir.path / "big.neo4j");
    folder.add("relationships.csv") << std::string(100000, 'x');
    folder.commit();
  } catch (const exportutil::WriteError& e) {
    message = e.what();
    code = e.code;
  }
  ::setrlimit(RLIMIT_FSIZE, &old);
  std::signal(SIGXFSZ, SIG_DFL);
  CHECK(message == "cannot write " + (dir.path / "big.neo4j").string() + ": File too large");
  CHECK(code == EFBIG);
  CHECK(entries(dir.path) == std::vector<std::string>{"file.json"});
}

TEST_CASE("read_graph_file reads JSON only, and says so") {
  TempDir dir;
  const fs::path missing = dir.path / "none.json";
  CHECK_THROWS_WITH_AS(read_graph_file(missing),
                       (missing.string() + ": cannot open: No such file or directory").c_str(),
                       GraphError);
  const fs::path graphml = dir.path / "g.graphml";
  write_graph(graphml, tiny());
  CHECK_THROWS_WITH_AS(read_graph_file(graphml),
                       (graphml.string() +
                        ": only JSON graphs (.json, written by geokg) can be read back; rebuild "
                        "this .graphml export from the JSON graph instead")
                           .c_str(),
                       GraphError);
  const fs::path broken = dir.path / "broken.json";
  std::ofstream(broken) << "{\"format\": \"geokg-graph\", ";
  CHECK_THROWS_WITH_AS(read_graph_file(broken),
                       (broken.string() +
                        ": invalid JSON at line 1, column 27, offset 26: Missing a name for "
                        "object member.")
                           .c_str(),
                       GraphError);
}

TEST_CASE("extract --format csv: one flat row per event, exactly") {
  Event e;
  e.doc = "d1";
  e.sentence = 2;
  e.source = ActorRef{"putin", "Putin", "RUS", ActorType::person};
  e.relation = Relation::THREATEN;
  e.target = ActorRef{"UKR", "der Ukraine", "UKR", ActorType::state};
  e.status = Status::hypothetical;
  e.trigger = "drohte";
  e.evidence = "Putin drohte der Ukraine; \"bald\",\nsagte er.";
  e.attributed_to = "Peskow";
  e.date = "2023-02-10";
  CHECK(event_csv_header() ==
        "doc,sentence,source,source_name,source_code,source_type,relation,target,target_name,"
        "target_code,target_type,status,quad,date,attributed_to,trigger,evidence\r\n");
  CHECK(to_csv(e) ==
        "d1,2,putin,Putin,RUS,person,THREATEN,UKR,der Ukraine,UKR,state,hypothetical,"
        "verbal-conflict,2023-02-10,Peskow,drohte,"
        "\"Putin drohte der Ukraine; \"\"bald\"\",\nsagte er.\"\r\n");
  CHECK(event_csv_header(true).ends_with(",evidence,rule,tokens\r\n"));
}

TEST_CASE("a document's url is kept through JSON and merge, and written only when known") {
  Document with = doc("d1", "2023-01-05");
  with.url = "https://example.org/a?b=1&c=2";
  KnowledgeGraph kg(Level::state);
  kg.add_document(with, {event(state("RUS"), Relation::ASSAULT, state("UKR"), 0)});
  kg.add_document(doc("d2", "2023-01-06"),
                  {event(state("RUS"), Relation::AID, state("BLR"), 0)});
  const std::string json = written(write_json, kg);
  CHECK(json.find("\"url\": \"https://example.org/a?b=1&c=2\"") != std::string::npos);
  CHECK(json.find("\"url\"") == json.rfind("\"url\""));  // none for d2
  std::istringstream in(json);
  KnowledgeGraph merged(Level::state);
  merged.merge(read_json(in, "g.json"));
  CHECK(merged.graph()[boost::graph_bundle].documents.at("d1").url ==
        "https://example.org/a?b=1&c=2");
  CHECK(merged.graph()[boost::graph_bundle].documents.at("d2").url.empty());
  CHECK(written(write_json, merged) == json);
}

namespace {

void put_file(const fs::path& p, std::string_view text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// GEOKG_DATA_DIR pointed at `dir` while in scope.
struct DataDirAt {
  std::string before;
  explicit DataDirAt(const fs::path& dir) {
    if (const char* v = std::getenv("GEOKG_DATA_DIR")) before = v;
    ::setenv("GEOKG_DATA_DIR", dir.c_str(), 1);
  }
  ~DataDirAt() { ::setenv("GEOKG_DATA_DIR", before.c_str(), 1); }
};

}  // namespace

TEST_CASE("HTML page: markers filled once, scripts cannot be closed early, no source maps") {
  TempDir dir;
  const fs::path data = dir.path / "data";
  fs::create_directories(data / "actors");
  fs::create_directories(data / "triggers");
  put_file(data / "web" / "graph-page.html", "[@@graph@@][@@cytoscape@@][@@chart@@][@@page@@]");
  put_file(data / "web" / "graph-page.js", "page('@@graph@@')");
  put_file(data / "web" / "cytoscape.min.js",
           "a('</script>','</SCRIPT x');\n//# sourceMappingURL=c.map\nb()");
  // In a source checkout the library comes from node_modules beside data/.
  put_file(dir.path / "node_modules" / "chart.js" / "dist" / "chart.umd.min.js",
           "chart()\n//# sourceMappingURL=chart.umd.min.js.map\n");
  KnowledgeGraph kg(Level::state);
  kg.add_document(doc("d", "2023-01-01"),
                  {event(state("RUS"), Relation::ASSAULT, state("UKR"), 0, "</script><!-- x")});
  DataDirAt at(data);
  const std::string page = written(write_html, kg);
  std::string json = written(write_json, kg);
  for (std::size_t at = json.find('<'); at != std::string::npos; at = json.find('<', at))
    json.replace(at, 1, "\\u003c");
  CHECK(page ==
        "[" + json + "][a('<\\/script>','<\\/SCRIPT x');\nb()][chart()\n][page('@@graph@@')]");
  CHECK(page.find("\\u003c/script>\\u003c!-- x") != std::string::npos);

  fs::remove(data / "web" / "cytoscape.min.js");
  CHECK(export_error(dir.path / "g.html", kg) ==
        fmt::format(
            "cannot write {}: the browser library cytoscape.min.js is missing (looked for "
            "{} and {}); run scripts/install-deps.sh",
            (dir.path / "g.html").string(), (data / "web" / "cytoscape.min.js").string(),
            (data / ".." / "node_modules" / "cytoscape/dist/cytoscape.min.js").string()));
  CHECK(!fs::exists(dir.path / "g.html"));
}

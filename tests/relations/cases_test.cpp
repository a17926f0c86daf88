// The test case tables in cases/: a sentence (or a short document) per row
// with the exact events geokg extracts from it.  The format is described in
// cases/README.md; each row is one check, reported with its file and line.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extract_helpers.hpp"
#include "relations/passes/trace.hpp"

namespace {

const std::string kCasesDir = GEOKG_CASES_DIR;

struct Row {
  std::string where;  // "de.tsv:12"
  std::string lang, sentence, rule, why;
  Events events;
};

std::vector<std::string> split(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  for (std::size_t at = 0;;) {
    std::size_t end = s.find(sep, at);
    out.emplace_back(s.substr(at, end == std::string_view::npos ? end : end - at));
    if (end == std::string_view::npos) return out;
    at = end + sep.size();
  }
}

std::string show(const Events& events) {
  std::string s;
  for (const auto& e : events) s += (s.empty() ? "" : " | ") + e;
  return s.empty() ? "-" : s;
}

bool is_code(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isupper(c) || std::isdigit(c);
  });
}

// The events column: "-" or "SRC REL TGT status" items joined by " | ", sorted,
// as events_of prints them.  Returns what is wrong, or "".
std::string parse_events(const std::string& column, Events& out) {
  if (column == "-") return "";
  out = split(column, " | ");
  for (const auto& e : out) {
    auto f = split(e, " ");
    if (f.size() != 4) return "event \"" + e + "\" is not \"SRC REL TGT status\"";
    auto rel = geokg::parse_relation(f[1]);
    auto status = geokg::parse_status(f[3]);
    if (!is_code(f[0]) || !is_code(f[2])) return "event \"" + e + "\": codes are upper case";
    if (!rel || geokg::to_string(*rel) != f[1])
      return "event \"" + e + "\": unknown relation " + f[1];
    if (!status || geokg::to_string(*status) != f[3])
      return "event \"" + e + "\": unknown status " + f[3];
    if (f[0] == f[2]) return "event \"" + e + "\": source and target are one actor";
    if (geokg::is_symmetric(*rel) && f[2] < f[0])
      return "event \"" + e + "\": " + f[1] + " is mutual, write " + f[2] + " " + f[1] + " " +
             f[0];
  }
  if (!std::is_sorted(out.begin(), out.end()) ||
      std::adjacent_find(out.begin(), out.end()) != out.end())
    return "events are not sorted or not distinct";
  return "";
}

struct Table {
  std::vector<Row> rows;
  std::vector<std::string> errors;  // "de.tsv:12: what is wrong" for each malformed row
};

// A table's well-formed rows, and what is wrong with the others.
Table read_cases(const std::string& name) {
  std::ifstream in(kCasesDir + "/" + name);
  REQUIRE_MESSAGE(in, "cannot read " << kCasesDir << "/" << name);
  Table table;
  std::vector<std::string> header;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    const std::string where = name + ":" + std::to_string(n);
    auto cols = split(line, "\t");
    if (header.empty()) {
      header = cols;
      bool known =
          header == std::vector<std::string>{"sentence", "events", "rule", "why"} ||
          header == std::vector<std::string>{"lang", "sentence", "events", "rule", "why"};
      REQUIRE_MESSAGE(known, where << ": the header must be [lang] sentence events rule why");
      continue;
    }
    if (cols.size() != header.size()) {
      table.errors.push_back(where + ": " + std::to_string(cols.size()) +
                             " columns, the header has " + std::to_string(header.size()));
      continue;
    }
    const std::size_t c = header.size() == 5 ? 1 : 0;  // the first column after lang
    Row row;
    row.where = where;
    row.lang = c ? cols[0] : name.substr(0, name.find('.'));
    row.sentence = cols[c];
    row.rule = cols[c + 2];
    row.why = cols[c + 3];
    std::string error = parse_events(cols[c + 1], row.events);
    if (row.lang != "de" && row.lang != "en" && row.lang != "-")
      error = "unknown language \"" + row.lang + "\"";
    if (row.sentence.empty() || row.why.empty()) error = "empty sentence or why";
    if (error.empty())
      table.rows.push_back(std::move(row));
    else
      table.errors.push_back(where + ": " + error);
  }
  return table;
}

// What the rows' runs reached, for the tests that every drop reason and
// every transform step is reachable.
std::set<geokg::Drop>& drops_seen() {
  static std::set<geokg::Drop> seen;
  return seen;
}
std::set<geokg::Step>& steps_seen() {
  static std::set<geokg::Step> seen;
  return seen;
}

std::vector<geokg::Event> run(const Row& row) {
  geokg::Trace trace([](const std::string&) {});
  auto events = geokg::extract_traced(shipped_extractor(), test_document(row.sentence, row.lang), trace);
  drops_seen().insert(trace.drops().begin(), trace.drops().end());
  for (const auto& e : events)
    for (const auto& s : e.provenance.steps) steps_seen().insert(s.step);
  return events;
}

// One expectation of the rule column: "SRC REL TGT: frame + step + ...",
// parsed into the provenance's parts (the data row is not compared: rows move).
struct Expected {
  std::string event;  // "SRC REL TGT"
  geokg::Frame frame;
  std::vector<geokg::AppliedStep> steps;
};

std::optional<geokg::AppliedStep> parse_step(const std::string& text) {
  for (int k = 0; k <= static_cast<int>(geokg::Step::author_of_claim); ++k) {
    auto step = static_cast<geokg::Step>(k);
    std::string name(geokg::to_string(step));
    bool takes_relation = step == geokg::Step::condition_on || step == geokg::Step::intent_to;
    if (!takes_relation && text == name) return geokg::AppliedStep{step};
    if (takes_relation && text.rfind(name + " ", 0) == 0)
      if (auto r = geokg::parse_relation(text.substr(name.size() + 1)))
        return geokg::AppliedStep{step, *r};
  }
  return std::nullopt;
}

// Returns what is wrong with the column, or "".
std::string parse_rule(const std::string& column, std::vector<Expected>& out) {
  if (column == "-") return "";
  for (const std::string& item : split(column, " | ")) {
    std::size_t colon = item.find(": ");
    if (colon == std::string::npos) return "rule \"" + item + "\" is not \"SRC REL TGT: frame + step\"";
    Expected x;
    x.event = item.substr(0, colon);
    auto parts = split(std::string_view(item).substr(colon + 2), " + ");
    bool frame = false;
    for (int k = 0; k <= static_cast<int>(geokg::Frame::obligation) && !frame; ++k)
      if (parts[0] == geokg::to_string(static_cast<geokg::Frame>(k))) {
        x.frame = static_cast<geokg::Frame>(k);
        frame = true;
      }
    if (!frame) return "unknown frame \"" + parts[0] + "\"";
    for (std::size_t k = 1; k < parts.size(); ++k) {
      auto step = parse_step(parts[k]);
      if (!step) return "unknown step \"" + parts[k] + "\"";
      x.steps.push_back(*step);
    }
    out.push_back(std::move(x));
  }
  return "";
}

// Each expectation names an event of the row that carries that provenance.
void check_rule(const Row& row, const std::vector<geokg::Event>& events) {
  std::vector<Expected> expected;
  std::string error = parse_rule(row.rule, expected);
  if (!error.empty()) FAIL_CHECK(row.where << ": " << error);
  for (const Expected& x : expected) {
    bool found = false;
    for (const auto& e : events) {
      std::string name = e.source.code + " " + std::string(geokg::to_string(e.relation)) + " " + e.target.code;
      found |= name == x.event && e.provenance.frame == x.frame && e.provenance.steps == x.steps;
    }
    CHECK_MESSAGE(found, row.where << ": " << row.sentence << " — no event " << x.event
                                   << " with the provenance of the rule column");
  }
}

void check_table(const std::string& name) {
  const Table table = read_cases(name);
  for (const auto& error : table.errors) FAIL_CHECK(error);
  for (const Row& row : table.rows) {
    const auto events = run(row);
    Events got = event_strings(events);
    CHECK_MESSAGE(got == row.events, row.where << ": " << row.sentence << " — expected "
                                               << show(row.events) << " got " << show(got));
    check_rule(row, events);
  }
}

}  // namespace

TEST_CASE("cases/de.tsv: German sentences give exactly their events") { check_table("de.tsv"); }

TEST_CASE("cases/en.tsv: English sentences give exactly their events") {
  check_table("en.tsv");
}

TEST_CASE("cases/detected.tsv: documents without a language give exactly their events") {
  check_table("detected.tsv");
}

// Rows with the correct events that geokg misses: each must still fail, so a
// fix that makes one pass fails here until the row moves to de.tsv or en.tsv.
TEST_CASE("cases/known-failures.tsv: each known failure still fails") {
  const Table table = read_cases("known-failures.tsv");
  for (const auto& error : table.errors) FAIL_CHECK(error);
  for (const Row& row : table.rows) {
    const auto events = run(row);
    Events got = event_strings(events);
    CHECK_MESSAGE(got != row.events, row.where << ": " << row.sentence << " — passes now (got "
                                               << show(got) << "): move it to " << row.lang
                                               << ".tsv");
  }
}

TEST_CASE("cases: each sentence once across the tables") {
  std::map<std::string, std::string> first;  // lang + sentence -> where
  for (const char* name : {"de.tsv", "en.tsv", "detected.tsv", "known-failures.tsv"})
    for (const Row& row : read_cases(name).rows) {
      // (No structured binding: clang 14 cannot capture one in CHECK_MESSAGE's lambda.)
      const auto added = first.emplace(row.lang + "\t" + row.sentence, row.where);
      CHECK_MESSAGE(added.second,
                    row.where << ": " << row.sentence << " — already at " << added.first->second);
    }
}

// A drop reason or transform step that no row reaches is either dead code or
// a rule without a test: both fail here.  (Runs after the tables above: the
// test cases of a file run in the order they are written.)
TEST_CASE("cases: every drop reason and every transform step is reached by some row") {
  for (const char* name : {"de.tsv", "en.tsv", "detected.tsv", "known-failures.tsv"})
    for (const Row& row : read_cases(name).rows) run(row);
  for (std::size_t k = 0; k < geokg::kDropCount; ++k) {
    auto d = static_cast<geokg::Drop>(k);
    CHECK_MESSAGE(drops_seen().count(d), "no case row reaches the drop reason \"" << geokg::to_string(d) << "\"");
  }
  for (int k = 0; k <= static_cast<int>(geokg::Step::author_of_claim); ++k) {
    auto s = static_cast<geokg::Step>(k);
    CHECK_MESSAGE(steps_seen().count(s), "no case row's event takes the step \"" << geokg::to_string(s) << "\"");
  }
}

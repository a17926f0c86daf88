// Provenance: the frame, the data row and the transforms of an event, as
// --explain renders them with to_string().
#include <fstream>
#include <set>

#include "pass_fixture.hpp"

using namespace passtest;

namespace {
Provenance made(Frame f, std::string entry, std::vector<AppliedStep> steps = {}) {
  return provenance_of(f, entry, std::move(steps));
}
// The line of the first row of `file` that starts with `prefix`, 0 for none.
std::size_t row_of(const std::filesystem::path& file, std::string_view prefix) {
  std::ifstream in(file);
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n)
    if (line.rfind(prefix, 0) == 0) return n;
  return 0;
}
}  // namespace

TEST_SUITE("provenance") {
  TEST_CASE("a frame, its row and a step that names the act") {
    CHECK(to_string(made(Frame::passive_verb, "triggers/de.tsv:268",
                         {{Step::intent_to, Relation::ASSAULT}})) ==
          "passive verb frame (triggers/de.tsv:268) + intent to ASSAULT");
    CHECK(to_string(made(Frame::verb, "triggers/de.tsv:480",
                         {{Step::condition_on, Relation::SANCTION}})) ==
          "verb frame (triggers/de.tsv:480) + condition on SANCTION");
  }
  TEST_CASE("an obligation has no row") {
    CHECK(to_string(made(Frame::obligation, "")) == "obligation reported by the demander");
  }
  TEST_CASE("steps in the order they were applied; only two name a relation") {
    CHECK(to_string(
              made(Frame::noun, "triggers/en.tsv:197", {{Step::halted}, {Step::condition}})) ==
          "noun frame (triggers/en.tsv:197) + halted + condition");
    CHECK(to_string(
              made(Frame::verb, "x", {{Step::target_of_demanded_act, Relation::ASSAULT}})) ==
          "verb frame (x) + target of the demanded act");
  }
  TEST_CASE("a user lexicon's entry is rendered as given") {
    CHECK(to_string(made(Frame::attributive_participle, "lexicon.json: unterstützen")) ==
          "attributive participle (lexicon.json: unterstützen)");
  }
  TEST_CASE("every frame and step has a name of its own") {
    std::set<std::string_view> frames, steps;
    for (int f = 0; f <= static_cast<int>(Frame::obligation); ++f)
      frames.insert(to_string(static_cast<Frame>(f)));
    for (int s = 0; s <= static_cast<int>(Step::author_of_claim); ++s)
      steps.insert(to_string(static_cast<Step>(s)));
    CHECK(frames.size() == 5);
    CHECK(steps.size() == 13);
    CHECK(frames.count("?") == 0);
    CHECK(steps.count("?") == 0);
  }
  TEST_CASE("equal when frame, row, steps and their relations are") {
    const Provenance a = made(Frame::verb, "r", {{Step::intent_to, Relation::ASSAULT}});
    CHECK(a == made(Frame::verb, "r", {{Step::intent_to, Relation::ASSAULT}}));
    CHECK_FALSE(a == made(Frame::verb, "r", {{Step::intent_to, Relation::COERCE}}));
    CHECK_FALSE(a == made(Frame::passive_verb, "r", {{Step::intent_to, Relation::ASSAULT}}));
    CHECK_FALSE(a == made(Frame::verb, "r"));
  }
  TEST_CASE("an event names the trigger's row relative to the data folder") {
    const Doc d("Russia plans to attack Ukraine.", "en");
    REQUIRE(d.only().events.size() == 2);
    const std::size_t row = row_of(tables().dir / "triggers" / "en.tsv", "attack\tverb\t");
    REQUIRE(row > 0);
    CHECK(to_string(d.only().events[0].provenance) ==
          "verb frame (triggers/en.tsv:" + std::to_string(row) + ") + intent to ASSAULT");
    CHECK(to_string(d.only().events[1].provenance) ==
          "verb frame (triggers/en.tsv:" + std::to_string(row) + ")");
  }
}

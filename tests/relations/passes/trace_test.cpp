// Trace: what --trace writes for a sentence -- the language, each trigger
// candidate, the roles tried, status changes, the reason a candidate or a
// pair of actors is dropped -- and the list of drop reasons seen.
#include <set>

#include "pass_fixture.hpp"

using namespace passtest;

namespace {
// The text a Trace writes for a document, and the reasons it saw.
struct Traced {
  Traced(const std::string& text, const std::string& lang)
      : trace([this](const std::string& s) {
          out += s;
          ++writes;
        }),
        doc(text, lang, Pass::emit, &trace) {}
  bool has(std::string_view line) const { return out.find(line) != std::string::npos; }

  std::string out;
  int writes = 0;
  Trace trace;
  Doc doc;
};
}  // namespace

TEST_SUITE("trace") {
  TEST_CASE("sought to: the language, the candidate and the attempt it was dropped as") {
    const Traced t("Germany sought to ease tensions with Poland.", "en");
    CHECK(t.has("document t: language en (given)\n"));
    CHECK(t.has("  sentence 0: Germany sought to ease tensions with Poland.\n"));
    CHECK(t.has("    token 1 \"sought\": verb (triggers/en.tsv:"));
    CHECK(t.has("      dropped: an attempt (\"sought to\"), no event\n"));
    CHECK(t.trace.drops() == std::vector<Drop>{Drop::attempt, Drop::no_target});
  }
  TEST_CASE("a coded candidate: the whole text, with its roles, candidate line and event") {
    const Traced t("Am Montag kritisierte die Türkei Russland scharf.", "de");
    REQUIRE(t.doc.only().cands.size() == 1);
    const std::string entry = t.doc.only().cands[0].provenance.entry;
    std::string expected = "document t: language de (given)\n";
    expected += "  sentence 0: Am Montag kritisierte die Türkei Russland scharf.\n";
    expected += "    token 2 \"kritisierte\": verb (" + entry + ")\n";
    expected += "      passed: verb form: finite attributive of " + entry + "\n";
    expected += "      source by subject: Türkei (TUR)\n";
    expected += "      target by object: Russland (RUS)\n";
    expected += "      candidate Türkei ACCUSE Russland fact [verb frame (" + entry + ")]\n";
    expected += "    event TUR ACCUSE RUS fact\n";
    CHECK(t.out == expected);
    CHECK(t.trace.drops().empty());
  }
  TEST_CASE("a status change says why") {
    const Traced t("Frankreich drohte damit, Syrien anzugreifen.", "de");
    CHECK(t.has("      status fact -> hypothetical: the act of a demand, offer or threat\n"));
    CHECK(
        t.has("      candidate Frankreich THREATEN Syrien fact [verb frame (triggers/de.tsv:"));
    CHECK(t.trace.drops() == std::vector<Drop>{Drop::waits_for_target});
  }
  TEST_CASE("a pending judgement whose event has no doer") {
    const Traced t("Germany condemned the attack on Ukraine.", "en");
    CHECK(t.has("      passed: read as a noun\n"));
    CHECK(t.has("      dropped: the demanded or reported act names no other actor\n"));
    CHECK(t.trace.drops() ==
          std::vector<Drop>{Drop::waits_for_target, Drop::no_source, Drop::no_demanded_target});
  }
  TEST_CASE("a weapon nobody uses") {
    const Traced t("Syrien hat sein Giftgas an die OPCW übergeben.", "de");
    CHECK(t.has("      dropped: a weapon, but no verb of use in the clause\n"));
    CHECK(t.trace.drops() == std::vector<Drop>{Drop::weapon_not_used});
  }
  TEST_CASE("a duplicate pair is named as such") {
    const Traced t("Norway is willing to send aid to Sudan.", "en");
    CHECK(
        t.has("    event NOR AGREE SDN fact\n"
              "    no event NOR AGREE SDN: duplicate of an event of this sentence\n"));
    CHECK(t.trace.drops() == std::vector<Drop>{Drop::duplicate});
  }
  TEST_CASE("a sentence without mentions, and one write per sentence") {
    const Traced t("Der Regen hält an. Die Türkei kritisierte Russland.", "de");
    CHECK(
        t.has("  sentence 0: Der Regen hält an. \n"
              "    no actor, pronoun or description: not analysed further\n"
              "  sentence 1: Die Türkei kritisierte Russland.\n"));
    CHECK(t.writes == 3);  // the document line, then each sentence whole
  }
  TEST_CASE("every drop reason has a text of its own") {
    std::set<std::string_view> texts;
    for (std::size_t k = 0; k < kDropCount; ++k) {
      std::string_view s = to_string(static_cast<Drop>(k));
      CHECK(s != "?");
      texts.insert(s);
    }
    CHECK(texts.size() == kDropCount);
    CHECK(to_string(Drop::duplicate) == "duplicate of an event of this sentence");
  }
}

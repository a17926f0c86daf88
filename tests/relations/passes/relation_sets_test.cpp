// Transforms::read: the relation sets of data/transforms/transforms.tsv --
// relations and quads, "-NAME" to remove one, what a rewrite gives -- and
// the errors that name file and line.
#include <sstream>

#include "pass_fixture.hpp"

using namespace passtest;

namespace {
constexpr std::uint32_t bit(Relation r) { return 1u << static_cast<int>(r); }

// A complete table, with row `set` replaced by `row` ("" to leave it out).
std::string table(std::string_view set = {}, std::string_view row = {}) {
  const std::pair<std::string_view, std::string_view> rows[] = {
      {"evaluative", "ACCUSE SUPPORT REJECT\t-"},
      {"on_place", "ASSAULT\t-"},
      {"wants_act", "REQUEST\t-"},
      {"demands", "REQUEST THREATEN AGREE\t-"},
      {"refusals", "REJECT\t-"},
      {"threat", "material_conflict -PROTEST\tTHREATEN"},
      {"offer", "verbal_cooperation\tAGREE"},
      {"pledge", "AID\tAGREE"},
      {"charge", "verbal_conflict\tACCUSE"},
      {"halt", "AID CONSULT\tSANCTION"},
      {"occasion", "PROTEST\t-"},
      {"means", "ASSAULT COERCE\t-"},
      {"instrument", "ASSAULT COERCE\t-"},
      {"on_citizens", "ASSAULT COERCE CONCEDE\t-"},
      {"on_territory", "ASSAULT COERCE THREATEN\t-"},
  };
  std::string out = "# set\trelations\tgives\twhat\n";
  for (const auto& [name, fields] : rows) {
    if (name == set) {
      if (!row.empty()) out += std::string(row) + "\n";
    } else {
      out += std::string(name) + "\t" + std::string(fields) + "\twhy\n";
    }
  }
  return out;
}
Transforms read(const std::string& text) {
  std::istringstream in(text);
  return Transforms::read(in, "mem.tsv");
}
// The message of the DataError that reading `text` throws, "" for none.
std::string error_of(const std::string& text) {
  try {
    read(text);
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_SUITE("relation sets") {
  TEST_CASE("relations by name, and what a rewrite gives") {
    const Transforms t = read(table());
    CHECK(t.mask(RelationSet::evaluative) ==
          (bit(Relation::ACCUSE) | bit(Relation::SUPPORT) | bit(Relation::REJECT)));
    CHECK(t.has(RelationSet::halt, Relation::CONSULT));
    CHECK_FALSE(t.has(RelationSet::halt, Relation::AGREE));
    CHECK(t.gives(RelationSet::halt) == Relation::SANCTION);
    CHECK(t.gives(RelationSet::charge) == Relation::ACCUSE);
  }
  TEST_CASE("a quad names its relations; -NAME removes one") {
    const Transforms t = read(table());
    CHECK(t.mask(RelationSet::offer) ==
          (bit(Relation::AGREE) | bit(Relation::CONSULT) | bit(Relation::SUPPORT)));
    CHECK(t.mask(RelationSet::threat) == (bit(Relation::SANCTION) | bit(Relation::MOBILIZE) |
                                          bit(Relation::COERCE) | bit(Relation::ASSAULT)));
  }
  TEST_CASE("words apply left to right: a quad after -NAME adds it back") {
    const Transforms t =
        read(table("threat", "threat\t-PROTEST material_conflict\tTHREATEN\twhy"));
    CHECK(t.has(RelationSet::threat, Relation::PROTEST));
  }
  TEST_CASE("the shipped table") {
    const Transforms t = Transforms::load(tables().dir / "transforms" / "transforms.tsv");
    CHECK(t.mask(RelationSet::evaluative) ==
          (bit(Relation::ACCUSE) | bit(Relation::SUPPORT) | bit(Relation::REJECT)));
    CHECK(t.mask(RelationSet::pledge) ==
          (bit(Relation::SUPPORT) | bit(Relation::CONCEDE) | bit(Relation::COOPERATE) |
           bit(Relation::AID) | bit(Relation::RETREAT)));
    CHECK(t.gives(RelationSet::threat) == Relation::THREATEN);
    CHECK(t.gives(RelationSet::offer) == Relation::AGREE);
  }
  TEST_CASE("an unknown set or relation names file and line") {
    CHECK(error_of(table("halt", "stop\tAID\tSANCTION\twhy")) ==
          "mem.tsv:11: unknown set 'stop'");
    CHECK(error_of(table("halt", "halt\tAID HELP\tSANCTION\twhy")) ==
          "mem.tsv:11: unknown relation or quad 'HELP'");
    CHECK(error_of(table("halt", "halt\tAID -verbal-cooperation\tSANCTION\twhy")) ==
          "mem.tsv:11: unknown relation or quad 'verbal-cooperation'");
    CHECK(error_of(table("halt", "halt\tAID\tSANCTIONS\twhy")) ==
          "mem.tsv:11: unknown relation 'SANCTIONS'");
  }
  TEST_CASE("a missing set, a set given twice, a short row") {
    CHECK(error_of(table("means", "")) == "mem.tsv: set 'means' is missing");
    CHECK(error_of(table("means", "halt\tAID\tSANCTION\twhy")) ==
          "mem.tsv:13: set 'halt' given twice");
    CHECK(error_of(table("means", "means\tASSAULT\t-")) ==
          "mem.tsv:13: expected 4 tab-separated columns (set relations gives what), found 3");
  }
  TEST_CASE("a file that cannot be opened") {
    CHECK_THROWS_WITH_AS(Transforms::load("/nonexistent/transforms.tsv"),
                         "cannot open /nonexistent/transforms.tsv", DataError);
  }
  // gives() is read for threat, offer, pledge, charge and halt; a "-" there
  // leaves the default, AGREE, so a threat would silently become an AGREE.
  TEST_CASE("a set whose rewrite is used must say what it gives") {
    CHECK(error_of(table("threat", "threat\tmaterial_conflict\t-\twhy")) != "");
  }
}

// emit(): each candidate's pairs of actors as events with their evidence,
// deduplicated within the sentence; a private person only as the target of
// an act done to persons.  Some cases hand emit candidates built
// from a sentence's mentions: the test is about what emit makes of them.
#include "pass_fixture.hpp"

using namespace passtest;

namespace {
Candidate candidate(const Mention& s, const Mention& t, Relation r, Status st = Status::fact) {
  return Candidate{&s, &t, r, st, "trig", provenance_of(Frame::verb, "triggers/de.tsv:1"), 0};
}
std::vector<Event> emitted(const Run& r, const Document& doc, std::string_view text,
                           const std::vector<Candidate>& cands, Trace* trace = nullptr) {
  SentenceView v = r.view;
  v.trace = trace;
  std::vector<Event> out;
  emit(v, doc, text, r.said, cands, out);
  return out;
}
}  // namespace

TEST_SUITE("emit") {
  TEST_CASE(
      "an event carries its document, sentence, sides, trigger, evidence and provenance") {
    Doc d("Die Türkei hat neue Drohnen. Laut Polen kritisierte sie Israel.", "de");
    d.doc.date = "2024-03-01";
    const Run& r = d[1];
    const std::vector<Event> es = emitted(r, d.doc, r.text, r.cands);
    REQUIRE(es.size() == 1);
    const Event& e = es[0];
    CHECK(str(e) == "TUR ACCUSE ISR fact");
    CHECK(e.doc == "t");
    CHECK(e.sentence == 1);
    CHECK(e.date == "2024-03-01");
    CHECK(e.source.id == "TUR");
    CHECK(e.source.name == "sie");
    CHECK(e.source.type == ActorType::state);
    CHECK(e.target.name == "Israel");
    CHECK(e.trigger == "kritisierte");
    CHECK(e.evidence == "Laut Polen kritisierte sie Israel.");
    CHECK(e.attributed_to == "Polen");
    CHECK(e.provenance == r.cands[0].provenance);
    CHECK(e.tokens == "source [3,4) sie; trigger 2 kritisierte; target [4,5) Israel");
  }
  TEST_CASE("the evidence is one line without trailing blanks") {
    const Doc d("Die Türkei kritisierte Russland.", "de", Pass::transform);
    const Run& r = d.only();
    const std::vector<Event> es =
        emitted(r, d.doc, "Die Türkei\nkritisierte\tRussland.  \n", r.cands);
    REQUIRE(es.size() == 1);
    CHECK(es[0].evidence == "Die Türkei kritisierte Russland.");
  }
  TEST_CASE("the same event twice in a sentence is one event, the first") {
    const Doc d("Norway is willing to send aid to Sudan.", "en");
    REQUIRE(d.only().cands.size() == 2);  // "send" and "aid"
    CHECK(strs(d.only().events) == Strings{"NOR AGREE SDN fact"});
    CHECK(d.only().events[0].trigger == "send");
  }
  TEST_CASE("the same pair with another status is another event") {
    const Doc d("Die Türkei kritisierte Russland.", "de", Pass::transform);
    const auto& ms = d.only().mentions();
    const std::vector<Event> es =
        emitted(d.only(), d.doc, d.only().text,
                {candidate(ms[0], ms[1], Relation::ACCUSE),
                 candidate(ms[0], ms[1], Relation::ACCUSE, Status::negated),
                 candidate(ms[0], ms[1], Relation::ACCUSE)});
    CHECK(strs(es) == Strings{"TUR ACCUSE RUS fact", "TUR ACCUSE RUS negated"});
  }
  TEST_CASE("die beiden Länder as both sides: one event between the two") {
    const Doc d(
        "Serbien und Kosovo stritten lange. Nun haben die beiden Länder Verhandlungen "
        "aufgenommen.",
        "de");
    CHECK(strs(d[1].events) == Strings{"SRB CONSULT XKX fact"});
  }
  TEST_CASE("die beiden Länder as one side: an event for each") {
    const Doc d("Serbien und Kosovo stritten lange. Die beiden Länder kritisierten Russland.",
                "de");
    CHECK(strs(d[1].events) == Strings{"XKX ACCUSE RUS fact", "SRB ACCUSE RUS fact"});
  }
  TEST_CASE("a mutual relation in one canonical order, and deduplicated in it") {
    const Doc d("Die Gespräche zwischen Aserbaidschan und Armenien dauerten zwei Tage.", "de");
    REQUIRE(d.only().events.size() == 1);
    const Event& e = d.only().events[0];
    CHECK(str(e) == "ARM CONSULT AZE fact");
    CHECK(e.source.name == "Armenien");
    CHECK(e.target.name == "Aserbaidschan");
    const auto& ms = d.only().mentions();
    const Mention& aze = *d.only().mention("Aserbaidschan");
    const Mention& arm = *d.only().mention("Armenien");
    REQUIRE(ms.size() == 2);
    CHECK(emitted(
              d.only(), d.doc, d.only().text,
              {candidate(aze, arm, Relation::CONSULT), candidate(arm, aze, Relation::CONSULT)})
              .size() == 1);
  }
  TEST_CASE("no event between one actor's code, nor with a side that names no actor") {
    const Doc d("Lawrow kritisierte Russland. Sie kritisierte Israel.", "de", Pass::transform);
    const Mention& lavrov = *d[0].mention("Lawrow");
    const Mention& russia = *d[0].mention("Russland");
    const Mention& sie = *d[1].mention("Sie");
    REQUIRE(sie.actor == nullptr);  // nothing feminine named before
    std::string text;
    Trace t([&](const std::string& s) { text += s; });
    t.sentence(0, d[0].text);
    const std::vector<Event> es = emitted(
        d[0], d.doc, d[0].text,
        {candidate(lavrov, russia, Relation::ACCUSE), candidate(sie, russia, Relation::ACCUSE)},
        &t);
    t.end_sentence();
    CHECK(es.empty());
    CHECK(t.drops() == std::vector<Drop>{Drop::same_actor, Drop::same_actor});
    CHECK(text.find("no event RUS ACCUSE RUS: source and target are the same actor") !=
          std::string::npos);
    CHECK(text.find("no event ? ACCUSE RUS: source and target are the same actor") != std::string::npos);
  }
  TEST_CASE("a private person is a side only as the target of an act done to persons") {
    const Doc d("Russland nahm einen Ukrainer fest.", "de", Pass::transform);
    const Mention& russia = *d.only().mention("Russland");
    const Mention& ukrainian = *d.only().mention("Ukrainer");
    REQUIRE(ukrainian.private_person);
    Trace t([](const std::string&) {});
    const std::vector<Event> es =
        emitted(d.only(), d.doc, d.only().text,
                {candidate(russia, ukrainian, Relation::COERCE),
                 candidate(russia, ukrainian, Relation::ACCUSE),
                 candidate(ukrainian, russia, Relation::ASSAULT)},
                &t);
    CHECK(strs(es) == Strings{"RUS COERCE UKR fact"});
    CHECK(t.drops() == std::vector<Drop>{Drop::private_person, Drop::private_person});
  }
  // The symmetric swap exchanges e.source and e.target, and with them the
  // mentions --explain names (it once named the candidate's source).
  TEST_CASE("after the canonical swap the tokens name the event's own source") {
    const Doc d("Die Gespräche zwischen Aserbaidschan und Armenien dauerten zwei Tage.", "de");
    REQUIRE(d.only().events.size() == 1);
    CHECK(d.only().events[0].tokens.rfind("source [5,6) Armenien;", 0) == 0);
  }
}

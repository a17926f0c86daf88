// Mention resolution: pronouns, descriptions ("das Land", "der Minister"),
// pairs ("die beiden Länder") and first person ("wir") get their actors.
// Reads the analysis' mentions, the attribution and the Discourse; writes
// Resolved (a copy of the mentions: the analysis stays as it was built).
#include "relations/passes/passes.hpp"

namespace geokg {
namespace {

struct Resolver {
  const SentenceView& v;
  const Attribution& said;
  const Discourse& d;
  std::vector<Mention>& ms;

  // "die beiden Minister", "the two presidents": the last two persons named,
  // of two different states.
  void person_pair(Mention& m) {
    m.actor = d.resolve_person(ms, "", m.first, v.index);
    m.second = m.actor ? d.other_person(ms, m.first, m.actor->code, v.index) : nullptr;
  }
  // "die beiden Länder": the last two states or organisations named.
  void pair(Mention& m) {
    m.actor = d.resolve(ms, "", m.first, nullptr, true, v.index);
    if (m.actor) m.second = d.resolve(ms, "", m.first, m.actor, true, v.index);
    if (!m.second) m.actor = nullptr;
  }
  // The clause whose names m cannot stand for.  German only: the English
  // analysis opens no clause at "that" or a to-infinitive ("asked the Council
  // to help the girls enter the country"), so its clauses are too wide.  A
  // possessive may stand for its own clause's subject ("Die UN verschärften
  // ihre Sanktionen").
  int bound(const Mention& m) const {
    return v.de && !v.cls_has(m.first, kPoss) ? m.clause : -1;
  }
  // "Sein Land werde protestieren, sagte Dacic": a possessive opening what a
  // speaker named after it says is the speaker's, if the genders fit.
  const Actor* named_after(const Mention& m, const Actor* speaker) const {
    if (!speaker) return nullptr;
    for (const Mention& s : ms)
      if (s.actor == speaker && s.how == Mention::name && s.first > m.first &&
          (s.gender == '-' || m.genders.find(s.gender) != std::string::npos))
        return speaker;
    return nullptr;
  }
  void one(Mention& m, const Actor* speaker) {
    if (correlate(v, m)) {
      m.actor = nullptr;
    } else if (m.how == Mention::pronoun) {
      // "sein Land", "ihre Regierung": whose state it is, a person's.
      if (m.owned) {
        m.actor = named_after(m, speaker);
        if (!m.actor) m.actor = d.resolve_person(ms, m.genders, m.first, v.index, bound(m));
      } else {
        m.actor = d.resolve(ms, m.genders, m.first, nullptr, false, v.index, bound(m), true);
      }
    } else if (m.how == Mention::description && m.person) {
      m.actor = d.resolve_person(ms, m.genders, m.first, v.index, bound(m));
    } else if (m.how == Mention::description) {
      m.actor = d.resolve(ms, m.genders, m.first, nullptr, true, v.index, bound(m));
    } else if (m.how == Mention::pair && v.cls_has(m.last - 1, kPersonDesc)) {
      person_pair(m);
    } else if (m.how == Mention::pair) {
      pair(m);
    } else if (m.how == Mention::first_person) {
      // "wir"/"we" inside a quotation is its speaker.
      m.actor = v.syn.quoted[m.first] || !said.text.empty() ? speaker : nullptr;
    }
  }
};

}  // namespace

void resolve_mentions(const SentenceView& v, const Attribution& said, const Discourse& d,
                      Resolved& out) {
  out.mentions = v.syn.mentions;
  out.speaker = said.speaker;
  auto& ms = out.mentions;
  Resolver r{v, said, d, ms};
  for (Mention& m : ms) r.one(m, said.speaker);
  // "sagte er": a pronoun speaker, and the "wir" it says.
  if (!out.speaker && !said.text.empty()) {
    for (const Mention& m : ms)
      if (m.how == Mention::pronoun && m.actor && m.text == said.text) out.speaker = m.actor;
    for (Mention& m : ms)
      if (m.how == Mention::first_person && !m.actor) m.actor = out.speaker;
  }
}

}  // namespace geokg

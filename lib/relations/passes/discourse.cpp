#include "relations/passes/discourse.hpp"

#include <algorithm>

#include "geokg/text/segmenter.hpp"

namespace geokg {
namespace {

bool gender_fits(char gender, const std::string& wanted) {
  return gender != '-' && wanted.find(gender) != std::string::npos;
}

// "das Land": a state or organisation, no person; "die Gruppe" (g): an armed
// group; "die Rebellen", "the insurgents" (r): a group that fights inside one
// state and takes its code (Houthi -> YEM), not a transnational one (IS).
bool description_fits(const Actor* a, const std::string& genders) {
  if (genders == "g") return a->type == ActorType::group;
  if (genders == "r") return a->type == ActorType::group && a->code != a->id;
  return a->type != ActorType::person;
}

// Names only: a pronoun or description refers to what a name introduced.
// A private person ("ein Kanadier") is no antecedent: "er", "das Land"
// after one would otherwise act for the state.
bool antecedent_kind(const Mention& m) {
  return m.how != Mention::pronoun && m.how != Mention::first_person &&
         m.how != Mention::description && m.how != Mention::pair && !m.stand_in();
}

// An actor named in clause `bound`: a pronoun or description there stands
// for someone else (binding: "Die Türkei verurteilte das Regime").
bool named_in_clause(const std::vector<Mention>& ms, int bound, const Actor* a) {
  return bound >= 0 && std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
           return m.clause == bound && m.actor && antecedent_kind(m) && m.actor->code == a->code;
         });
}

}  // namespace

const Actor* Discourse::resolve(const std::vector<Mention>& ms, const std::string& genders,
                                std::uint32_t before, const Actor* exclude, bool description,
                                std::size_t si, int bound, bool person_further) const {
  auto fits = [&](const Actor* a, char gender) {
    if (exclude && a->code == exclude->code) return false;
    if (named_in_clause(ms, bound, a)) return false;
    return description ? description_fits(a, genders) : gender_fits(gender, genders);
  };
  for (auto it = ms.rbegin(); it != ms.rend(); ++it)
    if (it->first < before && it->actor && antecedent_kind(*it) && fits(it->actor, it->gender))
      return it->actor;
  for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
    if (it->sentence + 2 < si) break;
    if (fits(it->actor, it->gender)) return it->actor;
  }
  // A person stays in view longer than a state: "er", "ihn" may stand for
  // one named three sentences back when nothing nearer fits, as a
  // description of a person may (resolve_person) -- one named as a subject
  // or speaker, whom the text is about.
  if (person_further)
    for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
      if (it->sentence + 3 < si) break;
      if (it->actor->type == ActorType::person && it->unmarked && fits(it->actor, it->gender))
        return it->actor;
    }
  return nullptr;
}

const Actor* Discourse::resolve_person(const std::vector<Mention>& ms,
                                       const std::string& genders, std::uint32_t before,
                                       std::size_t si, int bound) const {
  auto fits = [&](const Actor* a, char gender) {
    return a && a->type == ActorType::person && !named_in_clause(ms, bound, a) &&
           (gender == '-' || gender_fits(gender, genders) || genders.empty());
  };
  for (auto it = ms.rbegin(); it != ms.rend(); ++it)
    if (it->first < before && it->how == Mention::name && fits(it->actor, it->gender))
      return it->actor;
  for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
    if (it->sentence + 3 < si) break;
    if (fits(it->actor, it->gender)) return it->actor;
  }
  return nullptr;
}

const Actor* Discourse::other_person(const std::vector<Mention>& ms, std::uint32_t before,
                                     const std::string& code, std::size_t si) const {
  for (auto it = ms.rbegin(); it != ms.rend(); ++it)
    if (it->first < before && it->how == Mention::name && it->actor &&
        it->actor->type == ActorType::person && it->actor->code != code)
      return it->actor;
  for (auto h = history_.rbegin(); h != history_.rend(); ++h) {
    if (h->sentence + 3 < si) break;
    if (h->actor->type == ActorType::person && h->actor->code != code) return h->actor;
  }
  return nullptr;
}

std::vector<const Actor*> Discourse::states_latest_first() const {
  std::vector<const Actor*> out;
  for (auto it = history_.rbegin(); it != history_.rend(); ++it)
    if (it->actor->type == ActorType::state) out.push_back(it->actor);
  return out;
}

namespace {
// A phrase without preposition or case marking: a subject, a speaker or a
// bare object -- what a text goes on talking about, unlike "vor dem Besuch
// von Präsident Obama".
bool unmarked(const Mention& m) {
  return m.prep.empty() && !m.oblique && !m.genitive_attr && !m.attribution;
}
}  // namespace

void Discourse::remember(const std::vector<Mention>& ms, std::size_t si) {
  for (const Mention& m : ms) {
    if (!m.actor || m.stand_in()) continue;  // a private person or a place is no antecedent
    if (m.how == Mention::name || m.how == Mention::adjective || m.how == Mention::compound) {
      char gender = m.how == Mention::name ? m.gender : '-';
      if (m.office_gender != '-') gender = m.office_gender;
      history_.push_back(Antecedent{m.actor, gender, si, m.first, unmarked(m)});
    }
    else if (m.how == Mention::pronoun)
      history_.push_back(
          Antecedent{m.actor, m.genders.empty() ? '-' : m.genders[0], si, m.first, unmarked(m)});
  }
  if (history_.size() > 64) history_.erase(history_.begin(), history_.end() - 64);
  for (const Mention& m : ms)
    if (m.how == Mention::name && m.actor && m.actor->type == ActorType::person &&
        m.last - m.first >= 2)
      name_person(m);
}

void Discourse::remember_claim(const Mention& author, const Actor* target, std::size_t si) {
  Mention a = author;
  a.group = -1;  // a conjunct of this sentence's coordination, alone in the next ones
  a.clause = -1;
  claims_.push_back(Claim{std::move(a), target->code, si});
  if (claims_.size() > 16) claims_.erase(claims_.begin());
}

const Mention* Discourse::claim_author(const std::vector<const Mention*>& rejecters,
                                       std::size_t si) const {
  for (auto it = claims_.rbegin(); it != claims_.rend(); ++it) {
    if (it->sentence + 2 < si) break;
    for (const Mention* r : rejecters)
      if (r->actor && r->actor->code == it->target && it->author.actor->code != it->target)
        return &it->author;
  }
  return nullptr;
}

// "Abdel Fattah al-Sisi": later "Sisi" (and "al-Sisi").  A surname two
// persons of the document share names neither.
void Discourse::name_person(const Mention& m) {
  std::string_view last = m.text;
  if (auto sp = last.rfind(' '); sp != std::string_view::npos) last = last.substr(sp + 1);
  if (auto hy = last.rfind('-'); hy != std::string_view::npos) last = last.substr(hy + 1);
  if (last.size() < 4) return;
  auto [it, fresh] = named_.by_surname.emplace(fold_case(last),
                                               NamedPersons::Person{m.actor, m.gender});
  if (!fresh && it->second.actor && it->second.actor->id != m.actor->id)
    it->second.actor = nullptr;
}

}  // namespace geokg

// The actors a document has named so far, for pronouns and descriptions in
// the sentences that follow.  Internal.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "relations/analysis/syntax.hpp"

namespace geokg {

class Discourse {
 public:
  // The actor a pronoun ("sie": genders "fp") or a description ("das Land",
  // `description` true) before token `before` of sentence `si` refers to:
  // the last fitting name of this sentence, else of the two before it; none
  // of `exclude`'s code; none named in clause `bound` of this sentence (a
  // pronoun or description never stands for a name of its own clause: "Die
  // Türkei verurteilte das Regime", "Putin traf ihn").  `person_further`: a
  // personal pronoun, which may also stand for a person named three
  // sentences back.
  const Actor* resolve(const std::vector<Mention>& ms, const std::string& genders,
                       std::uint32_t before, const Actor* exclude, bool description,
                       std::size_t si, int bound = -1, bool person_further = false) const;
  // "Der Minister", "the president": the last person named (three sentences
  // back), none of clause `bound`.
  const Actor* resolve_person(const std::vector<Mention>& ms, const std::string& genders,
                              std::uint32_t before, std::size_t si, int bound = -1) const;
  // "die beiden Minister": the last person named before `before` whose code
  // is not `code`.
  const Actor* other_person(const std::vector<Mention>& ms, std::uint32_t before,
                            const std::string& code, std::size_t si) const;
  // The states named, latest first (for "die von Russland unterstützte Regierung").
  std::vector<const Actor*> states_latest_first() const;
  // What this sentence's names and resolved pronouns leave for the next ones.
  void remember(const std::vector<Mention>& ms, std::size_t si);
  // An accusation or demand stated as a fact in sentence `si`, by `author`
  // against `target`: "Y wies dies zurück" in the sentences after it.
  void remember_claim(const Mention& author, const Actor* target, std::size_t si);
  // The author of the latest such claim against one of `rejecters` in sentence
  // `si` or the two before it; none of their own code.
  const Mention* claim_author(const std::vector<const Mention*>& rejecters,
                              std::size_t si) const;
  // The persons named in full so far, by surname (for the analysis of the
  // sentences that follow).
  const NamedPersons& named() const { return named_; }
  // Whether the sentence read last reports speech (a saying verb, or a
  // Konjunktiv I auxiliary: "Die USA seien besorgt").
  bool reported() const { return reported_; }
  void set_reported(bool r) { reported_ = r; }

 private:
  struct Antecedent {
    const Actor* actor;
    char gender;
    std::size_t sentence;
    std::uint32_t token;
    bool unmarked;  // no preposition or case: a subject, speaker or bare object
  };
  std::vector<Antecedent> history_;
  struct Claim {
    Mention author;
    std::string target;  // code
    std::size_t sentence;
  };
  std::vector<Claim> claims_;
  NamedPersons named_;
  bool reported_ = false;
  void name_person(const Mention& m);
};

}  // namespace geokg

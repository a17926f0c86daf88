// Trigger words (verbs and nouns) with their PLOVER type and argument frame,
// loaded from data/triggers/*.tsv; every inflected form is generated here.
// Internal: not installed.
#pragma once
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actor_index.hpp"
#include "geokg/relations/relation.hpp"
#include "geokg/text/segmenter.hpp"

namespace geokg {

// Where an argument comes from.
struct Role {
  enum Kind : std::uint8_t { subj, obj, gen, prep } kind;
  std::string word;  // folded preposition, for kind == prep
};

struct Trigger {
  std::string lemma;      // as written in the table ("ab|lehnen")
  Lang lang;
  bool noun;
  Relation relation;
  std::vector<Role> source, target;
  bool mutual = false;    // AGREE/CONSULT/COOPERATE between the two
  bool fill = false;      // a missing side may come from context
  bool intent = false;
  bool attempt = false;    // before a to-infinitive it means "try" ("sought to ease"): no event
  bool weapon = false;     // a weapon: an attack only where a verb of use is in its clause
  bool reciprocal = false; // both sides do it to each other ("exchanged fire with")
  // Only carries its object ("schicken", "senden"): a statement noun in its
  // clause ("eine Protestnote", "eine Einladung") is the event, the verb none.
  bool carrier = false;
  // The subject suffers the act (sterben, ums Leben kommen): the source is
  // the doer of the act it happened in ("bei einem Anschlag der Taliban").
  bool victim = false;
  // A verb-object phrase ("den Botschafter ausweisen", "cut ties"): the verb
  // means this only with one of these nouns (folded) in its clause, and then
  // before its entries without one.
  std::vector<std::string> objects;
  // "unterstützen mit" (material) is AID where "unterstützen" alone is SUPPORT:
  // the relation a preposition in the clause switches the trigger to.
  std::vector<std::pair<std::string, Relation>> switches;
  std::string particle;   // folded separable particle, "" if none
  std::string entry;      // the data row ("triggers/de.tsv:268"), for provenance
};

// What a surface form of a verb is.
enum FormType : std::uint8_t {
  kFinite = 1,        // may be a finite verb (warnt, warnte, lehnt ... ab)
  kParticiple = 2,    // gewarnt, abgelehnt, warned
  kInfinitive = 4,    // warnen, abzulehnen (with zu), warn
  kAttributive = 8,   // die unterstützten Rebellen
  kZuInfinitive = 16, // abzulehnen
  kGerund = 32,       // English -ing
};

struct VerbForm {
  std::uint32_t trigger;
  std::uint8_t types;       // FormType bits
  bool needs_particle;      // split form: the particle must close the clause
};

// True when `fold` is one of t's object nouns, inflected or (German) the last
// part of a compound.
bool is_object_word(const Trigger& t, std::string_view fold);
// True when t needs no object noun or one stands in tokens [first, last).
bool has_object_word(const Trigger& t, const std::vector<Token>& tokens, std::uint32_t first,
                     std::uint32_t last);

// One trigger as a table row or a JSON lexicon gives it, with its lists
// already split: a lemma or form may then hold any character.
struct TriggerFields {
  std::string lemma;
  std::string pos = "verb";
  std::string relation;
  std::vector<std::string> source{"subj"}, target{"obj"}, flags, forms;
};

class TriggerLexicon {
 public:
  // Reads one table (see data/triggers/README.md).  Throws DataError naming
  // where:line for a bad row.  `label` names the table in provenance, relative
  // to the data folder ("triggers/de.tsv"); empty: `where` itself.
  void load(std::istream& in, Lang lang, const std::string& where, const std::string& label = {});
  void add(Trigger t, const std::vector<std::string>& irregular_forms);
  // Checks the fields (DataError without a place: the caller knows it) and
  // adds the trigger; `entry` names its row in provenance.
  void add(const TriggerFields& fields, Lang lang, const std::string& entry);

  const std::vector<VerbForm>* verb(Lang lang, std::string_view fold) const;
  // A noun trigger, also as the last part of a German compound
  // ("Waffenverhandlungen" -> Verhandlung).
  const std::vector<std::uint32_t>* noun(Lang lang, std::string_view fold) const;
  // Only the compound part of noun(), for a caller that looked the form up
  // itself (TokenIndex).
  const std::vector<std::uint32_t>* noun_compound(Lang lang, std::string_view fold) const;
  const Trigger& at(std::uint32_t i) const { return triggers_[i]; }
  std::size_t size() const { return triggers_.size(); }

 private:
  friend class TokenIndex;
  void add_verb_form(Lang lang, std::string form, std::uint32_t trigger, std::uint8_t types,
                     bool needs_particle);
  void add_noun_form(Lang lang, std::string form, std::uint32_t trigger);
  void generate_german_verb(std::uint32_t idx, const std::vector<std::string>& irregular);
  void generate_english_verb(std::uint32_t idx, const std::vector<std::string>& irregular);

  std::vector<Trigger> triggers_;
  StringMap<std::vector<VerbForm>> verbs_[2];
  StringMap<std::vector<std::uint32_t>> nouns_[2];
  // The last and the first four bytes of every German noun form, as bits
  // of two 8 KB sets: a word whose ending is in no noun cannot end in a
  // trigger noun, and a noun can start only where its first four bytes stand,
  // so most compounds and most places in them are rejected without a look-up.
  // A bit may stand for other four bytes too; the look-up decides.
  static constexpr std::size_t kQuadBits = 1 << 16;
  static std::size_t quad_bit(std::string_view four);
  bool quad_in(const std::vector<std::uint64_t>& set, std::string_view four) const {
    const std::size_t b = quad_bit(four);
    return (set[b / 64] >> (b % 64)) & 1;
  }
  std::vector<std::uint64_t> noun_ends_ = std::vector<std::uint64_t>(kQuadBits / 64);
  std::vector<std::uint64_t> noun_starts_ = std::vector<std::uint64_t>(kQuadBits / 64);
};

}  // namespace geokg

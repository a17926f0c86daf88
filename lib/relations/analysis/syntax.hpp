// Shallow syntax for one sentence: actor mentions with the preposition and case
// that govern them, coordination groups, clauses (topological-field style for
// German: Vorfeld, finite verb, subordinate and relative clauses), and each
// clause's subject and status.  Internal: not installed.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "actors/actor_index.hpp"
#include "geokg/relations/relation.hpp"
#include "relations/grammar.hpp"
#include "geokg/syntax/model.hpp"
#include "relations/trigger_lexicon.hpp"

namespace geokg {

struct Mention {
  std::uint32_t first = 0, last = 0;  // tokens [first, last)
  std::uint32_t np_first = 0;         // first token of the noun phrase (article ...)
  std::int32_t head = -1;             // adjective / compound: the noun it modifies
  const Actor* actor = nullptr;       // a name's actor; pronouns, descriptions: null here,
                                      // resolved in the mention-resolution pass's copy
  const Actor* second = nullptr;      // "die beiden Nationen": the other one
  char gender = '-';
  std::string genders;                // pronouns: the genders they may refer to
  enum How : std::uint8_t { name, adjective, compound, pronoun, first_person, description, pair } how = name;
  std::string prep;                   // governing preposition, "" for a bare NP
  bool oblique = false;               // marked dative/genitive/accusative (dem, den, des ...)
  bool attribution = false;           // "laut X", "X zufolge"
  bool genitive_attr = false;         // the attribute of a preceding noun
  bool possessive = false;            // "Russlands Krieg", "Russia's attack"
  bool person = false;                // a description of a person ("der Minister")
  bool owned = false;                 // "sein Land": stands for the possessor
  // "der russische Präsident", "Österreichs Kanzlerin", "US-Präsident": a
  // state's adjective, genitive or compound on a noun for one office holder
  // names a person, whom er/sie in the sentences after it may stand for.
  char office_gender = '-';
  // "ein Kanadier", "a US citizen": a private person, who stands for the
  // state only as the target of what is done to persons (the relation set
  // on_citizens); never a source, a speaker or an antecedent.
  bool private_person = false;
  // "ein nordirakisches Dorf", "Syrian territory": a state's territory, which
  // stands for the state only as the target of acts done to places (the
  // relation set on_territory); never a source, a speaker or an antecedent.
  bool territory = false;
  // Names no actor of its own, and stands for its state only as a target.
  bool stand_in() const { return private_person || territory; }
  int group = -1;                     // coordination group (index of its first mention)
  int clause = -1;
  std::string text;                   // as written
};

struct Clause {
  std::uint32_t first = 0, last = 0;  // tokens [first, last)
  enum Type : std::uint8_t { main, sub, cond, rel, zu, purpose, coord } type = main;
  int governor = -1;                  // the clause this one depends on
  std::int32_t finite = -1;           // token of the finite verb, if found
  bool passive = false;
  bool negated = false;
  bool hypothetical = false;
  bool intent = false;                // will / wollen / plans to ...
  bool willing = false;               // bereit / willing / ready
  bool decision = false;              // beschloss, kündigte an: a zu-clause under it is planned
  bool undergo = false;               // unterliegen, face: the subject undergoes
  bool neg_complement = false;        // dass/that-clauses under it are negated
  std::int32_t feared = -1;           // what follows this token is feared or planned, not done
  std::int32_t neg_to = -1;           // English "not to": only what follows this token is negated
};

// The dependency relations the passes ask about (UD labels; the rest are
// `other`).
enum class Dep : std::uint8_t {
  other, root, nsubj, nsubj_pass, obj, iobj, obl, obl_agent, nmod, nmod_poss, conj, appos,
  case_, mark, aux, aux_pass, cop, acl, acl_relcl, advcl, ccomp, xcomp, compound_prt, flat,
  amod, compound, det, cc, punct
};
std::string_view to_string(Dep d);

// The parser's tree over geokg tokens: a contraction ("zum" = zu dem) is the
// word of it that attaches outside the token.  Only sentences that can hold
// an event (two mentions and a trigger) are parsed; else `parsed` is false and
// the vectors are empty.
struct Tree {
  bool parsed = false;
  std::vector<std::int32_t> head;      // token -> its head token, -1 for the root
  std::vector<Dep> dep;                // token -> its relation to the head
  std::vector<syntax::Upos> upos;      // token -> part of speech
  std::vector<char> gcase;             // token -> German case: N, A, D, G or '-'

  bool has(std::uint32_t t) const { return parsed && t < head.size(); }
  // The first token hanging on `h` with relation `d`, or -1.
  std::int32_t child(std::uint32_t h, Dep d) const;
};

struct Sentence;
struct TreeModel;

struct SentenceSyntax {
  std::vector<Mention> mentions;
  std::vector<Clause> clauses;
  std::vector<int> clause_of;         // token -> clause
  std::vector<std::uint64_t> classes; // token -> grammar classes
  std::vector<std::uint8_t> quoted;   // token inside quotation marks (bytes: cheaper than bits)
  // Each token's verb and noun trigger entries, looked up once.
  std::vector<const std::vector<VerbForm>*> verb;
  std::vector<const std::vector<std::uint32_t>*> noun;
  bool question = false;

  // The parser's tree, parsed on first use (tree.cpp).  Parsing costs some
  // microseconds a word, and most sentences that could hold an event are
  // decided without it: only a question the clause analysis cannot answer
  // asks for the tree.
  const Tree& tree() const;
  // What tree() parses, set by plan_tree: null when the sentence cannot hold
  // an event or there is no parser for its language.
  const Sentence* tree_sentence = nullptr;
  const TreeModel* tree_model = nullptr;
  // The tree once made; tree_made says whether it is (tree() sets both).
  mutable Tree tree_cache;
  mutable bool tree_made = false;
};

}  // namespace geokg

namespace geokg {

class TokenIndex;

// A language's parser model and the relation of each of its label ids.
// Built from a file, it reads the file when the first sentence is parsed:
// most documents never need it, and workers need not wait for it.
class TreeModel {
 public:
  explicit TreeModel(const syntax::Model& m);
  explicit TreeModel(std::filesystem::path file);
  // Both load the file if not yet loaded (once, from any thread); a broken
  // file throws syntax::SyntaxError.
  const syntax::Model& model() const;
  Dep dep(std::uint16_t label) const;

 private:
  void use(const syntax::Model& m) const;
  std::filesystem::path file_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<syntax::Model> owned_;
  mutable const syntax::Model* model_ = nullptr;
  mutable std::vector<Dep> dep_of_label_;
};

// Persons the document has named in full, by the folded last word of the
// name ("Sisi" after "Abdel Fattah al-Sisi"): news names a person once in
// full, then by surname.  Null where two persons share one.
struct NamedPersons {
  struct Person {
    const Actor* actor;  // null: two persons share the surname
    char gender;         // of the full name's form, for pronouns that point ahead
  };
  StringMap<Person> by_surname;
};

struct AnalyzerContext {
  Lang lang;
  const ActorIndex& actors;
  const Grammar& grammar;
  const TriggerLexicon& triggers;
  // The three merged, for one look-up per token; null: the tables one by one.
  const TokenIndex* index = nullptr;
  // The language's parser; null: no tree, the clause heuristics alone.
  const TreeModel* tree = nullptr;
  // The document's date as YYYYMMDD, 0 if unknown: a person is coded by the
  // role they held on that day (data/actors/roles/).
  std::int32_t day = 0;
  // The persons named in full earlier in the document; null: none.
  const NamedPersons* named = nullptr;
  // The sentence before reported speech (a saying verb, or Konjunktiv I):
  // a Konjunktiv II perfect here may go on reporting it.
  bool reported_before = false;
};

SentenceSyntax analyze_sentence(const Sentence& s, const AnalyzerContext& ctx);
// The same into `out`, whose vectors keep their capacity from the last
// sentence: a caller that analyses sentence after sentence allocates little.
// With `need_mentions`, a sentence that cannot have a mention (no actor name,
// pronoun or description) is not analysed further: false, and only
// `mentions` (empty) is valid.  True when `out` is complete.
bool analyze_sentence(const Sentence& s, const AnalyzerContext& ctx, SentenceSyntax& out,
                      bool need_mentions);
// The calling thread's SentenceSyntax to analyse into, sentence after sentence.
SentenceSyntax& thread_syntax();

// True for a token that may be a finite verb or verb of the clause.
bool is_verbal(const Token& t, std::uint64_t classes, const std::vector<VerbForm>* verb,
               const AnalyzerContext& ctx, bool sentence_start);

}  // namespace geokg

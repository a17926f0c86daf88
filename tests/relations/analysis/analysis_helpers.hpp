// The shipped tables (GEOKG_DATA_DIR) and a sentence written for a test, run
// through the analysis units one at a time, with renderings for exact
// comparisons.
#pragma once
#include <doctest/doctest.h>

#include "../../string_list.hpp"

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "actors/actor_index.hpp"
#include "geokg/actors/actor_dictionary.hpp"
#include "geokg/error.hpp"
#include "geokg/resources.hpp"
#include "geokg/text/segmenter.hpp"
#include "relations/analysis/units.hpp"
#include "relations/grammar.hpp"
#include "relations/token_index.hpp"
#include "relations/trigger_lexicon.hpp"

namespace analysis_test {

using namespace geokg;

struct Tables {
  ActorDictionary actors;
  TriggerLexicon triggers;
  Grammar de, en;
  TokenIndex index;
  Segmenter seg_de{Lang::de}, seg_en{Lang::en};

  Tables() {
    const auto dir = find_data_dir();
    actors = ActorDictionary::load(dir);
    de = Grammar::load(dir / "grammar" / "de.tsv");
    en = Grammar::load(dir / "grammar" / "en.tsv");
    for (auto [file, lang] : {std::pair{"de.tsv", Lang::de}, std::pair{"en.tsv", Lang::en}}) {
      std::ifstream in(dir / "triggers" / file);
      if (!in) throw DataError(std::string("cannot open triggers/") + file);
      triggers.load(in, lang, file);
    }
    index.build(de, en, triggers, index_of(actors));
  }
};

inline const Tables& tables() {
  static const Tables t;
  return t;
}

// One sentence with the units run up to `stage`, in analyze_sentence's order.
enum class Stage { cues, clauses, mentions, noun_phrases, coordination, status };

// Tokens point into the text they were cut from: an Analysed owns its text
// and stays where it was made.
struct Analysed {
  Analysed(const std::string& source, Lang lang)
      : text(source),
        ctx{lang, index_of(tables().actors), lang == Lang::en ? tables().en : tables().de,
            tables().triggers, &tables().index},
        cut((lang == Lang::en ? tables().seg_en : tables().seg_de).segment(text)) {}
  Analysed(const Analysed&) = delete;
  Analysed& operator=(const Analysed&) = delete;

  const std::string text;
  const AnalyzerContext ctx;
  const SegmentedText cut;
  SentenceSyntax syn;
  std::vector<ActorMatch> names;

  const Sentence& sentence() const { return cut.sentences.front(); }
  const std::vector<Token>& tokens() const { return sentence().tokens; }
  // The index of the first token written `form`.
  std::uint32_t at(std::string_view form) const {
    for (std::uint32_t i = 0; i < tokens().size(); ++i)
      if (tokens()[i].form == form) return i;
    FAIL("no token " << std::string(form));
    return 0;
  }
};

inline std::unique_ptr<Analysed> analyse(const std::string& text, Lang lang,
                                         Stage stage = Stage::status) {
  auto a = std::make_unique<Analysed>(text, lang);
  REQUIRE(a->cut.sentences.size() == 1);
  const Sentence& s = a->sentence();
  const AnalyzerContext& ctx = a->ctx;
  SentenceSyntax& syn = a->syn;
  TokenLookups lookups;
  read_token_classes(s, ctx, lookups, syn);
  find_actor_names(s, ctx, lookups, a->names);
  read_trigger_entries(s, ctx, lookups, syn);
  if (stage == Stage::cues) return a;
  find_clauses(s, ctx, syn, a->names, syn.clauses, syn.clause_of);
  if (stage == Stage::clauses) return a;
  find_mentions(s, ctx, syn, a->names, syn.mentions);
  if (stage == Stage::mentions) return a;
  find_noun_phrases(s, ctx, syn, syn.mentions);
  if (stage == Stage::noun_phrases) return a;
  find_coordination(s, ctx, syn, syn.mentions);
  if (stage == Stage::coordination) return a;
  find_clause_status(s, ctx, syn, syn.clauses);
  return a;
}

// The tokens [first, last) as written, separated by spaces.
inline std::string words(const Analysed& a, std::uint32_t first, std::uint32_t last) {
  std::string out;
  for (std::uint32_t i = first; i < last; ++i) {
    if (!out.empty()) out += ' ';
    out += a.tokens()[i].form;
  }
  return out;
}

// Each clause's words.
inline std::vector<std::string> clause_words(const Analysed& a) {
  std::vector<std::string> out;
  for (const Clause& c : a.syn.clauses) out.push_back(words(a, c.first, c.last));
  return out;
}

inline const char* type_name(Clause::Type t) {
  switch (t) {
    case Clause::main: return "main";
    case Clause::sub: return "sub";
    case Clause::cond: return "cond";
    case Clause::rel: return "rel";
    case Clause::zu: return "zu";
    case Clause::purpose: return "purpose";
    case Clause::coord: return "coord";
  }
  return "?";
}

inline const char* how_name(Mention::How h) {
  switch (h) {
    case Mention::name: return "name";
    case Mention::adjective: return "adjective";
    case Mention::compound: return "compound";
    case Mention::pronoun: return "pronoun";
    case Mention::first_person: return "first_person";
    case Mention::description: return "description";
    case Mention::pair: return "pair";
  }
  return "?";
}

// "text how code" for each mention; code "-" while unresolved.
inline std::vector<std::string> mention_list(const Analysed& a) {
  std::vector<std::string> out;
  for (const Mention& m : a.syn.mentions)
    out.push_back(m.text + " " + how_name(m.how) + " " + (m.actor ? m.actor->code : "-"));
  return out;
}

}  // namespace analysis_test

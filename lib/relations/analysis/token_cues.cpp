// Token cues: what each token is before any structure is built.
//
// Reads: the sentence's tokens; ctx.index, or without one ctx.grammar,
//        ctx.triggers and ctx.actors table by table.
// Writes: read_token_classes: syn.classes, syn.quoted, syn.question and each
//         token's index entry (lookups); find_actor_names: the actor names;
//         read_trigger_entries: syn.verb, syn.noun.
#include <algorithm>
#include "relations/analysis/units.hpp"
#include "relations/analysis/word_shape.hpp"
#include "relations/token_index.hpp"

namespace geokg {

using namespace analysis;  // word_shape.hpp

namespace {

// Every word's index entry: all words hashed and their slots prefetched first,
// so that the look-ups' cache misses (half of them rare words the index does
// not hold) overlap instead of stalling one by one.  Prefetching the entries
// too, in a pass between or a few tokens ahead of the look-ups, only moved
// the stall or made it worse.
void look_up_tokens(const Sentence& s, const TokenIndex& index, TokenLookups& lookups) {
  const auto& tok = s.tokens;
  const auto n = tok.size();
  lookups.info.assign(n, nullptr);
  lookups.lengths.assign(n, 0);
  lookups.hashes.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!is_word(tok[i])) continue;
    lookups.hashes[i] = TokenIndex::hash(tok[i].fold);
    index.prefetch(lookups.hashes[i]);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!is_word(tok[i])) continue;
    if (const TokenInfo* t = index.find(tok[i].fold, lookups.hashes[i])) {
      lookups.info[i] = t;
      lookups.lengths[i] = t->lengths;
    }
  }
}

}  // namespace

void read_token_classes(const Sentence& s, const AnalyzerContext& ctx, TokenLookups& lookups,
                        SentenceSyntax& syn) {
  const auto& tok = s.tokens;
  const auto n = static_cast<std::uint32_t>(tok.size());
  syn.classes.assign(n, 0);
  syn.quoted.assign(n, false);
  const int slot = token_slot(ctx.lang);
  if (ctx.index) look_up_tokens(s, *ctx.index, lookups);
  bool in_quote = false;
  for (std::uint32_t i = 0; i < n; ++i) {
    if (!is_word(tok[i])) {
      syn.classes[i] = 0;
    } else if (ctx.index) {
      if (const TokenInfo* t = lookups.info[i]) syn.classes[i] = t->classes[slot];
    } else {
      syn.classes[i] = ctx.grammar.classes(tok[i].fold);
    }
    if (is_punct(tok[i], "\"")) in_quote = !in_quote;
    syn.quoted[i] = in_quote;
  }
  syn.question = n > 0 && is_punct(tok[n - 1], "?");
}

namespace {

// The person a capitalised word names as the surname of one named in full
// before ("Sisi", German genitive "Sisis").
const NamedPersons::Person* surname_of(const NamedPersons& named, std::string_view fold) {
  auto it = named.by_surname.find(fold);
  if (it == named.by_surname.end() && fold.size() > 4 && fold.back() == 's')
    it = named.by_surname.find(fold.substr(0, fold.size() - 1));
  return it == named.by_surname.end() || !it->second.actor ? nullptr : &it->second;
}

void add_surnames_named_before(const Sentence& s, const AnalyzerContext& ctx,
                               std::vector<ActorMatch>& names) {
  if (!ctx.named || ctx.named->by_surname.empty()) return;
  const auto& tok = s.tokens;
  std::size_t before = names.size();
  for (std::uint32_t i = 0, k = 0; i < tok.size(); ++i) {
    while (k < before && names[k].last <= i) ++k;
    if (k < before && names[k].first <= i) continue;  // inside a name
    if (!is_word(tok[i]) || !tok[i].upper) continue;
    const NamedPersons::Person* p = surname_of(*ctx.named, tok[i].fold);
    auto id = p ? ctx.actors.by_id.find(p->actor->id) : ctx.actors.by_id.end();
    if (id != ctx.actors.by_id.end())
      names.push_back(ActorMatch{i, i + 1, id->second, FormKind::surname, p->gender});
  }
  if (names.size() == before) return;
  std::sort(names.begin(), names.end(),
            [](const ActorMatch& a, const ActorMatch& b) { return a.first < b.first; });
}

}  // namespace

void find_actor_names(const Sentence& s, const AnalyzerContext& ctx,
                      const TokenLookups& lookups, std::vector<ActorMatch>& names) {
  if (ctx.index) ctx.actors.match(s, ctx.lang, lookups.lengths, names);
  else ctx.actors.match(s, ctx.lang, names);
  ctx.actors.at_day(names, ctx.day);
  add_surnames_named_before(s, ctx, names);
}

namespace {

// A common verb that is a trigger only in a verb-object phrase ("machen" in
// "verantwortlich machen", "hold talks") is no trigger in a sentence without
// the object: the passes must see it as they see any other verb.
bool phrase_object_in(const Sentence& s, const TriggerLexicon& lex,
                      const std::vector<VerbForm>& forms) {
  const auto n = static_cast<std::uint32_t>(s.tokens.size());
  return std::any_of(forms.begin(), forms.end(), [&](const VerbForm& f) {
    return has_object_word(lex.at(f.trigger), s.tokens, 0, n);
  });
}

}  // namespace

void read_trigger_entries(const Sentence& s, const AnalyzerContext& ctx,
                          const TokenLookups& lookups, SentenceSyntax& syn) {
  const auto& tok = s.tokens;
  const auto n = static_cast<std::uint32_t>(tok.size());
  const bool de = ctx.lang != Lang::en;
  const int slot = token_slot(ctx.lang);
  syn.verb.assign(n, nullptr);
  syn.noun.assign(n, nullptr);
  for (std::uint32_t i = 0; i < n; ++i) {
    if (!is_word(tok[i])) continue;
    // German nouns are capitalised; an English noun may be any word.
    const bool noun_possible = !(de && !tok[i].upper);
    if (ctx.index) {
      const TokenInfo* t = lookups.info[i];
      syn.verb[i] = t ? t->verb[slot] : nullptr;
      if (noun_possible)
        syn.noun[i] = t && t->noun[slot] ? t->noun[slot]
                                         : ctx.triggers.noun_compound(ctx.lang, tok[i].fold);
    } else {
      syn.verb[i] = ctx.triggers.verb(ctx.lang, tok[i].fold);
      if (noun_possible) syn.noun[i] = ctx.triggers.noun(ctx.lang, tok[i].fold);
    }
    if (syn.verb[i] && !phrase_object_in(s, ctx.triggers, *syn.verb[i])) syn.verb[i] = nullptr;
  }
}

}  // namespace geokg

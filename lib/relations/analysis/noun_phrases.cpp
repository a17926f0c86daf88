// Noun phrases: for each mention, where its noun phrase starts, the
// preposition that governs it and its case; attribution ("laut X", "X
// zufolge"), genitive attributes, possessives; and the phrase of a noun
// naming people or an institution that the mention's actor takes over ("der
// Außenminister der USA", "King Hassan of Morocco").
//
// Reads: the tokens; syn.classes, syn.verb, syn.noun; ctx.grammar
//        (prepositions, genders, actor heads).
// Writes: mentions: np_first, prep, oblique, attribution, genitive_attr,
//         possessive, head (possessives).
#include <algorithm>

#include "relations/analysis/units.hpp"
#include "relations/analysis/word_shape.hpp"

namespace geokg {

using namespace analysis;  // word_shape.hpp

namespace {

bool inside_mention(const std::vector<Mention>& mentions, std::uint32_t k) {
  return std::any_of(mentions.begin(), mentions.end(),
                     [&](const Mention& o) { return o.first <= k && k < o.last; });
}

// The actor of a phrase headed by another noun takes that phrase's place:
// its start `q` (after walking back over articles and adjectives, or over the
// capitalised words of an English title), its preposition and case.
void adopt_phrase(const AnalysisView& v, const std::vector<Mention>& mentions, Mention& m,
                  std::uint32_t q, bool english_title) {
  const auto& tok = v.tok;
  const std::uint32_t head = q;
  auto modifier = [&](std::uint32_t k) {
    if (!is_word(tok[k])) return false;
    if (english_title)
      return (tok[k].upper || (v.cls(k) & (kDet | kPoss))) && !inside_mention(mentions, k);
    return !tok[k].upper &&
           ((v.cls(k) & (kDet | kDetOblique | kPoss)) || attributive(v.s, v.ctx, v.syn, k));
  };
  while (q > 0 && q + 4 > head && modifier(q - 1)) --q;
  m.genitive_attr = false;
  m.prep.clear();
  // "den", "dem" mark an oblique phrase; "der" only before a feminine or
  // plural noun ("der Regierung in Kiew"), a nominative before a masculine
  // one ("der Außenminister der USA").  The genitive "des" is not marked here.
  const WordInfo* hw = v.ctx.grammar.find(tok[head].fold);
  bool fem = hw && (hw->genders.find('f') != std::string::npos ||
                    hw->genders.find('p') != std::string::npos);
  const std::uint64_t article = v.cls(q);
  const bool genitive = article & kOwnerLink;  // der, des
  const bool marks_case = (article & kDetDef) && (genitive ? fem && !(article & kDetOblique)
                                                           : (article & kDetOblique));
  m.oblique = v.de && q < head && marks_case;
  m.np_first = q;
  if (q > 0 && (v.cls(q - 1) & kPrep))
    if (const WordInfo* w = v.ctx.grammar.find(tok[q - 1].fold)) {
      m.prep = w->prep;
      m.np_first = q - 1;
    }
}

// A word before the phrase that ends the walk back: a preposition,
// attribution, a comparison, the preposition before a coordination, an
// adverb that is no part of a noun phrase.  False when `p` is none.
bool ends_phrase(const AnalysisView& v, const std::vector<Mention>& mentions, Mention& m,
                 std::uint32_t p) {
  const auto& tok = v.tok;
  const std::uint64_t c = v.cls(p);
  if (c & kPrep) {
    const WordInfo* w = v.ctx.grammar.find(tok[p].fold);
    // "um ... zu" and English "to" before a verb are no prepositions.
    bool purpose = v.de && (c & kPurpose);
    if (!purpose) {
      m.prep = w->prep;
      if (w->fused_article) m.oblique = true;
    }
    m.np_first = p;
    return true;
  }
  if (c & kAdverb) return true;  // "vor allem", "unter anderem"
  if (c & kAttrib) {
    m.attribution = true;
    m.np_first = p;
    return true;
  }
  // "Extremisten wie dem IS", "groups like Hamas": a comparison, no object.
  if (c & kComparison) {
    m.prep = std::string(tok[p].fold);
    m.np_first = p;
    return true;
  }
  // "von Armee und UN-Soldaten": the preposition before the first conjunct.
  if ((c & kCoord) && p >= 2 && tok[p - 1].upper && is_word(tok[p - 1])) {
    std::uint32_t q = p - 1;
    if (q > 0 && (v.cls(q - 1) & (kDet | kDetOblique))) --q;
    if (q > 0 && (v.cls(q - 1) & kPrep) && !inside_mention(mentions, p - 1)) {
      const WordInfo* w = v.ctx.grammar.find(tok[q - 1].fold);
      m.prep = w->prep;
      m.np_first = q - 1;
      return true;
    }
  }
  return false;
}

// English adjectives carry no ending to tell them from verbs, so only two
// kinds are read as part of a name's phrase: a compass word ("in central
// Iran") and a participle right after the article ("from the besieged
// Bosnian town", "in the occupied West Bank"), where no verb can stand.
bool english_modifier(const AnalysisView& v, std::uint32_t p) {
  const Token& t = v.tok[p];
  if (t.upper || !no_function_class(v.cls(p))) return false;
  if (v.ctx.grammar.region(t.fold)) return true;
  const auto* forms = v.syn.verb[p];
  bool participle = forms && std::any_of(forms->begin(), forms->end(), [](const VerbForm& f) {
                      return f.types & kAttributive;
                    });
  return participle && p > 0 && (v.cls(p - 1) & (kDet | kPoss));
}

// A word of the phrase before the mention: an article, a possessive, an
// adjective, the noun of an apposition.  False when `p` is none.
bool in_phrase(const AnalysisView& v, const std::vector<Mention>& mentions, Mention& m,
               std::uint32_t p) {
  const auto& tok = v.tok;
  const std::uint64_t c = v.cls(p);
  // An apposition: "gegen die Islamistenmiliz Islamischer Staat" -- the name
  // shares the phrase (and preposition) of the noun before it.  A name in -s
  // may be a genitive ("die Regierung Russlands"), but not after a word for
  // land ("in der Hauptstadt Damaskus"), where either reading names the place.
  if (v.de && m.how == Mention::name && tok[p].upper && p > 0 && !(c & kFunction) &&
      !v.syn.noun[p] && m.np_first == m.first && !v.ctx.grammar.time_noun(tok[p].fold) &&
      (!(tok[m.last - 1].fold.size() > 1 && tok[m.last - 1].fold.back() == 's') ||
       v.ctx.grammar.territory(tok[p].fold)) &&
      (p + 1 == m.first || (p + 2 == m.first && is_punct(tok[p + 1], "("))) &&
      !inside_mention(mentions, p))
    return true;
  if (c & (kDet | kDetOblique | kPoss | kPoss1 | kPair)) {
    if ((c & kDetOblique) && !(c & kDet)) m.oblique = true;
    m.np_first = p;
    return true;
  }
  if (!tok[p].upper && no_function_class(c & ~kHypoAdj) &&
      (v.de ? adjective_like(tok[p].fold) : false) &&
      !is_verbal(tok[p], c, v.syn.verb[p], v.ctx, p == 0)) {
    m.np_first = p;
    return true;
  }
  if (!v.de && english_modifier(v, p)) {
    m.np_first = p;
    return true;
  }
  return false;
}

// A German relative pronoun at `p` that opens a clause is no part of the
// phrase of the name after it, though it looks like an article:
// - ", bei dem zwei Palästinenser getötet wurden": after the clause's
//   preposition it is that preposition's object -- when a number, adjective
//   or article stands before the name (", mit der Ukraine" is a phrase), or
//   it is "denen";
// - "der Pakt, den Russland schloss": "den" or "dem" right before a name
//   that takes no article (a neuter state, a person);
// - "Putin, den die Ukraine kritisierte": before the phrase's own article.
bool relative_pronoun_at(const AnalysisView& v, const Mention& m, std::uint32_t p) {
  if (!v.de || !(v.cls(p) & kRel)) return false;
  if (p >= 2 && (v.cls(p - 1) & kPrep) && is_punct(v.tok[p - 2], ",") &&
      (p + 1 < m.first || v.tok[p].fold == "denen"))
    return true;
  if (m.np_first == p + 1 && m.np_first < m.first && (v.cls(p + 1) & (kDet | kDetOblique)))
    return true;
  if (p + 1 != m.first || !v.tok[m.first].upper || !(v.cls(p) & kDetOblique) ||
      m.how != Mention::name || !m.actor)
    return false;
  return m.actor->type == ActorType::person ||
         (m.actor->type == ActorType::state && m.gender == 'n');
}

// Walks back from the mention over its phrase to the word that governs it.
void walk_back(const AnalysisView& v, const std::vector<Mention>& mentions, Mention& m) {
  std::uint32_t i = m.first;
  for (int steps = 0; i > 0 && steps < 6; ++steps) {
    const std::uint32_t p = i - 1;
    if (!is_word(v.tok[p])) {
      if (!is_punct(v.tok[p], "\"") && !is_punct(v.tok[p], "(")) break;
    } else if (relative_pronoun_at(v, m, p)) {
      break;
    } else if (ends_phrase(v, mentions, m, p) || !in_phrase(v, mentions, m, p)) {
      break;
    }
    i = p;
  }
}

// "die Regierung in Kiew", "der Führung in Moskau", "the government in
// Kabul": the seat names the government's state, which takes the
// description's article and preposition.
void seat_of_government(const AnalysisView& v, const std::vector<Mention>& mentions,
                        Mention& m) {
  if ((m.prep == "in" || m.prep == "aus" || m.prep == "of") && m.np_first > 0 &&
      is_word(v.tok[m.np_first - 1]) && (v.cls(m.np_first - 1) & kDefDesc) &&
      !(v.cls(m.np_first - 1) & kPersonDesc) && (v.de ? v.tok[m.np_first - 1].upper : true) &&
      m.how == Mention::name) {
    const WordInfo* dw = v.ctx.grammar.find(v.tok[m.np_first - 1].fold);
    if (dw && dw->genders != "g" && dw->genders != "r")
      adopt_phrase(v, mentions, m, m.np_first - 1, false);
  }
}

// "ethnic Albanians in Serbia": an ethnic group is no state (mentions.cpp),
// but as a population it is the state it lives in, which takes the group's
// place in the clause.  English only: measured on English news.
void ethnic_population(const AnalysisView& v, const std::vector<Mention>& mentions,
                       Mention& m) {
  if (v.de || m.how != Mention::name || !m.actor || m.actor->type != ActorType::state) return;
  if (!v.ctx.grammar.is(m.prep, kOwnerLink) || m.np_first < 2) return;
  const std::uint32_t group = m.np_first - 1;
  if (is_word(v.tok[group]) && (v.cls(group - 1) & kEthnic))
    adopt_phrase(v, mentions, m, group, false);
}

// "die Polizei in Frankreich", "die Botschafterin von Tschad", "Soldaten aus
// Russland", "security forces in Guinea": a state's organ or official before
// "von" or "aus" names its owner, and before "in" too unless it is only
// stationed there (troops, diplomats).  English "in" is left to the
// government's seat: "authorities in Croatia cracked down on Serbian
// nationalists" came out right but costs plover-dev precision.  An organ another mention already owns ("die
// russischen Soldaten in Syrien", "US-Truppen in Syrien") keeps its owner.
void agent_owner(const AnalysisView& v, const std::vector<Mention>& mentions, Mention& m) {
  if (m.how != Mention::name || m.np_first == 0 || !is_word(v.tok[m.np_first - 1])) return;
  const std::uint32_t a = m.np_first - 1;
  const Grammar& g = v.ctx.grammar;
  const bool member = m.actor && m.actor->type == ActorType::group && g.member(v.tok[a].fold);
  const bool von =
      v.de && (m.prep == "von" || m.prep == "aus") && (g.agent(v.tok[a].fold) || member);
  const std::string_view before = a > 0 && is_word(v.tok[a - 1]) ? v.tok[a - 1].fold : "";
  const bool in = v.de && m.prep == "in" && g.agent_owned_in(before, v.tok[a].fold);
  if (!(von || in) || (v.de && !v.tok[a].upper) || inside_mention(mentions, a)) return;
  // "seine Truppen aus Syrien", "ihre Soldaten aus Afghanistan": a
  // possessive already names the owner; the phrase is where they are.
  for (std::uint32_t k = a >= 2 ? a - 2 : 0; k < a; ++k)
    if (v.cls(k) & kPoss) return;
  const bool owned = std::any_of(mentions.begin(), mentions.end(), [&](const Mention& o) {
    return o.head == static_cast<std::int32_t>(a);
  });
  if (!owned) adopt_phrase(v, mentions, m, a, false);
}

// "King Hassan of Morocco", "the Foreign Minister of Iran": English titles
// name their holder's state with "of".
void english_title(const AnalysisView& v, const std::vector<Mention>& mentions, Mention& m) {
  if (v.de || m.prep != "of" || m.how != Mention::name || m.np_first == 0) return;
  const auto& tok = v.tok;
  const Grammar& g = v.ctx.grammar;
  std::uint32_t t = m.np_first;
  while (t > 0 && t + 4 > m.np_first && is_word(tok[t - 1]) && tok[t - 1].upper &&
         !g.actor_head(tok[t - 1].fold))
    --t;
  if (t > 0 && is_word(tok[t - 1]) && g.actor_head(tok[t - 1].fold) &&
      !(v.cls(t - 1) & kDefDesc) && !v.syn.noun[t - 1])
    adopt_phrase(v, mentions, m, t - 1, true);
}

// "eine von Riad geführte Militärallianz": the led coalition acts as the one
// who leads it (the English "Saudi-led coalition" is a compound).
void led_by(const AnalysisView& v, Mention& m) {
  if (!v.de || m.prep != "von" || m.last + 1 >= v.n || !is_word(v.tok[m.last]) ||
      !v.tok[m.last + 1].upper)
    return;
  if (v.cls(m.last) & kLedBy) {
    m.prep.clear();
    m.oblique = false;
    m.np_first = m.first;
  }
}

// A bare noun phrase right after a noun is its genitive attribute
// ("Sanktionen der USA", "Krieg Russlands").
void genitive_attribute(const AnalysisView& v, const std::vector<Mention>& mentions,
                        Mention& m) {
  if (!m.prep.empty() || m.np_first == 0 || !v.de) return;
  const auto& tok = v.tok;
  const std::uint32_t p = m.np_first - 1;
  auto upper_noun = [&](std::uint32_t i) {
    return i < v.n && is_word(tok[i]) && tok[i].upper && i > 0;
  };
  const std::uint64_t article = v.cls(m.np_first);
  // "der", "des"; "eines", "einer" only before a private person ("die
  // Festnahme eines Deutschen"): other actors are named definite.
  const bool article_of_owner =
      (article & kDetDef) || (m.private_person && (article & kDetIndef));
  if (upper_noun(p) && !(v.cls(p) & kFunction) && m.np_first != m.first &&
      (article & kOwnerLink) && article_of_owner)
    m.genitive_attr = true;
  // Without an article the adjective carries the genitive: "die
  // Ausbildung (moderater) syrischer Rebellen", "Angriffe russischer Jets".
  std::string_view a0 = tok[m.np_first].fold;
  if (upper_noun(p) && !(v.cls(p) & kFunction) && m.how == Mention::adjective &&
      !tok[m.np_first].upper && a0.size() > 3 && a0.substr(a0.size() - 2) == "er" &&
      !(v.cls(m.np_first) & kFunction))
    m.genitive_attr = true;
  if (upper_noun(p) && m.np_first == m.first && tok[m.first].fold.size() > 1 &&
      tok[m.first].fold.back() == 's' && m.how == Mention::name)
    m.genitive_attr = true;
  // "der Außenminister der USA", "die Truppen Russlands": the owner of a
  // noun naming people or an institution is the actor of the phrase, which
  // takes that noun's article and preposition.
  const bool member = m.actor && m.actor->type == ActorType::group &&
                      v.ctx.grammar.member(tok[p].fold);  // "Anhänger des IS"
  if (m.genitive_attr && m.how == Mention::name &&
      (v.ctx.grammar.actor_head(tok[p].fold) || member) && !v.syn.noun[p])
    adopt_phrase(v, mentions, m, p, false);
}

// "Russlands Krieg", "Russia's attack": a possessive before its noun.
void possessive(const AnalysisView& v, Mention& m) {
  const auto& tok = v.tok;
  if (m.how != Mention::name || m.last >= v.n || !is_word(tok[m.last])) return;
  std::string_view f = tok[m.last - 1].fold;
  bool saxon = !v.de && f.size() > 2 && (f.substr(f.size() - 2) == "'s" || f.back() == '\'');
  bool gen_s = v.de && f.size() > 1 && f.back() == 's' && tok[m.last].upper &&
               !(v.cls(m.last) & kFunction) && m.np_first == m.first;
  if (!saxon && !gen_s) return;
  m.possessive = true;
  m.head = static_cast<std::int32_t>(m.last);
  // "Iran's religious leader", "Russlands Außenminister": the owner of a
  // noun naming people or an institution is the actor of the phrase.
  for (std::uint32_t h = m.last; h < std::min(v.n, m.last + 3); ++h) {
    if (!is_word(tok[h]) || (v.cls(h) & kFunction)) break;
    if (v.ctx.grammar.actor_head(tok[h].fold)) {
      m.possessive = false;
      m.head = -1;
      break;
    }
  }
}

// "nach Angaben der USA", "laut Informationen von Aktivisten", "Berichten
// des Senders zufolge": the owner of a report noun in an attribution phrase
// is who reports, never a party to the event the clause reports.
bool reports_owner(const AnalysisView& v, const Mention& m) {
  if (!v.de || m.np_first < 2) return false;
  const std::uint32_t noun = m.np_first - 1;
  if (!is_word(v.tok[noun]) || !v.ctx.grammar.report_noun(v.tok[noun].fold)) return false;
  const WordInfo* before = v.ctx.grammar.find(v.tok[noun - 1].fold);
  if ((v.cls(noun - 1) & kAttrib) || (before && before->prep == "nach")) return true;
  return m.last < v.n && is_word(v.tok[m.last]) && v.tok[m.last].fold == "zufolge";
}

// The gender of the office holder a state's mention names ("der russische
// Präsident", "Österreichs Kanzlerin", "der Präsident Frankreichs"): the
// singular person noun that is its head or inside its phrase.
void office_gender(const AnalysisView& v, Mention& m) {
  if (!v.de || !m.actor || m.actor->type == ActorType::person || m.how == Mention::pronoun ||
      m.how == Mention::first_person || m.how == Mention::description || m.how == Mention::pair)
    return;
  auto gender = [&](std::uint32_t k) {
    const WordInfo* w = v.ctx.grammar.find(v.tok[k].fold);
    if (!is_word(v.tok[k]) || !(v.cls(k) & kPersonDesc) || !w || w->genders.size() != 1) return '-';
    // "die Präsidenten": a plural names no one person.
    bool plural = k > 0 && v.tok[k - 1].fold == "die" && w->genders == "m";
    return plural ? '-' : w->genders[0];
  };
  std::uint32_t end = std::min<std::uint32_t>(v.n, m.last + 1);
  if (m.head >= 0) end = std::max<std::uint32_t>(end, static_cast<std::uint32_t>(m.head) + 1);
  for (std::uint32_t k = m.np_first; k < std::min(end, v.n); ++k)
    if (char g = gender(k); g == 'm' || g == 'f') {
      m.office_gender = g;
      return;
    }
}

}  // namespace

void find_noun_phrases(const Sentence& s, const AnalyzerContext& ctx, const SentenceSyntax& syn,
                       std::vector<Mention>& mentions) {
  const AnalysisView v{s, ctx, syn};
  for (Mention& m : mentions) {
    m.np_first = m.first;
    if (m.how == Mention::description || m.how == Mention::pair) {
      if (v.cls(m.first) & kDetOblique) m.oblique = true;
    }
    walk_back(v, mentions, m);
    seat_of_government(v, mentions, m);
    ethnic_population(v, mentions, m);
    agent_owner(v, mentions, m);
    english_title(v, mentions, m);
    led_by(v, m);
    // "X zufolge" (German postposition).
    if (m.last < v.n && is_word(v.tok[m.last]) && v.tok[m.last].fold == "zufolge")
      m.attribution = true;
    // "Poposki: Es gab ...": a name opening the sentence before a colon labels
    // who speaks (interviews, quotes), like "X zufolge"; it acts in nothing.
    if (m.np_first == 0 && m.last + 1 < v.n && is_punct(v.tok[m.last], ":"))
      m.attribution = true;
    genitive_attribute(v, mentions, m);
    if (reports_owner(v, m)) m.attribution = true;
    possessive(v, m);
    office_gender(v, m);
  }
}

}  // namespace geokg

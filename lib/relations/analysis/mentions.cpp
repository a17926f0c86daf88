// Mentions: the actor names that name an actor here, pronouns, first
// person, descriptions ("das Land", "die beiden Nationen", "der Minister"),
// then one mention for an abbreviation after its name, an office and its
// holder, an adjective and a name in one noun phrase.
//
// Reads: the tokens; syn.classes, syn.clause_of; the actor names; ctx.actors,
//        ctx.grammar (genders, actor heads, non-actor heads), ctx.triggers.
// Writes: mentions: first, last, head, actor, gender, genders, how, person,
//         private_person, territory, clause, text.
#include <algorithm>

#include "relations/analysis/units.hpp"
#include "relations/analysis/word_shape.hpp"

namespace geokg {

using namespace analysis;  // word_shape.hpp

namespace {

// "eine norwegische und eine chinesische Geisel", "Russian and Chinese
// troops": an adjective coordinated with the next one shares its noun; the
// token after that adjective, else after this one.
std::uint32_t after_elliptic(const AnalysisView& v, const std::vector<ActorMatch>& names,
                             const ActorMatch& m) {
  std::uint32_t t = m.last;
  if (t >= v.n || !(v.cls(t) & kCoord)) return m.last;
  ++t;
  while (t < v.n && t < m.last + 3 && (v.cls(t) & (kDet | kDetOblique | kDetIndef))) ++t;
  for (const ActorMatch& n : names)
    if (n.first == t && n.kind == FormKind::adjective) return n.last;
  return m.last;
}

// The noun an adjective or the first part of a compound modifies.
void find_head(const AnalysisView& v, const std::vector<ActorMatch>& names, const ActorMatch& m,
               Mention& x) {
  // "US-Beamte", "UN-Sicherheitsrat": the name modifies the noun after the
  // hyphen; in "EU-Türkei-Gipfel" both names are sides of the event noun
  // (the "Nato-Russland-Rat" is a body, and Nato modifies "Russland").
  if (m.last < v.n && compound_hyphen(v.s, m.last)) {
    x.how = Mention::compound;
    std::uint32_t h = m.last + 1;
    for (const ActorMatch& n : names)
      if (n.first == h && n.last + 1 < v.n && compound_hyphen(v.s, n.last) &&
          v.ctx.triggers.noun(v.ctx.lang, v.tok[n.last + 1].fold))
        h = n.last + 1;
    // "die US-geführte Koalition": the led noun, which acts as its leader.
    if ((v.cls(h) & kLedBy) && h + 1 < v.n && is_word(v.tok[h + 1]) && v.tok[h + 1].upper)
      ++h;
    x.head = static_cast<std::int32_t>(h);
  } else if (x.how == Mention::adjective) {
    const std::uint32_t from = after_elliptic(v, names, m);
    for (std::uint32_t h = from; h < std::min(v.n, from + 3); ++h)
      if (is_word(v.tok[h]) && (v.de ? v.tok[h].upper : !(v.cls(h) & kFunction))) {
        x.head = static_cast<std::int32_t>(h);
        break;
      }
  }
}

// A dateline names where the report comes from, not an actor: from the
// sentence start, capitalised content words, numbers, slashes and commas
// ("Athen", "Vatikanstadt/Wien", "MOSCOW, March 3", "Santiago de Chile"), an agency in
// parentheses ("(dpa)", "(Reuters)"), then a dash before the capitalised
// start of the report.  "Die Türkei - Mitglied der Nato - ..." opens with an
// article and is none.  The token after the dateline, or 0.
std::uint32_t dateline_end(const AnalysisView& v) {
  const auto& tok = v.tok;
  std::uint32_t i = 0;
  for (; i < v.n && i < 8; ++i) {
    const Token& t = tok[i];
    bool place = is_word(t) && t.upper && no_function_class(v.cls(i));
    // "Santiago de Chile", "Frankfurt am Main": a short particle inside a name.
    place |= i > 0 && is_word(t) && !t.upper && t.fold.size() <= 3 && i + 1 < v.n &&
             is_word(tok[i + 1]) && tok[i + 1].upper &&
             !is_verbal(t, v.cls(i), v.syn.verb[i], v.ctx, false);
    if (!place && t.kind != TokenKind::number && !is_punct(t, "/") && !is_punct(t, ",") &&
        !is_punct(t, "."))
      break;
  }
  if (i == 0) return 0;
  if (i < v.n && is_punct(tok[i], "(")) {
    std::uint32_t close = i + 1;
    while (close < v.n && close < i + 10 && !is_punct(tok[close], ")")) ++close;
    if (close >= v.n || !is_punct(tok[close], ")")) return 0;
    i = close + 1;
  }
  bool dash = i + 1 < v.n && is_punct(tok[i], "-") && !compound_hyphen(v.s, i);
  return dash && is_word(tok[i + 1]) && tok[i + 1].upper ? i : 0;
}

// A credit ("Foto: Reuters", "Bild: AFP/Ukrainian Presidential Press
// Service", "Image: UK Government") names who made a picture, not an actor:
// a credit word and a colon, then no verb to the sentence end.
bool credit(const AnalysisView& v, const ActorMatch& m) {
  const auto& tok = v.tok;
  std::uint32_t label = m.first;
  while (label > 0 && m.first - label < 12 && !is_punct(tok[label - 1], ":")) --label;
  if (label < 2 || !is_punct(tok[label - 1], ":") || !v.ctx.grammar.credit(tok[label - 2].fold))
    return false;
  for (std::uint32_t k = label; k < v.n; ++k)
    if (is_word(tok[k]) && !tok[k].upper && is_verbal(tok[k], v.cls(k), v.syn.verb[k], v.ctx, false))
      return false;
  return true;
}

// "der frühere russische Präsident", "der georgische Ex-Präsident", "the
// former Russian president": a state's adjective or compound on a former
// office names no one acting for it (GUIDELINES: persons in office).  A name
// after the title keeps its own code.
bool former_office(const AnalysisView& v, const ActorMatch& m, const Mention& x) {
  if (x.how == Mention::name || x.head < 0) return false;
  const Grammar& g = v.ctx.grammar;
  for (std::uint32_t b = m.first; b > 0 && b + 2 >= m.first; --b)
    if (g.former(v.tok[b - 1].fold)) return true;
  auto h = static_cast<std::uint32_t>(x.head);
  std::string_view hf = v.tok[h].fold;
  bool ex_prefix = hf.size() > 4 && hf.substr(0, 2) == "ex" && g.actor_head(hf.substr(2));
  bool ex_word = g.former(hf) && h + 1 < v.n && compound_hyphen(v.s, h + 1);
  return ex_prefix || ex_word;
}

// "US-Bürger", "die britische Geisel", "a Canadian journalist", "US
// citizens": a state's adjective, compound or (English) name on a noun for
// private persons names them, not the state.
bool citizen_head(const AnalysisView& v, const ActorMatch& m, const Mention& x) {
  std::int32_t h = x.head;
  if (h < 0 && !v.de && x.how == Mention::name && m.last < v.n)
    h = static_cast<std::int32_t>(m.last);
  return h >= 0 && v.ctx.grammar.citizen(v.tok[static_cast<std::uint32_t>(h)].fold);
}

// "IS-Aktivisten", "die Anhänger von Boko Haram": members of an armed group
// act for it; members of a state's people are private persons.
bool group_member(const AnalysisView& v, const ActorMatch& m, std::string_view head) {
  return v.ctx.grammar.member(head) && v.ctx.actors.actors[m.actor]->type == ActorType::group;
}

// "ein nordirakisches Dorf", "syrisches Gebiet", "Iraqi villages": a state's
// adjective or compound on a noun for land names the state's territory.
bool territory_head(const AnalysisView& v, const ActorMatch& m, const Mention& x) {
  return x.head >= 0 && x.how != Mention::name &&
         v.ctx.actors.actors[m.actor]->type == ActorType::state &&
         v.ctx.grammar.territory(v.tok[static_cast<std::uint32_t>(x.head)].fold);
}

// A name used for something other than its actor.
bool names_no_actor(const AnalysisView& v, const ActorMatch& m, const Mention& x) {
  const auto& tok = v.tok;
  const Grammar& g = v.ctx.grammar;
  // Private persons of a state are no place or topic, and the state stands
  // for them as a target (GUIDELINES).
  const bool citizen = citizen_head(v, m, x);
  const bool land = territory_head(v, m, x);
  // "anti-Syria journalist", "pro-Iranian group", "anti-chinesische Proteste":
  // the actor is what the phrase is for or against, never its agent.
  if (m.first >= 2 && is_punct(tok[m.first - 1], "-") && (v.cls(m.first - 2) & kStance))
    return true;
  const auto head = static_cast<std::uint32_t>(x.head);
  // A country name used as a place or topic ("der Syrien-Konflikt", "die
  // russische Sprache") is no actor.
  if (x.head >= 0 && !citizen && !land && (v.cls(head) & kNonActorHead)) return true;
  // Compounds of such heads too: "Transportunternehmen", "Energiekonzern".
  if (x.head >= 0 && !citizen && !land && v.de && g.nonactor_head(tok[head].fold)) return true;
  if (m.last <= dateline_end(v) || credit(v, m)) return true;
  // "western Sudan": a lower-case compass word before a name is part of the
  // place, not the West.
  if (!v.de && m.last == m.first + 1 && m.last < v.n && !tok[m.first].upper &&
      g.region(tok[m.first].fold) && tok[m.last].upper)
    return true;
  // A German hyphen compound names an actor when its head is people or an
  // institution ("US-Beamte", "UN-Sicherheitsrat") or an event whose side it
  // is ("US-Sanktionen"); "EU-Syrien-Fonds", "Ukraine-Konflikt" name none.
  if (x.how == Mention::compound && x.head >= 0 && v.de && !citizen) {
    std::string_view hf = tok[head].fold;
    const bool led = head > m.last + 1 && (v.cls(head - 1) & kLedBy);
    if (!led && !g.actor_head(hf) && !v.ctx.triggers.noun(v.ctx.lang, hf) &&
        !group_member(v, m, hf))
      return true;
  }
  if (former_office(v, m, x)) return true;
  // "ethnic Albanians", "ethnische Serben": an ethnic group, not the state.
  return m.first > 0 && (v.cls(m.first - 1) & kEthnic);
}

// A German demonym in -er is its own plural ("Israelis und Palästinenser"):
// it is one person only after a singular article ("der (junge) Marokkaner").
// "den Argentinier", "dem Kanadier": the plural's dative ends in -n
// ("den Argentiniern"), so an oblique article before the bare -er form is
// singular -- but for the genitive plural ("beider", "zweier").
bool singular_oblique(const AnalysisView& v, std::uint32_t d) {
  std::string_view f = v.tok[d].fold;
  return (v.cls(d) & kDetOblique) && !(f.size() > 2 && f.substr(f.size() - 2) == "er");
}

bool er_plural(const AnalysisView& v, const ActorMatch& m) {
  if (!v.de || m.kind != FormKind::demonym || m.gender != 'm') return false;
  std::string_view f = v.tok[m.last - 1].fold;
  if (f.size() <= 2 || f.substr(f.size() - 2) != "er") return false;
  for (std::uint32_t b = m.first; b > 0 && b + 2 >= m.first; --b)
    if ((v.cls(b - 1) & kDetSingular) || singular_oblique(v, b - 1)) return false;
  return true;
}

// No noun follows token `i` in the phrase: "a Canadian criticized", "ein
// Deutscher wurde", "a Canadian." -- unlike "a Canadian attack", "der
// Deutsche Bundestag", "a Russian-made missile".
bool phrase_ends(const AnalysisView& v, std::uint32_t i) {
  if (i >= v.n) return true;
  if (!is_word(v.tok[i])) return !compound_hyphen(v.s, i);
  if (v.de) return !v.tok[i].upper;  // German nouns are capitalised
  // An English verb that is no event noun, or a function word (a noun such
  // as "minister" may have a class too).
  return (v.cls(i) & kFunction) ||
         (is_verbal(v.tok[i], v.cls(i), v.syn.verb[i], v.ctx, false) && !v.syn.noun[i]);
}

// A state adjective used as a noun for one person: "a Canadian", "ein
// Deutscher", "dem Deutschen" (within two words of an indefinite or a
// singular article).  After "der", "Deutschen" is the people's genitive
// plural ("die Sorgen der Deutschen").
bool nominal_adjective(const AnalysisView& v, const ActorMatch& m) {
  if (m.kind != FormKind::adjective || m.first == 0 || !v.tok[m.first].upper ||
      !phrase_ends(v, m.last))
    return false;
  if (!v.de) return v.cls(m.first - 1) & kDetIndef;
  std::string_view f = v.tok[m.last - 1].fold;
  const bool en = f.size() > 2 && f.substr(f.size() - 2) == "en";
  for (std::uint32_t b = m.first; b > 0 && b + 2 >= m.first; --b) {
    const std::uint64_t c = v.cls(b - 1);
    if (c & kDetIndef) return true;
    if (c & kDetSingular) return !en || (c & kDetOblique);
    if (c & (kDet | kDetOblique)) return false;
  }
  return false;
}

// "ein Österreicher", "der junge Marokkaner" is a private person; the plural
// "die Österreicher" is the people.  A private person arrested, killed or
// released stands for the state (GUIDELINES), so the mention stays, marked.
bool private_person(const AnalysisView& v, const ActorMatch& m) {
  if (nominal_adjective(v, m)) return true;
  if (m.kind != FormKind::demonym) return false;
  if (v.de && (m.gender == 'm' || m.gender == 'f') && !er_plural(v, m)) return true;
  return m.first > 0 && (v.cls(m.first - 1) & kDetIndef);
}

// "Attac-Österreich", "Hypo-Österreich": a state's name that a hyphen joins
// to a word naming no actor names a branch or a firm, not the state
// ("EU-Türkei-Gipfel" and "Ost-Ukraine" keep theirs).
bool named_after_other(const AnalysisView& v, const std::vector<ActorMatch>& names,
                       const ActorMatch& m) {
  if (!v.de || m.kind == FormKind::adjective || m.first < 2 || !compound_hyphen(v.s, m.first - 1))
    return false;
  if (m.last < v.n && compound_hyphen(v.s, m.last)) return false;
  const Token& w = v.tok[m.first - 2];
  if (!is_word(w) || !w.upper) return false;
  if (std::any_of(names.begin(), names.end(),
                  [&](const ActorMatch& n) { return n.last == m.first - 1; }))
    return false;
  const auto& compass = v.ctx.actors.compass.words;
  return std::find(compass.begin(), compass.end(), w.fold) == compass.end();
}

void add_name_mentions(const AnalysisView& v, const std::vector<ActorMatch>& names,
                       std::vector<Mention>& mentions) {
  for (const ActorMatch& m : names) {
    if (named_after_other(v, names, m)) continue;
    Mention x;
    x.first = m.first;
    x.last = m.last;
    x.actor = v.ctx.actors.actors[m.actor].get();
    x.gender = er_plural(v, m) ? 'p' : m.gender;
    x.how = m.kind == FormKind::adjective ? Mention::adjective : Mention::name;
    // "Russian troops" is an adjective; the plural "Russians" names people.
    if (m.kind == FormKind::demonym && !v.de) {
      std::string_view last = v.tok[m.last - 1].fold;
      bool plural = last.size() > 2 && last.back() == 's' && last[last.size() - 2] != '\'';
      x.how = plural ? Mention::name : Mention::adjective;
    }
    find_head(v, names, m, x);
    if (names_no_actor(v, m, x)) continue;
    x.private_person = private_person(v, m) || citizen_head(v, m, x);
    // "in Brüssel": a city whose name stands for an organisation it hosts
    // names its state only as the territory where something happens.
    x.territory = !x.private_person && (territory_head(v, m, x) || m.kind == FormKind::place);
    for (std::uint32_t k = m.first; k < m.last; ++k) {
      if (!x.text.empty() && v.tok[k].begin > v.tok[k - 1].end) x.text += ' ';
      x.text += v.tok[k].form;
    }
    mentions.push_back(std::move(x));
  }
}

// "es gibt", "gab es": no actor.
bool existential_es(const AnalysisView& v, std::uint32_t i) {
  return v.de && v.tok[i].fold == "es" &&
         ((i + 1 < v.n && (v.cls(i + 1) & kExistential)) ||
          (i > 0 && (v.cls(i - 1) & kExistential)));
}

// "die Regierung Russlands", "the government of Iran" name their actor after
// the description, "die russische Regierung" before it.
bool named_nearby(const AnalysisView& v, const std::vector<Mention>& mentions,
                  std::uint32_t i) {
  bool named_after = std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
    if (m.how == Mention::pronoun || m.first <= i || m.first > i + 3) return false;
    return m.first == i + 1 || (v.cls(i + 1) & kOwnerLink);
  });
  bool named_before = std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
    return m.how == Mention::adjective && m.head == static_cast<std::int32_t>(i);
  });
  return named_after || named_before;
}

// "sein Land", "ihre Regierung": a state noun after a third-person possessive
// is the state of whoever the possessive stands for, resolved like a pronoun
// of the possessive's genders.  Singular state nouns only: "ihre Länder" or
// "seine Miliz" name others.
bool owned_state(const AnalysisView& v, std::uint32_t i, Mention& x) {
  if (!v.de || !(v.cls(i - 1) & kPoss) || !(v.cls(i) & kDefDesc)) return false;
  const WordInfo* noun = v.ctx.grammar.find(v.tok[i].fold);
  const WordInfo* poss = v.ctx.grammar.find(v.tok[i - 1].fold);
  if (!noun || !poss || noun->genders.size() != 1 ||
      noun->genders.find_first_of("mfn") == std::string::npos || poss->genders.empty())
    return false;
  x.first = i - 1;
  x.how = Mention::pronoun;
  x.owned = true;
  x.genders = poss->genders;
  x.text = std::string(v.tok[i - 1].form) + ' ' + std::string(v.tok[i].form);
  return true;
}

// A description at `i` ("das Land", "die beiden Nationen", "der neue
// Kanzler", "the prime minister", "Rebellen"): false when it is none or
// names its actor itself.
bool description(const AnalysisView& v, const std::vector<Mention>& mentions, std::uint32_t i,
                 Mention& x) {
  const auto& tok = v.tok;
  const bool de = v.de;
  const std::uint64_t c = v.cls(i);
  std::uint32_t d = i - 1;
  if (owned_state(v, i, x)) return true;
  if ((c & (kPersonDesc | kDefDesc)) && d > 0 && tok[d].kind == TokenKind::word &&
      !tok[d].upper && !(v.cls(d) & kFunction) && (v.cls(d - 1) & kDet)) {
    // "der neue Kanzler", "the prime minister", "die frühere Sowjetrepublik";
    // but "das ganze Land", "the other country" and a plural with an
    // adjective ("die europäischen Länder") name no actor named before.
    const WordInfo* w = v.ctx.grammar.find(tok[i].fold);
    const bool plural = w && w->genders == "p";
    if ((c & kDefDesc) && (plural || v.ctx.grammar.no_reference(tok[d].fold))) return false;
    --d;
  }
  bool pair = false;
  if (v.cls(d) & kPair) {
    pair = true;
    // "die beiden Länder", "the two countries"; "beide Seiten", "both
    // sides": both is definite itself.
    if (d > 0 && (v.cls(d - 1) & kDetDef)) --d;
    else if (!(v.cls(d) & kDetDef)) return false;
  }
  // The word before the pair word: "die beiden Länder", "the two countries".
  const bool definite = v.cls(d) & kDetDef;
  // Rebels need no article: "ein Krankenhaus von Rebellen", "rebels shelled".
  const WordInfo* w = v.ctx.grammar.find(tok[i].fold);
  bool rebels = w && w->genders == "r" && !pair && !(c & kPersonDesc) && (d + 1 == i) &&
                !(is_word(tok[d]) && !tok[d].upper && !(v.cls(d) & kFunction));
  if (rebels && !definite) d = i;
  if (!definite && !rebels) return false;
  if (!de && pair && (v.cls(i - 1) & kDetDef)) d = i - 1;  // "(the) both sides" starts at both
  if (named_nearby(v, mentions, i)) return false;
  x.first = d;
  x.how = pair ? Mention::pair : Mention::description;
  x.person = (c & kPersonDesc) && !pair;
  x.genders = w ? w->genders : "";
  x.text.clear();
  for (std::uint32_t k = d; k <= i; ++k) {
    if (k > d) x.text += ' ';
    x.text += tok[k].form;
  }
  return true;
}

// Pronouns, first person, definite descriptions.
void add_reference_mentions(const AnalysisView& v, std::vector<Mention>& mentions) {
  for (std::uint32_t i = 0; i < v.n; ++i) {
    if (!is_word(v.tok[i])) continue;
    std::uint64_t c = v.cls(i);
    if (!(c & (kPron | kPron1 | kDefDesc | kPersonDesc))) continue;
    bool covered = std::any_of(mentions.begin(), mentions.end(),
                               [&](const Mention& m) { return i >= m.first && i < m.last; });
    if (covered) continue;
    Mention x;
    x.first = i;
    x.last = i + 1;
    x.text = std::string(v.tok[i].form);
    if (c & kPron) {
      if (existential_es(v, i)) continue;
      const WordInfo* w = v.ctx.grammar.find(v.tok[i].fold);
      x.how = Mention::pronoun;
      x.genders = w ? w->genders : "";
    } else if (c & kPron1) {
      x.how = Mention::first_person;
    } else if (i == 0 || !description(v, mentions, i, x)) {
      continue;
    }
    mentions.push_back(std::move(x));
  }
}

// "des Islamischen Staates (IS)": an abbreviation in parentheses repeats the
// name before it.
void drop_repeated_abbreviations(const AnalysisView& v, std::vector<Mention>& mentions) {
  for (std::size_t k = 1; k < mentions.size();) {
    const Mention& a = mentions[k - 1];
    const Mention& b = mentions[k];
    bool repeat = b.first >= 1 && is_punct(v.tok[b.first - 1], "(") && a.last + 1 == b.first &&
                  a.actor && b.actor && a.actor->code == b.actor->code;
    if (repeat) mentions.erase(mentions.begin() + static_cast<std::ptrdiff_t>(k));
    else ++k;
  }
}

// An office and its holder are one mention coded as the office: "EU-Ratspräsident
// Donald Tusk" acts for the EU, "UN-Generalsekretär Ban" for the UN, as does
// an organ named in the actor tables ("die EU-Außenbeauftragte Federica
// Mogherini": an organ's id is not its code).
void merge_offices(const AnalysisView& v, std::vector<Mention>& mentions) {
  for (std::size_t k = 0; k + 1 < mentions.size();) {
    Mention& a = mentions[k];
    Mention& b = mentions[k + 1];
    bool holder = a.actor && b.actor && b.how == Mention::name &&
                  b.actor->type == ActorType::person;
    bool compound_office = a.how == Mention::compound && a.head >= 0 &&
                           b.first == static_cast<std::uint32_t>(a.head) + 1 &&
                           v.ctx.grammar.actor_head(v.tok[static_cast<std::size_t>(a.head)].fold);
    bool organ = a.how == Mention::name && b.first == a.last && a.actor &&
                 a.actor->type != ActorType::person && a.actor->id != a.actor->code;
    bool office = holder && (compound_office || organ);
    if (office) {
      b.first = a.first;
      b.np_first = std::min(a.np_first, b.np_first);
      // Keep the person (for "der Minister" later) unless the office is another code's.
      if (a.actor->code != b.actor->code) b.actor = a.actor;
      b.text = a.text + " ... " + b.text;
      mentions.erase(mentions.begin() + static_cast<std::ptrdiff_t>(k));
    } else {
      ++k;
    }
  }
}

// An adjective and a name of the same actor in one noun phrase are one
// mention: "der russische Verteidigungsminister Sergej Schoigu".
void merge_same_phrase(const AnalysisView& v, std::vector<Mention>& mentions) {
  for (std::size_t k = 0; k + 1 < mentions.size();) {
    Mention& a = mentions[k];
    Mention& b = mentions[k + 1];
    bool same_np = a.how == Mention::adjective && b.how == Mention::name && a.actor &&
                   b.actor && a.actor->code == b.actor->code && b.first >= a.last &&
                   b.first - a.last <= 2;
    // English titles may be lower case: "Palestinian leader Yasser Arafat".
    for (std::uint32_t t = a.last; same_np && t < b.first; ++t)
      same_np = is_word(v.tok[t]) && !(v.cls(t) & kFunction) &&
                (v.tok[t].upper || (!v.de && v.ctx.grammar.actor_head(v.tok[t].fold)));
    // "der argentinische Pontifex", "der deutsche Papst Benedikt": the
    // adjective right before a person or state names where they come from;
    // they act for their own code.  A group takes its adjective's code
    // ("die pakistanischen Taliban", GUIDELINES), and an organisation's may
    // be a national branch ("the British Red Cross").
    bool origin = a.how == Mention::adjective && b.how == Mention::name && a.actor && b.actor &&
                  b.first == a.last && a.actor->code != b.actor->code &&
                  (b.actor->type == ActorType::person || b.actor->type == ActorType::state);
    if (same_np || origin) {
      b.first = a.first;
      b.np_first = std::min(a.np_first, b.np_first);
      b.text = a.text + " ... " + b.text;
      mentions.erase(mentions.begin() + static_cast<std::ptrdiff_t>(k));
    } else {
      ++k;
    }
  }
}

// An adjective and a compound on one noun name one actor: "der israelische
// UNO-Botschafter" is Israel's envoy to the UN, "der deutsche EU-Kommissar"
// the EU's commissioner.  A diplomat serves the state of the adjective; any
// other office the organisation of the compound.
void merge_one_head(const AnalysisView& v, std::vector<Mention>& mentions) {
  for (std::size_t k = 0; k + 1 < mentions.size();) {
    Mention& a = mentions[k];
    Mention& b = mentions[k + 1];
    // The adjective's noun is the compound's first part or its head.
    bool one_noun = a.head >= 0 && b.head >= 0 &&
                    (a.head == b.head || static_cast<std::uint32_t>(a.head) == b.first);
    if (a.how != Mention::adjective || b.how != Mention::compound || !one_noun || !a.actor ||
        !b.actor) {
      ++k;
      continue;
    }
    bool envoy = v.ctx.grammar.accredited(v.tok[static_cast<std::size_t>(b.head)].fold);
    Mention& keep = envoy ? a : b;
    keep.first = a.first;
    keep.np_first = std::min(a.np_first, b.np_first);
    keep.head = b.head;
    keep.last = b.last;
    keep.text = a.text + " ... " + b.text;
    mentions.erase(mentions.begin() + static_cast<std::ptrdiff_t>(envoy ? k + 1 : k));
  }
}

}  // namespace

bool may_have_mentions(const SentenceSyntax& syn, const std::vector<ActorMatch>& names) {
  if (!names.empty()) return true;
  for (std::uint64_t c : syn.classes)
    if (c & (kPron | kPron1 | kDefDesc | kPersonDesc)) return true;
  return false;
}

void find_mentions(const Sentence& s, const AnalyzerContext& ctx, const SentenceSyntax& syn,
                   const std::vector<ActorMatch>& names, std::vector<Mention>& mentions) {
  const AnalysisView v{s, ctx, syn};
  mentions.clear();
  add_name_mentions(v, names, mentions);
  add_reference_mentions(v, mentions);
  std::sort(mentions.begin(), mentions.end(),
            [](const Mention& a, const Mention& b) { return a.first < b.first; });
  drop_repeated_abbreviations(v, mentions);
  merge_offices(v, mentions);
  merge_same_phrase(v, mentions);
  merge_one_head(v, mentions);
  for (Mention& m : mentions) m.clause = syn.clause_of[m.first];
}

}  // namespace geokg

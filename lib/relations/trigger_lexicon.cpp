#include "relations/trigger_lexicon.hpp"

#include <algorithm>
#include <cstring>
#include <istream>

#include "data_table.hpp"
#include "geokg/error.hpp"

namespace geokg {
namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t p = s.find(sep, start);
    out.emplace_back(s.substr(start, p == s.npos ? s.npos : p - start));
    if (p == s.npos) break;
    start = p + 1;
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view x) {
  return s.size() >= x.size() && s.substr(s.size() - x.size()) == x;
}
bool starts_with(std::string_view s, std::string_view x) {
  return s.size() >= x.size() && s.substr(0, x.size()) == x;
}

int lang_slot(Lang l) { return l == Lang::en ? 1 : 0; }

// "botschafter/diplomat": the object nouns of a verb-object phrase.
std::vector<std::string> object_words(std::string_view list) {
  std::vector<std::string> out;
  for (const std::string& w : split(list, '/')) {
    if (w.size() < 3) throw DataError("object word '" + w + "' is shorter than 3 bytes");
    out.push_back(fold_case(w));
  }
  return out;
}

const std::vector<std::string_view> kGermanPreps = {
    "von", "aus", "gegen", "an", "nach", "mit", "bei", "auf", "über", "für", "zu",
    "um", "in", "vor", "durch", "zwischen", "unter", "wegen", "seit", "hinter"};
const std::vector<std::string_view> kEnglishPreps = {
    "by", "from", "to", "against", "with", "on", "at", "for", "of", "into",
    "between", "in", "over", "about", "upon", "onto", "toward", "towards", "among",
    "around", "outside"};

std::vector<Role> parse_roles(const std::vector<std::string>& roles, Lang lang) {
  std::vector<Role> out;
  for (const std::string& r : roles) {
    if (r == "subj") out.push_back({Role::subj, {}});
    else if (r == "obj") out.push_back({Role::obj, {}});
    else if (r == "gen") out.push_back({Role::gen, {}});
    else {
      const auto& preps = lang == Lang::en ? kEnglishPreps : kGermanPreps;
      if (std::find(preps.begin(), preps.end(), r) == preps.end())
        throw DataError("unknown role '" + r + "'");
      out.push_back({Role::prep, r});
    }
  }
  return out;
}

// German verbs with an unstressed prefix take no ge- in the participle.
bool inseparable(std::string_view v) {
  for (std::string_view p : {"be", "ge", "er", "ver", "zer", "ent", "emp", "miss", "hinter", "wider",
                             "unter", "über", "durch"})
    if (starts_with(v, p) && v.size() > p.size() + 3) return true;
  return ends_with(v, "ieren");
}

}  // namespace

void TriggerLexicon::add_verb_form(Lang lang, std::string form, std::uint32_t trigger,
                                   std::uint8_t types, bool needs_particle) {
  std::string f = fold_case(form);
  auto& v = verbs_[lang_slot(lang)][f];
  for (VerbForm& e : v)
    if (e.trigger == trigger && e.needs_particle == needs_particle) {
      e.types |= types;
      return;
    }
  v.push_back(VerbForm{trigger, types, needs_particle});
}

void TriggerLexicon::add_noun_form(Lang lang, std::string form, std::uint32_t trigger) {
  std::string f = fold_case(form);
  if (lang == Lang::de && f.size() >= 4) {
    const std::size_t end = quad_bit(std::string_view(f).substr(f.size() - 4));
    const std::size_t start = quad_bit(std::string_view(f).substr(0, 4));
    noun_ends_[end / 64] |= std::uint64_t{1} << (end % 64);
    noun_starts_[start / 64] |= std::uint64_t{1} << (start % 64);
  }
  auto& v = nouns_[lang_slot(lang)][f];
  if (std::find(v.begin(), v.end(), trigger) == v.end()) v.push_back(trigger);
}

void TriggerLexicon::generate_german_verb(std::uint32_t idx,
                                          const std::vector<std::string>& irregular) {
  const Trigger& t = triggers_[idx];
  const std::string particle = t.particle;
  std::string base = t.lemma;
  if (auto bar = base.find('|'); bar != std::string::npos) base = base.substr(bar + 1);
  base = fold_case(base);
  // Stem: warn-en, liefer-n, handel-n.
  std::string stem = ends_with(base, "en") ? base.substr(0, base.size() - 2)
                                            : base.substr(0, base.size() - 1);
  const bool sep = !particle.empty();
  // A split form needs its particle at the clause end; a fused one carries it.
  auto finite = [&](const std::string& f, std::uint8_t types = kFinite) {
    add_verb_form(Lang::de, f, idx, types, sep);
    if (sep) add_verb_form(Lang::de, particle + f, idx, types, false);
  };
  // An e is inserted after -t, -d and after m/n following another consonant
  // than l, r, h or a doubled m/n (arbeit-e-te, rechn-e-te, atm-e-te; but
  // lehn-te, warn-te, stimm-te, trenn-te).
  auto vowel_or_lrh = [](char c) { return std::string_view("aeiouylrhmn").find(c) != std::string_view::npos; };
  const bool dental = ends_with(stem, "t") || ends_with(stem, "d") ||
                      ((ends_with(stem, "n") || ends_with(stem, "m")) && stem.size() > 1 &&
                       !vowel_or_lrh(stem[stem.size() - 2]) &&
                       static_cast<unsigned char>(stem[stem.size() - 2]) < 0x80);
  const std::string e = dental ? "e" : "";
  for (const char* end : {"e", "st", "t", "en", "et", "n"}) finite(stem + end);
  if (dental) finite(stem + "est");
  for (const char* end : {"te", "test", "ten", "tet"}) finite(stem + e + end);
  add_verb_form(Lang::de, base, idx, kInfinitive | kFinite, sep);
  if (sep) {
    add_verb_form(Lang::de, particle + base, idx, kInfinitive | kFinite, false);
    add_verb_form(Lang::de, particle + "zu" + base, idx, kZuInfinitive | kInfinitive, false);
  }
  std::string part = inseparable(base) ? stem + e + "t" : "ge" + stem + e + "t";
  std::vector<std::string> participles = {part};
  for (const std::string& f : irregular) {
    std::string ff = fold_case(f);
    bool is_part = (starts_with(ff, "ge") && !inseparable(base) && ends_with(ff, "en")) ||
                   (inseparable(base) && ff == base) ||
                   (starts_with(ff, "ge") && ends_with(ff, "t"));
    // A strong inseparable verb's -en form is both preterite plural and
    // participle ("beschossen").
    if (!is_part && inseparable(base) && !sep && ends_with(ff, "en") && ff != base)
      participles.push_back(ff);
    if (is_part) {
      participles.push_back(ff);
      if (ff == base) participles.back() = base;
      continue;
    }
    finite(ff);
    // Preterite and Konjunktiv II persons of a listed strong form (hielt ->
    // hielten, hieltst, hielte).
    if (!ends_with(ff, "en") && !ends_with(ff, "t") && !ends_with(ff, "e"))
      for (const char* end : {"en", "st", "t", "e", "et"}) finite(ff + end);
    else if (ends_with(ff, "t") && !ends_with(ff, "st"))
      for (const char* end : {"en", "e", "est"}) finite(ff + end);
  }
  for (const std::string& p : participles) {
    std::string full = sep ? particle + p : p;
    add_verb_form(Lang::de, full, idx, kParticiple, false);
    for (const char* end : {"e", "en", "er", "es", "em"})
      add_verb_form(Lang::de, full + end, idx, kAttributive, false);
  }
}

void TriggerLexicon::generate_english_verb(std::uint32_t idx,
                                           const std::vector<std::string>& irregular) {
  const Trigger& t = triggers_[idx];
  std::string base = t.lemma;
  if (auto bar = base.find('|'); bar != std::string::npos) base = base.substr(0, bar);
  base = fold_case(base);
  const bool sep = !t.particle.empty();
  auto add = [&](const std::string& f, std::uint8_t types) {
    add_verb_form(Lang::en, f, idx, types, sep);
  };
  add(base, kFinite | kInfinitive);
  bool sibilant = ends_with(base, "s") || ends_with(base, "sh") || ends_with(base, "ch") ||
                  ends_with(base, "x") || ends_with(base, "z") || ends_with(base, "o");
  char last = base.back();
  bool cons_y = base.size() > 1 && last == 'y' &&
                std::string_view("aeiou").find(base[base.size() - 2]) == std::string_view::npos;
  if (cons_y) {
    std::string root = base.substr(0, base.size() - 1);
    add(root + "ies", kFinite);
    add(root + "ied", kFinite | kParticiple | kAttributive);
  } else {
    add(base + (sibilant ? "es" : "s"), kFinite);
    add(ends_with(base, "e") ? base + "d" : base + "ed", kFinite | kParticiple | kAttributive);
  }
  add(ends_with(base, "e") && !ends_with(base, "ee") ? base.substr(0, base.size() - 1) + "ing"
                                                     : base + "ing",
      kGerund);
  // Doubling of a final consonant (ban -> banned) is listed in the table.
  for (const std::string& f : irregular) add(fold_case(f), kFinite | kParticiple | kAttributive);
}

void TriggerLexicon::add(Trigger t, const std::vector<std::string>& irregular) {
  auto idx = static_cast<std::uint32_t>(triggers_.size());
  if (auto bar = t.lemma.find('|'); bar != std::string::npos)
    t.particle = fold_case(t.lang == Lang::en ? t.lemma.substr(bar + 1) : t.lemma.substr(0, bar));
  triggers_.push_back(t);
  const Trigger& tt = triggers_.back();
  if (tt.noun) {
    std::string lemma = tt.lemma;
    add_noun_form(tt.lang, lemma, idx);
    if (tt.lang == Lang::de) {
      for (const char* end : {"en", "n", "e", "s", "es", "er", "ern"})
        add_noun_form(tt.lang, lemma + end, idx);
    } else {
      bool sib = ends_with(lemma, "s") || ends_with(lemma, "sh") || ends_with(lemma, "ch") ||
                 ends_with(lemma, "x");
      add_noun_form(tt.lang, lemma + (sib ? "es" : "s"), idx);
      if (ends_with(lemma, "y")) add_noun_form(tt.lang, lemma.substr(0, lemma.size() - 1) + "ies", idx);
    }
    for (const std::string& f : irregular) add_noun_form(tt.lang, f, idx);
  } else if (tt.lang == Lang::de) {
    generate_german_verb(idx, irregular);
  } else {
    generate_english_verb(idx, irregular);
  }
}

void TriggerLexicon::load(std::istream& in, Lang lang, const std::string& where,
                          const std::string& label) {
  read_table(in, where, 7, "lemma pos relation source target flags forms", [&](const TableRow& r) {
    // "-" is an empty list in every list column.
    const auto list = [](std::string_view col, char sep) {
      std::vector<std::string> out;
      if (col != "-")
        for (std::string& x : split(col, sep))
          if (!x.empty()) out.push_back(std::move(x));
      return out;
    };
    TriggerFields f;
    f.lemma = r.fields[0];
    f.pos = r.fields[1];
    f.relation = r.fields[2];
    f.source = list(r.fields[3], '|');
    f.target = list(r.fields[4], '|');
    f.flags = list(r.fields[5], ',');
    f.forms = list(r.fields[6], ',');
    add(f, lang, label.empty() ? r.where : label + ":" + std::to_string(r.line));
  });
}

void TriggerLexicon::add(const TriggerFields& f, Lang lang, const std::string& entry) {
  Trigger t;
  t.lemma = f.lemma;
  t.lang = lang;
  t.entry = entry;
  if (f.pos != "verb" && f.pos != "noun")
    throw DataError("part of speech must be verb or noun, not '" + f.pos + "'");
  t.noun = f.pos == "noun";
  auto rel = parse_relation(f.relation);
  if (!rel) throw DataError("unknown relation '" + f.relation + "'");
  t.relation = *rel;
  t.source = parse_roles(f.source, lang);
  t.target = parse_roles(f.target, lang);
  for (const std::string& flag : f.flags) {
    if (flag == "mutual") t.mutual = true;
    else if (flag == "fill") t.fill = true;
    else if (flag == "intent") t.intent = true;
    else if (flag == "attempt") t.attempt = true;
    else if (flag == "weapon") t.weapon = true;
    else if (flag == "reciprocal") t.reciprocal = true;
    else if (flag == "carrier") t.carrier = true;
    else if (flag == "victim") t.victim = true;
    else if (flag.starts_with("object=")) t.objects = object_words(flag.substr(7));
    else if (auto colon = flag.find(':'); colon != std::string::npos) {
      auto sw = parse_relation(flag.substr(colon + 1));
      if (!sw) throw DataError("unknown relation in flag '" + flag + "'");
      parse_roles({flag.substr(0, colon)}, lang);  // validates the preposition
      t.switches.emplace_back(fold_case(flag.substr(0, colon)), *sw);
    } else if (!flag.empty()) {
      throw DataError("unknown flag '" + flag + "'");
    }
  }
  if (t.lemma.empty()) throw DataError("empty lemma");
  add(std::move(t), f.forms);
}

const std::vector<VerbForm>* TriggerLexicon::verb(Lang lang, std::string_view fold) const {
  const auto& m = verbs_[lang_slot(lang)];
  auto it = m.find(fold);
  return it == m.end() ? nullptr : &it->second;
}

const std::vector<std::uint32_t>* TriggerLexicon::noun(Lang lang, std::string_view fold) const {
  const auto& m = nouns_[lang_slot(lang)];
  if (auto it = m.find(fold); it != m.end()) return &it->second;
  return noun_compound(lang, fold);
}

const std::vector<std::uint32_t>* TriggerLexicon::noun_compound(Lang lang,
                                                                std::string_view fold) const {
  const auto& m = nouns_[lang_slot(lang)];
  if (lang != Lang::de || fold.size() < 7) return nullptr;
  if (!quad_in(noun_ends_, fold.substr(fold.size() - 4))) return nullptr;
  // Compound: the longest known noun that ends the word, at least 4 bytes, and
  // leaving a modifier of at least 3 bytes ("Luft|angriffe").
  for (std::size_t i = 3; i + 4 <= fold.size(); ++i) {
    if ((static_cast<unsigned char>(fold[i]) & 0xC0) == 0x80) continue;
    if (!quad_in(noun_starts_, fold.substr(i, 4))) continue;
    if (auto it = m.find(fold.substr(i)); it != m.end()) return &it->second;
  }
  return nullptr;
}

bool is_object_word(const Trigger& t, std::string_view fold) {
  // German inflects nouns with these endings (Botschafter-s, Diplomat-en,
  // Botschafter-in-nen) and puts them last in compounds (Sonder|botschafter);
  // English adds -s or -es.
  static constexpr std::string_view kGerman[] = {"", "e", "en", "n", "s", "es", "er", "ern",
                                                 "in", "innen", "nen"};
  static constexpr std::string_view kEnglish[] = {"", "s", "es"};
  const bool de = t.lang == Lang::de;
  for (const std::string& w : t.objects)
    for (std::size_t at = fold.find(w); at != std::string_view::npos; at = fold.find(w, at + 1)) {
      if (at != 0 && (!de || at < 3)) continue;  // a compound's modifier has 3 bytes or more
      std::string_view rest = fold.substr(at + w.size());
      if (de ? std::find(std::begin(kGerman), std::end(kGerman), rest) != std::end(kGerman)
             : std::find(std::begin(kEnglish), std::end(kEnglish), rest) != std::end(kEnglish))
        return true;
    }
  return false;
}

bool has_object_word(const Trigger& t, const std::vector<Token>& tokens, std::uint32_t first,
                     std::uint32_t last) {
  if (t.objects.empty()) return true;
  for (std::uint32_t k = first; k < last && k < tokens.size(); ++k)
    if (tokens[k].kind == TokenKind::word && is_object_word(t, tokens[k].fold)) return true;
  return false;
}

std::size_t TriggerLexicon::quad_bit(std::string_view four) {
  std::uint32_t v;
  std::memcpy(&v, four.data(), 4);
  return (v * 0x9E3779B1u) >> 16;  // the top 16 bits of a multiplicative hash
}

}  // namespace geokg

#include "geokg/actors/actor_dictionary.hpp"

#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <bit>
#include <fstream>
#include <sstream>

#include "actors/actor_index.hpp"
#include "data_table.hpp"
#include "geokg/error.hpp"

namespace geokg {
namespace fs = std::filesystem;

namespace {

constexpr std::uint8_t kDe = 1, kEn = 2;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string to_utf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

// All-capital short names ("US") would match ordinary words case-insensitively.
bool all_caps(std::string_view s) {
  bool letter = false;
  for (unsigned char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    letter |= (c >= 'A' && c <= 'Z');
  }
  return letter;
}

// Per thread, so the keys of match() do not allocate again for every
// sentence.  Not inlined: GCC folds a reference to a thread_local back into
// the variable, and in a shared library each use is a __tls_get_addr call.
[[gnu::noinline]] std::pair<std::string, std::string>& thread_keys() {
  thread_local std::pair<std::string, std::string> keys;
  return keys;
}

}  // namespace

FormKind parse_form_kind(std::string_view s) {
  static const std::pair<std::string_view, FormKind> kinds[] = {
      {"name", FormKind::name},       {"short", FormKind::short_form},
      {"adjective", FormKind::adjective}, {"demonym", FormKind::demonym},
      {"capital", FormKind::capital}, {"seat", FormKind::seat},
      {"surname", FormKind::surname}, {"alias", FormKind::alias},
      {"place", FormKind::place}};
  for (auto& [n, k] : kinds)
    if (n == s) return k;
  throw DataError("unknown form kind '" + std::string(s) +
                  "' (expected name, short, adjective, demonym, capital, seat, surname, alias, place or label)");
}

std::uint32_t ActorIndex::intern(const Actor& a) {
  if (auto it = by_id.find(a.id); it != by_id.end()) {
    Actor& have = *actors[it->second];
    if (have.name_de.empty()) have.name_de = a.name_de;
    if (have.name_en.empty()) have.name_en = a.name_en;
    return it->second;
  }
  auto idx = static_cast<std::uint32_t>(actors.size());
  actors.push_back(std::make_unique<Actor>(a));
  by_id.emplace(a.id, idx);
  return idx;
}

void ActorIndex::add_to_filter(std::string_view key) {
  if (forms.size() > form_filter.capacity()) {
    // Grown as the map grows, by half as many keys again: then every key anew.
    form_filter.reset(forms.size() + forms.size() / 2);
    for (const auto& [k, entries] : forms) form_filter.add(string_hash(k));
  }
  form_filter.add(string_hash(key));
}

void ActorIndex::add_one(std::uint32_t actor, FormKind kind, std::uint8_t langs,
                         std::string_view form, char gender) {
  std::string key, exact;
  std::size_t n = 0;
  bool first_upper = false;
  // Streamed: the tokens are only read here, and segment() would allocate
  // their sentences and strings anew for each of the tens of thousands of
  // forms loaded at start.
  tokenizer.for_each_sentence(form, [&](const Sentence& s) {
    for (const Token& t : s.tokens) {
      if (n == 0) first_upper = t.upper;
      if (n++) {
        key += ' ';
        exact += ' ';
      }
      key += t.fold;
      exact += t.form;
    }
  });
  if (n == 0 || n > 12) return;
  bool is_exact = kind == FormKind::short_form;
  auto& entries = forms[key];
  add_to_filter(key);
  for (FormEntry& e : entries)
    if (e.actor == actor && e.exact == is_exact && (!is_exact || e.exact_form == exact)) {
      e.langs |= langs;
      // A name's gender wins over a demonym that happens to share its form
      // ("Polen": the country, neuter, and the plural of "Pole").
      if (static_cast<int>(kind) < static_cast<int>(e.kind)) {
        e.kind = kind;
        if (gender != '-') e.gender = gender;
      } else if (kind == e.kind && gender != '-' && kind != FormKind::adjective) {
        e.gender = gender;
      }
      return;
    }
  entries.push_back(FormEntry{actor, kind, gender, langs, is_exact,
                              kind == FormKind::surname && first_upper,
                              is_exact ? exact : std::string()});
  std::string first = key.substr(0, key.find(' '));
  auto& len = longest[first];
  len = std::max<std::uint8_t>(len, static_cast<std::uint8_t>(n));
  lengths[first] |= static_cast<std::uint16_t>(1u << n);
}

void ActorIndex::add(std::uint32_t actor, FormKind kind, std::uint8_t langs,
                     std::string_view form, char gender) {
  std::string f(form);
  add_one(actor, kind, langs, f, gender);
  const bool de = langs & kDe, en = langs & kEn;
  const bool plural = gender == 'p';
  switch (kind) {
    case FormKind::adjective:
      // German adjective endings; an English adjective does not inflect.
      if (de)
        for (const char* e : {"e", "en", "er", "es", "em"}) add_one(actor, kind, kDe, f + e, gender);
      break;
    case FormKind::demonym:
      if (de) {
        if (ends_with(f, "e")) {
          add_one(actor, kind, kDe, f + "n", 'p');
          std::string stem = f.substr(0, f.size() - 1);
          add_one(actor, kind, kDe, stem + "in", 'f');
          add_one(actor, kind, kDe, stem + "innen", 'p');
        } else if (ends_with(f, "er")) {
          add_one(actor, kind, kDe, f + "n", 'p');
          add_one(actor, kind, kDe, f + "s", 'm');
          add_one(actor, kind, kDe, f + "in", 'f');
          add_one(actor, kind, kDe, f + "innen", 'p');
        } else if (std::string_view("aiouy").find(f.back()) != std::string_view::npos) {
          add_one(actor, kind, kDe, f + "s", 'p');  // Israeli -> Israelis
        } else {
          add_one(actor, kind, kDe, f + "en", 'p');
          add_one(actor, kind, kDe, f + "in", 'f');
          add_one(actor, kind, kDe, f + "innen", 'p');
        }
      }
      if (en) add_one(actor, kind, kEn, f + (ends_with(f, "s") ? "es" : "s"), 'p');
      break;
    case FormKind::short_form:
      if (en) add_one(actor, kind, kEn, f + "'s", gender);
      if (de && !ends_with(f, "s")) add_one(actor, kind, kDe, f + "s", gender);
      break;
    default:
      // Genitive: German -s on masculine and neuter singular names; English 's.
      if (de && !plural && gender != 'f' && !ends_with(f, "s") && !ends_with(f, "ß") &&
          !ends_with(f, "x") && !ends_with(f, "z"))
        add_one(actor, kind, kDe, f + "s", gender);
      if (en) add_one(actor, kind, kEn, f + (ends_with(f, "s") ? "'" : "'s"), gender);
      break;
  }
}

std::vector<ActorMatch> ActorIndex::match(const Sentence& s, Lang lang) const {
  std::vector<ActorMatch> out;
  match(s, lang, out);
  return out;
}

void ActorIndex::match(const Sentence& s, Lang lang, std::vector<ActorMatch>& out) const {
  match_with(s, lang, out, [&](std::uint32_t i) -> std::uint16_t {
    auto it = lengths.find(s.tokens[i].fold);
    return it == lengths.end() ? 0 : it->second;
  });
}

void ActorIndex::match(const Sentence& s, Lang lang,
                       const std::vector<std::uint16_t>& lengths_at,
                       std::vector<ActorMatch>& out) const {
  match_with(s, lang, out, [&](std::uint32_t i) { return lengths_at[i]; });
}

template <class LengthsAt>
void ActorIndex::match_with(const Sentence& s, Lang lang, std::vector<ActorMatch>& out,
                            const LengthsAt& lengths_at) const {
  out.clear();
  // References, not a structured binding: clang before 16 cannot capture one.
  std::string& key = thread_keys().first;
  std::string& exact = thread_keys().second;
  const std::uint8_t want = lang == Lang::en ? kEn : kDe;
  const auto& t = s.tokens;
  for (std::uint32_t i = 0; i < t.size();) {
    if (t[i].kind != TokenKind::word) {
      ++i;
      continue;
    }
    const std::uint16_t lengths_here = lengths_at(i);
    if (lengths_here == 0) {
      if (lang != Lang::en)
        if (const FormEntry* e = compass_part(t[i]))
          out.push_back(ActorMatch{i, i + 1, e->actor, e->kind, e->gender});
      ++i;
      continue;
    }
    std::size_t max_n = std::min<std::size_t>(std::bit_width(lengths_here) - 1, t.size() - i);
    bool found = false;
    for (std::size_t n = max_n; n >= 1 && !found; --n) {
      // No form of n tokens starts with this word: nothing to look up.
      if (!((lengths_here >> n) & 1)) continue;
      key.clear();
      for (std::size_t k = 0; k < n; ++k) {
        if (k) key += ' ';
        key += t[i + k].fold;
      }
      const std::uint64_t hash = string_hash(key);
      if (!form_filter.may_contain(hash)) continue;
      auto f = forms.find(key, hash);
      if (f == forms.end()) continue;
      // The forms as written, for abbreviations (exact entries) only.
      bool have_exact = false;
      auto exact_text = [&]() -> const std::string& {
        if (!have_exact) {
          exact.clear();
          for (std::size_t k = 0; k < n; ++k) {
            if (k) exact += ' ';
            exact += t[i + k].form;
          }
          have_exact = true;
        }
        return exact;
      };
      // Prefer an entry of the text's language; then the first listed.
      const FormEntry* best = nullptr;
      for (const FormEntry& e : f->second) {
        if (e.exact && e.exact_form != exact_text()) continue;
        if (e.capitalised && !t[i].upper) continue;
        if (!(e.langs & want) && lang != Lang::other) continue;
        if (!best) best = &e;
      }
      if (!best) continue;
      out.push_back(ActorMatch{i, static_cast<std::uint32_t>(i + n), best->actor, best->kind,
                               best->gender});
      i += static_cast<std::uint32_t>(n);
      found = true;
    }
    if (!found) ++i;
  }
  if (lang == Lang::en) add_elliptic_firsts(s, out);
}

// "North and South Korea", "East and West Germany": the first of two
// coordinated modifiers shares the second's noun.  It names an actor when
// the modifier with that noun is a form of its own, so "Iraqi and Syrian
// forces" and "United and Hungary" stay as they are.
void ActorIndex::add_elliptic_firsts(const Sentence& s, std::vector<ActorMatch>& out) const {
  const auto& t = s.tokens;
  const std::size_t found = out.size();
  for (std::size_t k = 0; k < found; ++k) {
    const ActorMatch m = out[k];
    if (m.first < 2 || m.last - m.first < 2) continue;
    const Token& first = t[m.first - 2];
    if (first.kind != TokenKind::word || !first.upper || t[m.first - 1].fold != "and") continue;
    if (k > 0 && out[k - 1].last > m.first - 2) continue;
    std::string key(first.fold);
    for (std::uint32_t j = m.first + 1; j < m.last; ++j) (key += ' ') += t[j].fold;
    auto f = forms.find(key, string_hash(key));
    if (f == forms.end()) continue;
    for (const FormEntry& e : f->second)
      if (!e.exact && (e.langs & kEn)) {
        out.push_back(ActorMatch{m.first - 2, m.first - 1, e.actor, e.kind, e.gender});
        break;
      }
  }
  std::sort(out.begin(), out.end(),
            [](const ActorMatch& a, const ActorMatch& b) { return a.first < b.first; });
}

std::int32_t parse_day(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return 0;
  std::int32_t v = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    if (i == 4 || i == 7) continue;
    if (iso[i] < '0' || iso[i] > '9') return 0;
    v = v * 10 + (iso[i] - '0');
  }
  return v;
}

void ActorIndex::add_periods(std::istream& in, const std::string& where) {
  // One actor per person and other state, found again by "id@code".
  StringMap<std::uint32_t> variants;
  read_table(in, where, 4, "id from to code", [&](const TableRow& r) {
    const auto& cols = r.fields;
    auto it = by_id.find(cols[0]);
    if (it == by_id.end()) throw DataError("unknown actor '" + std::string(cols[0]) + "'");
    auto day = [](std::string_view s, std::int32_t open) {
      if (s == "-") return open;
      std::int32_t d = parse_day(s);
      if (d == 0) throw DataError("date must be YYYY-MM-DD or -, not '" + std::string(s) + "'");
      return d;
    };
    RolePeriod p{day(cols[1], 0), day(cols[2], 99991231), kNoActor};
    if (cols[3] != "-") {
      std::string key = std::string(cols[0]) + "@" + std::string(cols[3]);
      auto v = variants.find(key);
      if (v == variants.end()) {
        Actor a = *actors[it->second];
        a.code = std::string(cols[3]);
        v = variants.emplace(key, static_cast<std::uint32_t>(actors.size())).first;
        actors.push_back(std::make_unique<Actor>(a));
      }
      p.actor = v->second;
    }
    if (periods.size() <= it->second) periods.resize(it->second + 1);
    periods[it->second].push_back(p);
  });
}

void ActorIndex::add_compass(std::istream& in, const std::string& where) {
  read_table(in, where, 2, "kind form", [&](const TableRow& r) {
    std::string form = fold_case(r.fields[1]);
    if (form.empty()) throw DataError("empty form");
    if (r.fields[0] == "compass") {
      compass.first[static_cast<unsigned char>(form[0])] = true;
      compass.shortest = std::min(compass.shortest, form.size());
      compass.words.push_back(form);
    }
    else if (r.fields[0] == "part") compass.parts.push_back(form);
    else if (r.fields[0] == "not") compass.nots.push_back(form);
    else throw DataError("kind must be compass, part or not, not '" + std::string(r.fields[0]) + "'");
  });
  // "nordost" before "nord": the longer word leaves the right rest.
  std::stable_sort(compass.words.begin(), compass.words.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

const FormEntry* ActorIndex::compass_part(const Token& t) const {
  const std::string_view f = t.fold;
  constexpr std::size_t kShortestRest = 4;  // "Iran", "Irak", "Oman"
  if (f.empty() || !compass.first[static_cast<unsigned char>(f[0])] ||
      f.size() < compass.shortest + kShortestRest)
    return nullptr;
  for (const std::string& w : compass.words) {
    if (f.size() < w.size() + kShortestRest || !f.starts_with(w)) continue;
    for (const std::string& n : compass.nots)
      if (f.starts_with(n)) return nullptr;
    const std::string_view rest = f.substr(w.size());
    for (const std::string& p : compass.parts)
      if (rest.starts_with(p)) return nullptr;
    auto it = forms.find(rest);
    if (it == forms.end()) continue;
    for (const FormEntry& e : it->second) {
      if (!(e.langs & kDe) || e.exact || actors[e.actor]->type != ActorType::state) continue;
      // A capitalised noun for a name, a lower-case word for an adjective:
      // "Süddeutsche Zeitung" and "Südchinesisches Meer" are names of their own.
      const bool noun = e.kind == FormKind::name || e.kind == FormKind::alias;
      if (noun ? t.upper : e.kind == FormKind::adjective && !t.upper) return &e;
    }
  }
  return nullptr;
}

void ActorIndex::at_day(std::vector<ActorMatch>& names, std::int32_t day) const {
  if (periods.empty() || day == 0) return;
  std::erase_if(names, [&](ActorMatch& m) {
    if (m.actor >= periods.size()) return false;
    for (const RolePeriod& p : periods[m.actor])
      if (p.from <= day && day <= p.to) {
        if (p.actor == kNoActor) return true;
        m.actor = p.actor;
        return false;
      }
    return false;
  });
}

ActorDictionary::ActorDictionary() : impl_(std::make_unique<ActorIndex>()) {}
ActorDictionary::~ActorDictionary() = default;
ActorDictionary::ActorDictionary(ActorDictionary&&) noexcept = default;
ActorDictionary& ActorDictionary::operator=(ActorDictionary&&) noexcept = default;

const ActorIndex& index_of(const ActorDictionary& dict) { return *dict.impl_; }

ActorDictionary ActorDictionary::load(const fs::path& data_dir) {
  ActorDictionary dict;
  ActorIndex& im = *dict.impl_;
  // Every ISO 3166 country in German and English, from ICU's locale data.
  std::unique_ptr<icu::LocaleDisplayNames> de_long(
      icu::LocaleDisplayNames::createInstance(icu::Locale("de")));
  std::unique_ptr<icu::LocaleDisplayNames> en_long(
      icu::LocaleDisplayNames::createInstance(icu::Locale("en")));
  UDisplayContext short_ctx[] = {UDISPCTX_LENGTH_SHORT};
  std::unique_ptr<icu::LocaleDisplayNames> de_short(
      icu::LocaleDisplayNames::createInstance(icu::Locale("de"), short_ctx, 1));
  std::unique_ptr<icu::LocaleDisplayNames> en_short(
      icu::LocaleDisplayNames::createInstance(icu::Locale("en"), short_ctx, 1));
  for (const char* const* cc = icu::Locale::getISOCountries(); *cc; ++cc) {
    icu::Locale region("", *cc);
    std::string iso3 = region.getISO3Country();
    if (std::string_view(*cc) == "XK") iso3 = "XKX";  // Kosovo's user-assigned code
    if (iso3.size() != 3) continue;
    icu::UnicodeString u;
    Actor a;
    a.id = a.code = iso3;
    a.type = ActorType::state;
    a.name_de = to_utf8(de_long->regionDisplayName(*cc, u));
    a.name_en = to_utf8(en_long->regionDisplayName(*cc, u));
    std::uint32_t idx = im.intern(a);
    auto add_names = [&](const std::string& name, std::uint8_t lang) {
      // "Myanmar (Burma)", "Hong Kong SAR China": every part that is a name.
      std::string base = name, inside;
      if (auto p = name.find(" ("); p != std::string::npos) {
        base = name.substr(0, p);
        auto q = name.find(')', p);
        inside = name.substr(p + 2, q == std::string::npos ? std::string::npos : q - p - 2);
      }
      for (const std::string& n : {base, inside})
        if (!n.empty() && !all_caps(n) && n != iso3) im.add(idx, FormKind::name, lang, n, 'n');
    };
    add_names(a.name_de, kDe);
    add_names(a.name_en, kEn);
    add_names(to_utf8(de_short->regionDisplayName(*cc, u)), kDe);
    add_names(to_utf8(en_short->regionDisplayName(*cc, u)), kEn);
  }

  std::vector<fs::path> tables;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(data_dir / "actors", ec))
    if (entry.path().extension() == ".tsv") tables.push_back(entry.path());
  if (ec) throw DataError("cannot read " + (data_dir / "actors").string() + ": " + ec.message());
  std::sort(tables.begin(), tables.end());
  for (const fs::path& p : tables) {
    std::ifstream in(p);
    if (!in) throw DataError("cannot open " + p.string());
    dict.add_table(in, p.string());
  }
  // After every actor: the periods of persons coded otherwise on some dates.
  std::vector<fs::path> roles;
  for (const auto& entry : fs::directory_iterator(data_dir / "actors" / "roles", ec))
    if (entry.path().extension() == ".tsv") roles.push_back(entry.path());
  std::sort(roles.begin(), roles.end());
  for (const fs::path& p : roles) {
    std::ifstream in(p);
    if (!in) throw DataError("cannot open " + p.string());
    im.add_periods(in, p.string());
  }
  if (std::ifstream in(data_dir / "actors" / "compass" / "de.tsv"); in)
    im.add_compass(in, (data_dir / "actors" / "compass" / "de.tsv").string());
  return dict;
}

void ActorDictionary::add_table(std::istream& in, const std::string& where) {
  read_table(in, where, 7, "id code type kind lang form gender", [&](const TableRow& r) {
    const auto& cols = r.fields;
    Actor a;
    a.id = cols[0];
    a.code = cols[1];
    if (a.id.empty() || a.code.empty() || cols[5].empty()) throw DataError("empty id, code or form");
    a.type = parse_actor_type(cols[2]);
    std::string_view lang = cols[4];
    if (lang != "de" && lang != "en" && lang != "*")
      throw DataError("language must be de, en or *, not '" + std::string(lang) + "'");
    std::string_view g = cols[6];
    if (g.size() != 1 || std::string_view("mfnp-").find(g[0]) == std::string_view::npos)
      throw DataError("gender must be m, f, n, p or -, not '" + std::string(g) + "'");
    add_form(a, cols[3], lang, cols[5], g[0]);
  });
}

void ActorDictionary::add_form(const Actor& actor, std::string_view kind, std::string_view lang,
                               std::string_view form, char gender) {
  std::uint8_t langs = lang == "de" ? kDe : lang == "en" ? kEn : (kDe | kEn);
  std::uint32_t idx = impl_->intern(actor);
  Actor& a = *impl_->actors[idx];
  // A display name that is never matched in text ("the West": matching "west"
  // alone would fire on "im Westen des Landes").
  if (kind == "label") {
    if (langs & kDe) a.name_de = std::string(form);
    if (langs & kEn) a.name_en = std::string(form);
    return;
  }
  FormKind k = parse_form_kind(kind);
  // The first full name in a language is the display name (ICU's for states).
  if (k == FormKind::name && a.type != ActorType::state) {
    if ((langs & kDe) && a.name_de.empty()) a.name_de = std::string(form);
    if ((langs & kEn) && a.name_en.empty()) a.name_en = std::string(form);
  }
  // A code that is not itself an actor yet (an organisation first seen through
  // one of its organs) gets an actor of its own, so every code has a node.
  if (actor.code != actor.id && !impl_->by_id.count(actor.code)) {
    Actor parent;
    parent.id = parent.code = actor.code;
    parent.type = actor.type == ActorType::person || actor.type == ActorType::group
                      ? ActorType::state
                      : actor.type;
    impl_->intern(parent);
  }
  impl_->add(idx, k, langs, form, gender);
}

const Actor* ActorDictionary::find(std::string_view id) const {
  auto it = impl_->by_id.find(id);
  return it == impl_->by_id.end() ? nullptr : impl_->actors[it->second].get();
}

std::vector<const Actor*> ActorDictionary::lookup(std::string_view name) const {
  std::vector<const Actor*> out;
  auto push = [&](const Actor* a) {
    if (a && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
  };
  std::string upper(name);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  push(find(name));
  push(find(upper));
  SegmentedText seg = impl_->tokenizer.segment(name);
  std::string key;
  for (const Sentence& s : seg.sentences)
    for (const Token& t : s.tokens) {
      if (!key.empty()) key += ' ';
      key += t.fold;
    }
  if (auto it = impl_->forms.find(key); it != impl_->forms.end())
    for (const FormEntry& e : it->second) push(impl_->actors[e.actor].get());
  return out;
}

std::vector<std::string> ActorDictionary::suggest(std::string_view name, std::size_t max) const {
  std::string want = fold_case(name);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& [key, entries] : impl_->forms) {
    if (key.size() > want.size() + 3 || key.size() + 3 < want.size()) continue;
    std::size_t d = edit_distance(want, key);
    if (d <= std::max<std::size_t>(2, want.size() / 4))
      scored.emplace_back(d, impl_->actors[entries.front().actor]->id + " (" + key + ")");
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (auto& [d, s] : scored) {
    if (std::find(out.begin(), out.end(), s) != out.end()) continue;
    out.push_back(s);
    if (out.size() == max) break;
  }
  return out;
}

std::vector<const Actor*> ActorDictionary::actors() const {
  std::vector<const Actor*> out;
  for (const auto& a : impl_->actors) out.push_back(a.get());
  return out;
}

}  // namespace geokg

// From a document to events: segment, analyse each sentence's clauses, resolve
// pronouns and descriptions against the actors named before, then read each
// trigger's frame off the clause.
#include <algorithm>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "actors/actor_index.hpp"
#include "geokg/error.hpp"
#include "geokg/relations/extractor.hpp"
#include "relations/analysis/syntax.hpp"
#include "relations/grammar.hpp"
#include "relations/token_index.hpp"
#include "relations/trigger_lexicon.hpp"
#include "relations/user_lexicon.hpp"

namespace geokg {
namespace fs = std::filesystem;

namespace {

// An actor named earlier in the document, for pronouns and descriptions.
struct Antecedent {
  const Actor* actor;
  char gender;
  std::size_t sentence;
  std::uint32_t token;
};

bool gender_fits(char gender, const std::string& wanted) {
  return gender != '-' && wanted.find(gender) != std::string::npos;
}


// The index of `m` among this sentence's mentions, or -1 for one that is not
// (a candidate may point elsewhere); std::less orders any two pointers, which
// the built-in < does not.
int index_in(const std::vector<Mention>& ms, const Mention* m) {
  const std::less<const Mention*> before;
  if (ms.empty() || before(m, ms.data()) || !before(m, ms.data() + ms.size())) return -1;
  return static_cast<int>(m - ms.data());
}

struct Candidate {
  const Mention* source;
  const Mention* target;
  Relation relation;
  Status status;
  std::string trigger;
  std::string rule;
  std::uint32_t trigger_token;
};

}  // namespace

struct Extractor::Impl {
  ActorDictionary actors;
  TriggerLexicon triggers;
  Grammar grammar_de, grammar_en;
  Segmenter seg_de{Lang::de}, seg_en{Lang::en};
  TokenIndex index;  // the tables above merged; rebuilt when they change
  void reindex() { index.build(grammar_de, grammar_en, triggers, index_of(actors)); }

  const Grammar& grammar(Lang l) const { return l == Lang::en ? grammar_en : grammar_de; }

  std::vector<Event> extract(const Document& doc,
                             const std::function<void(std::string)>& warn) const;
  void sentence_events(const Document& doc, Lang lang, const Sentence& s, std::size_t si,
                       std::string_view text, std::vector<Antecedent>& history,
                       std::vector<Event>& out) const;
};

Extractor::Extractor(const fs::path& data_dir) : impl_(std::make_unique<Impl>()) {
  impl_->actors = ActorDictionary::load(data_dir);
  impl_->grammar_de = Grammar::load(data_dir / "grammar" / "de.tsv");
  impl_->grammar_en = Grammar::load(data_dir / "grammar" / "en.tsv");
  for (auto [file, lang] : {std::pair{"de.tsv", Lang::de}, std::pair{"en.tsv", Lang::en}}) {
    fs::path p = data_dir / "triggers" / file;
    std::ifstream in(p);
    if (!in) throw DataError("cannot open " + p.string());
    impl_->triggers.load(in, lang, p.string());
  }
  impl_->reindex();
}

Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

const ActorDictionary& Extractor::actors() const { return impl_->actors; }

std::vector<Event> Extractor::extract(const Document& doc) const {
  return impl_->extract(doc, {});
}

std::vector<Event> Extractor::extract(const Document& doc,
                                      const std::function<void(std::string)>& warn) const {
  return impl_->extract(doc, warn);
}

namespace {

// The segmenter cuts an over-long sentence into pieces; a relation between
// two pieces is then missed, which the user is told once per sentence.
class CutSentences {
 public:
  explicit CutSentences(const std::function<void(std::string)>& warn) : warn_(warn) {}
  void see(const Sentence& s, std::size_t si) {
    if (s.cut && first_ == kNone) first_ = si;
    if (!s.cut && first_ != kNone) report(si);
  }
  void end(std::size_t si) {
    if (first_ != kNone) report(si - 1);
  }

 private:
  void report(std::size_t last) {
    if (warn_)
      warn_("sentence " + std::to_string(first_) + " is longer than " +
            std::to_string(kMaxSentenceTokens) + " tokens (a list or table?): analysed in " +
            std::to_string(last - first_ + 1) + " pieces, sentences " + std::to_string(first_) +
            " to " + std::to_string(last) + ", so relations across the pieces are missed");
    first_ = kNone;
  }
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  const std::function<void(std::string)>& warn_;
  std::size_t first_ = kNone;
};

}  // namespace

std::vector<Event> Extractor::Impl::extract(const Document& doc,
                                            const std::function<void(std::string)>& warn) const {
  Lang lang = parse_lang(doc.lang);
  if (lang == Lang::other) lang = detect_language(doc.text);
  if (lang == Lang::other) lang = Lang::de;
  const Segmenter& seg = lang == Lang::en ? seg_en : seg_de;
  // Sentence by sentence: a long article never holds more than one
  // sentence's tokens.
  std::vector<Event> out;
  std::vector<Antecedent> history;
  std::size_t si = 0;
  CutSentences cuts(warn);
  seg.for_each_sentence(doc.text, [&](const Sentence& s) {
    cuts.see(s, si);
    sentence_events(doc, lang, s, si++, doc.text, history, out);
  });
  cuts.end(si);
  return out;
}

void Extractor::Impl::sentence_events(const Document& doc, Lang lang, const Sentence& s,
                                      std::size_t si, std::string_view text,
                                      std::vector<Antecedent>& history,
                                      std::vector<Event>& out) const {
  const auto& tok = s.tokens;
  if (tok.empty()) return;
  const bool de = lang != Lang::en;
  const Grammar& g = grammar(lang);
  AnalyzerContext ctx{lang, index_of(actors), g, triggers, &index};
  SentenceSyntax& syn = thread_syntax();
  // Events and antecedents all come from mentions: a sentence without any
  // has nothing to contribute.
  if (!analyze_sentence(s, ctx, syn, true)) return;
  auto& ms = syn.mentions;
  auto cls = [&](std::uint32_t i) { return i < tok.size() ? syn.classes[i] : std::uint64_t{0}; };

  // --- attribution: who says what this sentence reports --------------------
  std::string attributed;
  const Actor* speaker = nullptr;
  for (const Mention& m : ms)
    if (m.attribution && m.actor) {
      attributed = m.text;
      speaker = m.actor;
    }
  for (std::size_t ci = 0; ci < syn.clauses.size() && attributed.empty(); ++ci) {
    const Clause& c = syn.clauses[ci];
    bool speech = false;
    for (std::uint32_t i = c.first; i < c.last; ++i) speech |= (cls(i) & kSpeech) != 0;
    if (!speech) continue;
    for (const Mention& m : ms)
      if (m.clause == static_cast<int>(ci) && m.prep.empty() && m.actor &&
          m.how != Mention::first_person) {
        attributed = m.text;
        speaker = m.actor;
        break;
      }
    if (attributed.empty()) {
      // A speaker the dictionary does not know: the capitalised words after
      // the speech verb ("sagte Sullivan", "said a spokesman").
      for (std::uint32_t i = c.first; i < c.last; ++i)
        if ((cls(i) & kSpeech) && i + 1 < c.last && tok[i + 1].upper &&
            tok[i + 1].kind == TokenKind::word && !(cls(i + 1) & ~0u & (kDet | kDetOblique)))
          attributed = std::string(tok[i + 1].form);
    }
  }
  // Pronoun speakers ("sagte er") resolve like any pronoun, below.

  // --- resolve pronouns and descriptions -----------------------------------
  // "das Land": a state or organisation, no person; "die Gruppe" (g): an armed
  // group; "die Rebellen", "the insurgents" (r): a group that fights inside one
  // state and takes its code (Houthi -> YEM), not a transnational one (IS).
  auto description_fits = [](const Actor* a, const std::string& genders) {
    if (genders == "g") return a->type == ActorType::group;
    if (genders == "r") return a->type == ActorType::group && a->code != a->id;
    return a->type != ActorType::person;
  };
  auto resolve_from = [&](const std::string& genders, std::uint32_t before_token,
                          const Actor* exclude_code_of, bool states_only) -> const Actor* {
    // This sentence first (names before the pronoun), then earlier sentences.
    for (auto it = ms.rbegin(); it != ms.rend(); ++it) {
      const Mention& m = *it;
      if (m.first >= before_token || !m.actor || m.how == Mention::pronoun ||
          m.how == Mention::first_person || m.how == Mention::description || m.how == Mention::pair)
        continue;
      if (exclude_code_of && m.actor->code == exclude_code_of->code) continue;
      if (states_only) {
        // "die Gruppe", "die Miliz" (g): an armed group; "das Land": no person.
        if (!description_fits(m.actor, genders)) continue;
      } else if (!gender_fits(m.gender, genders)) {
        continue;
      }
      return m.actor;
    }
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
      if (it->sentence + 2 < si) break;
      if (exclude_code_of && it->actor->code == exclude_code_of->code) continue;
      if (states_only) {
        if (!description_fits(it->actor, genders)) continue;
      } else if (!gender_fits(it->gender, genders)) {
        continue;
      }
      return it->actor;
    }
    return nullptr;
  };
  // "Der Minister", "the president": the last person named.
  auto resolve_person = [&](const std::string& genders, std::uint32_t before_token) -> const Actor* {
    auto fits = [&](const Actor* a, char gender) {
      return a && a->type == ActorType::person && (gender == '-' || gender_fits(gender, genders) || genders.empty());
    };
    for (auto it = ms.rbegin(); it != ms.rend(); ++it)
      if (it->first < before_token && it->how == Mention::name && fits(it->actor, it->gender)) return it->actor;
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
      if (it->sentence + 3 < si) break;
      if (fits(it->actor, it->gender)) return it->actor;
    }
    return nullptr;
  };
  // Subjects first: a pronoun object excludes its own clause's subject actor.
  // "lehnte es ab, ... zu äußern", "it is clear that": "es"/"it" announcing the
  // clause that follows (a correlate) names no actor.
  auto correlate = [&](const Mention& m) {
    if (m.how != Mention::pronoun || (tok[m.first].fold != "es" && tok[m.first].fold != "it")) return false;
    std::size_t next = static_cast<std::size_t>(m.clause) + 1;
    if (next >= syn.clauses.size()) return false;
    const Clause& n = syn.clauses[next];
    std::uint32_t f = n.first;
    while (f < n.last && tok[f].kind != TokenKind::word) ++f;
    return n.type == Clause::zu || (f < n.last && (tok[f].fold == "dass" || tok[f].fold == "that"));
  };
  for (Mention& m : ms) {
    if (correlate(m)) {
      m.actor = nullptr;
    } else if (m.how == Mention::pronoun) {
      m.actor = resolve_from(m.genders, m.first, nullptr, false);
    } else if (m.how == Mention::description && m.person) {
      m.actor = resolve_person(m.genders, m.first);
    } else if (m.how == Mention::description) {
      m.actor = resolve_from(m.genders, m.first, nullptr, true);
    } else if (m.how == Mention::pair && (cls(m.last - 1) & kPersonDesc)) {
      // "die beiden Minister", "the two presidents": the last two persons
      // named, of two different states.
      m.actor = resolve_person("", m.first);
      m.second = nullptr;
      if (m.actor) {
        for (auto it = ms.rbegin(); it != ms.rend() && !m.second; ++it)
          if (it->first < m.first && it->how == Mention::name && it->actor && it->actor->type == ActorType::person &&
              it->actor->code != m.actor->code)
            m.second = it->actor;
        for (auto h = history.rbegin(); h != history.rend() && !m.second; ++h) {
          if (h->sentence + 3 < si) break;
          if (h->actor->type == ActorType::person && h->actor->code != m.actor->code) m.second = h->actor;
        }
      }
    } else if (m.how == Mention::pair) {
      m.actor = resolve_from("", m.first, nullptr, true);
      if (m.actor) m.second = resolve_from("", m.first, m.actor, true);
      if (!m.second) m.actor = nullptr;
    } else if (m.how == Mention::first_person) {
      // "wir"/"we" inside a quotation is its speaker.
      m.actor = syn.quoted[m.first] || !attributed.empty() ? speaker : nullptr;
    }
  }
  if (!speaker && !attributed.empty()) {
    for (const Mention& m : ms)
      if (m.how == Mention::pronoun && m.actor && m.text == attributed) speaker = m.actor;
    for (Mention& m : ms)
      if (m.how == Mention::first_person && !m.actor) m.actor = speaker;
  }

  // --- subjects ---------------------------------------------------------------
  // A compound names the actor of its noun phrase ("US-Beamte"), unless its
  // head is a trigger noun ("US-Sanktionen"), whose source it is.
  auto bare = [&](const Mention& m) {
    bool modifies_trigger = (m.how == Mention::compound || m.how == Mention::adjective) && m.head >= 0 &&
                            syn.noun[static_cast<std::size_t>(m.head)];
    return m.prep.empty() && !m.oblique && !m.genitive_attr && !m.attribution && !m.possessive &&
           !modifies_trigger;
  };
  // An object may be marked dative or accusative ("den russischen Präsidenten").
  auto object_np = [&](const Mention& m) {
    bool modifies_trigger = (m.how == Mention::compound || m.how == Mention::adjective) && m.head >= 0 &&
                            syn.noun[static_cast<std::size_t>(m.head)];
    return m.prep.empty() && !m.genitive_attr && !m.attribution && !m.possessive && !modifies_trigger;
  };
  // A sentence-initial word is capitalised anyway; an acronym (CNN, AFP) or a
  // noun suffix (-ung, -heit, -schaft ...) still shows a noun.
  auto noun_like = [&](const Token& t) {
    if (t.kind != TokenKind::word || !t.upper) return false;
    bool caps = t.form.size() >= 2 && std::all_of(t.form.begin(), t.form.end(), [](char ch) {
                  return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
                });
    if (caps) return true;
    for (std::string_view suf : {"ung", "heit", "keit", "schaft", "tion", "ismus", "ität", "nis"})
      if (t.fold.size() > suf.size() + 2 && t.fold.substr(t.fold.size() - suf.size()) == suf) return true;
    return false;
  };
  auto nonactor_np_at = [&](std::uint32_t i, std::uint32_t end) {
    // A determiner or capitalised noun that starts a noun phrase naming no actor.
    if (i >= end || tok[i].kind != TokenKind::word) return false;
    for (const Mention& m : ms)
      if (m.np_first == i || (m.first <= i && i < m.last)) return false;
    std::uint64_t c = cls(i);
    if (de) {
      if ((c & kDet) && !(c & kPrep)) {
        for (std::uint32_t k = i + 1; k < std::min(end, i + 4); ++k) {
          for (const Mention& m : ms)
            if (m.first == k) return false;
          if (tok[k].upper) return true;
        }
        return false;
      }
      return false;
    }
    return false;
  };
  for (std::size_t ci = 0; ci < syn.clauses.size(); ++ci) {
    Clause& c = syn.clauses[ci];
    int first_bare = -1;
    for (std::size_t k = 0; k < ms.size(); ++k)
      if (ms[k].clause == static_cast<int>(ci) && bare(ms[k]) &&
          (ms[k].group == static_cast<int>(k))) {
        first_bare = static_cast<int>(k);
        break;
      }
    std::uint32_t start = c.first;
    while (start < c.last && tok[start].kind != TokenKind::word) ++start;
    if (c.type == Clause::coord && start < c.last) ++start;
    if (c.type == Clause::rel && de) {
      // "Nordkorea, das ...": the relative pronoun stands for the name before.
      std::uint32_t rp = start;
      if (rp < c.last && (cls(rp) & kPrep)) ++rp;
      std::string_view pron = rp < c.last ? tok[rp].fold : std::string_view();
      const WordInfo* w = g.find(pron);
      for (int k = static_cast<int>(ms.size()) - 1; k >= 0; --k) {
        const Mention& m = ms[static_cast<std::size_t>(k)];
        if (m.last > c.first || m.clause != static_cast<int>(ci) - 1) continue;
        if (c.first - m.last <= 2 && m.actor && w && (m.gender == '-' || gender_fits(m.gender, w->genders)))
          c.antecedent = k;
        break;
      }
      bool nominative = pron == "der" || pron == "die" || pron == "das" || pron == "welche" ||
                        pron == "welcher" || pron == "welches";
      if (c.antecedent >= 0 && nominative && rp == start) {
        // Unless another bare actor agrees better, the antecedent is the subject.
        c.subject = c.antecedent;
        continue;
      }
      c.subject = first_bare;
      continue;
    }
    if (!de && c.type == Clause::rel) {
      std::string_view pron = start < c.last ? tok[start].fold : std::string_view();
      for (int k = static_cast<int>(ms.size()) - 1; k >= 0; --k) {
        const Mention& m = ms[static_cast<std::size_t>(k)];
        if (m.last > c.first || m.clause != static_cast<int>(ci) - 1) continue;
        if (c.first - m.last <= 2 && m.actor) c.antecedent = k;
        break;
      }
      if (c.antecedent >= 0 && (pron == "who" || pron == "which" || pron == "that") &&
          (first_bare < 0 || ms[static_cast<std::size_t>(first_bare)].first > static_cast<std::uint32_t>(c.finite))) {
        c.subject = c.antecedent;
        continue;
      }
    }
    if (c.type == Clause::zu || c.type == Clause::purpose) {
      // No subject of its own: the controller is the subject of the clause it
      // depends on (object control after demands is settled with the triggers).
      int gov = c.governor;
      while (gov >= 0 && syn.clauses[static_cast<std::size_t>(gov)].subject < 0 &&
             syn.clauses[static_cast<std::size_t>(gov)].type != Clause::main)
        gov = syn.clauses[static_cast<std::size_t>(gov)].governor;
      if (gov >= 0) c.subject = syn.clauses[static_cast<std::size_t>(gov)].subject;
      continue;
    }
    if (de) {
      if (c.type == Clause::main || c.type == Clause::coord) {
        std::int32_t fin = c.finite;
        if (fin < 0) {
          c.subject = first_bare;
        } else {
          // Vorfeld: the phrase before the finite verb.
          int in_vorfeld = -1;
          for (std::size_t k = 0; k < ms.size(); ++k)
            if (ms[k].clause == static_cast<int>(ci) && ms[k].first < static_cast<std::uint32_t>(fin) &&
                bare(ms[k]) && ms[k].group == static_cast<int>(k)) {
              in_vorfeld = static_cast<int>(k);
              break;
            }
          // "Moskaus Unterstützung ... helfe": a possessive opening the
          // Vorfeld owns a subject that is no actor.
          bool owned_vorfeld = false;
          for (const Mention& m : ms)
            if (m.clause == static_cast<int>(ci) && m.first == start && m.possessive &&
                static_cast<std::int32_t>(m.last) < fin)
              owned_vorfeld = true;
          if (in_vorfeld < 0 && owned_vorfeld) {
            c.subject_nonactor = true;
          } else if (in_vorfeld >= 0) {
            c.subject = in_vorfeld;
          } else if (static_cast<std::uint32_t>(fin) > start &&
                     (nonactor_np_at(start, static_cast<std::uint32_t>(fin)) ||
                      (start > 0 && tok[start].upper && !(cls(start) & (kPrep | kSub | kSubCond | kCoord | kAttrib))) ||
                      (static_cast<std::uint32_t>(fin) == start + 1 && noun_like(tok[start])))) {
            c.subject_nonactor = true;
          } else if (c.type == Clause::coord && static_cast<std::uint32_t>(fin) == start) {
            // "... und fügte hinzu": the coordinated clause shares the subject.
            c.subject = c.governor >= 0 ? syn.clauses[static_cast<std::size_t>(c.governor)].subject : -1;
          } else {
            int k = first_bare;
            c.subject = k;
            // A non-actor noun phrase right after the finite verb is the subject
            // ("Am Montag behauptete der Nationale Sicherheitsrat").
            if (nonactor_np_at(static_cast<std::uint32_t>(fin) + 1, c.last) &&
                (k < 0 || ms[static_cast<std::size_t>(k)].np_first > static_cast<std::uint32_t>(fin) + 1)) {
              c.subject = -1;
              c.subject_nonactor = true;
            }
          }
        }
      } else {
        // Verb-final clause: the first noun phrase after the subordinator.
        std::uint32_t after = start + 1;
        if (nonactor_np_at(after, c.last) &&
            (first_bare < 0 || ms[static_cast<std::size_t>(first_bare)].np_first > after)) {
          c.subject_nonactor = true;
        } else {
          c.subject = first_bare;
        }
      }
    } else {
      // English: the subject precedes the verb.
      std::int32_t fin = c.finite;
      // Without a verb we know ("undertook", "issued"), the first bare actor.
      int best = -1;
      for (std::size_t k = 0; k < ms.size() && fin >= 0; ++k) {
        if (ms[k].clause != static_cast<int>(ci) || !bare(ms[k])) continue;
        if (ms[k].first > static_cast<std::uint32_t>(fin)) break;
        if (ms[k].group == static_cast<int>(k)) best = static_cast<int>(k);
      }
      if (best < 0 && fin < 0) best = first_bare;
      c.subject = best;
      // "Poland, which borders Ukraine, criticized Russia": a clause that opens
      // with its verb continues the last clause that is no relative clause.
      // ("according to a report ..." is an attribution, no continuation.)
      if (best < 0 && (c.type == Clause::coord || c.type == Clause::main) && c.governor >= 0 &&
          !(start < c.last && (cls(start) & kAttrib))) {
        int gov = c.governor;
        while (gov >= 0 && syn.clauses[static_cast<std::size_t>(gov)].type == Clause::rel)
          gov = syn.clauses[static_cast<std::size_t>(gov)].governor;
        if (gov >= 0) c.subject = syn.clauses[static_cast<std::size_t>(gov)].subject;
      }
    }
  }

  // --- triggers -> candidate events -----------------------------------------
  auto group_of = [&](int lead) {
    std::vector<const Mention*> out;
    if (lead < 0) return out;
    int gl = ms[static_cast<std::size_t>(lead)].group;
    for (const Mention& m : ms)
      if (m.group == gl && m.actor) out.push_back(&m);
    return out;
  };
  auto first_group = [&](auto pred) -> int {
    for (std::size_t k = 0; k < ms.size(); ++k)
      if (ms[k].group == static_cast<int>(k) && pred(ms[k])) return static_cast<int>(k);
    return -1;
  };
  std::vector<Candidate> cands;
  // Verbs that judge an act rather than take part in it.
  auto evaluative = [](Relation r) {
    return r == Relation::ACCUSE || r == Relation::SUPPORT || r == Relation::REJECT;
  };
  // "für den Iran-Deal", "gegen US-Sanktionen": a name that modifies another
  // event noun is a side of that event, not of the trigger at `at`.
  auto side_of_other = [&](const Mention& m, std::uint32_t at) {
    return (m.how == Mention::compound || m.how == Mention::adjective) && m.head >= 0 &&
           static_cast<std::uint32_t>(m.head) != at && syn.noun[static_cast<std::size_t>(m.head)];
  };
  std::deque<Mention> possessors;  // possessive pronouns resolved to actors (stable addresses)
  // Acts done to a place: "bombs in Kabul", "lifted a curfew in Montenegro",
  // "blockades in the West Bank" -- the state where it happens is the target
  // when nothing else is.
  auto rel_material = [](Relation r) {
    return r == Relation::ASSAULT || r == Relation::COERCE || r == Relation::MOBILIZE ||
           r == Relation::CONCEDE ||
           r == Relation::AID;
  };
  auto place_target = [&](const std::vector<const Mention*>& src, bool applies,
                          std::size_t ci) -> std::vector<const Mention*> {
    if (!applies) return {};
    for (std::size_t k = 0; k < ms.size(); ++k) {
      const Mention& m = ms[k];
      if (m.clause != static_cast<int>(ci) || m.prep != "in" || !m.actor ||
          m.actor->type != ActorType::state || m.group != static_cast<int>(k))
        continue;
      bool same = std::any_of(src.begin(), src.end(),
                              [&](const Mention* x) { return x->actor && x->actor->code == m.actor->code; });
      if (!same) return group_of(static_cast<int>(k));
    }
    return {};
  };
  // "may halt mediation if ...", "könnte angreifen, falls ...": a modal act
  // under a condition is a conditional threat (PLOVER THREATEN).
  auto conditioned = [&](std::size_t ci, std::uint32_t at) {
    const Clause& c = syn.clauses[ci];
    for (std::uint32_t k = at + 1; k < c.last; ++k)
      if (cls(k) & kSubCond) return true;
    for (const Clause& o : syn.clauses)
      if (o.type == Clause::cond && o.governor == static_cast<int>(ci)) return true;
    if (ci > 0 && syn.clauses[ci - 1].type == Clause::cond) return true;  // "Falls ..., könnte X"
    return false;
  };
  // Verb triggers seen per clause (bit per relation), and demands, threats and
  // offers still waiting for their target from the clause they introduce
  // ("drohte damit, Syrien anzugreifen").
  std::vector<std::uint32_t> clause_relations(syn.clauses.size(), 0);
  std::vector<std::pair<std::uint32_t, Relation>> verb_triggers;  // token, relation
  struct Pending {
    int clause;
    std::vector<const Mention*> source;
    Relation relation;
    Status status;
    std::string trigger, rule;
    std::uint32_t at;
  };
  std::vector<Pending> pending;
  auto governs = [&](int outer, int inner) {
    for (int g = syn.clauses[static_cast<std::size_t>(inner)].governor; g >= 0;
         g = syn.clauses[static_cast<std::size_t>(g)].governor) {
      if (g == outer) return true;
      auto t = syn.clauses[static_cast<std::size_t>(g)].type;
      if (t != Clause::zu && t != Clause::purpose && t != Clause::sub) return false;
    }
    return false;
  };
  auto add_pairs = [&](const std::vector<const Mention*>& src, const std::vector<const Mention*>& tgt,
                       Relation rel, Status st, const std::string& trig, const std::string& rule,
                       std::uint32_t at) {
    for (const Mention* a : src)
      for (const Mention* b : tgt) {
        if (a == b && !(a->how == Mention::pair && a->second)) continue;
        cands.push_back(Candidate{a, b, rel, st, trig, rule, at});
        if (b->how == Mention::pair && b->second) {
          // handled by the pair expansion in emit
        }
      }
  };

  for (std::size_t ci = 0; ci < syn.clauses.size(); ++ci) {
    const Clause& c = syn.clauses[ci];
    const Clause* gov = c.governor >= 0 ? &syn.clauses[static_cast<std::size_t>(c.governor)] : nullptr;
    // Status inherited from the clause this one depends on.
    bool complement = c.type == Clause::sub && c.first < tok.size();
    std::uint32_t cs = c.first;
    while (cs < c.last && tok[cs].kind != TokenKind::word) ++cs;
    bool dass = cs < c.last && (tok[cs].fold == "dass" || tok[cs].fold == "daß" || tok[cs].fold == "that");
    bool negated = c.negated || (dass && complement && gov && gov->neg_complement);
    bool hypothetical = c.hypothetical || c.intent || syn.question;
    // "erklärte sich bereit, einen Anschlag zu verüben", "plant, ... anzugreifen":
    // the act of a zu-infinitive under willingness or intent has not happened.
    if (gov && c.type == Clause::zu && (gov->hypothetical || gov->willing || gov->intent))
      hypothetical = true;
    // "forderte die Verbündeten auf, Luftangriffe zu fliegen": a demanded act
    // has not happened, and its doer is the one asked (object control), who
    // may be no actor at all.
    constexpr std::uint32_t kRequestBit = 1u << static_cast<int>(Relation::REQUEST);
    bool demanded = gov && (c.type == Clause::zu || dass) &&
                    (clause_relations[static_cast<std::size_t>(c.governor)] & kRequestBit);
    if (demanded) hypothetical = true;
    int asked = -1;  // the REQUEST's target mention, the doer of a demanded zu-act
    if (demanded && c.type == Clause::zu)
      for (const Candidate& k : cands)
        if (k.relation == Relation::REQUEST && syn.clause_of[k.trigger_token] == c.governor &&
            index_in(ms, k.target) >= 0)
          asked = index_in(ms, k.target);

    int c_subject_override = -1;
    for (std::uint32_t i = c.first; i < c.last; ++i) {
      const Token& t = tok[i];
      if (t.kind != TokenKind::word) continue;
      bool sentence_start = i == 0 || (i > 0 && tok[i - 1].kind == TokenKind::punct &&
                                       (tok[i - 1].form == "\"" || tok[i - 1].form == ":"));
      // Words that are part of an actor name are no triggers.
      bool in_mention = std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
        return i >= m.first && i < m.last && m.how != Mention::description && m.how != Mention::pair;
      });
      if (in_mention) continue;

      // ---------------- verbs
      const std::vector<VerbForm>* vforms = nullptr;
      // Function words that share a verb's form ("einigen", "die Einigen") are none.
      constexpr std::uint64_t kNotVerb = kDet | kDetOblique | kPrep | kPron | kPoss | kRel | kCoord;
      if (!(de && t.upper && !sentence_start) && !(cls(i) & kNotVerb)) vforms = syn.verb[i];
      // English: after an article or possessive a form is a noun ("their arms").
      if (!de && vforms && i > 0 && (cls(i - 1) & (kDet | kPoss)) && !syn.noun[i])
        vforms = nullptr;
      bool as_noun_en = false;
      // An English sentence rarely opens with a finite verb: "Talks between ..."
      if (!de && vforms && (i == 0 || (i + 1 < tok.size() && (tok[i + 1].fold == "between" || tok[i + 1].fold == "of"))) &&
          syn.noun[i])
        as_noun_en = true;
      if (!de && vforms && i > 0 && !as_noun_en) {
        std::uint64_t pc = cls(i - 1);
        // "a U.S. request", "the Russian offer": an article before the
        // modifying name makes the form a noun.
        bool np_before = (pc & (kDet | kPoss | kPrep | kHypoAdj)) ||
                         std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
                           return m.last == i && (m.possessive || m.how == Mention::adjective ||
                                                  (m.first > 0 && (cls(m.first - 1) & kDet)));
                         });
        // "imposed new sanctions": after a plain lowercase word (an adjective
        // or a verb) the form is a noun; after a name, pronoun, auxiliary or
        // adverb it is the verb.
        const Token& prev = tok[i - 1];
        bool subject_before = std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
          return m.last == i && !m.possessive && m.how != Mention::adjective;
        });
        bool adverb = prev.fold.size() > 3 && prev.fold.substr(prev.fold.size() - 2) == "ly";
        if (prev.kind == TokenKind::word && !prev.upper && pc == 0 && !adverb && !subject_before)
          np_before = true;
        // "to attack Ukraine", "to impose the ban": an infinitive with its object.
        if (prev.fold == "to" && i + 1 < tok.size() &&
            ((cls(i + 1) & (kDet | kPoss | kPron)) ||
             std::any_of(ms.begin(), ms.end(), [&](const Mention& m) { return m.first == i + 1 && m.prep.empty(); })))
          np_before = false;
        if (np_before && syn.noun[i]) as_noun_en = true;
      }
      if (vforms && !as_noun_en) {
        const VerbForm* vf = nullptr;
        for (const VerbForm& f : *vforms) {
          if (f.needs_particle) {
            // The split particle must close the clause (German) or follow
            // closely (English phrasal verb).
            const std::string& p = triggers.at(f.trigger).particle;
            bool found = false;
            // German: the particle closes the clause (the right bracket), so it is
            // the last word before punctuation; English: within a few words.
            std::uint32_t lim = de ? c.last : std::min<std::uint32_t>(c.last, i + 4);
            for (std::uint32_t k = i + 1; k < lim && !found; ++k)
              found = tok[k].fold == p &&
                      (!de || k + 1 >= c.last || tok[k + 1].kind != TokenKind::word ||
                       (cls(k + 1) & (kCoord | kAux | kModalHypo | kFuture | kSpeech)));
            if (!found) continue;
          }
          if (!de && (f.types & kGerund) && !(f.types & ~kGerund)) {
            // "-ing" forms count in progressive tenses only ("is attacking").
            bool prog = i > 0 && (cls(i - 1) & kAux);
            if (!prog) continue;
          }
          vf = &f;
          break;
        }
        if (vf) {
          const Trigger& tr = triggers.at(vf->trigger);
          // "sought to ease tensions": an attempt, not a request.
          if (tr.attempt && !de && i + 2 < tok.size() && tok[i + 1].fold == "to" &&
              tok[i + 2].kind == TokenKind::word && !tok[i + 2].upper &&
              !(cls(i + 2) & (kDet | kDetOblique | kPoss | kPron)))
            continue;
          std::string trig(t.form);
          if (vf->needs_particle) trig += " ... " + tr.particle;
          // Attributive participle: "die vom Iran unterstützten Houthi-Rebellen".
          // "mit scharf kritisierten Luftangriffen", "in den besetzten Gebieten":
          // an inflected participle between an article or adverb and its noun is
          // an adjective, not the finite verb.
          if (de && (vf->types & kAttributive) && i + 1 < tok.size() && tok[i + 1].upper &&
              tok[i + 1].kind == TokenKind::word && i > c.first) {
            const Token& prev = tok[i - 1];
            bool mention_before = std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
              return m.last == i && m.prep.empty() && m.how != Mention::adjective;
            });
            bool modifier_before = (cls(i - 1) & (kDet | kDetOblique | kPrep | kPoss)) ||
                                   (prev.kind == TokenKind::word && !prev.upper && cls(i - 1) == 0);
            bool agent_before = std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
              return m.last == i && (m.prep == "von" || m.prep == "durch");
            });
            if (modifier_before && !mention_before && !agent_before) continue;
          }
          // The agent phrase right before and the noun right after make it
          // attributive even where the form is also a preterite ("unterstützten").
          const Mention* agent = nullptr;
          const Mention* head = nullptr;
          if (de && (vf->types & kAttributive))
            for (const Mention& m : ms) {
              if (m.last <= i && i - m.last <= 1 && (m.prep == "von" || m.prep == "durch") && m.actor)
                agent = &m;
              if (m.first > i && m.first - i <= 2 && m.actor && !head) head = &m;
            }
          // "die von Russland unterstützte Regierung von Assad / in Damaskus":
          // an institution noun names the state of its attribute.
          if (de && agent && !head && (vf->types & kAttributive) && i + 2 < tok.size() &&
              tok[i + 1].upper && g.actor_head(tok[i + 1].fold))
            for (const Mention& m : ms)
              if (m.actor && m.actor->code != agent->actor->code &&
                  ((m.np_first == i + 2 && (m.genitive_attr || m.prep == "von" || m.prep == "in")) ||
                   (m.prep.empty() && m.np_first <= i + 1 && m.first > i + 1 && m.first <= i + 4))) {
                head = &m;
                break;
              }
          // "die von Russland unterstützte Regierung": the government of the
          // state in question, the last other state named.
          if (de && agent && !head && (vf->types & kAttributive) && i + 1 < tok.size() &&
              (cls(i + 1) & kDefDesc) && tok[i + 1].upper)
            for (auto it = history.rbegin(); it != history.rend() && !head; ++it)
              if (it->actor->type == ActorType::state && it->actor->code != agent->actor->code)
                for (const Mention& m : ms)
                  if (m.actor == it->actor) head = &m;
          if (de && (vf->types & kAttributive) &&
              (!(vf->types & (kFinite | kInfinitive)) || (agent && head))) {
            if (agent && head) {
              Status st = Status::fact;
              add_pairs({agent}, group_of(static_cast<int>(head - ms.data())), tr.relation, st, trig,
                        "attributive participle (" + tr.where + ")", i);
            }
            continue;
          }
          // English participles: after an article or adjective they are
          // adjectives ("the besieged town"); right after a noun, once the clause
          // has had its verb, a reduced passive ("a pathologist sent to Israel by").
          bool reduced_passive = false;
          if (!de && (vf->types & kParticiple) && i > c.first) {
            const Token& prev = tok[i - 1];
            std::uint64_t pc = cls(i - 1);
            if ((pc & (kDet | kPoss)) || prev.kind == TokenKind::number) continue;
            bool noun_before = prev.kind == TokenKind::word && !prev.upper && pc == 0 &&
                               !(prev.fold.size() > 3 && prev.fold.substr(prev.fold.size() - 2) == "ly");
            bool verb_before = false;
            for (std::uint32_t k = c.first; k + 1 < i && !verb_before; ++k)
              verb_before = is_verbal(tok[k], cls(k), syn.verb[k], ctx, false) ||
                            (tok[k].kind == TokenKind::word && !tok[k].upper && tok[k].fold.size() > 3 &&
                             tok[k].fold.substr(tok[k].fold.size() - 2) == "ed");
            // "has again offered": an auxiliary a few words back governs it.
            bool aux_near = false;
            for (std::uint32_t k = i; k > c.first && k + 3 > i && !aux_near; --k)
              aux_near = (cls(k - 1) & (kAux | kAuxPassive)) != 0;
            // "killed 4 Iraqis", "sent the aid": a participle with its own object is active.
            bool object_after = i + 1 < c.last &&
                                (tok[i + 1].kind == TokenKind::number || (cls(i + 1) & (kDet | kPoss)) ||
                                 std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
                                   return m.first == i + 1 && m.prep.empty();
                                 }));
            // "a pathologist sent to Israel by ...": an agent phrase marks it passive.
            bool by_after = false;
            for (std::uint32_t k = i + 1; k < std::min(c.last, i + 5) && !by_after; ++k) by_after = tok[k].fold == "by";
            if (noun_before && (verb_before || by_after) && !aux_near && !object_after) reduced_passive = true;
          }
          // English "to"-infinitive: what governs it ("threatened to shell",
          // "refused to meet", "is willing to send", "plans to impose").
          int to_gov = -1;             // relation of a governing trigger, or
          bool to_intent = false, to_willing = false;
          if (!de && i > c.first + 1 && tok[i - 1].fold == "to" && (vf->types & kInfinitive)) {
            for (std::uint32_t k = i - 2; k + 8 > i && k >= c.first; --k) {
              std::uint64_t kc = cls(k);
              if (kc & kWilling) { to_willing = true; break; }
              if (kc & kIntent) { to_intent = true; break; }
              if (const auto* gv = syn.verb[k]) {
                to_gov = static_cast<int>(triggers.at(gv->front().trigger).relation);
                break;
              }
              if (const auto* gn = syn.noun[k]) {
                to_gov = static_cast<int>(triggers.at(gn->front()).relation);
                break;
              }
              if (k == c.first) break;
            }
          }
          // German passive is a property of the clause's verb complex; English
          // needs a form of "be" right before this participle ("was attacked",
          // "has been attacked", "were not attacked").
          bool passive = reduced_passive;
          if (vf->types & kParticiple) {
            if (de) {
              passive |= c.passive;
            } else {
              for (std::uint32_t k = i; k > c.first && k + 4 > i; --k)
                if (cls(k - 1) & kAuxPassive) {
                  std::string_view a = tok[k - 1].fold;
                  passive |= a != "has" && a != "have" && a != "had";
                  break;
                }
            }
          }
          // "Israel is opposed to French mediation": a participle with "to" and
          // no agent is a predicate adjective, its subject the one who acts.
          if (!de && passive && !reduced_passive && i + 1 < c.last && tok[i + 1].fold == "to" &&
              std::none_of(ms.begin(), ms.end(), [&](const Mention& m) {
                return m.clause == static_cast<int>(ci) && m.prep == "by" && m.first > i;
              }))
            passive = false;
          // "forderte Pjöngjang auf, keine Waffen zu liefern": after a demand the
          // one asked is the subject of the demanded act (object control).
          if (c.type == Clause::zu && c.governor >= 0)
            for (const Candidate& k : cands)
              if (k.relation == Relation::REQUEST &&
                  syn.clause_of[k.trigger_token] == c.governor) {
                // The same guard as for `asked`: a target outside this
                // sentence's mentions is no subject here.
                c_subject_override = index_in(ms, k.target);
                break;
              }
          // English: the subject is the nearest noun phrase before the verb
          // ("Officials said Iran had supplied ...").
          int subj_lead = c_subject_override >= 0 ? c_subject_override : c.subject;
          if (!de && c_subject_override < 0) {
            int near = -1;
            for (std::size_t k = 0; k < ms.size(); ++k)
              if (ms[k].clause == static_cast<int>(ci) && ms[k].first < i && bare(ms[k]) &&
                  ms[k].how != Mention::first_person)
                near = ms[k].group;
            if (near >= 0) subj_lead = near;
          }
          std::vector<const Mention*> subj = group_of(subj_lead);
          std::vector<const Mention*> src_now;
          auto resolve = [&](const Role& r) -> std::vector<const Mention*> {
            if (r.kind == Role::subj) {
              // The agent phrase -- not a von-phrase that belongs to a noun
              // ("bei Kämpfen von Armee und UN-Soldaten ... getötet worden").
              if (passive)
                return group_of(first_group([&](const Mention& m) {
                  bool noun_attribute = m.np_first > 0 && tok[m.np_first - 1].upper &&
                                        tok[m.np_first - 1].kind == TokenKind::word &&
                                        !(cls(m.np_first - 1) & (kDet | kDetOblique | kPrep)) &&
                                        m.np_first - 1 > c.first;
                  return m.clause == static_cast<int>(ci) && !noun_attribute &&
                         (m.prep == "von" || m.prep == "durch" || m.prep == "by");
                }));
              return subj;
            }
            if (r.kind == Role::obj) {
              if (reduced_passive) return {};  // the noun before it, no actor
              // "threatened to break off relations with ...": a verb followed by
              // its to-infinitive has no object of its own.
              if (!de && i + 2 < c.last && tok[i + 1].fold == "to" && tok[i + 2].kind == TokenKind::word &&
                  !tok[i + 2].upper && !(cls(i + 2) & (kDet | kDetOblique | kPoss | kPron)))
                return {};
              if (passive) return subj;
              int subj_group = subj_lead >= 0 ? ms[static_cast<std::size_t>(subj_lead)].group : -2;
              auto other = [&](const Mention& m) {
                return m.clause == static_cast<int>(ci) && m.group != subj_group &&
                       static_cast<int>(&m - ms.data()) != c.antecedent && (de || m.first > i);
              };
              // The object itself; an English phrasal verb's particle ("called on
              // China") is no preposition of it.
              // Or the owner of the object: "lehnte die Forderungen Russlands ab",
              // "condemned Syria's attack" -- whichever comes first.  An actor of
              // the source's own code is no target ("Albania denounced ... ethnic
              // Albanian unrest").
              int k = first_group([&](const Mention& m) {
                bool same = m.actor && std::any_of(src_now.begin(), src_now.end(), [&](const Mention* x) {
                              return x->actor && x->actor->code == m.actor->code;
                            });
                // Judging an event judges its doer: "condemned the Russian
                // invasion", "kritisierte die US-Sanktionen".
                bool judged = evaluative(tr.relation) && m.prep.empty() && !m.oblique &&
                              (m.how == Mention::compound || m.how == Mention::adjective) && m.head >= 0 &&
                              syn.noun[static_cast<std::size_t>(m.head)];
                return other(m) && !same &&
                       (object_np(m) || judged || (!tr.particle.empty() && !de && m.prep == tr.particle) ||
                        (m.prep.empty() && (m.genitive_attr || m.possessive)));
              });
              return group_of(k);
            }
            if (r.kind == Role::prep) {
              if (passive && (r.word == "von" || r.word == "by")) return {};
              return group_of(first_group([&](const Mention& m) {
                return m.clause == static_cast<int>(ci) && m.prep == r.word && (de || m.first > i);
              }));
            }
            return {};
          };
          std::vector<const Mention*> src, tgt;
          for (const Role& r : tr.source)
            if (src.empty()) src = resolve(r);
          src_now = src;
          for (const Role& r : tr.target)
            if (tgt.empty()) {
              tgt = resolve(r);
              // The target is never the source itself.
              tgt.erase(std::remove_if(tgt.begin(), tgt.end(),
                                       [&](const Mention* m) {
                                         return std::find(src.begin(), src.end(), m) != src.end();
                                       }),
                        tgt.end());
            }
          if (tgt.empty() && !src.empty()) tgt = place_target(src, rel_material(tr.relation), ci);
          if (tr.mutual && tgt.empty()) {
            // "X und Y einigten sich": a mutual act within one group.
            if (src.size() >= 2) {
              tgt.assign(src.begin() + 1, src.end());
              src.erase(src.begin() + 1, src.end());
            }
          }
          Status st = negated ? Status::negated : hypothetical ? Status::hypothetical : Status::fact;
          Relation rel = tr.relation;
          for (const auto& [prep, switched] : tr.switches)
            for (std::uint32_t k = c.first; k < c.last; ++k)
              if (tok[k].fold == prep && (cls(k) & kPrep)) rel = switched;
          std::string rule = std::string(passive ? "passive " : "") + "verb frame (" + tr.where + ")";
          // Willingness and (English) promises to cooperate are AGREE events
          // themselves (PLOVER: intent to cooperate).
          if (to_gov >= 0) {
            Relation g = static_cast<Relation>(to_gov);
            if (g == Relation::REJECT) st = Status::negated;
            else if (g == Relation::REQUEST || g == Relation::THREATEN || g == Relation::AGREE)
              st = Status::hypothetical;
          }
          if (to_intent && st == Status::fact) st = Status::hypothetical;
          // The intent to attack, sanction, seize or deploy is a threat (PLOVER
          // codes the announced conflict act as THREATEN).
          bool conflict = quad_of(rel) == Quad::material_conflict && rel != Relation::PROTEST;
          bool conditional_threat = conflict && c.hypothetical && !negated && c.type != Clause::cond &&
                                    !tgt.empty() && conditioned(ci, i);
          if (conditional_threat ||
              (conflict && !c.hypothetical && !negated && c.type != Clause::cond &&
               (to_intent || (c.intent && !de) || (c.intent && de && c.type != Clause::zu)))) {
            add_pairs(src, tgt, Relation::THREATEN, Status::fact, trig,
                      rule + (conditional_threat ? " + condition on " : " + intent to ") +
                          std::string(to_string(rel)),
                      i);
            if (st == Status::fact) st = Status::hypothetical;
          }
          // Willingness to do anything cooperative, and the intent to give
          // material help or support ("will support", "wollen zusammenarbeiten"),
          // are offers; an intended meeting stays a hypothetical meeting.
          bool coop = quad_of(rel) == Quad::verbal_cooperation || quad_of(rel) == Quad::material_cooperation;
          // "the US must be ready to mediate": readiness demanded by another is no offer.
          bool obliged = false;
          for (std::uint32_t k = c.first; k < i && !obliged; ++k) obliged = (cls(k) & kObligation) != 0;
          bool willing = !obliged && (c.willing || (gov && gov->willing && c.type == Clause::zu) || to_willing ||
                                      (to_gov >= 0 && static_cast<Relation>(to_gov) == Relation::AGREE));
          bool pledge = (c.intent || (gov && gov->intent && c.type == Clause::zu) || to_intent) &&
                        !c.hypothetical && rel != Relation::CONSULT && rel != Relation::AGREE;
          if (coop && st != Status::negated && c.type != Clause::cond && (willing || pledge)) {
            rel = Relation::AGREE;
            st = Status::fact;
            rule += " + intent to cooperate";
          }
          // A demand, offer or threat: the demanded act itself has not happened.
          constexpr std::uint32_t kDemand = (1u << static_cast<int>(Relation::REQUEST)) |
                                            (1u << static_cast<int>(Relation::THREATEN)) |
                                            (1u << static_cast<int>(Relation::AGREE));
          if (gov && (c.type == Clause::zu || dass) &&
              (clause_relations[static_cast<std::size_t>(c.governor)] & kDemand))
            st = Status::hypothetical;
          clause_relations[ci] |= 1u << static_cast<int>(tr.relation);
          verb_triggers.emplace_back(i, tr.relation);
          // ... and accusations whose target is the doer of the reported act
          // ("Ban klagte, es habe in Syrien Bombardierungen gegeben", "kritisierte,
          // dass Russland ...").
          constexpr std::uint32_t kWantsAct = kDemand | (1u << static_cast<int>(Relation::REJECT)) |
                                              (1u << static_cast<int>(Relation::ACCUSE));
          // "forderte die arabischen Verbündeten auf, ...", "urged the parties to
          // ...": one asked who is no actor leaves the demand without a target.
          bool nonactor_asked = false;
          if (tr.relation == Relation::REQUEST) {
            // (An actor object would have been the target already, so any
            // object noun phrase here names none; English: right after the verb.)
            std::uint32_t from = de ? static_cast<std::uint32_t>(std::max<std::int32_t>(c.finite, static_cast<std::int32_t>(c.first))) + 1 : i + 1;
            std::uint32_t to = de ? c.last : std::min(c.last, i + 2);
            for (std::uint32_t k = from; k < to && !nonactor_asked; ++k) {
              if (!(cls(k) & (kDet | kDetOblique)) || (k > c.first && (cls(k - 1) & kPrep))) continue;
              for (std::uint32_t h = k + 1; h < std::min(c.last, k + 4) && !nonactor_asked; ++h) {
                if (tok[h].kind != TokenKind::word) break;
                nonactor_asked = de ? tok[h].upper : (!(cls(h) & kFunction) && !tok[h].upper);
              }
            }
          }
          if (tgt.empty() && !src.empty() && !nonactor_asked && (kWantsAct & (1u << static_cast<int>(tr.relation))))
            pending.push_back(Pending{static_cast<int>(ci), src, rel, st, trig, rule, i});
          add_pairs(src, tgt, rel, st, trig, rule, i);
          continue;
        }
      }

      // ---------------- nouns
      const std::vector<std::uint32_t>* nforms = nullptr;
      if ((de ? (t.upper && !sentence_start) || (t.upper && sentence_start && !vforms)
              : (!vforms || as_noun_en)) &&
          !(cls(i) & kNotTrigger))
        nforms = syn.noun[i];
      if (!nforms) continue;
      // English noun compounds put the head last: in "war crimes", "aid groups"
      // the event noun only modifies (heads of class event_head, "mediation
      // efforts", have a class and keep the event).
      if (!de && i + 1 < c.last && tok[i + 1].kind == TokenKind::word && !tok[i + 1].upper &&
          cls(i + 1) == 0 && !syn.verb[i + 1] && tok[i + 1].fold.size() > 3 &&
          tok[i + 1].fold.back() == 's' && tok[i + 1].fold.substr(tok[i + 1].fold.size() - 2) != "ss")
        continue;
      const Trigger& tr = triggers.at(nforms->front());
      // "setzten Senfgas ein", "used chemical weapons": the weapon names an
      // attack only when it is used.
      if (tr.weapon) {
        bool used = false;
        for (std::uint32_t k = c.first; k < c.last && !used; ++k) used = (cls(k) & kUse) != 0;
        if (!used) continue;
      }
      // The noun phrase's own reach: up to the next verb or clause end.
      // The noun phrase's own reach: up to the next verb, the next event noun
      // (which opens a phrase of its own) or the clause end.
      std::uint32_t reach = i + 1;
      while (reach < c.last && reach < i + 10 && !is_verbal(tok[reach], cls(reach), syn.verb[reach], ctx, false) &&
             !(reach > i + 1 && tok[reach].kind == TokenKind::word && (de ? tok[reach].upper : true) &&
               syn.noun[reach] && !(cls(reach) & kNotTrigger) &&
               !(!de && reach + 1 < c.last && tok[reach + 1].kind == TokenKind::word &&
                 !tok[reach + 1].upper && tok[reach + 1].fold.size() > 3 && tok[reach + 1].fold.back() == 's')))
        ++reach;
      // The article and modifiers before the noun.  English "to impose
      // sanctions": "to" marks an infinitive, so the verb before the noun
      // ends the phrase.
      std::uint32_t np_start = i;
      while (np_start > c.first) {
        std::uint32_t p = np_start - 1;
        std::uint64_t pc = cls(p);
        bool infinitive = !de && pc == 0 && p > c.first && tok[p - 1].fold == "to";
        bool mod = tok[p].kind == TokenKind::word && !tok[p].upper && !infinitive &&
                   ((pc & (kDet | kDetOblique | kPoss | kHypoAdj | kNeg)) || pc == 0 ||
                    (de && (tok[p].fold == "deren" || tok[p].fold == "dessen")));
        bool ment = std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
          return m.last == np_start && (m.how == Mention::adjective || m.how == Mention::compound ||
                                         m.possessive);
        });
        if (!mod && !ment && !(tok[p].kind == TokenKind::punct && tok[p].form == "-")) break;
        if (ment) {
          for (const Mention& m : ms)
            if (m.last == np_start) np_start = m.np_first;
        } else {
          np_start = p;
        }
      }
      bool in_pp = np_start > c.first && (cls(np_start - 1) & kPrep);
      bool judged_clause = false;
      for (std::uint32_t k = c.first; k < c.last && !judged_clause; ++k)
        if (k != i && syn.verb[k] && !(de && tok[k].upper))
          for (const VerbForm& vf : *syn.verb[k])
            judged_clause |= evaluative(triggers.at(vf.trigger).relation) && (vf.types & (kFinite | kParticiple | kInfinitive));
      if (np_start < tok.size() && (cls(np_start) & kPrep)) in_pp = true;
      auto in_np_after = [&](const Mention& m) { return m.np_first > i && m.np_first < reach + 2 && m.first < c.last + 0; };
      auto resolve = [&](const Role& r) -> std::vector<const Mention*> {
        switch (r.kind) {
          case Role::gen: {
            int k = first_group([&](const Mention& m) {
              return m.actor && ((m.head == static_cast<std::int32_t>(i) &&
                                  (m.how == Mention::adjective || m.how == Mention::compound || m.possessive)) ||
                                 (m.genitive_attr && m.np_first == i + 1));
            });
            if (k < 0 && de)
              k = first_group([&](const Mention& m) {
                return m.actor && m.genitive_attr && m.np_first > i && m.np_first <= i + 2;
              });
            // "Angriffe von Russland", "Bombardierungen durch die Armee", "attacks by".
            if (k < 0)
              k = first_group([&](const Mention& m) {
                return m.actor && (m.prep == "von" || m.prep == "durch" || m.prep == "by") &&
                       m.np_first == i + 1;
              });
            // "ihre Angriffe auf", "deren Unterstützung für", "their attacks on":
            // a possessive pronoun stands for an actor named before.
            if (k < 0)
              for (std::uint32_t p = np_start; p < i; ++p) {
                const WordInfo* w = (cls(p) & (kPoss | kRel)) ? g.find(tok[p].fold) : nullptr;
                if (!w || w->genders.empty() || ((cls(p) & kRel) && !(tok[p].fold == "deren" || tok[p].fold == "dessen")))
                  continue;
                // "der Regierung in Ankara, ... deren Angriffe": a relative
                // possessive points back to the nearest actor, whatever the
                // gender of the noun in between.
                bool rel = (cls(p) & kRel) != 0;
                if (const Actor* a = resolve_from(rel ? "mfnp" : w->genders, p, nullptr, false)) {
                  Mention& pm = possessors.emplace_back();
                  pm.first = p;
                  pm.last = p + 1;
                  pm.np_first = p;
                  pm.actor = a;
                  pm.how = Mention::pronoun;
                  pm.clause = static_cast<int>(ci);
                  pm.text = std::string(tok[p].form);
                  return {&pm};
                }
              }
            return group_of(k);
          }
          case Role::prep:
            return group_of(first_group([&](const Mention& m) {
              return m.actor && m.prep == r.word && in_np_after(m) && !side_of_other(m, i);
            }));
          case Role::subj:
          case Role::obj:
            // "Germany condemned the attack on Ukraine": who judges an event
            // did not do it.
            if (judged_clause) return {};
            // "bei einem Treffen mit X", "an den Kämpfen gegen den IS teilnehmen":
            // the clause's subject takes part in what the phrase names.
            if (in_pp && np_start > c.first) {
              std::string_view p = tok[np_start - 1].fold;
              const WordInfo* w = g.find(p);
              std::string_view prep = w ? std::string_view(w->prep) : p;
              bool talks = (tr.mutual || tr.relation == Relation::PROTEST) &&
                           (prep == "bei" || prep == "in" || prep == "nach" || prep == "at" ||
                            prep == "during" || prep == "während");
              // "bei seinem Besuch in Moskau", "during his visit to Cairo": the
              // possessor, the one the clause is about, made the visit.
              bool own = false;
              for (std::uint32_t k = np_start; k < i && !own; ++k) {
                std::string_view f = tok[k].fold;
                own = (cls(k) & kPoss) &&
                      (f.substr(0, 3) == "sei" || f.substr(0, 3) == "ihr" || f == "his" || f == "her" ||
                       f == "their" || f == "its");
              }
              if (own && tr.relation == Relation::CONSULT && c.subject >= 0 &&
                  (!de || ms[static_cast<std::size_t>(c.subject)].first < i || c.type == Clause::main))
                return group_of(c.subject);
              // "reagierte mit Luftangriffen auf", "startete mit Angriffen auf",
              // "responded with airstrikes on": the subject's own attacks.
              bool by_means = (prep == "mit" || prep == "with") && !c.passive &&
                              (tr.relation == Relation::ASSAULT || tr.relation == Relation::COERCE);
              if (!talks && !by_means && prep != "an") return {};
            } else if (in_pp) {
              return {};
            }
            if (demanded && c.type == Clause::zu) return asked >= 0 ? group_of(asked) : std::vector<const Mention*>{};
            if (c.subject < 0) return {};
            if (ms[static_cast<std::size_t>(c.subject)].first > i && de) return {};
            return group_of(c.subject);
        }
        return {};
      };
      // Of the target's prepositions, the phrase nearest the noun wins
      // ("sanctions on Russia ... over its war against Ukraine").
      auto nearest_prep = [&](const std::vector<Role>& roles) {
        int best = -1;
        for (std::size_t k = 0; k < ms.size(); ++k) {
          const Mention& m = ms[k];
          if (m.group != static_cast<int>(k) || !m.actor || !in_np_after(m) || side_of_other(m, i)) continue;
          // English "of" belongs to the noun right before it ("the blockade of
          // Gaza", not "blockades ... following the deaths of two Israelis").
          bool wanted = std::any_of(roles.begin(), roles.end(), [&](const Role& r) {
            return r.kind == Role::prep && r.word == m.prep && r.word != "zwischen" && r.word != "between" &&
                   (de || r.word != "of" || m.np_first == i + 1);
          });
          if (wanted && (best < 0 || m.np_first < ms[static_cast<std::size_t>(best)].np_first))
            best = static_cast<int>(k);
        }
        // "Angriffe auf Stellungen des IS": the owner of what the phrase names.
        if (best < 0)
          for (std::uint32_t j = i + 1; j < reach && best < 0; ++j) {
            const WordInfo* w = (cls(j) & kPrep) ? g.find(tok[j].fold) : nullptr;
            bool wanted = w && std::any_of(roles.begin(), roles.end(), [&](const Role& r) {
                            return r.kind == Role::prep && r.word == w->prep && r.word != "zwischen" &&
                                   r.word != "between";
                          });
            if (!wanted) continue;
            for (std::size_t k = 0; k < ms.size(); ++k)
              if (ms[k].group == static_cast<int>(k) && ms[k].actor && ms[k].first > j &&
                  ms[k].np_first <= j + 4 && (ms[k].genitive_attr || (!de && ms[k].prep == "of"))) {
                best = static_cast<int>(k);
                break;
              }
            break;  // only the first such phrase: later ones belong to other nouns
          }
        return group_of(best);
      };
      std::vector<const Mention*> src, tgt;
      // "Gespräche zwischen X und Y", "talks between X and Y": both sides at once.
      bool between_role = false;
      for (const auto* roles : {&tr.source, &tr.target})
        for (const Role& r : *roles)
          between_role |= r.kind == Role::prep && (r.word == "zwischen" || r.word == "between");
      if (between_role) {
        std::vector<const Mention*> both = group_of(first_group([&](const Mention& m) {
          return m.actor && (m.prep == "zwischen" || m.prep == "between") && in_np_after(m);
        }));
        bool between_source = std::any_of(tr.source.begin(), tr.source.end(), [](const Role& r) {
          return r.kind == Role::prep && (r.word == "zwischen" || r.word == "between");
        });
        // "mediation between X and Y" by a third party: X and Y are the targets.
        std::vector<const Mention*> third;
        if (!between_source && both.size() >= 2)
          for (const Role& r : tr.source)
            if (third.empty() && r.kind != Role::prep) third = resolve(r);
        if (!third.empty() && std::none_of(third.begin(), third.end(), [&](const Mention* m) {
              return std::find(both.begin(), both.end(), m) != both.end();
            })) {
          src = third;
          tgt = both;
        } else if (both.size() >= 2) {
          src.push_back(both.front());
          tgt.assign(both.begin() + 1, both.end());
        }
      }
      bool undergo = c.undergo && !in_pp;
      bool source_is_subject = false;
      for (const Role& r : tr.source)
        if (src.empty() && !(undergo && (r.kind == Role::subj || r.kind == Role::obj))) {
          src = resolve(r);
          source_is_subject = !src.empty() && (r.kind == Role::subj || r.kind == Role::obj);
        }
      if (tgt.empty()) tgt = nearest_prep(tr.target);
      for (const Role& r : tr.target)
        if (tgt.empty() && r.kind != Role::subj && r.kind != Role::obj) tgt = resolve(r);
      // A pair description ("die beiden Länder") names both sides.
      if (tgt.empty() && src.size() == 1 && src[0]->how == Mention::pair && src[0]->second)
        tgt.push_back(src[0]);
      if (undergo && tgt.empty() && c.subject >= 0) tgt = group_of(c.subject);
      auto drop_overlap = [&]() {
        tgt.erase(std::remove_if(tgt.begin(), tgt.end(),
                                 [&](const Mention* m) {
                                   return std::find(src.begin(), src.end(), m) != src.end();
                                 }),
                  tgt.end());
      };
      drop_overlap();
      // A side of the source's own code is no target ("Israeli blockades ...
      // of Israelis"): look for the place instead.
      tgt.erase(std::remove_if(tgt.begin(), tgt.end(),
                               [&](const Mention* m) {
                                 return m->actor && std::any_of(src.begin(), src.end(), [&](const Mention* x) {
                                          return x->actor && x->actor->code == m->actor->code && x->how != Mention::pair;
                                        });
                               }),
                tgt.end());
      bool between = false;
      for (const Role& r : tr.source) between |= r.kind == Role::prep && (r.word == "zwischen" || r.word == "between");
      if (between && tgt.empty() && src.size() >= 2) {
        tgt.assign(src.begin() + 1, src.end());
        src.erase(src.begin() + 1, src.end());
      }
      std::string rule = "noun frame (" + tr.where + ")";
      // A pair description ("zwischen den beiden Nationen") names both sides.
      if (src.size() == 1 && tgt.empty() && src[0]->how == Mention::pair && src[0]->second) {
        tgt.push_back(src[0]);
      }
      if (tr.fill && (src.empty() != tgt.empty())) {
        // War and sanctions always have two sides: the missing one is the
        // nearest other actor, in this clause first, then in the sentence.
        const Mention* have = src.empty() ? tgt.front() : src.front();
        const Mention* best = nullptr;
        std::uint32_t best_d = UINT32_MAX;
        for (int pass = 0; pass < 2 && !best; ++pass)
          for (const Mention& m : ms) {
            if (!m.actor || m.actor->code == have->actor->code || m.attribution) continue;
            // Only names: a pronoun far from the noun is too weak a guess; and
            // only a phrase that can be a side, not "zum Strafgerichtshof".
            if (m.how == Mention::pronoun || m.how == Mention::first_person) continue;
            // Nor the attribute of another noun ("Reaktion auf die Annexion der Krim").
            if (m.genitive_attr || side_of_other(m, i)) continue;
            bool side_prep = m.prep.empty() ||
                             std::any_of(tr.target.begin(), tr.target.end(),
                                         [&](const Role& r) { return r.kind == Role::prep && r.word == m.prep; }) ||
                             std::any_of(tr.source.begin(), tr.source.end(),
                                         [&](const Role& r) { return r.kind == Role::prep && r.word == m.prep; });
            if (!side_prep) continue;
            if (pass == 0 && m.clause != static_cast<int>(ci)) continue;
            bool right_side = src.empty() ? m.first < i : m.first > i;
            std::uint32_t d = m.first < i ? i - m.first : m.first - i;
            if (!right_side) d += 1000;
            if (d < best_d) {
              best_d = d;
              best = &m;
            }
          }
        if (best) {
          (src.empty() ? src : tgt).push_back(best);
          rule += " + implicit side";
        }
      }
      // "Israel reimposed blockades in the West Bank": a light verb's subject
      // acting in a place.
      // "bezeichnete die Behandlung ... als Völkermord", "denounced it as
      // aggression": a conflict noun after als/as classifies what the object
      // did -- the subject accuses the last actor named before it, nobody attacks.
      bool predicative = false;
      for (std::uint32_t k = np_start; k > c.first && k + 4 > np_start && !predicative; --k) {
        std::string_view f = tok[k - 1].fold;
        if (f == "als" || f == "as") predicative = k - 1 > c.first && !(cls(k - 2) & (kCoord | kSub));
        else if (!(cls(k - 1) & (kDet | kDetOblique)) && f != "art" && f != "form" && f != "kind" && f != "sort" &&
                 f != "of")
          break;
      }
      predicative = predicative && (quad_of(tr.relation) == Quad::material_conflict ||
                                    quad_of(tr.relation) == Quad::verbal_conflict);
      if (predicative && tgt.empty() && !src.empty())
        for (const Mention& m : ms)
          if (m.clause == static_cast<int>(ci) && m.actor && m.first < np_start && m.group == static_cast<int>(&m - ms.data()) &&
              std::none_of(src.begin(), src.end(), [&](const Mention* x) { return x->actor->code == m.actor->code; }))
            tgt = group_of(static_cast<int>(&m - ms.data()));
      if (tgt.empty() && source_is_subject && !in_pp) tgt = place_target(src, rel_material(tr.relation), ci);
      if (src.empty() || tgt.empty()) continue;
      // Status: the noun phrase's own words, and the clause's when the noun is
      // the clause's subject or object.
      Status st = Status::fact;
      for (std::uint32_t k = np_start; k < i; ++k) {
        if (cls(k) & kNeg) st = Status::negated;
        else if ((cls(k) & kHypoAdj) && st == Status::fact) st = Status::hypothetical;
      }
      if (st == Status::fact && !in_pp) {
        if (negated && !(tr.relation == Relation::SANCTION && c.undergo)) st = Status::negated;
        else if (hypothetical) st = Status::hypothetical;
      }
      // "Treffen ... diese Woche möglich", "a meeting is possible": a
      // predicative possibility after the noun.
      // (German only: English "threatened" after a noun is a verb; "wie
      // erwartet" is as expected.)
      for (std::uint32_t k = i + 1; de && k < c.last && st == Status::fact && !in_pp; ++k)
        if ((cls(k) & kHypoAdj) && tok[k - 1].fold != "wie" &&
            (k + 1 >= c.last || tok[k + 1].kind != TokenKind::word || !tok[k + 1].upper))
          st = Status::hypothetical;
      // The object of a demand, threat, offer or refusal has not happened:
      // "demanded the withdrawal", "threatened to impose restrictions",
      // "refused ... any assistance", "forderte Sanktionen gegen".
      if (st == Status::fact)
        for (const auto& [at, vrel] : verb_triggers)
          if (syn.clause_of[at] == static_cast<int>(ci) && at != i && (de || at < i)) {
            if (vrel == Relation::REJECT) st = Status::negated;
            else if (vrel == Relation::REQUEST || vrel == Relation::THREATEN || vrel == Relation::AGREE)
              st = Status::hypothetical;
          }
      // "Befürworter eines Austritts", "fears of a war", "Pläne für einen
      // Angriff": an act that is advocated, feared or planned has not happened.
      if (st == Status::fact && np_start > c.first) {
        std::uint32_t p = np_start - 1;
        if ((cls(p) & kPrep) && p > c.first) --p;
        if (cls(p) & kProspect) st = Status::hypothetical;
      }
      std::string trig(t.form);
      if (predicative) {
        if (st == Status::fact) add_pairs(src, tgt, Relation::ACCUSE, st, trig, rule + " + as a charge", i);
        continue;
      }
      // "halted economic aid to Serbia", "cancelled a planned visit", "stellte
      // die Hilfe ein": stopping cooperation is a sanction.
      Relation nrel = tr.relation;
      if (quad_of(nrel) == Quad::material_cooperation || nrel == Relation::CONSULT) {
        bool halted = false;
        for (std::uint32_t k = c.first; k < c.last && !halted; ++k) halted = (cls(k) & kHalt) != 0;
        // The split "stellte ... ein" (einstellen) closes its clause with the particle.
        if (de && !halted) {
          std::uint32_t e = c.last;
          while (e > c.first && tok[e - 1].kind != TokenKind::word) --e;
          if (e > c.first && tok[e - 1].fold == "ein")
            for (std::uint32_t k = c.first; k + 1 < e && !halted; ++k)
              halted = tok[k].fold.substr(0, 5) == "stell" && !tok[k].upper;
        }
        if (halted && !in_pp) {
          bool modal = c.hypothetical && !negated;
          if (modal && c.type != Clause::cond && conditioned(ci, i))
            add_pairs(src, tgt, Relation::THREATEN, Status::fact, trig, rule + " + halted + condition", i);
          add_pairs(src, tgt, Relation::SANCTION,
                    negated ? Status::negated : modal ? Status::hypothetical : Status::fact, trig,
                    rule + " + halted", i);
          continue;
        }
      }
      // "willing to send aid": the offer is the event.
      if (c.willing && !in_pp && st != Status::negated &&
          (quad_of(nrel) == Quad::material_cooperation || quad_of(nrel) == Quad::verbal_cooperation)) {
        add_pairs(src, tgt, Relation::AGREE, Status::fact, trig, rule + " + willing", i);
        continue;
      }
      if (st == Status::hypothetical && c.intent && !c.hypothetical && !in_pp &&
          quad_of(tr.relation) == Quad::material_conflict && tr.relation != Relation::PROTEST)
        add_pairs(src, tgt, Relation::THREATEN, Status::fact, trig, rule + " + intent", i);
      add_pairs(src, tgt, tr.relation, st, trig, rule, i);
    }
  }

  // "verurteilte die Annexion der Krim durch Russland", "welcomed the
  // withdrawal of Russian troops from Syria": a verb whose object is an event
  // noun is about that event's doer, not its patient.
  for (Candidate& a : cands) {
    if (a.rule.find("verb frame") == std::string::npos || a.rule.find("passive") != std::string::npos) continue;
    if (a.relation != Relation::ACCUSE && a.relation != Relation::SUPPORT && a.relation != Relation::REJECT) continue;
    for (const Candidate& b : cands)
      if (&a != &b && b.rule.find("noun frame") != std::string::npos && b.target == a.target &&
          b.trigger_token > a.trigger_token && b.trigger_token < a.target->first &&
          syn.clause_of[b.trigger_token] == syn.clause_of[a.trigger_token] && b.source->actor &&
          a.source->actor && b.source->actor->code != a.source->actor->code) {
        a.target = b.source;
        a.rule += " + doer of the event it names";
        break;
      }
  }

  // "X declared that Y must ...", "..., Y müsse ...": X demands of Y.
  for (std::uint32_t i = 0; i < tok.size(); ++i) {
    if (!(cls(i) & kObligation)) continue;
    int ci = syn.clause_of[i];
    const Mention* obliged = nullptr;
    for (const Mention& m : ms)
      if (m.clause == ci && m.actor && m.first < i + (de ? 3 : 0) && m.prep.empty() && !m.oblique &&
          !m.genitive_attr && !m.possessive && !m.attribution)
        obliged = &m;  // the last one before "must" (English), or the subject
    if (!obliged) continue;
    // The demander says it: the subject of the saying verb of this clause
    // ("declared Tuesday that China must"), of the clause this one complements
    // ("erklärte, dass die Türkei ... müsse"), or the reported speaker.
    const Mention* demander = nullptr;
    auto subject_before = [&](std::uint32_t speech_at) -> const Mention* {
      const Mention* found = nullptr;
      for (const Mention& m : ms)
        if (m.actor && m.first < speech_at && m.prep.empty() && !m.oblique && !m.genitive_attr &&
            !m.possessive && !correlate(m) && m.clause == syn.clause_of[speech_at])
          found = &m;
      return found;
    };
    const Clause& mc = syn.clauses[static_cast<std::size_t>(ci)];
    for (std::uint32_t k = mc.first; k < obliged->first && !demander; ++k)
      if (cls(k) & kSpeech) demander = subject_before(k);
    if (!demander && mc.type == Clause::sub && mc.governor >= 0) {
      const Clause& gc = syn.clauses[static_cast<std::size_t>(mc.governor)];
      for (std::uint32_t k = gc.first; k < gc.last && !demander; ++k)
        if (cls(k) & kSpeech) demander = subject_before(k);
      if (!demander) continue;  // "es sagt viel aus, dass ... muss" is no demand
    }
    if (!demander && speaker && mc.type != Clause::sub)
      for (const Mention& m : ms)
        if (m.actor == speaker) demander = &m;
    // "issued a reminder to Iraq that it must cooperate": the subject of the
    // clause that introduces the that-clause.
    // (The clause's first bare actor: its subject may have been taken from
    // the that-clause when the matrix verb is no trigger.)
    if (!demander && !de)
      for (std::uint32_t k = mc.first; k < obliged->first && !demander; ++k)
        if (tok[k].fold == "that")
          for (const Mention& m : ms)
            if (m.clause == ci && m.actor && m.first < k && m.prep.empty() && !m.possessive &&
                !m.attribution && m.how != Mention::pronoun) {
              demander = &m;
              break;
            }
    if (!demander || !demander->actor || demander->actor->code == obliged->actor->code) continue;
    add_pairs({demander}, {obliged}, Relation::REQUEST, Status::fact, std::string(tok[i].form),
              "obligation reported by the demander", i);
  }

  // The target of a demand, threat or offer is the target of what it demands.
  for (const Pending& p : pending) {
    std::vector<const Mention*> tgt;
    // English: "threatened (today) to ...", not any later infinitive of purpose.
    // A demand has its addressee before "to" ("urged Iran to"); a refusal,
    // threat or promise takes "to" right away ("refused (today) to meet"):
    // "shunned work on Monday to protest" is a purpose.
    bool to_follows = false;
    for (std::uint32_t k = p.at + 1; k < std::min<std::uint32_t>(p.at + 7, static_cast<std::uint32_t>(tok.size())); ++k) {
      if (tok[k].fold == "to") {
        to_follows = true;
        break;
      }
      std::string_view f = tok[k].fold;
      // ("agreed in principle on Saturday to": words of a prepositional phrase.)
      bool in_pp_word = k > p.at + 1 && ((cls(k - 1) & kPrep) || ((cls(k - 1) & kDet) && k > p.at + 2 && (cls(k - 2) & kPrep)));
      bool filler = tok[k].kind != TokenKind::word || tok[k].upper || in_pp_word || (cls(k) & (kPrep | kNeg | kAdverb | kDet)) ||
                    (f.size() > 3 && f.substr(f.size() - 2) == "ly") || f == "today" || f == "yesterday" ||
                    f == "again" || f == "also" || f == "now" || f == "still";
      if (p.relation != Relation::REQUEST && !filler) break;
    }
    auto inner = [&](std::uint32_t token) {
      int kc = syn.clause_of[token];
      return (kc == p.clause && token > p.at && !de && to_follows) ||
             (kc != p.clause && governs(p.clause, kc));
    };
    // The first other actor of the act, with its conjuncts: "agreed to provide
    // aid for Romania and Poland", "drohte damit, Syrien anzugreifen",
    // "threatened to cut off electricity to ... Nakhichevan".
    // An accusation's target is the doer named as subject or object of the
    // reported act, not an actor in any phrase ("begrenzt auf die Untersuchung
    // von Rechtsverletzungen durch Israel" accuses the one who limits).
    bool accuse = p.relation == Relation::ACCUSE;
    for (std::size_t k = 0; k < ms.size() && tgt.empty(); ++k) {
      const Mention& m = ms[k];
      if (accuse && (!m.prep.empty() || m.genitive_attr || m.possessive)) continue;
      if (m.actor && m.first > p.at && inner(m.first) && !m.attribution &&
          m.how != Mention::first_person &&
          std::none_of(p.source.begin(), p.source.end(),
                       [&](const Mention* x) { return x->actor->code == m.actor->code; }))
        tgt = group_of(static_cast<int>(k));
    }
    if (tgt.empty()) continue;
    add_pairs(p.source, tgt, p.relation, p.status, p.trigger,
              p.rule + (accuse ? " + doer of the reported act" : " + target of the demanded act"), p.at);
  }

  // --- emit -------------------------------------------------------------------
  std::string evidence;
  if (!cands.empty()) {  // most sentences have no event: no evidence to write
    evidence.assign(text.substr(s.begin, s.end - s.begin));
    for (char& ch : evidence)
      if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    while (!evidence.empty() && evidence.back() == ' ') evidence.pop_back();
  }
  std::set<std::tuple<std::string, Relation, std::string, Status>> seen;
  auto ref_of = [&](const Mention& m, const Actor* a) {
    ActorRef r;
    r.id = a->id;
    r.code = a->code;
    r.type = a->type;
    r.name = m.text;
    return r;
  };
  auto token_text = [&](const Mention& m) {
    std::string out = "[";
    out += std::to_string(m.first);
    out += ',';
    out += std::to_string(m.last);
    out += ") ";
    out += m.text;
    return out;
  };
  for (const Candidate& k : cands) {
    std::vector<const Actor*> sa{k.source->actor}, ta{k.target->actor};
    if (k.source->how == Mention::pair && k.source->second) sa.push_back(k.source->second);
    if (k.target->how == Mention::pair && k.target->second) {
      if (k.source == k.target) {
        sa = {k.source->actor};
        ta = {k.source->second};
      } else {
        ta.push_back(k.target->second);
      }
    }
    for (const Actor* a : sa)
      for (const Actor* b : ta) {
        if (!a || !b || a->code == b->code) continue;
        std::string sid = a->id, tid = b->id;
        if (is_symmetric(k.relation) && tid < sid) std::swap(sid, tid);
        if (!seen.emplace(sid, k.relation, tid, k.status).second) continue;
        Event e;
        e.doc = doc.id;
        e.sentence = static_cast<std::uint32_t>(si);
        e.source = ref_of(*k.source, a);
        e.target = ref_of(*k.target, b);
        // A mutual relation has no direction: one canonical order, so that
        // "Russland und Nordkorea" and "Nordkorea und Russland" are one edge.
        if (is_symmetric(k.relation) && e.target.code < e.source.code) std::swap(e.source, e.target);
        e.relation = k.relation;
        e.status = k.status;
        e.trigger = k.trigger;
        e.evidence = evidence;
        e.attributed_to = attributed;
        e.date = doc.date;
        e.rule = k.rule;
        e.tokens = "source " + token_text(*k.source) + "; trigger " +
                   std::to_string(k.trigger_token) + " " + k.trigger + "; target " +
                   token_text(*k.target);
        out.push_back(std::move(e));
      }
  }

  // --- history for the next sentences ------------------------------------------
  for (const Mention& m : ms)
    if (m.actor && (m.how == Mention::name || m.how == Mention::adjective ||
                    m.how == Mention::compound))
      history.push_back(Antecedent{m.actor, m.how == Mention::name ? m.gender : '-', si, m.first});
    else if (m.actor && m.how == Mention::pronoun)
      history.push_back(Antecedent{m.actor, m.genders.empty() ? '-' : m.genders[0], si, m.first});
  if (history.size() > 64) history.erase(history.begin(), history.end() - 64);
}

void Extractor::add_lexicon(const fs::path& json_file) {
  // Also after a lexicon that fails half-way: what was added is in the tables.
  struct Reindex {
    Impl& impl;
    ~Reindex() { impl.reindex(); }
  } reindex{*impl_};
  std::ifstream in(json_file, std::ios::binary);
  if (!in) throw DataError("cannot open lexicon " + json_file.string());
  std::stringstream buf;
  buf << in.rdbuf();
  if (in.bad()) throw DataError("cannot read lexicon " + json_file.string());
  read_user_lexicon(buf.str(), json_file.string(), impl_->actors, impl_->triggers);
}

}  // namespace geokg

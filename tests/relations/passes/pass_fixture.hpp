// The extraction passes run one by one over sentences written for the tests,
// as Extractor::Impl::sentence_events runs them, keeping every pass's output
// so that a test can assert the output of the pass it is about.
#pragma once
#include <doctest/doctest.h>

#include "../../string_list.hpp"

#include <deque>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "geokg/error.hpp"
#include "geokg/input/document.hpp"
#include "geokg/resources.hpp"
#include "relations/passes/passes.hpp"
#include "relations/passes/trace.hpp"
#include "relations/token_index.hpp"

namespace passtest {
using namespace geokg;

// The shipped tables, loaded once for the test binary the way Extractor's
// constructor loads them.
struct Tables {
  std::filesystem::path dir = find_data_dir();
  ActorDictionary actors = ActorDictionary::load(dir);
  Grammar grammar_de = Grammar::load(dir / "grammar" / "de.tsv");
  Grammar grammar_en = Grammar::load(dir / "grammar" / "en.tsv");
  Transforms transforms = Transforms::load(dir / "transforms" / "transforms.tsv");
  TriggerLexicon triggers;
  TokenIndex index;
  Segmenter seg_de{Lang::de}, seg_en{Lang::en};

  Tables() {
    for (auto [file, lang] : {std::pair{"de.tsv", Lang::de}, std::pair{"en.tsv", Lang::en}}) {
      std::filesystem::path p = dir / "triggers" / file;
      std::ifstream in(p);
      if (!in) throw DataError("cannot open " + p.string());
      triggers.load(in, lang, p.string(), std::string("triggers/") + file);
    }
    index.build(grammar_de, grammar_en, triggers, actor_index());
  }
  // The only line that reaches into the dictionary's internals.
  const ActorIndex& actor_index() const { return index_of(actors); }
  const Grammar& grammar(Lang l) const { return l == Lang::en ? grammar_en : grammar_de; }
};

inline const Tables& tables() {
  static const Tables t;
  return t;
}

// The passes in their order; a Run stops after the one it is given.
enum class Pass {
  analysis,
  attribute,
  resolve_mentions,
  find_subjects,
  clause_moods,
  frames,
  transform,
  emit
};

// One sentence and every pass output for it.  It points into itself: built in
// place, never moved.
struct Run {
  Run(const Document& doc, Lang lang, const Sentence& s, std::size_t index, const Discourse& d,
      Pass last, Trace* trace)
      : sentence(s),
        text(std::string_view(doc.text).substr(s.begin, s.end - s.begin)),
        ctx{lang, tables().actor_index(), tables().grammar(lang), tables().triggers,
            &tables().index},
        syn(analyze_sentence(s, ctx)),
        view{s.tokens, syn, ctx, tables().transforms, index, lang != Lang::en, trace},
        discourse(d) {
    // As the extractor: a sentence without mentions is not read further.
    if (last == Pass::analysis || syn.mentions.empty()) return;
    said = attribute(view);
    if (last == Pass::attribute) return;
    resolve_mentions(view, said, discourse, resolved);
    if (last == Pass::resolve_mentions) return;
    find_subjects(view, resolved.mentions, roles);
    if (last == Pass::find_subjects) return;
    clause_moods(view, moods);
    if (last == Pass::clause_moods) return;
    for (std::size_t ci = 0; ci < syn.clauses.size(); ++ci) {
      verb_frames(inputs(), ci, nouns, verbs);
      noun_frames(inputs(), ci, verbs, nouns);
    }
    if (last == Pass::frames) return;
    transform(inputs(), resolved, verbs, nouns, cands);
    if (last == Pass::transform) return;
    emit(view, doc, text, said, cands, events);
  }
  Run(const Run&) = delete;
  Run& operator=(const Run&) = delete;

  FrameInputs inputs() const { return {view, resolved.mentions, roles, moods, discourse}; }
  const std::vector<Mention>& mentions() const { return resolved.mentions; }
  // The resolved mention written `text` (the first), or null.
  const Mention* mention(std::string_view written) const {
    for (const Mention& m : resolved.mentions)
      if (m.text == written) return &m;
    return nullptr;
  }
  // The first token written `form`.
  std::uint32_t token(std::string_view form) const {
    for (std::uint32_t i = 0; i < sentence.tokens.size(); ++i)
      if (sentence.tokens[i].form == form) return i;
    FAIL("no token " << std::string(form));
    return 0;
  }
  // The text of mention `k`, "-" for none.
  std::string text_of(int k) const {
    return k < 0 ? "-" : resolved.mentions[static_cast<std::size_t>(k)].text;
  }

  const Sentence& sentence;
  std::string_view text;
  AnalyzerContext ctx;
  SentenceSyntax syn;
  SentenceView view;
  Discourse discourse;  // as it was before this sentence
  Attribution said;
  Resolved resolved;
  std::vector<ClauseRoles> roles;
  std::vector<ClauseMood> moods;
  VerbFrames verbs;
  NounFrames nouns;
  std::vector<Candidate> cands;
  std::vector<Event> events;
};

// A small document: its sentences run in order, a Discourse carried across
// them as the extractor carries it.
struct Doc {
  Doc(std::string text, std::string lang, Pass last = Pass::emit, Trace* trace = nullptr) {
    doc.id = std::string("t");  // not a literal: GCC 12 warns (-Wrestrict) on inlining it
    doc.text = std::move(text);
    doc.lang = std::move(lang);
    Lang l = parse_lang(doc.lang);
    seg = (l == Lang::en ? tables().seg_en : tables().seg_de).segment(doc.text);
    if (trace) trace->document(doc.id, to_string(l), "given");
    for (const Sentence& s : seg.sentences) {
      if (trace) trace->sentence(runs.size(), doc.text.substr(s.begin, s.end - s.begin));
      const Run& r = runs.emplace_back(doc, l, s, runs.size(), discourse, last, trace);
      if (trace && r.syn.mentions.empty()) trace->no_mentions();
      if (last >= Pass::resolve_mentions)
        discourse.remember(r.resolved.mentions, runs.size() - 1);
      if (trace) trace->end_sentence();
    }
  }
  Doc(const Doc&) = delete;
  Doc& operator=(const Doc&) = delete;

  const Run& operator[](std::size_t i) const { return runs.at(i); }
  // The document's one sentence.
  const Run& only() const {
    REQUIRE(runs.size() == 1);
    return runs.front();
  }

  Document doc;
  SegmentedText seg;
  std::deque<Run> runs;  // a deque: a Run never moves
  Discourse discourse;   // after the last sentence
};

// A shipped actor by id ("TUR", "lavrov").
inline const Actor* actor(std::string_view id) {
  const Actor* a = tables().actors.find(id);
  REQUIRE(a);
  return a;
}

// "Türkei=TUR", "sie=?" for a side that resolved to no actor.
inline std::string side(const Mention* m) {
  return m->text + "=" + (m->actor ? m->actor->code : std::string("?"));
}

// The provenance without the row number, which moves when the data grow.
inline std::string frame_of(const Provenance& p) {
  Provenance q = p;
  q.entry.clear();
  return to_string(q);
}

// "Türkei=TUR ACCUSE Russland=RUS fact | verb frame"
inline std::string str(const Candidate& c) {
  return side(c.source) + " " + std::string(to_string(c.relation)) + " " + side(c.target) +
         " " + std::string(to_string(c.status)) + " | " + frame_of(c.provenance);
}
inline std::vector<std::string> strs(const std::vector<Candidate>& cs) {
  std::vector<std::string> out;
  for (const Candidate& c : cs) out.push_back(str(c));
  return out;
}

// "Frankreich=FRA THREATEN fact drohte"
inline std::string str(const Pending& p) {
  std::string out;
  for (const Mention* m : p.source) {
    if (!out.empty()) out += ',';
    out += side(m);
  }
  return out + " " + std::string(to_string(p.relation)) + " " +
         std::string(to_string(p.status)) + " " + p.trigger;
}

// "TUR ACCUSE RUS fact"
inline std::string str(const Event& e) {
  return e.source.code + " " + std::string(to_string(e.relation)) + " " + e.target.code + " " +
         std::string(to_string(e.status));
}
inline std::vector<std::string> strs(const std::vector<Event>& es) {
  std::vector<std::string> out;
  for (const Event& e : es) out.push_back(str(e));
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace passtest

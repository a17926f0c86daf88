// From a document to events: segment, analyse each sentence, then run the
// extraction passes (relations/passes/passes.hpp) over it in their order.
#include <algorithm>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <future>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <sstream>

#include "actors/actor_index.hpp"
#include "geokg/error.hpp"
#include "geokg/relations/extractor.hpp"
#include "relations/analysis/syntax.hpp"
#include "relations/passes/passes.hpp"
#include "relations/passes/trace.hpp"
#include "relations/grammar.hpp"
#include "relations/token_index.hpp"
#include "relations/transforms.hpp"
#include "relations/trigger_lexicon.hpp"
#include "relations/user_lexicon.hpp"

namespace geokg {
namespace fs = std::filesystem;

struct Extractor::Impl {
  ActorDictionary actors;
  TriggerLexicon triggers;
  Grammar grammar_de, grammar_en;
  Transforms transforms;
  Segmenter seg_de{Lang::de}, seg_en{Lang::en};
  TokenIndex index;  // the tables above merged; rebuilt when they change
  void reindex() { index.build(grammar_de, grammar_en, triggers, index_of(actors)); }
  // The parser of each language (data/models/LANG.syntax), read when a
  // sentence of it is first parsed; a language without one is read by the
  // clause heuristics alone.
  fs::path data_dir;
  std::unique_ptr<TreeModel> parsers[2];
  const TreeModel* tree_model(Lang l) const { return parsers[l == Lang::en ? 1 : 0].get(); }

  const Grammar& grammar(Lang l) const { return l == Lang::en ? grammar_en : grammar_de; }

  std::vector<Event> extract(const Document& doc, const std::function<void(std::string)>& warn,
                             Trace* trace) const;
  void sentence_events(const Document& doc, Lang lang, const Sentence& s, std::size_t si,
                       Discourse& discourse, Trace* trace, std::vector<Event>& out) const;
};

Extractor::Extractor(const fs::path& data_dir) : impl_(std::make_unique<Impl>()) {
  impl_->data_dir = data_dir;
  // The actor tables take as long to read as all the others together, and
  // every worker waits for the extractor: read them on a second thread.
  auto actors = std::async(std::launch::async, [&] { return ActorDictionary::load(data_dir); });
  impl_->grammar_de = Grammar::load(data_dir / "grammar" / "de.tsv");
  impl_->grammar_en = Grammar::load(data_dir / "grammar" / "en.tsv");
  impl_->transforms = Transforms::load(data_dir / "transforms" / "transforms.tsv");
  // en-cameo.tsv is converted from PETRARCH2's CAMEO dictionary and comes
  // after the curated tables; the converter leaves out what en.tsv already
  // says, so loading order only fixes the order of provenance entries.
  for (auto [file, lang] : {std::pair{"de.tsv", Lang::de}, std::pair{"en.tsv", Lang::en},
                            std::pair{"en-cameo.tsv", Lang::en}}) {
    fs::path p = data_dir / "triggers" / file;
    std::ifstream in(p);
    if (!in) throw DataError("cannot open " + p.string());
    // Provenance names the row relative to the data folder, wherever it is.
    impl_->triggers.load(in, lang, p.string(), std::string("triggers/") + file);
  }
  for (Lang l : {Lang::de, Lang::en}) {
    fs::path file = data_dir / "models" / (l == Lang::en ? "en.syntax" : "de.syntax");
    std::error_code ec;
    if (fs::exists(file, ec)) impl_->parsers[l == Lang::en ? 1 : 0] = std::make_unique<TreeModel>(file);
  }
  impl_->actors = actors.get();
  impl_->reindex();
}

Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

const ActorDictionary& Extractor::actors() const { return impl_->actors; }

std::vector<Event> Extractor::extract(const Document& doc) const {
  return impl_->extract(doc, {}, nullptr);
}

std::vector<Event> Extractor::extract(const Document& doc,
                                      const std::function<void(std::string)>& warn) const {
  return impl_->extract(doc, warn, nullptr);
}

std::vector<Event> extract_traced(const Extractor& ex, const Document& doc, Trace& trace) {
  return ex.impl_->extract(doc, {}, &trace);
}

std::vector<Event> Extractor::extract(const Document& doc,
                                      const std::function<void(std::string)>& warn,
                                      const std::function<void(const std::string&)>& trace) const {
  if (!trace) return impl_->extract(doc, warn, nullptr);
  Trace t(trace);
  return impl_->extract(doc, warn, &t);
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
                                            const std::function<void(std::string)>& warn,
                                            Trace* trace) const {
  Lang lang = parse_lang(doc.lang);
  std::string why = "given";
  if (lang == Lang::other && trace) {
    LanguageGuess guess = explain_language(doc.text);
    lang = guess.lang;
    why = std::move(guess.why);
  } else if (lang == Lang::other) {
    lang = detect_language(doc.text);
  }
  if (lang == Lang::other) lang = Lang::de, why += "; German by default";
  if (trace) trace->document(doc.id, lang == Lang::en ? "en" : "de", why);
  const Segmenter& seg = lang == Lang::en ? seg_en : seg_de;
  // Sentence by sentence: a long article never holds more than one
  // sentence's tokens.
  std::vector<Event> out;
  Discourse discourse;
  std::size_t si = 0;
  CutSentences cuts(warn);
  seg.for_each_sentence(doc.text, [&](const Sentence& s) {
    cuts.see(s, si);
    sentence_events(doc, lang, s, si++, discourse, trace, out);
  });
  cuts.end(si);
  return out;
}

namespace {

// The passes' outputs, per thread, so that their capacity carries over from
// sentence to sentence.
struct PassOutputs {
  Resolved resolved;
  std::vector<ClauseRoles> roles;
  std::vector<ClauseMood> moods;
  VerbFrames verbs;
  NounFrames nouns;
  std::vector<Candidate> cands;
};
[[gnu::noinline]] PassOutputs& thread_outputs() {
  thread_local PassOutputs outputs;
  return outputs;
}

}  // namespace

// Accusations and demands stated as facts, which a rejection in the next
// sentences may answer ("Y wies dies zurück").
void remember_claims(const std::vector<Candidate>& cands, std::size_t si, Discourse& discourse) {
  for (const Candidate& k : cands)
    if (k.status == Status::fact &&
        (k.relation == Relation::ACCUSE || k.relation == Relation::REQUEST) && k.source->actor &&
        k.target->actor && !k.source->stand_in() && !k.target->stand_in())
      discourse.remember_claim(*k.source, k.target->actor, si);
}

// Whether a German sentence reports speech, for the Konjunktiv II of the next.
// Only auxiliaries are looked up as Konjunktiv I: no cost on other words.
bool reports_speech(const Sentence& s, const SentenceSyntax& syn, const Grammar& g) {
  for (std::size_t k = 0; k < s.tokens.size() && k < syn.classes.size(); ++k) {
    const std::uint64_t c = syn.classes[k];
    if ((c & kSpeech) || ((c & kAux) && g.subjunctive(s.tokens[k].fold))) return true;
  }
  return false;
}

// The passes in their order (order::kPasses in passes.hpp, checked at compile
// time): each reads what the ones before it wrote.
void Extractor::Impl::sentence_events(const Document& doc, Lang lang, const Sentence& s,
                                      std::size_t si, Discourse& discourse, Trace* trace,
                                      std::vector<Event>& out) const {
  if (s.tokens.empty()) return;
  const std::string_view text = std::string_view(doc.text).substr(s.begin, s.end - s.begin);
  AnalyzerContext ctx{lang,     index_of(actors), grammar(lang),
                      triggers, &index,           tree_model(lang), parse_day(doc.date),
                      &discourse.named(),
                      discourse.reported()};
  SentenceSyntax& syn = thread_syntax();
  if (trace) trace->sentence(si, text);
  // Events and antecedents all come from mentions: a sentence without any
  // has nothing to contribute.
  const bool analysed = analyze_sentence(s, ctx, syn, true);
  discourse.set_reported(lang != Lang::en && reports_speech(s, syn, ctx.grammar));
  if (!analysed) {
    if (trace) trace->no_mentions(), trace->end_sentence();
    return;
  }
  if (trace && ctx.tree) trace->tree(s.tokens, syn.tree());
  const SentenceView v{s.tokens, syn, ctx, transforms, si, lang != Lang::en, trace};
  PassOutputs& o = thread_outputs();
  const Attribution said = attribute(v);
  resolve_mentions(v, said, discourse, o.resolved);
  find_subjects(v, o.resolved.mentions, o.roles);
  clause_moods(v, o.moods);
  const FrameInputs in{v, o.resolved.mentions, o.roles, o.moods, discourse};
  for (std::size_t ci = 0; ci < syn.clauses.size(); ++ci) {
    verb_frames(in, ci, o.nouns, o.verbs);
    noun_frames(in, ci, o.verbs, o.nouns);
  }
  transform(in, o.resolved, o.verbs, o.nouns, o.cands);
  emit(v, doc, text, said, o.cands, out);
  discourse.remember(o.resolved.mentions, si);
  remember_claims(o.cands, si, discourse);
  if (trace) trace->end_sentence();
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

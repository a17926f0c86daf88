// Transforms: the frames' candidates in token order, then the rewrites that
// need them all -- a judging verb retargeted to the doer of the event noun it
// judges, obligations reported by their demander, and pending demands given
// the target of the act demanded (a rejection of a claim made before: its
// author, from the discourse).  Reads the frames' outputs and the discourse's
// claims; writes a new candidate list.
#include <algorithm>

#include "relations/passes/passes.hpp"
#include "relations/passes/trace.hpp"

namespace geokg {
namespace {

// "verurteilte die Annexion der Krim durch Russland", "welcomed the
// withdrawal of Russian troops from Syria": a verb whose object is an event
// noun is about that event's doer, not its patient.
void retarget(const SentenceView& v, const std::vector<Candidate>& nouns,
              std::vector<Candidate>& cands) {
  for (Candidate& a : cands) {
    if (a.provenance.frame != Frame::verb || !v.in(RelationSet::evaluative, a.relation))
      continue;
    for (const Candidate& b : nouns)
      if (b.target == a.target && b.trigger_token > a.trigger_token &&
          b.trigger_token < a.target->first &&
          v.syn.clause_of[b.trigger_token] == v.syn.clause_of[a.trigger_token] &&
          b.source->actor && a.source->actor &&
          b.source->actor->code != a.source->actor->code) {
        a.target = b.source;
        a.provenance.steps.push_back({Step::doer_of_named_event});
        if (v.trace) v.trace->coded(a);
        break;
      }
  }
}

struct Obligations {
  const FrameInputs& in;
  const Resolved& r;
  std::vector<Candidate>& out;

  const SentenceView& v() const { return in.v; }
  // The one obliged: the last bare actor before "must" (English), or the subject.
  const Mention* obliged(std::uint32_t i, int ci) const {
    const Mention* found = nullptr;
    for (const Mention& m : in.ms)
      if (m.clause == ci && m.actor && m.first < i + (v().de ? 3 : 0) && m.prep.empty() &&
          !m.oblique && !m.genitive_attr && !m.possessive && !m.attribution)
        found = &m;
    return found;
  }
  const Mention* subject_before(std::uint32_t speech_at) const {
    const Mention* found = nullptr;
    for (const Mention& m : in.ms)
      if (m.actor && m.first < speech_at && m.prep.empty() && !m.oblique && !m.genitive_attr &&
          !m.possessive && !correlate(v(), m) && m.clause == v().syn.clause_of[speech_at])
        found = &m;
    return found;
  }
  const Mention* speaker_in(const Clause& c, std::uint32_t end) const {
    const Mention* d = nullptr;
    for (std::uint32_t k = c.first; k < end && !d; ++k)
      if (v().cls_has(k, kSpeech)) d = subject_before(k);
    return d;
  }
  const Mention* demander(int ci, const Mention& ob) const;
  void at(std::uint32_t i);
};

// The demander says it: the subject of the saying verb of this clause
// ("declared Tuesday that China must"), of the clause this one complements
// ("erklärte, dass die Türkei ... müsse"), or the reported speaker.
const Mention* Obligations::demander(int ci, const Mention& ob) const {
  const auto& cs = v().syn.clauses;
  const Clause& mc = cs[static_cast<std::size_t>(ci)];
  const Mention* d = speaker_in(mc, ob.first);
  if (!d && mc.type == Clause::sub && mc.governor >= 0) {
    const Clause& gc = cs[static_cast<std::size_t>(mc.governor)];
    d = speaker_in(gc, gc.last);
    if (!d) return nullptr;  // "es sagt viel aus, dass ... muss" is no demand
  }
  if (!d && r.speaker && mc.type != Clause::sub)
    for (const Mention& m : in.ms)
      if (m.actor == r.speaker) d = &m;
  // "issued a reminder to Iraq that it must cooperate": the subject of the
  // clause that introduces the that-clause.  (The clause's first bare actor:
  // its subject may have been taken from the that-clause when the matrix
  // verb is no trigger.)
  if (!d && !v().de)
    for (std::uint32_t k = mc.first; k < ob.first && !d; ++k)
      if (v().cls_has(k, kComplementizer))
        for (const Mention& m : in.ms)
          if (m.clause == ci && m.actor && m.first < k && m.prep.empty() && !m.possessive &&
              !m.attribution && m.how != Mention::pronoun) {
            d = &m;
            break;
          }
  return d;
}

// "X declared that Y must ...", "..., Y müsse ...": X demands of Y.
void Obligations::at(std::uint32_t i) {
  int ci = v().syn.clause_of[i];
  const Mention* ob = obliged(i, ci);
  if (!ob) return;
  const Mention* d = demander(ci, *ob);
  if (!d || !d->actor || d->actor->code == ob->actor->code) return;
  std::size_t before = out.size();
  add_pairs(out, {d}, {ob}, Relation::REQUEST, Status::fact, std::string(v().tok[i].form),
            provenance_of(Frame::obligation, {}), i);
  if (v().trace)
    for (std::size_t k = before; k < out.size(); ++k) v().trace->coded(out[k]);
}

// English "threatened (today) to ...", not any later infinitive of purpose: a
// demand has its addressee before "to" ("urged Iran to"); a refusal, threat
// or promise takes "to" right away ("refused (today) to meet"; "shunned work
// on Monday to protest" is a purpose).
bool to_follows(const SentenceView& v, const Pending& p) {
  const auto& tok = v.tok;
  std::uint32_t end = std::min<std::uint32_t>(p.at + 7, static_cast<std::uint32_t>(tok.size()));
  for (std::uint32_t k = p.at + 1; k < end; ++k) {
    if (v.cls_has(k, kInfMarker)) return true;
    std::string_view f = tok[k].fold;
    // ("agreed in principle on Saturday to": words of a prepositional phrase.)
    bool in_pp_word =
        k > p.at + 1 && (v.cls_has(k - 1, kPrep) ||
                         (v.cls_has(k - 1, kDet) && k > p.at + 2 && v.cls_has(k - 2, kPrep)));
    bool filler = tok[k].kind != TokenKind::word || tok[k].upper || in_pp_word ||
                  v.cls_has(k, kPrep | kNeg | kAdverb | kDet | kTimeFiller) || ly_adverb(f);
    if (p.relation != Relation::REQUEST && !filler) return false;
  }
  return false;
}

bool governs(const SentenceView& v, int outer, int inner) {
  const auto& cs = v.syn.clauses;
  for (int g = cs[static_cast<std::size_t>(inner)].governor; g >= 0;
       g = cs[static_cast<std::size_t>(g)].governor) {
    if (g == outer) return true;
    auto t = cs[static_cast<std::size_t>(g)].type;
    if (t != Clause::zu && t != Clause::purpose && t != Clause::sub) return false;
  }
  return false;
}

// "Die Ukraine wies dies zurück", "rejected the allegations": a rejection
// whose clause refers to a claim without naming who made it.
bool rejects_claim_made_before(const SentenceView& v, const Pending& p) {
  if (p.relation != Relation::REJECT) return false;
  for (std::uint32_t k = 0; k < v.tok.size(); ++k)
    if (v.syn.clause_of[k] == p.clause && v.grammar().claim_ref(v.tok[k].fold)) return true;
  return false;
}

// The target of a demand, threat or offer is the first other actor of the
// act it introduces, with its conjuncts ("agreed to provide aid for Romania
// and Poland", "drohte damit, Syrien anzugreifen").  An accusation's target
// is the doer named as subject or object of the reported act, not an actor
// in any phrase ("begrenzt auf die Untersuchung von Rechtsverletzungen durch
// Israel" accuses the one who limits).
void demanded_target(const SentenceView& v, const FrameInputs& in, const Pending& p,
                     std::vector<Candidate>& out) {
  const std::vector<Mention>& ms = in.ms;
  bool to = to_follows(v, p);
  auto inner = [&](std::uint32_t token) {
    int kc = v.syn.clause_of[token];
    return (kc == p.clause && token > p.at && !v.de && to) ||
           (kc != p.clause && governs(v, p.clause, kc));
  };
  bool accuse = p.relation == Relation::ACCUSE;
  Side tgt;
  for (std::size_t k = 0; k < ms.size() && tgt.empty(); ++k) {
    const Mention& m = ms[k];
    if (accuse && (!m.prep.empty() || m.genitive_attr || m.possessive)) continue;
    if (m.actor && m.first > p.at && inner(m.first) && !m.attribution &&
        m.how != Mention::first_person && !shares_code(p.source, m.actor))
      tgt = group_of(ms, static_cast<int>(k));
  }
  if (v.trace) v.trace->candidate(p.at, p.trigger, "pending", p.provenance.entry);
  Step step = accuse ? Step::doer_of_reported_act : Step::target_of_demanded_act;
  if (tgt.empty() && rejects_claim_made_before(v, p))
    if (const Mention* a = in.discourse.claim_author(p.source, v.index)) {
      tgt = {a};
      step = Step::author_of_claim;
    }
  if (tgt.empty()) {
    if (v.trace) v.trace->drop(Drop::no_demanded_target);
    return;
  }
  Provenance why = p.provenance;
  why.steps.push_back({step});
  std::size_t before = out.size();
  add_pairs(out, p.source, tgt, p.relation, p.status, p.trigger, why, p.at);
  if (v.trace)
    for (std::size_t k = before; k < out.size(); ++k) v.trace->coded(out[k]);
}

}  // namespace

void transform(const FrameInputs& in, const Resolved& r, const VerbFrames& verbs,
               const NounFrames& nouns, std::vector<Candidate>& out) {
  const SentenceView& v = in.v;
  out.clear();
  out.reserve(verbs.cands.size() + nouns.cands.size());
  // A token is a verb or a noun, never both: merging by token restores the
  // order in which the clause was read.
  std::merge(verbs.cands.begin(), verbs.cands.end(), nouns.cands.begin(), nouns.cands.end(),
             std::back_inserter(out), [](const Candidate& a, const Candidate& b) {
               return a.trigger_token < b.trigger_token;
             });
  retarget(v, nouns.cands, out);
  Obligations ob{in, r, out};
  for (std::uint32_t i = 0; i < v.tok.size(); ++i)
    if (v.cls_has(i, kObligation)) ob.at(i);
  for (const Pending& p : verbs.pending) demanded_target(v, in, p, out);
}

}  // namespace geokg

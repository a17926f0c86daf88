// Emit: each candidate's pairs of actors (a pair description gives two) as
// events with their evidence, deduplicated within the sentence; a private
// person is a side only as the target of an act done to persons.  Reads the
// candidates and the attribution; appends to the document's events.
#include <set>
#include <tuple>

#include "geokg/input/document.hpp"
#include "relations/passes/passes.hpp"
#include "relations/passes/trace.hpp"

namespace geokg {
namespace {

ActorRef ref_of(const Mention& m, const Actor* a) {
  ActorRef r;
  r.id = a->id;
  r.code = a->code;
  r.type = a->type;
  r.name = m.text;
  return r;
}

std::string token_text(const Mention& m) {
  std::string out = "[";
  out += std::to_string(m.first);
  out += ',';
  out += std::to_string(m.last);
  out += ") ";
  out += m.text;
  return out;
}

// The sentence as evidence: one line, no trailing blanks.
std::string evidence_of(std::string_view text) {
  std::string e(text);
  for (char& ch : e)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  while (!e.empty() && e.back() == ' ') e.pop_back();
  return e;
}

// The actors on each side: a pair description names two.
void actors_of(const Candidate& k, std::vector<const Actor*>& sa,
               std::vector<const Actor*>& ta) {
  sa = {k.source->actor};
  ta = {k.target->actor};
  if (k.source->how == Mention::pair && k.source->second) sa.push_back(k.source->second);
  if (k.target->how == Mention::pair && k.target->second) {
    if (k.source == k.target && !is_symmetric(k.relation)) {
      // "Beide Länder beschuldigen sich gegenseitig": each accuses the other.
      sa = {k.source->actor, k.source->second};
      ta = sa;
    } else if (k.source == k.target) {
      sa = {k.source->actor};
      ta = {k.source->second};
    } else {
      ta.push_back(k.target->second);
    }
  }
}

std::string_view code_or_unknown(const Actor* a) {
  return a ? std::string_view(a->code) : std::string_view("?");
}

// A private person acts for no state; arrested, killed or released, they
// stand for theirs (GUIDELINES: citizens, hostages, journalists).  The
// frames still take them as sides, so that a verb whose subject or object
// is a private person does not reach for another actor instead.
bool private_side(const SentenceView& v, const Candidate& k) {
  return k.source->private_person ||
         (k.target->private_person && !v.in(RelationSet::on_citizens, k.relation));
}

// A state's territory ("ein nordirakisches Dorf") is attacked, occupied or
// threatened, and does nothing itself (GUIDELINES: strikes on villages).
bool territory_side(const SentenceView& v, const Candidate& k) {
  return k.source->territory ||
         (k.target->territory && !v.in(RelationSet::on_territory, k.relation));
}

}  // namespace

void emit(const SentenceView& v, const Document& doc, std::string_view sentence_text,
          const Attribution& said, const std::vector<Candidate>& cands,
          std::vector<Event>& out) {
  if (cands.empty()) return;  // most sentences have no event: no evidence to write
  const std::string evidence = evidence_of(sentence_text);
  std::set<std::tuple<std::string, Relation, std::string, Status>> seen;
  std::vector<const Actor*> sa, ta;
  for (const Candidate& k : cands) {
    if (private_side(v, k)) {
      if (v.trace)
        v.trace->pair_dropped(code_or_unknown(k.source->actor), k.relation,
                              code_or_unknown(k.target->actor), Drop::private_person);
      continue;
    }
    if (territory_side(v, k)) {
      if (v.trace)
        v.trace->pair_dropped(code_or_unknown(k.source->actor), k.relation,
                              code_or_unknown(k.target->actor), Drop::territory);
      continue;
    }
    actors_of(k, sa, ta);
    for (const Actor* a : sa)
      for (const Actor* b : ta) {
        // (Every side has an actor: the frames take only resolved mentions.)
        if (!a || !b || a->code == b->code) {
          if (v.trace)
            v.trace->pair_dropped(code_or_unknown(a), k.relation, code_or_unknown(b),
                                  Drop::same_actor);
          continue;
        }
        std::string sid = a->id, tid = b->id;
        if (is_symmetric(k.relation) && tid < sid) std::swap(sid, tid);
        if (!seen.emplace(sid, k.relation, tid, k.status).second) {
          if (v.trace) v.trace->pair_dropped(a->code, k.relation, b->code, Drop::duplicate);
          continue;
        }
        Event e;
        e.doc = doc.id;
        e.sentence = static_cast<std::uint32_t>(v.index);
        const Mention* sm = k.source;
        const Mention* tm = k.target;
        e.source = ref_of(*sm, a);
        e.target = ref_of(*tm, b);
        // A mutual relation has no direction: one canonical order, so that
        // "Russland und Nordkorea" and "Nordkorea und Russland" are one edge.
        if (is_symmetric(k.relation) && e.target.code < e.source.code) {
          std::swap(e.source, e.target);
          std::swap(sm, tm);
        }
        e.relation = k.relation;
        e.status = k.status;
        e.trigger = k.trigger;
        e.evidence = evidence;
        e.attributed_to = said.text;
        e.date = doc.date;
        e.provenance = k.provenance;
        e.tokens = "source " + token_text(*sm) + "; trigger " +
                   std::to_string(k.trigger_token) + " " + k.trigger + "; target " +
                   token_text(*tm);
        if (v.trace) v.trace->event(e.source.code, e.relation, e.target.code, e.status);
        out.push_back(std::move(e));
      }
  }
}

}  // namespace geokg

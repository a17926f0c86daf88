#include "relations/passes/sentence.hpp"

#include <algorithm>
#include <functional>

namespace geokg {

int index_in(const std::vector<Mention>& ms, const Mention* m) {
  // std::less orders any two pointers, which the built-in < does not.
  const std::less<const Mention*> before;
  if (ms.empty() || before(m, ms.data()) || !before(m, ms.data() + ms.size())) return -1;
  return static_cast<int>(m - ms.data());
}

Side group_of(const std::vector<Mention>& ms, int lead) {
  Side out;
  if (lead < 0) return out;
  int gl = ms[static_cast<std::size_t>(lead)].group;
  for (const Mention& m : ms)
    if (m.group == gl && m.actor) out.push_back(&m);
  return out;
}

void add_pairs(std::vector<Candidate>& out, const Side& src, const Side& tgt, Relation rel,
               Status st, const std::string& trigger, const Provenance& why, std::uint32_t at) {
  for (const Mention* a : src)
    for (const Mention* b : tgt) {
      if (a == b && !(a->how == Mention::pair && a->second)) continue;
      out.push_back(Candidate{a, b, rel, st, trigger, why, at});
    }
}

Provenance provenance_of(Frame f, const std::string& entry, std::vector<AppliedStep> steps) {
  Provenance p;
  p.frame = f;
  p.entry = entry;
  p.steps = std::move(steps);
  return p;
}

bool backer_name(const SentenceView& v, const Mention& m) {
  if (v.de || m.how != Mention::compound || m.head < 0) return false;
  const auto h = static_cast<std::size_t>(m.head);
  return h + 1 < v.tok.size() && v.syn.verb[h] && !v.cls_has(h, kLedBy) && !v.syn.noun[h];
}

bool conditioned(const SentenceView& v, std::size_t ci, std::uint32_t at) {
  const auto& cs = v.syn.clauses;
  const Clause& c = cs[ci];
  for (std::uint32_t k = at + 1; k < c.last; ++k)
    if (v.cls_has(k, kSubCond)) return true;
  for (const Clause& o : cs)
    if (o.type == Clause::cond && o.governor == static_cast<int>(ci)) return true;
  return ci > 0 && cs[ci - 1].type == Clause::cond;  // "Falls ..., könnte X"
}

bool other_group_named(const std::vector<Mention>& ms, const Side& src, std::size_t ci) {
  return std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
    return m.clause == static_cast<int>(ci) && m.actor && m.actor->type == ActorType::group &&
           std::find(src.begin(), src.end(), &m) == src.end();
  });
}

Side place_target(const std::vector<Mention>& ms, const Side& src, std::size_t ci) {
  if (other_group_named(ms, src, ci)) return {};
  for (std::size_t k = 0; k < ms.size(); ++k) {
    const Mention& m = ms[k];
    if (m.clause != static_cast<int>(ci) || m.prep != "in" || !m.actor ||
        m.actor->type != ActorType::state || m.group != static_cast<int>(k))
      continue;
    if (!shares_code(src, m.actor)) return group_of(ms, static_cast<int>(k));
  }
  return {};
}

bool event_noun_of(const SentenceView& v, std::uint32_t t, Relation r) {
  const auto* entries = t < v.syn.noun.size() ? v.syn.noun[t] : nullptr;
  return entries && std::any_of(entries->begin(), entries->end(), [&](std::uint32_t e) {
           return v.triggers().at(e).relation == r;
         });
}

std::string_view role_name(const Role& r) {
  switch (r.kind) {
    case Role::subj:
      return "subject";
    case Role::obj:
      return "object";
    case Role::gen:
      return "genitive";
    case Role::prep:
      return r.word;
  }
  return "?";
}

bool sentence_start(const std::vector<Token>& tok, std::uint32_t i) {
  return i == 0 || (tok[i - 1].kind == TokenKind::punct &&
                    (tok[i - 1].form == "\"" || tok[i - 1].form == ":"));
}

bool ly_adverb(std::string_view fold) {
  return fold.size() > 3 && fold.substr(fold.size() - 2) == "ly";
}

bool shares_code(const Side& side, const Actor* a) {
  return a && std::any_of(side.begin(), side.end(), [&](const Mention* x) {
           return x->actor && x->actor->code == a->code;
         });
}

namespace {
bool modifies_trigger(const SentenceView& v, const Mention& m) {
  return (m.how == Mention::compound || m.how == Mention::adjective) && m.head >= 0 &&
         v.syn.noun[static_cast<std::size_t>(m.head)];
}
}  // namespace

bool bare(const SentenceView& v, const Mention& m) {
  return m.prep.empty() && !m.oblique && !m.genitive_attr && !m.attribution && !m.possessive &&
         !modifies_trigger(v, m);
}

bool object_np(const SentenceView& v, const Mention& m) {
  return m.prep.empty() && !m.genitive_attr && !m.attribution && !m.possessive &&
         !modifies_trigger(v, m);
}

bool correlate(const SentenceView& v, const Mention& m) {
  const auto& tok = v.tok;
  if (m.how != Mention::pronoun || !v.cls_has(m.first, kCorrelate)) return false;
  std::size_t next = static_cast<std::size_t>(m.clause) + 1;
  if (next >= v.syn.clauses.size()) return false;
  const Clause& n = v.syn.clauses[next];
  std::uint32_t f = n.first;
  while (f < n.last && tok[f].kind != TokenKind::word) ++f;
  return n.type == Clause::zu || (f < n.last && v.cls_has(f, kComplementizer));
}

}  // namespace geokg

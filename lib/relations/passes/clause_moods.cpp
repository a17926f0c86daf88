// Clause moods: the status a clause gives the events in it -- negated by its
// own negation or a denying verb above a dass-clause ("bestritt, dass ...")
// or a zu-infinitive ("bestritt, ... zu haben"),
// hypothetical by a modal, an intent, a question, willingness, intent or a
// decision above a zu-infinitive ("plant, ... anzugreifen", "beschloss, ...
// zu verhängen"), or fear above a
// complement ("befürchtet, dass ...").  Reads the analysis;
// writes ClauseMood per clause.  What a demand above a clause does is read
// with the frames, which know the demand.
#include "relations/passes/passes.hpp"

namespace geokg {

void clause_moods(const SentenceView& v, std::vector<ClauseMood>& out) {
  const auto& cs = v.syn.clauses;
  out.assign(cs.size(), ClauseMood{});
  for (std::size_t ci = 0; ci < cs.size(); ++ci) {
    const Clause& c = cs[ci];
    const Clause* gov = c.governor >= 0 ? &cs[static_cast<std::size_t>(c.governor)] : nullptr;
    ClauseMood& m = out[ci];
    m.complement = c.type == Clause::sub && c.first < v.tok.size();
    std::uint32_t first = c.first;
    while (first < c.last && v.tok[first].kind != TokenKind::word) ++first;
    m.dass = first < c.last && v.cls_has(first, kComplementizer);
    // "bestritt, dass ...", and "bestreitet, ... angegriffen zu haben".
    m.negated = c.negated || (gov && gov->neg_complement &&
                              ((m.dass && m.complement) || c.type == Clause::zu));
    m.neg_to = c.neg_to;
    m.hypothetical =
        c.hypothetical || c.intent || v.syn.question ||
        (gov && c.type == Clause::zu && (gov->hypothetical || gov->willing || gov->intent ||
                                               gov->decision)) ||
        (gov && gov->feared >= 0 && (m.complement || c.type == Clause::zu));
  }
}

}  // namespace geokg

// Coordination: mentions joined by a coordinator or a list of commas form a
// group ("die USA und ihre Verbündeten in Südkorea und Japan", "Frankreich,
// Deutschland und Polen"); later conjuncts take the first one's preposition
// and case.
//
// Reads: the tokens; syn.classes; the mentions' how, head, np_first, last,
//        prep; ctx.grammar (actor heads, besides and also words).
// Writes: mentions: group; prep, oblique, genitive_attr, attribution of the
//         later conjuncts.
#include <algorithm>

#include "relations/analysis/units.hpp"
#include "relations/analysis/word_shape.hpp"

namespace geokg {

using namespace analysis;  // word_shape.hpp

namespace {

enum class Link { none, comma, coordinator };

// English puts a compound's head last: the head of "Israeli peace movement"
// is movement, the last of the lower-case content words from `first` on
// (before `limit`).  German compounds are one word: `first` itself.
std::uint32_t compound_head(const AnalysisView& v, std::uint32_t first, std::uint32_t limit) {
  std::uint32_t h = first;
  if (v.de) return h;
  while (h + 1 < limit && is_word(v.tok[h + 1]) && !v.tok[h + 1].upper &&
         no_function_class(v.cls(h + 1)))
    ++h;
  return h;
}

// How the mentions `a` and `b` (the next one) are joined.
Link link(const AnalysisView& v, const Mention& a, const Mention& b) {
  const auto& tok = v.tok;
  const Grammar& g = v.ctx.grammar;
  // An adjective joins only as the state of a person or institution ("Syria
  // and Palestinian leader Yasser Arafat"), not as a modifier of a thing.
  // Two adjectives on one noun are two actors of one kind ("eine norwegische
  // und eine chinesische Geisel").
  bool adjective_actor = b.how == Mention::adjective && b.head >= 0 &&
                         (g.actor_head(tok[static_cast<std::size_t>(b.head)].fold) ||
                          (a.how == Mention::adjective && a.head == b.head));
  // "EU-Türkei-Gipfel": two names of one compound.
  if (a.how == Mention::compound && b.how == Mention::compound && a.head == b.head &&
      a.last + 1 == b.first)
    return Link::coordinator;
  if (b.how == Mention::pronoun || b.how == Mention::first_person ||
      a.how == Mention::pronoun || a.how == Mention::first_person ||
      (b.how == Mention::adjective && !adjective_actor) || b.np_first < a.last)
    return Link::none;
  bool saw_coord = false, saw_comma = false;
  // "Israeli officials and the PLO": after an adjective, from its person or
  // institution noun on.
  std::uint32_t from = a.last;
  if ((a.how == Mention::adjective || a.how == Mention::compound) && a.head >= 0 &&
      static_cast<std::uint32_t>(a.head) >= a.last &&
      static_cast<std::uint32_t>(a.head) < b.np_first) {
    const std::uint32_t h = compound_head(v, static_cast<std::uint32_t>(a.head), b.np_first);
    if (g.actor_head(tok[h].fold)) from = h + 1;
  }
  for (std::uint32_t t = from; t < b.np_first; ++t) {
    std::uint64_t c = v.cls(t);
    if (c & kCoord) saw_coord = true;
    else if (is_punct(tok[t], ",")) saw_comma = true;
    else if (c & (kDet | kDetOblique | kPoss | kAlly)) continue;
    // "ihre Verbündeten in Südkorea", "allies like Japan".
    else if ((tok[t].fold == "in" || (c & kComparison)) && t > a.last && (v.cls(t - 1) & kAlly))
      continue;
    else return Link::none;
  }
  return saw_coord ? Link::coordinator : saw_comma ? Link::comma : Link::none;
}

Link link_at(const AnalysisView& v, const std::vector<Mention>& mentions, std::size_t k) {
  return link(v, mentions[k], mentions[k + 1]);
}

// "mit Kanzler Faymann, der EU-Außenbeauftragten Mogherini und den
// Regierungschefs der Region": a list after a preposition that a coordinator
// closes with a phrase naming no actor.
bool closed_by_other(const AnalysisView& v, const std::vector<Mention>& mentions,
                     std::size_t lo, std::size_t j) {
  const Mention& last = mentions[j];
  std::uint32_t t = last.last;
  if (mentions[lo].prep.empty() || t + 1 >= v.n || !(v.cls(t) & kCoord)) return false;
  if (j + 1 < mentions.size() && mentions[j + 1].np_first <= t + 2) return false;
  return (v.cls(t + 1) & (kDet | kDetOblique)) != 0;
}

// A comma joins only a list that a coordinator closes, or a run of three or
// more bare names ("to Iran, Libya, North Korea, Sudan, and ..."): the comma
// between mentions k - 1 and k.
bool comma_joins(const AnalysisView& v, const std::vector<Mention>& mentions, std::size_t k) {
  std::size_t j = k, lo = k - 1;
  while (j + 1 < mentions.size() && link_at(v, mentions, j) == Link::comma) ++j;
  while (lo > 0 && link_at(v, mentions, lo - 1) == Link::comma) --lo;
  bool names = j - lo >= 2;
  for (std::size_t q = lo; q <= j && names; ++q)
    names = mentions[q].how == Mention::name &&
            (mentions[q].np_first == mentions[q].first ||
             (mentions[q].np_first + 1 == mentions[q].first &&
              (v.cls(mentions[q].np_first) & kPrep)));
  return names || (j + 1 < mentions.size() && link_at(v, mentions, j) == Link::coordinator) ||
         closed_by_other(v, mentions, lo, j);
}

// "Neben Ägypten kritisierte auch Saudi-Arabien den Iran", "Russland hat
// neben Syrien auch den Irak angegriffen": the actors after neben join the
// phrase after auch, in whatever role it has.
void join_besides(const AnalysisView& v, std::vector<Mention>& mentions) {
  for (const Mention& y : mentions) {
    if (y.np_first == 0 || !v.ctx.grammar.also(v.tok[y.np_first - 1].fold)) continue;
    const auto before = std::find_if(mentions.begin(), mentions.end(), [&](const Mention& x) {
      return v.ctx.grammar.besides(x.prep) && x.last < y.np_first;
    });
    if (before == mentions.end()) continue;
    const int joined = before->group;
    for (Mention& x : mentions)
      if (x.group == joined) {
        x.group = y.group;
        x.prep = y.prep;
        x.oblique = y.oblique;
        x.genitive_attr = y.genitive_attr;
        x.attribution = y.attribution;
      }
    return;
  }
}

}  // namespace

void find_coordination(const Sentence& s, const AnalyzerContext& ctx, const SentenceSyntax& syn,
                       std::vector<Mention>& mentions) {
  const AnalysisView v{s, ctx, syn};
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    Mention& b = mentions[k];
    b.group = static_cast<int>(k);
    if (k == 0) continue;
    Mention& a = mentions[k - 1];
    Link l = link_at(v, mentions, k - 1);
    if (l == Link::comma && !comma_joins(v, mentions, k)) l = Link::none;
    bool joined = l != Link::none;
    // The preposition before "in" after an ally noun is that of the ally NP.
    const Mention& lead = mentions[static_cast<std::size_t>(a.group)];
    if (!b.prep.empty() && b.prep != "in" && b.prep != lead.prep) joined = false;
    if (joined) {
      b.group = a.group;
      if (b.prep.empty() || b.prep == "in") {
        b.prep = lead.prep;
        b.oblique = lead.oblique;
        b.genitive_attr = lead.genitive_attr;
        b.attribution = lead.attribution;
      }
    }
  }
  if (v.de) join_besides(v, mentions);
}

}  // namespace geokg

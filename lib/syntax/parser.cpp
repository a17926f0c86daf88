#include "syntax/parser.hpp"

#include <algorithm>
#include <limits>

namespace geokg::syntax {

void ParserState::start(int words) {
  n = words;
  stack.clear();
  b0 = 0;
  auto size = static_cast<std::size_t>(words + 1);
  head.assign(size, -1);
  label.assign(size, -1);
  l1.assign(size, -1);
  l2.assign(size, -1);
  r1.assign(size, -1);
  r2.assign(size, -1);
  lval.assign(size, 0);
  rval.assign(size, 0);
  lset.assign(size, 0);
  rset.assign(size, 0);
}

void ParserState::attach(int h, int d, int l) {
  auto H = static_cast<std::size_t>(h);
  head[static_cast<std::size_t>(d)] = h;
  label[static_cast<std::size_t>(d)] = l;
  std::uint64_t bit = std::uint64_t{1} << (l % 64);
  if (d < h) {
    if (l1[H] < 0 || d < l1[H]) { l2[H] = l1[H]; l1[H] = d; }
    else if (l2[H] < 0 || d < l2[H]) l2[H] = d;
    if (lval[H] < 255) ++lval[H];
    lset[H] |= bit;
  } else {
    if (r1[H] < 0 || d > r1[H]) { r2[H] = r1[H]; r1[H] = d; }
    else if (r2[H] < 0 || d > r2[H]) r2[H] = d;
    if (rval[H] < 255) ++rval[H];
    rset[H] |= bit;
  }
}

void ParserState::apply(int t) {
  if (t == 0) {
    stack.push_back(b0++);
    return;
  }
  int s0 = stack.back();
  stack.pop_back();
  int l = (t - 1) / 2;
  if (t % 2) attach(b0, s0, l);
  else attach(stack.back(), s0, l);
}

namespace {

constexpr std::uint64_t kNoWord = 0x1234, kRootWord = 0x4321;
constexpr std::uint64_t kNoTag = 200, kRootTag = 201;

struct Slot {
  std::uint64_t w = kNoWord, p = kNoTag, x = kNoTag, m = kNoTag, l = kNoTag;
};

int distance_bucket(int d) {
  if (d <= 4) return d;
  if (d <= 6) return 5;
  if (d <= 10) return 6;
  return 7;
}

}  // namespace

void parser_features(const std::vector<WordFeatures>& w, const Tagged& tags, bool morph,
                     const ParserState& s, std::vector<std::uint64_t>& out) {
  out.clear();
  auto slot = [&](int i) {
    Slot x;
    if (i < 0) return x;
    if (i >= s.n) {
      if (i == s.n) { x.w = kRootWord; x.p = kRootTag; x.x = kRootTag; x.m = kRootTag; }
      return x;
    }
    auto u = static_cast<std::size_t>(i);
    x.w = w[u].lower;
    x.p = static_cast<std::uint64_t>(tags.upos[u]);
    x.m = morph ? tags.morph[u] : 0;
    x.x = tags.xpos.empty() ? 0 : tags.xpos[u];
    x.l = s.label[u] < 0 ? kNoTag : static_cast<std::uint64_t>(s.label[u]);
    return x;
  };
  auto st = [&](std::size_t k) { return s.stack.size() > k ? s.stack[s.stack.size() - 1 - k] : -1; };
  const int i0 = st(0), i1 = st(1), i2 = st(2);
  auto child = [&](const std::vector<int>& v, int i) { return i < 0 ? -1 : v[static_cast<std::size_t>(i)]; };
  Slot s0 = slot(i0), s1 = slot(i1), s2 = slot(i2);
  Slot b0 = slot(s.b0), b1 = slot(s.b0 + 1 <= s.n - 1 ? s.b0 + 1 : -1),
       b2 = slot(s.b0 + 2 <= s.n - 1 ? s.b0 + 2 : -1);
  Slot s0l1 = slot(child(s.l1, i0)), s0l2 = slot(child(s.l2, i0)), s0r1 = slot(child(s.r1, i0)),
       s0r2 = slot(child(s.r2, i0)), b0l1 = slot(child(s.l1, s.b0)),
       b0l2 = slot(child(s.l2, s.b0)), s1l1 = slot(child(s.l1, i1)),
       s1r1 = slot(child(s.r1, i1));
  std::uint64_t n = 0;
  auto f = [&](std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
    out.push_back(feature(n++, a, b, c));
  };
  // Single words.
  f(s0.w); f(s0.p); f(s0.w, s0.p); f(s1.w); f(s1.p); f(s1.w, s1.p); f(s2.p); f(s2.w, s2.p);
  f(b0.w); f(b0.p); f(b0.w, b0.p); f(b1.w); f(b1.p); f(b1.w, b1.p); f(b2.w); f(b2.p);
  // Pairs.
  f(combine(s0.w, s0.p), combine(b0.w, b0.p)); f(combine(s0.w, s0.p), b0.w);
  f(s0.w, combine(b0.w, b0.p)); f(combine(s0.w, s0.p), b0.p); f(s0.p, combine(b0.w, b0.p));
  f(s0.w, b0.w); f(s0.p, b0.p); f(b0.p, b1.p); f(s0.p, s1.p); f(s0.w, s1.w);
  f(combine(s1.w, s1.p), s0.p); f(s1.p, combine(s0.w, s0.p)); f(s1.p, b0.p); f(s1.w, b0.w);
  // Triples.
  f(b0.p, b1.p, b2.p); f(s0.p, b0.p, b1.p); f(s1.p, s0.p, b0.p); f(s2.p, s1.p, s0.p);
  f(s0.p, s0l1.p, b0.p); f(s0.p, s0r1.p, b0.p); f(s0.p, b0.p, b0l1.p); f(s1.p, s1r1.p, s0.p);
  f(s1.p, s1l1.p, s0.p); f(s1.p, s0.p, s0r1.p); f(s0.w, b0.p, b1.p); f(s0.p, b0.w, b1.p);
  // Distance and valency.
  const std::uint64_t d = i0 < 0 ? 9 : (s.b0 == s.n ? 8 : distance_bucket(s.b0 - i0));
  f(s0.w, d); f(s0.p, d); f(b0.w, d); f(b0.p, d); f(s0.p, b0.p, d);
  const std::uint64_t s0vl = i0 < 0 ? 99 : s.lval[static_cast<std::size_t>(i0)],
                      s0vr = i0 < 0 ? 99 : s.rval[static_cast<std::size_t>(i0)],
                      b0vl = s.lval[static_cast<std::size_t>(s.b0)];
  f(s0.w, s0vr); f(s0.p, s0vr); f(s0.w, s0vl); f(s0.p, s0vl); f(b0.w, b0vl); f(b0.p, b0vl);
  // Children.
  f(s0l1.w); f(s0l1.p); f(s0l1.l); f(s0r1.w); f(s0r1.p); f(s0r1.l); f(b0l1.w); f(b0l1.p);
  f(b0l1.l); f(s0l2.w); f(s0l2.p); f(s0l2.l); f(s0r2.w); f(s0r2.p); f(s0r2.l); f(b0l2.w);
  f(b0l2.p); f(b0l2.l); f(s0.p, s0l1.l, s0l2.l); f(s0.p, s0r1.l, s0r2.l);
  f(b0.p, b0l1.l, b0l2.l); f(s1r1.p, s1r1.l); f(s1l1.l, s1.p);
  // Label sets.
  const std::uint64_t s0ls = i0 < 0 ? 0 : s.lset[static_cast<std::size_t>(i0)],
                      s0rs = i0 < 0 ? 0 : s.rset[static_cast<std::size_t>(i0)],
                      b0ls = s.lset[static_cast<std::size_t>(s.b0)];
  f(s0.w, s0ls); f(s0.p, s0ls); f(s0.w, s0rs); f(s0.p, s0rs); f(b0.w, b0ls); f(b0.p, b0ls);
  // What lies between s0 and b0: a comma or a verb there separates clauses.
  int commas = 0, verbs = 0;
  if (i0 >= 0)
    for (int k = i0 + 1; k < s.b0; ++k) {
      Upos u = tags.upos[static_cast<std::size_t>(k)];
      commas += u == Upos::PUNCT;
      verbs += u == Upos::VERB || u == Upos::AUX;
    }
  const std::uint64_t between = static_cast<std::uint64_t>(std::min(commas, 2) * 3 + std::min(verbs, 2));
  f(s0.p, b0.p, between); f(s0.w, between); f(b0.w, between); f(s1.p, s0.p, between);
  // Fine tags: finite verb or participle, relative pronoun or article.
  f(s0.x); f(s1.x); f(b0.x); f(b1.x); f(s0.x, b0.x); f(s1.x, s0.x); f(s0.x, b0.x, b1.x);
  f(s1.x, s0.x, b0.x); f(s0.w, b0.x); f(s0.x, b0.w); f(s0.x, s0l1.x, s0r1.x); f(b0.x, b0l1.x);
  f(s2.x, s1.x, s0.x);
  if (!morph) return;
  // Case, gender and number: who is subject and who object in German.
  f(s0.m); f(b0.m); f(s1.m); f(s0.m, b0.m); f(combine(s0.p, s0.m), combine(b0.p, b0.m));
  f(s1.m, s0.m); f(s0.m, b0.w); f(s0.m, s0.p, b0.p); f(s0.m, s1.w); f(s0l1.m, s0.m);
}

int transition_cost(const ParserState& s, int t, const std::vector<int>& gh,
                    const std::vector<int>& gl) {
  const auto& st = s.stack;
  auto H = [&](int i) { return gh[static_cast<std::size_t>(i)]; };
  int cost = 0;
  if (t == 0) {
    // b0 loses its dependents in the stack and a head below s0.
    for (std::size_t k = 0; k < st.size(); ++k) {
      int x = st[k];
      if (H(x) == s.b0 && s.head[static_cast<std::size_t>(x)] < 0) ++cost;
      if (k + 1 < st.size() && H(s.b0) == x) ++cost;
    }
    return cost;
  }
  const int s0 = st.back();
  // s0 loses its dependents still in the buffer.
  for (int k = s.b0; k < s.n; ++k)
    if (H(k) == s0) ++cost;
  const int l = (t - 1) / 2;
  if (t % 2) {  // left: s0's head becomes b0
    if (H(s0) == s.b0) cost += gl[static_cast<std::size_t>(s0)] != l;
    else {
      if (st.size() >= 2 && H(s0) == st[st.size() - 2]) ++cost;
      for (int k = s.b0 + 1; k <= s.n; ++k)
        if (H(s0) == k) ++cost;
    }
  } else {  // right: s0's head becomes s1
    if (H(s0) == st[st.size() - 2]) cost += gl[static_cast<std::size_t>(s0)] != l;
    else
      for (int k = s.b0; k <= s.n; ++k)
        if (H(s0) == k) ++cost;
  }
  return cost;
}

void ParserModel::parse(const std::vector<WordFeatures>& w, const Tagged& tags,
                        std::vector<int>& head, std::vector<int>& label) const {
  ParserState s;
  s.start(static_cast<int>(w.size()));
  std::vector<std::uint64_t> f;
  std::vector<float> scores(static_cast<std::size_t>(1 + 2 * labels));
  while (!s.done()) {
    parser_features(w, tags, morph, s, f);
    std::fill(scores.begin(), scores.end(), 0.0f);
    weights.score(f, scores);
    int best = -1;
    float top = -std::numeric_limits<float>::infinity();
    for (int t = 0; t < static_cast<int>(scores.size()); ++t)
      if (s.valid(t) && scores[static_cast<std::size_t>(t)] > top) {
        top = scores[static_cast<std::size_t>(t)];
        best = t;
      }
    s.apply(best);
  }
  head.resize(w.size());
  label.resize(w.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    head[i] = s.head[i] == s.n ? -1 : s.head[i];
    label[i] = s.label[i];
  }
}

}  // namespace geokg::syntax


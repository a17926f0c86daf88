// Arc-hybrid transition parser (Kuhlmann et al. 2011) with the root at the
// end of the buffer (Ballesteros & Nivre 2013), scored by a linear model over
// rich non-local features (Zhang & Nivre 2011).  Internal.
#pragma once
#include <cstdint>
#include <vector>

#include "syntax/tagger.hpp"
#include "syntax/weights.hpp"
#include "syntax/word_features.hpp"

namespace geokg::syntax {

// Transitions: 0 shift; 1 + 2l left-arc with label l (s0 <- b0); 2 + 2l
// right-arc with label l (s1 -> s0).
inline int left_arc(int label) { return 1 + 2 * label; }
inline int right_arc(int label) { return 2 + 2 * label; }

struct ParserState {
  int n = 0;                       // words; index n is the root
  std::vector<int> stack;
  int b0 = 0;
  std::vector<int> head;           // -1: not yet attached
  std::vector<int> label;
  std::vector<int> l1, l2, r1, r2; // leftmost, second leftmost, rightmost ... child
  std::vector<std::uint8_t> lval, rval;
  std::vector<std::uint64_t> lset, rset;  // label sets of the children

  void start(int words);
  bool done() const { return stack.empty() && b0 == n; }
  bool can_shift() const { return b0 < n; }
  bool can_left() const { return !stack.empty() && (b0 < n || stack.size() == 1); }
  bool can_right() const { return stack.size() >= 2; }
  bool valid(int t) const { return t == 0 ? can_shift() : (t % 2 ? can_left() : can_right()); }
  void apply(int t);

 private:
  void attach(int h, int d, int l);
};

struct ParserModel {
  Weights weights;
  int labels = 0;
  bool morph = false;   // use the case/gender/number tags (German)

  // `tags` as the tagger gave them; heads -1 for the root.
  void parse(const std::vector<WordFeatures>& w, const Tagged& tags, std::vector<int>& head,
             std::vector<int>& label) const;
};

// The features of a parser state.
void parser_features(const std::vector<WordFeatures>& w, const Tagged& tags, bool morph,
                     const ParserState& s, std::vector<std::uint64_t>& out);

// Dynamic-oracle cost of transition `t` against gold heads and labels
// (Goldberg & Nivre 2013): the gold arcs it makes unreachable.
int transition_cost(const ParserState& s, int t, const std::vector<int>& gold_head,
                    const std::vector<int>& gold_label);

}  // namespace geokg::syntax

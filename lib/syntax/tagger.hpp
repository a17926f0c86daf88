// Greedy left-to-right taggers: universal part of speech, then (where the
// treebank marks them) case, gender and number as one value.  Internal.
#pragma once
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "geokg/syntax/model.hpp"
#include "syntax/weights.hpp"
#include "syntax/word_features.hpp"

namespace geokg::syntax {

// The tags a word's neighbours and the parser see.
struct Tagged {
  std::vector<Upos> upos;
  std::vector<std::uint16_t> morph;
  std::vector<std::uint16_t> xpos;  // the treebank's fine tags (STTS, Penn): VVFIN vs VVPP
};

struct TaggerModel {
  Weights upos;
  Weights morph;
  int morph_classes = 1;  // class 0: no case/gender/number
  Weights xpos;
  int xpos_classes = 1;
  // Frequent words that the treebank always tags the same: their tag, unscored.
  std::unordered_map<std::uint64_t, Upos> fixed;
  // Every word of the treebank: the tags it had (a bit per tag), so that a
  // word's neighbours to the right are known before they are tagged.
  std::unordered_map<std::uint64_t, std::uint32_t> seen;

  void tag(const std::vector<WordFeatures>& w, Tagged& out) const;
};

// Features of word i given the tags of the words before it.
void upos_features(const std::vector<WordFeatures>& w, std::size_t i,
                   std::span<const Upos> tags, std::span<const std::uint32_t> seen,
                   std::vector<std::uint64_t>& out);
// The tags each word had in the treebank (0: a new word).
void seen_tags(const TaggerModel& m, const std::vector<WordFeatures>& w,
               std::vector<std::uint32_t>& out);
void xpos_features(const std::vector<WordFeatures>& w, std::size_t i,
                   std::span<const Upos> tags, std::span<const std::uint16_t> xpos,
                   std::vector<std::uint64_t>& out);
void morph_features(const std::vector<WordFeatures>& w, std::size_t i,
                    std::span<const Upos> tags, std::span<const std::uint16_t> morph,
                    std::vector<std::uint64_t>& out);

}  // namespace geokg::syntax

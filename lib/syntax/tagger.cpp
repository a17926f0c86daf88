#include "syntax/tagger.hpp"

#include <algorithm>
#include <array>

namespace geokg::syntax {
namespace {

constexpr std::uint64_t kNone = 0x51;  // a position outside the sentence
constexpr std::uint64_t kStartTag = 100, kEndTag = 101;

std::uint64_t tag_at(std::span<const Upos> tags, std::ptrdiff_t i) {
  if (i < 0) return kStartTag;
  return static_cast<std::uint64_t>(tags[static_cast<std::size_t>(i)]);
}

template <class F>
std::uint64_t at(const std::vector<WordFeatures>& w, std::ptrdiff_t i, F field) {
  if (i < 0 || i >= static_cast<std::ptrdiff_t>(w.size())) return kNone + static_cast<std::uint64_t>(i < 0);
  return field(w[static_cast<std::size_t>(i)]);
}

int argmax(std::span<const float> s) {
  return static_cast<int>(std::max_element(s.begin(), s.end()) - s.begin());
}

}  // namespace

void seen_tags(const TaggerModel& m, const std::vector<WordFeatures>& w,
               std::vector<std::uint32_t>& out) {
  out.resize(w.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    auto it = m.seen.find(w[i].lower);
    out[i] = it == m.seen.end() ? 0 : it->second;
  }
}

void upos_features(const std::vector<WordFeatures>& w, std::size_t i,
                   std::span<const Upos> tags, std::span<const std::uint32_t> seen,
                   std::vector<std::uint64_t>& out) {
  out.clear();
  const auto k = static_cast<std::ptrdiff_t>(i);
  const WordFeatures& x = w[i];
  auto lower = [](const WordFeatures& v) { return v.lower; };
  auto suf3 = [](const WordFeatures& v) { return v.suffix[2]; };
  auto shape = [](const WordFeatures& v) { return v.shape; };
  std::uint64_t t1 = tag_at(tags, k - 1), t2 = tag_at(tags, k - 2);
  std::uint64_t n = 0;
  out.push_back(feature(n++, 0));
  out.push_back(feature(n++, x.lower));
  out.push_back(feature(n++, x.form));
  for (int s = 0; s < 4; ++s) out.push_back(feature(n++, x.suffix[s]));
  for (int p = 0; p < 3; ++p) out.push_back(feature(n++, x.prefix[p]));
  out.push_back(feature(n++, x.shape));
  out.push_back(feature(n++, x.upper, i == 0));
  if (x.hyphen) {
    out.push_back(feature(n, x.tail));
    out.push_back(feature(n + 1, x.tail_suffix));
  }
  n += 2;
  out.push_back(feature(n++, t1));
  out.push_back(feature(n++, t2, t1));
  out.push_back(feature(n++, t1, x.lower));
  out.push_back(feature(n++, at(w, k - 1, lower)));
  out.push_back(feature(n++, at(w, k - 2, lower)));
  out.push_back(feature(n++, at(w, k + 1, lower)));
  out.push_back(feature(n++, at(w, k + 2, lower)));
  out.push_back(feature(n++, at(w, k - 1, suf3)));
  out.push_back(feature(n++, at(w, k + 1, suf3)));
  out.push_back(feature(n++, at(w, k + 1, shape)));
  out.push_back(feature(n++, at(w, k - 1, lower), x.lower));
  out.push_back(feature(n++, x.lower, at(w, k + 1, lower)));
  out.push_back(feature(n++, t1, at(w, k + 1, lower)));
  out.push_back(feature(n++, x.digit, x.length));
  out.push_back(feature(n++, t1, x.suffix[2]));
  out.push_back(feature(n++, x.suffix[1], at(w, k + 1, suf3)));
  auto seen_at = [&](std::ptrdiff_t j) -> std::uint64_t {
    if (j < 0 || j >= static_cast<std::ptrdiff_t>(seen.size())) return 1u << 31;
    return seen[static_cast<std::size_t>(j)];
  };
  const std::uint64_t a0 = seen_at(k), a1 = seen_at(k + 1), a2 = seen_at(k + 2);
  out.push_back(feature(n++, a0));
  out.push_back(feature(n++, a1));
  out.push_back(feature(n++, a0, a1));
  out.push_back(feature(n++, t1, a0));
  out.push_back(feature(n++, a1, a2));
  out.push_back(feature(n++, a0, x.suffix[2]));
  out.push_back(feature(n++, t1, a0, a1));
}

void xpos_features(const std::vector<WordFeatures>& w, std::size_t i,
                   std::span<const Upos> tags, std::span<const std::uint16_t> xpos,
                   std::vector<std::uint64_t>& out) {
  out.clear();
  const auto k = static_cast<std::ptrdiff_t>(i);
  const WordFeatures& x = w[i];
  auto lower = [](const WordFeatures& v) { return v.lower; };
  auto tag = [&](std::ptrdiff_t j) -> std::uint64_t {
    if (j < 0) return kStartTag;
    if (j >= static_cast<std::ptrdiff_t>(tags.size())) return kEndTag;
    return static_cast<std::uint64_t>(tags[static_cast<std::size_t>(j)]);
  };
  const std::uint64_t x1 = k > 0 ? xpos[i - 1] : 0xffff, x2 = k > 1 ? xpos[i - 2] : 0xffff;
  const std::uint64_t u = tag(k);
  std::uint64_t n = 0;
  out.push_back(feature(n++, u));
  out.push_back(feature(n++, u, x.lower));
  for (int s = 0; s < 4; ++s) out.push_back(feature(n++, u, x.suffix[s]));
  out.push_back(feature(n++, u, x.shape));
  out.push_back(feature(n++, u, x.upper, i == 0));
  out.push_back(feature(n++, u, x1));
  out.push_back(feature(n++, u, x2, x1));
  out.push_back(feature(n++, u, tag(k - 1)));
  out.push_back(feature(n++, u, tag(k + 1)));
  out.push_back(feature(n++, u, tag(k + 1), tag(k + 2)));
  out.push_back(feature(n++, u, at(w, k - 1, lower)));
  out.push_back(feature(n++, u, at(w, k + 1, lower)));
  out.push_back(feature(n++, u, x1, x.suffix[2]));
  if (x.hyphen) out.push_back(feature(n, u, x.tail_suffix));
}

void morph_features(const std::vector<WordFeatures>& w, std::size_t i,
                    std::span<const Upos> tags, std::span<const std::uint16_t> morph,
                    std::vector<std::uint64_t>& out) {
  out.clear();
  const auto k = static_cast<std::ptrdiff_t>(i);
  const WordFeatures& x = w[i];
  auto lower = [](const WordFeatures& v) { return v.lower; };
  auto tag = [&](std::ptrdiff_t j) -> std::uint64_t {
    if (j < 0) return kStartTag;
    if (j >= static_cast<std::ptrdiff_t>(tags.size())) return kEndTag;
    return static_cast<std::uint64_t>(tags[static_cast<std::size_t>(j)]);
  };
  std::uint64_t m1 = k > 0 ? morph[i - 1] : 0xffff;
  // The preposition that governs this noun phrase, if one opens it.
  std::uint64_t prep = kNone;
  for (std::ptrdiff_t j = k - 1; j >= 0 && j >= k - 5; --j) {
    Upos u = tags[static_cast<std::size_t>(j)];
    if (u == Upos::ADP) { prep = w[static_cast<std::size_t>(j)].lower; break; }
    if (u != Upos::DET && u != Upos::ADJ && u != Upos::NUM && u != Upos::ADV) break;
  }
  std::uint64_t u = tag(k), n = 0;
  out.push_back(feature(n++, 0));
  out.push_back(feature(n++, x.lower));
  out.push_back(feature(n++, u));
  for (int s = 0; s < 3; ++s) out.push_back(feature(n++, u, x.suffix[s]));
  out.push_back(feature(n++, u, tag(k - 1)));
  out.push_back(feature(n++, u, tag(k + 1)));
  out.push_back(feature(n++, u, at(w, k - 1, lower)));
  out.push_back(feature(n++, u, at(w, k - 2, lower)));
  out.push_back(feature(n++, u, at(w, k + 1, lower)));
  out.push_back(feature(n++, u, m1));
  out.push_back(feature(n++, u, m1, x.suffix[1]));
  out.push_back(feature(n++, u, prep));
  out.push_back(feature(n++, u, prep, x.suffix[1]));
  out.push_back(feature(n++, x.lower, tag(k - 1), m1));
  out.push_back(feature(n++, u, tag(k + 1), at(w, k + 1, lower)));
}

void TaggerModel::tag(const std::vector<WordFeatures>& w, Tagged& out) const {
  out.upos.assign(w.size(), Upos::X);
  out.morph.assign(w.size(), 0);
  out.xpos.assign(w.size(), 0);
  std::vector<std::uint64_t> f;
  std::array<float, kUposCount> scores{};
  thread_local std::vector<std::uint32_t> known;
  seen_tags(*this, w, known);
  for (std::size_t i = 0; i < w.size(); ++i) {
    auto fixed_tag = fixed.find(w[i].lower);
    if (fixed_tag != fixed.end()) {
      out.upos[i] = fixed_tag->second;
      continue;
    }
    upos_features(w, i, out.upos, known, f);
    scores.fill(0);
    upos.score(f, scores);
    out.upos[i] = static_cast<Upos>(argmax(scores));
  }
  std::vector<float> xs(static_cast<std::size_t>(xpos_classes));
  for (std::size_t i = 0; i < w.size() && xpos_classes > 1; ++i) {
    xpos_features(w, i, out.upos, out.xpos, f);
    std::fill(xs.begin(), xs.end(), 0.0f);
    xpos.score(f, xs);
    out.xpos[i] = static_cast<std::uint16_t>(argmax(xs));
  }
  if (morph_classes <= 1) return;
  std::vector<float> ms(static_cast<std::size_t>(morph_classes));
  for (std::size_t i = 0; i < w.size(); ++i) {
    morph_features(w, i, out.upos, out.morph, f);
    std::fill(ms.begin(), ms.end(), 0.0f);
    morph.score(f, ms);
    out.morph[i] = static_cast<std::uint16_t>(argmax(ms));
  }
}

}  // namespace geokg::syntax

#include "syntax/weights.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <string>

namespace geokg::syntax {

void put_u32(std::vector<char>& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put_u64(std::vector<char>& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put_string(std::vector<char>& out, std::string_view s) {
  put_u32(out, static_cast<std::uint32_t>(s.size()));
  out.insert(out.end(), s.begin(), s.end());
}
bool get_u32(std::string_view in, std::size_t& pos, std::uint32_t& v) {
  if (in.size() - pos < 4 || pos > in.size()) return false;
  v = 0;
  for (int i = 0; i < 4; ++i)
    v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[pos + i])) << (8 * i);
  pos += 4;
  return true;
}
bool get_u64(std::string_view in, std::size_t& pos, std::uint64_t& v) {
  if (in.size() - pos < 8 || pos > in.size()) return false;
  v = 0;
  for (int i = 0; i < 8; ++i)
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[pos + i])) << (8 * i);
  pos += 8;
  return true;
}
bool get_string(std::string_view in, std::size_t& pos, std::string& s) {
  std::uint32_t n = 0;
  if (!get_u32(in, pos, n) || in.size() - pos < n) return false;
  s.assign(in.substr(pos, n));
  pos += n;
  return true;
}

void Weights::score(std::span<const std::uint64_t> features, std::span<float> scores) const {
  if (slots_.empty()) return;
  for (std::uint64_t f : features) __builtin_prefetch(&slots_[f & mask_]);
  constexpr std::size_t kBatch = 256;
  std::pair<std::uint32_t, std::uint32_t> found[kBatch];
  for (std::size_t start = 0; start < features.size(); start += kBatch) {
    std::size_t n = 0, stop = std::min(features.size(), start + kBatch);
    for (std::size_t j = start; j < stop; ++j) {
      const std::uint64_t f = features[j];
      for (std::uint64_t i = f & mask_;; i = (i + 1) & mask_) {
        const Slot& s = slots_[i];
        if (s.key == f) {
          __builtin_prefetch(&votes_[s.begin]);
          found[n++] = {s.begin, s.end};
          break;
        }
        if (s.key == 0) break;
      }
    }
    for (std::size_t j = 0; j < n; ++j)
      for (std::uint32_t k = found[j].first; k < found[j].second; ++k)
        scores[votes_[k].cls] += votes_[k].w;
  }
}

std::size_t Weights::max_class() const {
  std::uint32_t m = 0;
  for (const Vote& v : votes_) m = std::max(m, v.cls);
  return m;
}

void Weights::build(const std::vector<std::pair<std::uint64_t, std::uint32_t>>& rows) {
  rows_ = rows.size();
  std::uint64_t cap = std::bit_ceil(std::max<std::uint64_t>(16, rows.size() * 2));
  slots_.assign(cap, Slot{});
  mask_ = cap - 1;
  std::uint32_t begin = 0;
  for (const auto& [key, n] : rows) {
    std::uint64_t i = key & mask_;
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{key, begin, begin + n};
    begin += n;
  }
}

// The rows in key order, from the slots.
namespace {
struct RowRef {
  std::uint64_t key;
  std::uint32_t begin, end;
};
}  // namespace

void Weights::write(std::vector<char>& out) const {
  std::vector<RowRef> rows;
  for (const Slot& s : slots_)
    if (s.key != 0) rows.push_back(RowRef{s.key, s.begin, s.end});
  std::sort(rows.begin(), rows.end(), [](const RowRef& a, const RowRef& b) { return a.key < b.key; });
  float top = 0;
  for (const Vote& v : votes_) top = std::max(top, std::fabs(v.w));
  const float scale = top > 0 ? top / 32767.0f : 1.0f;
  put_u64(out, rows.size());
  put_u64(out, votes_.size());
  put_u32(out, std::bit_cast<std::uint32_t>(scale));
  for (const RowRef& r : rows) put_u64(out, r.key);
  for (const RowRef& r : rows) {
    out.push_back(static_cast<char>((r.end - r.begin) & 0xff));
    out.push_back(static_cast<char>((r.end - r.begin) >> 8));
  }
  for (const RowRef& r : rows)
    for (std::uint32_t k = r.begin; k < r.end; ++k) {
      auto q = static_cast<std::int16_t>(std::lround(votes_[k].w / scale));
      auto c = static_cast<std::uint16_t>(votes_[k].cls);
      auto u = static_cast<std::uint16_t>(q);
      out.push_back(static_cast<char>(c & 0xff));
      out.push_back(static_cast<char>(c >> 8));
      out.push_back(static_cast<char>(u & 0xff));
      out.push_back(static_cast<char>(u >> 8));
    }
}

bool Weights::read(std::string_view in, std::size_t& pos) {
  std::uint64_t nrows = 0, nvotes = 0;
  std::uint32_t scale_bits = 0;
  if (!get_u64(in, pos, nrows) || !get_u64(in, pos, nvotes) || !get_u32(in, pos, scale_bits))
    return false;
  if (nrows > in.size() || nvotes > in.size() || in.size() - pos < nrows * 10 + nvotes * 4)
    return false;
  const float scale = std::bit_cast<float>(scale_bits);
  if (!std::isfinite(scale) || scale <= 0) return false;
  auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(in[i])); };
  std::vector<std::pair<std::uint64_t, std::uint32_t>> rows(nrows);
  std::uint64_t total = 0, last = 0;
  for (std::size_t r = 0; r < nrows; ++r) {
    std::uint64_t key = 0;
    std::memcpy(&key, in.data() + pos + 8 * r, 8);
    if constexpr (std::endian::native == std::endian::big) key = __builtin_bswap64(key);
    if (key == 0 || (r > 0 && key <= last)) return false;
    last = key;
    rows[r].first = key;
  }
  pos += 8 * nrows;
  for (std::size_t r = 0; r < nrows; ++r) {
    rows[r].second = byte(pos) | byte(pos + 1) << 8;
    pos += 2;
    total += rows[r].second;
  }
  if (total != nvotes) return false;
  votes_.resize(nvotes);
  for (Vote& v : votes_) {
    v.cls = byte(pos) | byte(pos + 1) << 8;
    auto q = static_cast<std::int16_t>(static_cast<std::uint16_t>(byte(pos + 2) | byte(pos + 3) << 8));
    v.w = static_cast<float>(q) * scale;
    pos += 4;
  }
  build(rows);
  return true;
}

void Perceptron::score(std::span<const std::uint64_t> features, std::span<float> scores) const {
  for (std::uint64_t f : features) {
    auto it = rows_.find(f);
    if (it == rows_.end()) continue;
    for (const Entry& e : it->second) scores[e.cls] += e.w;
  }
}

void Perceptron::add(std::vector<Entry>& row, int cls, float delta) {
  for (Entry& e : row) {
    if (e.cls != cls) continue;
    e.total += static_cast<double>(now_ - e.stamp) * e.w;
    e.stamp = now_;
    e.w += delta;
    return;
  }
  row.push_back(Entry{static_cast<std::uint16_t>(cls), delta, 0.0, now_});
}

void Perceptron::update(std::span<const std::uint64_t> features, int truth, int guess) {
  if (truth == guess) return;
  for (std::uint64_t f : features) {
    auto& row = rows_[f];
    add(row, truth, 1.0f);
    add(row, guess, -1.0f);
  }
}

Weights Perceptron::average(float prune) const {
  std::vector<std::uint64_t> keys;
  keys.reserve(rows_.size());
  for (const auto& [k, row] : rows_) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  Weights out;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> rows;
  std::vector<std::pair<std::uint16_t, float>> kept;
  for (std::uint64_t k : keys) {
    kept.clear();
    for (const Entry& e : rows_.at(k)) {
      double total = e.total + static_cast<double>(now_ - e.stamp) * e.w;
      float avg = static_cast<float>(total / static_cast<double>(now_));
      if (std::fabs(avg) >= prune) kept.emplace_back(e.cls, avg);
    }
    if (kept.empty()) continue;
    std::sort(kept.begin(), kept.end());
    for (auto [c, w] : kept) out.votes_.push_back(Weights::Vote{w, c});
    rows.emplace_back(k, static_cast<std::uint32_t>(kept.size()));
  }
  out.build(rows);
  return out;
}

}  // namespace geokg::syntax

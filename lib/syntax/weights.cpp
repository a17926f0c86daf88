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
  std::uint32_t found[kBatch];
  for (std::size_t start = 0; start < features.size(); start += kBatch) {
    std::size_t n = 0, stop = std::min(features.size(), start + kBatch);
    for (std::size_t j = start; j < stop; ++j) {
      const std::uint64_t f = features[j];
      const std::uint32_t check = check_of(f);
      for (std::uint64_t i = f & mask_;; i = (i + 1) & mask_) {
        const Slot& s = slots_[i];
        if (s.check == check) {
          __builtin_prefetch(&votes_[s.row >> 8]);
          found[n++] = s.row;
          break;
        }
        if (s.check == 0) break;
      }
    }
    for (std::size_t j = 0; j < n; ++j) {
      const Vote* v = &votes_[found[j] >> 8];
      for (std::uint32_t k = 0, len = found[j] & 0xff; k < len; ++k)
        scores[v[k].cls] += static_cast<float>(v[k].w);
    }
  }
}

std::size_t Weights::max_class() const {
  std::uint32_t m = 0;
  for (const Vote& v : votes_) m = std::max<std::uint32_t>(m, v.cls);
  return m;
}

void Weights::prune(int threshold) {
  std::vector<std::uint64_t> keys;
  std::vector<std::uint8_t> lengths;
  std::vector<Vote> kept;
  for (std::uint64_t key : keys_) {
    std::uint32_t row = 0;
    for (std::uint64_t i = key & mask_;; i = (i + 1) & mask_)
      if (slots_[i].check == check_of(key)) { row = slots_[i].row; break; }
    std::uint8_t n = 0;
    for (std::uint32_t k = row >> 8; k < (row >> 8) + (row & 0xff); ++k)
      if (std::abs(static_cast<int>(votes_[k].w)) >= threshold) {
        kept.push_back(votes_[k]);
        ++n;
      }
    if (n == 0) continue;
    keys.push_back(key);
    lengths.push_back(n);
  }
  keys_ = std::move(keys);
  votes_ = std::move(kept);
  build(lengths);
}

void Weights::build(std::span<const std::uint8_t> lengths) {
  rows_ = keys_.size();
  std::uint64_t cap = std::bit_ceil(std::max<std::uint64_t>(16, rows_ + rows_ / 2));
  slots_.assign(cap, Slot{});
  mask_ = cap - 1;
  std::uint32_t begin = 0;
  for (std::size_t r = 0; r < rows_; ++r) {
    const std::uint64_t key = keys_[r];
    std::uint64_t i = key & mask_;
    while (slots_[i].check != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{check_of(key), begin << 8 | lengths[r]};
    begin += lengths[r];
  }
}

void Weights::write(std::vector<char>& out) const {
  put_u64(out, keys_.size());
  put_u64(out, votes_.size());
  for (std::uint64_t k : keys_) put_u64(out, k);
  // Row lengths, in key order: the slots know them.
  for (std::uint64_t k : keys_)
    for (std::uint64_t i = k & mask_;; i = (i + 1) & mask_)
      if (slots_[i].check == check_of(k)) {
        out.push_back(static_cast<char>(slots_[i].row & 0xff));
        break;
      }
  for (const Vote& v : votes_) {
    auto u = static_cast<std::uint16_t>(v.w);
    out.push_back(static_cast<char>(v.cls & 0xff));
    out.push_back(static_cast<char>(v.cls >> 8));
    out.push_back(static_cast<char>(u & 0xff));
    out.push_back(static_cast<char>(u >> 8));
  }
}

bool Weights::read(std::string_view in, std::size_t& pos) {
  std::uint64_t nrows = 0, nvotes = 0;
  if (!get_u64(in, pos, nrows) || !get_u64(in, pos, nvotes)) return false;
  if (nrows > in.size() || nvotes > in.size() || nvotes >= (1u << 24) ||
      in.size() - pos < nrows * 9 + nvotes * 4)
    return false;
  keys_.resize(nrows);
  // An empty table (English has no case tagger) has no buffer: memcpy wants one.
  if (nrows > 0) std::memcpy(keys_.data(), in.data() + pos, 8 * nrows);
  if constexpr (std::endian::native == std::endian::big)
    for (auto& k : keys_) k = __builtin_bswap64(k);
  for (std::size_t r = 0; r < nrows; ++r)
    if (keys_[r] == 0 || (r > 0 && keys_[r] <= keys_[r - 1])) return false;
  pos += 8 * nrows;
  std::span<const std::uint8_t> lengths(reinterpret_cast<const std::uint8_t*>(in.data() + pos), nrows);
  std::uint64_t total = 0;
  for (std::uint8_t n : lengths) {
    if (n == 0) return false;
    total += n;
  }
  pos += nrows;
  if (total != nvotes) return false;
  votes_.resize(nvotes);
  static_assert(sizeof(Vote) == 4);
  if (nvotes > 0) std::memcpy(votes_.data(), in.data() + pos, 4 * nvotes);
  if constexpr (std::endian::native == std::endian::big)
    for (Vote& v : votes_) {
      v.cls = __builtin_bswap16(v.cls);
      v.w = static_cast<std::int16_t>(__builtin_bswap16(static_cast<std::uint16_t>(v.w)));
    }
  pos += 4 * nvotes;
  build(lengths);
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
    if (e.updates < 0xffff) ++e.updates;
    return;
  }
  row.push_back(Entry{static_cast<std::uint16_t>(cls), 1, delta, 0.0, now_});
}

void Perceptron::update(std::span<const std::uint64_t> features, int truth, int guess) {
  if (truth == guess) return;
  for (std::uint64_t f : features) {
    auto& row = rows_[f];
    add(row, truth, 1.0f);
    add(row, guess, -1.0f);
  }
}

Weights Perceptron::average(int min_updates) const {
  std::vector<std::uint64_t> keys;
  keys.reserve(rows_.size());
  for (const auto& [k, row] : rows_) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  // One scale for all: the largest average maps to 32767.
  double top = 0;
  auto avg = [&](const Entry& e) {
    return (e.total + static_cast<double>(now_ - e.stamp) * e.w) / static_cast<double>(now_);
  };
  for (const auto& [k, row] : rows_)
    for (const Entry& e : row)
      if (e.updates >= min_updates) top = std::max(top, std::fabs(avg(e)));
  const double scale = top > 0 ? 32767.0 / top : 1.0;
  Weights out;
  std::vector<std::uint8_t> lengths;
  std::vector<std::pair<std::uint16_t, std::int16_t>> kept;
  for (std::uint64_t k : keys) {
    kept.clear();
    for (const Entry& e : rows_.at(k)) {
      if (e.updates < min_updates) continue;
      auto q = static_cast<std::int16_t>(std::lround(avg(e) * scale));
      if (q != 0) kept.emplace_back(e.cls, q);
    }
    if (kept.empty()) continue;
    std::sort(kept.begin(), kept.end());
    for (auto [c, w] : kept) out.votes_.push_back(Weights::Vote{c, w});
    out.keys_.push_back(k);
    lengths.push_back(static_cast<std::uint8_t>(kept.size()));
  }
  out.build(lengths);
  return out;
}

}  // namespace geokg::syntax

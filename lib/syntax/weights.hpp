// Linear models over hashed features: the averaged perceptron that learns
// them, and the frozen, compact table a trained model scores with.
// Internal: not installed.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace geokg::syntax {

// Stable 64-bit hashing: the same on every machine, so that training and a
// model file agree wherever they run (std::hash promises neither).
inline std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}
inline std::uint64_t hash_bytes(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return mix(h);
}
inline std::uint64_t combine(std::uint64_t a, std::uint64_t b) { return mix(a * 31 + b); }
// A feature: its template number and up to three values.
inline std::uint64_t feature(std::uint64_t templ, std::uint64_t a, std::uint64_t b = 0,
                             std::uint64_t c = 0) {
  return combine(combine(combine(templ + 1, a), b), c) | 1;  // never 0: 0 marks empty
}

// A frozen model: for each feature, the classes it votes for and how much.
// Rows live in an open-addressing table whose slot holds the key and the
// row's place, so that scoring a feature costs one cache miss for the slot
// and one for its votes.
class Weights {
 public:
  // Memory-bound: the slots and votes of a hundred features are far apart,
  // so all are prefetched before any is read, and their misses overlap.
  // Scores are in the model's own unit (one scale for all votes): only their
  // order matters.
  void score(std::span<const std::uint64_t> features, std::span<float> scores) const;
  std::size_t rows() const { return rows_; }
  std::size_t entries() const { return votes_.size(); }
  std::size_t max_class() const;
  // Drops the votes weaker than `threshold` (in the model's 16-bit unit, where
  // the strongest vote is 32767): most of a model's size, little of its say.
  void prune(int threshold);

  // Serialisation: little-endian, rows sorted by key, weights as 16-bit
  // integers, so that the bytes are reproducible and small.
  void write(std::vector<char>& out) const;
  // Reads from `in` at `pos`, advancing it; false if the data is malformed.
  bool read(std::string_view in, std::size_t& pos);

 private:
  friend class Perceptron;
  // 8 bytes, so that eight share a cache line: the key's high half (the low
  // bits chose the slot), and the row's first vote (24 bits) and length.
  struct Slot {
    std::uint32_t check = 0;  // 0: empty
    std::uint32_t row = 0;
  };
  struct Vote {  // the file's layout: class, then weight, little-endian
    std::uint16_t cls;
    std::int16_t w;
  };
  static std::uint32_t check_of(std::uint64_t key) {
    auto c = static_cast<std::uint32_t>(key >> 32);
    return c == 0 ? 1 : c;
  }
  // The slots for keys_ (in order) whose rows have `lengths` votes each,
  // stored in the same order in votes_.
  void build(std::span<const std::uint8_t> lengths);
  std::vector<std::uint64_t> keys_;  // for writing only: the rows' keys in order
  std::vector<Slot> slots_;
  std::vector<Vote> votes_;
  std::size_t rows_ = 0;
  std::uint64_t mask_ = 0;
};

// Averaged perceptron (Collins 2002; Daume's lazy averaging).
class Perceptron {
 public:
  explicit Perceptron(int classes) : classes_(classes) {}
  int classes() const { return classes_; }
  void score(std::span<const std::uint64_t> features, std::span<float> scores) const;
  // One mistake: `truth` up, `guess` down, on every feature.
  void update(std::span<const std::uint64_t> features, int truth, int guess);
  void tick() { ++now_; }
  // The averaged weights, without the votes changed fewer than `min_updates`
  // times: a feature seen in one mistake is mostly noise, and dropping it
  // halves the model.
  Weights average(int min_updates) const;

 private:
  struct Entry {
    std::uint16_t cls;
    std::uint16_t updates;
    float w;
    double total;
    std::int64_t stamp;
  };
  void add(std::vector<Entry>& row, int cls, float delta);
  int classes_;
  std::int64_t now_ = 1;
  std::unordered_map<std::uint64_t, std::vector<Entry>> rows_;
};
// Deterministic pseudo-random numbers (splitmix64) for shuffling and
// exploration: the same sequence on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() { return mix(s_++); }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[next() % i]);
  }

 private:
  std::uint64_t s_;
};

// Little-endian writing and reading of the model file's parts.
void put_u32(std::vector<char>& out, std::uint32_t v);
void put_u64(std::vector<char>& out, std::uint64_t v);
void put_string(std::vector<char>& out, std::string_view s);
bool get_u32(std::string_view in, std::size_t& pos, std::uint32_t& v);
bool get_u64(std::string_view in, std::size_t& pos, std::uint64_t& v);
bool get_string(std::string_view in, std::size_t& pos, std::string& s);

}  // namespace geokg::syntax

// A string-keyed hash map for the lexicons, looked up several times for every
// token.  std::unordered_map costs a hash over the whole key, a division and
// two or three dependent pointer chases (bucket, node, heap key) per look-up,
// and most look-ups are misses ("der" is no trigger verb).  Here a miss is
// one probe into a flat array of 8-byte slots that rarely leaves the cache,
// and the hash is a few multiplications for a short word.  Internal: not
// installed.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace geokg {

// A fast 64-bit hash for short strings (the multiply-and-fold mixing of the
// wyhash family).  Not for untrusted keys in adversarial settings: the
// tables hold our own lexicons, and the text only probes them.
inline std::uint64_t string_hash(std::string_view s) noexcept {
  constexpr std::uint64_t k0 = 0xa0761d6478bd642full, k1 = 0xe7037ed1a0b428dbull,
                          k2 = 0x8ebc6af09c88c6e3ull;
  auto mix = [](std::uint64_t a, std::uint64_t b) {
    __extension__ using u128 = unsigned __int128;
    u128 r = static_cast<u128>(a) * b;
    return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
  };
  auto r8 = [](const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  };
  auto r4 = [](const char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return static_cast<std::uint64_t>(v);
  };
  const char* p = s.data();
  std::size_t n = s.size();
  std::uint64_t seed = k0, a = 0, b = 0;
  if (n <= 16) {
    if (n >= 4) {
      std::size_t q = (n >> 3) << 2;
      a = (r4(p) << 32) | r4(p + q);
      b = (r4(p + n - 4) << 32) | r4(p + n - 4 - q);
    } else if (n > 0) {
      a = (static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) << 16) |
          (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n >> 1])) << 8) |
          static_cast<unsigned char>(p[n - 1]);
    }
  } else {
    std::size_t i = n;
    while (i > 16) {
      seed = mix(r8(p) ^ k1, r8(p + 8) ^ seed);
      p += 16;
      i -= 16;
    }
    a = r8(p + i - 16);
    b = r8(p + i - 8);
  }
  return mix(k1 ^ n, mix(a ^ k1, b ^ seed ^ k2));
}

// Open addressing with linear probing over slots that hold 32 bits of the
// hash and the entry's index; the entries are one vector, so a hit costs the
// slot and the entry (a deque cost a third, dependent, load for its block
// map).  As with a vector, inserting may move the values: hold no reference
// to a value across an insertion into the same map.  Iteration is in
// insertion order.  No erase: the lexicons only grow.
template <class V>
class StringMap {
 public:
  using value_type = std::pair<const std::string, V>;
  using iterator = typename std::vector<value_type>::iterator;
  using const_iterator = typename std::vector<value_type>::const_iterator;

  iterator begin() { return entries_.begin(); }
  iterator end() { return entries_.end(); }
  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

  const_iterator find(std::string_view key) const {
    std::uint32_t i = lookup(key, string_hash(key));
    return i == kNone ? entries_.end() : entries_.begin() + i;
  }
  iterator find(std::string_view key) {
    std::uint32_t i = lookup(key, string_hash(key));
    return i == kNone ? entries_.end() : entries_.begin() + i;
  }
  // The value for `key`, or null: the one call a hot loop needs.
  const V* get(std::string_view key) const {
    std::uint32_t i = lookup(key, string_hash(key));
    return i == kNone ? nullptr : &entries_[i].second;
  }
  std::size_t count(std::string_view key) const {
    return lookup(key, string_hash(key)) == kNone ? 0 : 1;
  }

  // A loop of many independent look-ups hashes every key and prefetches its
  // slot first, then looks them up: the slots' cache misses overlap instead
  // of stalling one after the other.
  void prefetch(std::uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }
  const V* get(std::string_view key, std::uint64_t hash) const {
    std::uint32_t i = lookup(key, hash);
    return i == kNone ? nullptr : &entries_[i].second;
  }
  // find() with the key's string_hash already computed.
  const_iterator find(std::string_view key, std::uint64_t hash) const {
    std::uint32_t i = lookup(key, hash);
    return i == kNone ? entries_.end() : entries_.begin() + i;
  }

  V& operator[](std::string_view key) { return emplace(key, V{}).first->second; }

  std::pair<iterator, bool> emplace(std::string_view key, V value) {
    std::uint64_t h = string_hash(key);
    if (std::uint32_t i = lookup(key, h); i != kNone) return {entries_.begin() + i, false};
    if ((entries_.size() + 1) * 2 > slots_.size()) grow();
    if (entries_.size() == entries_.capacity()) grow_entries();
    auto index = static_cast<std::uint32_t>(entries_.size());
    entries_.emplace_back(std::string(key), std::move(value));
    place(h, index);
    return {entries_.begin() + index, true};
  }

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  // `index` is the entry's index plus one; 0 marks an empty slot.
  struct Slot {
    std::uint32_t tag;
    std::uint32_t index;
  };
  static std::uint32_t tag_of(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }

  std::uint32_t lookup(std::string_view key, std::uint64_t h) const {
    if (slots_.empty()) return kNone;
    const std::size_t mask = slots_.size() - 1;
    const std::uint32_t tag = tag_of(h);
    for (std::size_t s = h & mask;; s = (s + 1) & mask) {
      const Slot& slot = slots_[s];
      if (slot.index == 0) return kNone;
      if (slot.tag == tag && entries_[slot.index - 1].first == key) return slot.index - 1;
    }
  }
  void place(std::uint64_t h, std::uint32_t index) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t s = h & mask;
    while (slots_[s].index != 0) s = (s + 1) & mask;
    slots_[s] = Slot{tag_of(h), index + 1};
  }
  // The vector itself would copy every entry, value and all, when it grows:
  // a pair with a const key has no move that cannot throw.  Here the keys
  // are copied (most fit in the string's own buffer) and the values moved,
  // which for the lexicons' vectors of entries saves most of the start-up
  // spent growing.  Should a key's copy throw, the map is left unusable.
  void grow_entries() {
    std::vector<value_type> bigger;
    bigger.reserve(entries_.empty() ? 16 : entries_.capacity() * 2);
    for (value_type& e : entries_) bigger.emplace_back(e.first, std::move(e.second));
    entries_ = std::move(bigger);
  }
  void grow() {
    slots_.assign(slots_.empty() ? 16 : slots_.size() * 2, Slot{0, 0});
    for (std::uint32_t i = 0; i < entries_.size(); ++i) place(string_hash(entries_[i].first), i);
  }

  std::vector<value_type> entries_;
  std::vector<Slot> slots_;
};

// A Bloom filter over string_hash values, for a map probed mostly with keys
// it does not hold: a miss in the map costs a cache miss on its slot array,
// while the filter, a byte a key, mostly stays in cache and answers
// "certainly not there" for all but about one key in twenty (twice the bits
// missed the cache more often and won less).  It never says no to a key that
// was added.
class HashFilter {
 public:
  void add(std::uint64_t hash) { words_[word(hash)] |= bits(hash); }
  bool may_contain(std::uint64_t hash) const {
    return !words_.empty() && (words_[word(hash)] & bits(hash)) == bits(hash);
  }
  // How many keys it is sized for; reset() sizes it anew and empties it.
  std::size_t capacity() const { return words_.size() * 64 / kBitsPerKey; }
  void reset(std::size_t keys) {
    std::size_t words = 1;
    while (words * 64 < keys * kBitsPerKey) words *= 2;
    words_.assign(words, 0);
  }

 private:
  static constexpr std::size_t kBitsPerKey = 8;
  // The low bits pick the word (as they pick a StringMap's slot), two groups
  // of six higher bits the two bits in it.
  std::size_t word(std::uint64_t hash) const { return hash & (words_.size() - 1); }
  static std::uint64_t bits(std::uint64_t hash) {
    return (std::uint64_t{1} << ((hash >> 40) & 63)) |
           (std::uint64_t{1} << ((hash >> 46) & 63));
  }

  std::vector<std::uint64_t> words_;
};

}  // namespace geokg

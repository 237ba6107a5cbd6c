#pragma once
// Numbers distinct strings 0, 1, 2... in insertion order. Lexicon tables and rule word lists
// are asked once or more per token, so this is a flat open-addressing table with an inline
// hash rather than std::unordered_map (out-of-line hash, prime modulo, a node per key).
// Part of core.h; include that.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

class StringIndex {
 public:
  // Index of key, added at the end when absent.
  uint32_t insert(std::string_view key) {
    int32_t found = find(key);
    if (found >= 0) return static_cast<uint32_t>(found);
    keys_.emplace_back(key);
    if (2 * keys_.size() > slots_.size()) rehash(slots_.empty() ? 64 : 2 * slots_.size());
    else place(static_cast<uint32_t>(keys_.size() - 1));
    return static_cast<uint32_t>(keys_.size() - 1);
  }
  // Index of key, or -1.
  int32_t find(std::string_view key) const {
    if (slots_.empty()) return -1;
    uint32_t h = hash(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.index == kEmpty) return -1;
      if (s.hash == h && keys_[s.index] == key) return static_cast<int32_t>(s.index);
    }
  }
  size_t size() const { return keys_.size(); }
  // The keys in insertion order.
  const std::vector<std::string>& keys() const { return keys_; }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint32_t index = kEmpty;
    uint32_t hash = 0;
  };

  // FNV-1a: keys are a few short words, so a byte loop beats a call.
  static uint32_t hash(std::string_view s) {
    uint32_t h = 2166136261u;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h ^ (h >> 15);
  }
  void place(uint32_t index) {
    uint32_t h = hash(keys_[index]);
    size_t i = h & mask_;
    while (slots_[i].index != kEmpty) i = (i + 1) & mask_;
    slots_[i] = {index, h};
  }
  void rehash(size_t buckets) {
    slots_.assign(buckets, Slot{});
    mask_ = buckets - 1;
    for (uint32_t k = 0; k < keys_.size(); ++k) place(k);
  }

  std::vector<std::string> keys_;
  std::vector<Slot> slots_;  // a power of two, at most half full
  size_t mask_ = 0;
};

}  // namespace newsgraph

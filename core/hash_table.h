#pragma once
// A flat open-addressing table keyed by a 64-bit hash the caller has already computed
// (the tagger's clusters by word hash and lexicon names by token-sequence hash; the syntax
// models' clusters and lemma edits). One probe sequence in one
// array, a power of two at most half full: asked several times per token, where
// std::unordered_map costs a node and a prime modulo per look-up.

#include <cstdint>
#include <vector>

namespace newsgraph {

template <typename V>
class HashTable {
 public:
  struct Slot {
    uint64_t key = 0;
    V value{};
    bool used = false;
  };

  // The value stored under key, default-constructed and added when absent.
  V& operator[](uint64_t key) {
    if (2 * (size_ + 1) > slots_.size()) rehash(slots_.empty() ? 64 : 2 * slots_.size());
    Slot* s = probe(key);
    if (!s->used) {
      *s = Slot{key, V{}, true};
      ++size_;
    }
    return s->value;
  }
  const V* find(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    const Slot* s = const_cast<HashTable*>(this)->probe(key);
    return s->used ? &s->value : nullptr;
  }
  // Empties the table and keeps its memory.
  void clear() {
    slots_.clear();
    size_ = 0;
  }
  size_t size() const { return size_; }
  // Every slot, used or not, in table order; callers skip the unused ones.
  const std::vector<Slot>& slots() const { return slots_; }

 private:
  // FNV hashes are weak in their low bits: take the high bits of a multiplied key.
  size_t home(uint64_t key) const { return (key * 0x9e3779b97f4a7c15ULL) >> shift_; }
  Slot* probe(uint64_t key) {
    size_t mask = slots_.size() - 1;
    for (size_t i = home(key);; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (!s.used || s.key == key) return &s;
    }
  }
  void rehash(size_t buckets) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(buckets, Slot{});
    shift_ = 64;
    for (size_t b = buckets; b > 1; b >>= 1) --shift_;
    for (const Slot& s : old) {
      if (s.used) *probe(s.key) = s;
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
  int shift_ = 64;
};

}  // namespace newsgraph

#pragma once
// Private to relate/: the set behind rule words and word lists. It is asked several times per
// token of every sentence, so it is a flat open-addressing table with an inline hash rather
// than std::unordered_set (out-of-line hash, prime modulo, a node per word).

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::relate {

class WordSet {
 public:
  WordSet() = default;
  WordSet(std::initializer_list<std::string> words) {
    for (const std::string& w : words) insert(w);
  }

  // Returns false when the word was present already.
  bool insert(std::string word) {
    if (count(word)) return false;
    words_.push_back(std::move(word));
    if (2 * words_.size() > slots_.size()) rehash(slots_.empty() ? 16 : 2 * slots_.size());
    else place(static_cast<uint32_t>(words_.size() - 1));
    return true;
  }
  size_t count(std::string_view word) const {
    if (slots_.empty()) return 0;
    uint32_t h = hash(word);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.index == kEmpty) return 0;
      if (s.hash == h && words_[s.index] == word) return 1;
    }
  }
  size_t size() const { return words_.size(); }
  bool empty() const { return words_.empty(); }
  // Iterates in insertion order.
  std::vector<std::string>::const_iterator begin() const { return words_.begin(); }
  std::vector<std::string>::const_iterator end() const { return words_.end(); }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint32_t index = kEmpty;
    uint32_t hash = 0;
  };

  // FNV-1a: words are a few bytes long, so a simple byte loop beats a call.
  static uint32_t hash(std::string_view w) {
    uint32_t h = 2166136261u;
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h ^ (h >> 15);
  }
  void place(uint32_t index) {
    uint32_t h = hash(words_[index]);
    size_t i = h & mask_;
    while (slots_[i].index != kEmpty) i = (i + 1) & mask_;
    slots_[i] = {index, h};
  }
  void rehash(size_t buckets) {
    slots_.assign(buckets, Slot{});
    mask_ = buckets - 1;
    for (uint32_t k = 0; k < words_.size(); ++k) place(k);
  }

  std::vector<std::string> words_;
  std::vector<Slot> slots_;  // a power of two, at most half full
  size_t mask_ = 0;
};

}  // namespace newsgraph::relate

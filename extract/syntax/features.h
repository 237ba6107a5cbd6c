#pragma once
// Private: what the tagger and the parser know of a word, their hashed feature templates, and
// the flat hash table behind word clusters and lemmas. The hashes are part of the model
// format: changing one needs a new model version.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace newsgraph::syntax {

constexpr int kMaxLabels = 64;         // UPOS, XPOS and relation sets each fit a uint64_t
constexpr int kMaxTaggerFeatures = 48;
constexpr int kMaxParserFeatures = 112;
constexpr int kMaxLabelFeatures = 48;

inline uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}
inline uint64_t hashBytes(std::string_view s, uint64_t h = 0xcbf29ce484222325ULL) {
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}
// A feature: template number and up to three values, each spread by its own odd multiplier
// and mixed once (a feature is hashed some 300 times per word).
inline uint64_t feature(uint64_t templateId, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  return mix64(templateId * 0x9e3779b97f4a7c15ULL + a * 0xd6e8feb86659fd93ULL +
               b * 0xa0761d6478bd642fULL + c * 0xe7037ed1a0b428dbULL);
}

// Flat open-addressing map from a 64-bit hash to a small value; at most half full.
template <typename V>
class HashIndex {
 public:
  struct Slot {
    uint64_t key = 0;
    V value{};
    bool used = false;
  };
  V& operator[](uint64_t key) {
    if (2 * (size_ + 1) > slots_.size()) rehash(slots_.empty() ? 64 : 2 * slots_.size());
    Slot& s = slots_[probe(key)];
    if (!s.used) {
      s = Slot{key, V{}, true};
      ++size_;
    }
    return s.value;
  }
  const V* find(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    const Slot& s = slots_[probe(key)];
    return s.used ? &s.value : nullptr;
  }
  size_t size() const { return size_; }
  const std::vector<Slot>& slots() const { return slots_; }

 private:
  size_t probe(uint64_t key) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = mix64(key) & mask;; i = (i + 1) & mask) {
      if (!slots_[i].used || slots_[i].key == key) return i;
    }
  }
  void rehash(size_t buckets) {
    std::vector<Slot> old(buckets);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.used) slots_[probe(s.key)] = s;
    }
  }
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

struct ClusterIds {
  uint16_t ids[3] = {0, 0, 0};  // coarse to fine; 0 = none
};

enum WordFlag : uint8_t {
  kUpperInitial = 1,
  kAllUpper = 2,
  kHasDigit = 4,
  kHasHyphen = 8,
  kNoLetter = 16,
};

struct WordInfo {
  uint64_t form = 0;   // exact form
  uint64_t lower = 0;  // lower case, digits as '0'
  uint64_t shape = 0;  // "Xx", "d.d", "x-x": runs of one character class collapsed
  uint64_t prefix[3] = {0, 0, 0};
  uint64_t suffix[4] = {0, 0, 0, 0};  // last 1..4 characters (bytes of the lower form)
  ClusterIds cluster;
  uint8_t flags = 0;
};

// Describes words[i] into info[i]; clusters are looked up by exact, then lower-case form.
void describeWords(const std::string_view* words, size_t n, const HashIndex<ClusterIds>& clusters,
                   WordInfo* info);
// Lower case (ASCII letters) of a word with digits kept, into *out (buffer reused).
void lowerWord(std::string_view word, std::string* out);

// Features of word i for the tagger, given the tags already chosen to its left (xpos, upos
// of words < i). Returns the count written to out (row indices for 2^bits rows).
int taggerFeatures(const WordInfo* words, int n, int i, const uint8_t* xpos, const uint8_t* upos,
                   int bits, uint32_t* out);

}  // namespace newsgraph::syntax

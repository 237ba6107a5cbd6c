#pragma once
// Private: what the tagger and the parser know of a word and their hashed feature templates.
// The hashes are part of the model format: changing one needs a new model version.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/hash_table.h"
#include "core/hashing.h"

namespace newsgraph::syntax {

constexpr int kMaxLabels = 64;         // UPOS, XPOS and relation sets each fit a uint64_t
constexpr int kMaxTaggerFeatures = 48;
constexpr int kMaxParserFeatures = 112;
constexpr int kMaxLabelFeatures = 48;

// A feature: template number and up to three values, each spread by its own odd multiplier
// and mixed once (a feature is hashed some 300 times per word).
inline uint64_t feature(uint64_t templateId, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  return mix64(templateId * 0x9e3779b97f4a7c15ULL + a * 0xd6e8feb86659fd93ULL +
               b * 0xa0761d6478bd642fULL + c * 0xe7037ed1a0b428dbULL);
}

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
void describeWords(const std::string_view* words, size_t n, const HashTable<ClusterIds>& clusters,
                   WordInfo* info);
// Lower case (ASCII letters) of a word with digits kept, into *out (buffer reused).
void lowerWord(std::string_view word, std::string* out);

// Features of word i for the tagger, given the tags already chosen to its left (xpos, upos
// of words < i). Returns the count written to out (row indices for 2^bits rows).
int taggerFeatures(const WordInfo* words, int n, int i, const uint8_t* xpos, const uint8_t* upos,
                   int bits, uint32_t* out);

}  // namespace newsgraph::syntax

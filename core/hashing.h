#pragma once
// 64-bit hashes of bytes (FNV-1a) and a finalizer (MurmurHash3's fmix64), shared by the
// tagger and the syntax models. Models store features by these hashes: changing one needs
// new model versions.

#include <cstdint>
#include <string_view>

namespace newsgraph {

inline uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

inline uint64_t fnvByte(uint64_t h, unsigned char c) { return (h ^ c) * kFnvPrime; }

inline uint64_t hashBytes(std::string_view s, uint64_t h = kFnvBasis) {
  for (unsigned char c : s) h = fnvByte(h, c);
  return h;
}

}  // namespace newsgraph

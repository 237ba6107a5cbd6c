#pragma once
// Private: the string and feature hashes shared by features, resources and the model file.
// They are part of the model format: changing them needs a new model version.

#include <cstdint>
#include <string_view>

namespace newsgraph::tagger {

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

inline char asciiLower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

inline uint64_t hashLower(std::string_view s, uint64_t h = kFnvBasis) {
  for (char c : s) h = fnvByte(h, static_cast<unsigned char>(asciiLower(c)));
  return h;
}

// Hash of a multi-token name: lower-cased tokens joined by one space.
inline uint64_t extendName(uint64_t h, std::string_view token, bool first) {
  if (!first) h = fnvByte(h, ' ');
  return hashLower(token, h);
}

inline uint64_t combine(uint64_t a, uint64_t b) { return mix64(a * 0x9e3779b97f4a7c15ULL + b); }

}  // namespace newsgraph::tagger

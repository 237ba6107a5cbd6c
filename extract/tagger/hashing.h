#pragma once
// Private: the tagger's string and feature hashes (over core/hashing.h), shared by features,
// resources and the model file.
// They are part of the model format: changing them needs a new model version.

#include <cstdint>
#include <string_view>

#include "core/hashing.h"

namespace newsgraph::tagger {

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

#include <charconv>

#include "pipeline/pipeline.h"

namespace newsgraph::pipeline {

uint64_t documentHash(std::string_view id) {
  uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : id) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

bool inShard(std::string_view id, const Shard& shard) {
  return documentHash(id) % static_cast<uint64_t>(shard.count) ==
         static_cast<uint64_t>(shard.index - 1);
}

Shard parseShard(std::string_view text) {
  auto number = [&](std::string_view part, int& value) {
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    return ec == std::errc() && end == part.data() + part.size() && !part.empty();
  };
  size_t slash = text.find('/');
  Shard shard;
  bool ok = slash != std::string_view::npos && number(text.substr(0, slash), shard.index) &&
            number(text.substr(slash + 1), shard.count) && shard.count >= 1 &&
            shard.index >= 1 && shard.index <= shard.count;
  NG_CHECK(ok, std::string(text), "a shard is I/N with 1 <= I <= N, e.g. --shard 2/3");
  return shard;
}

}  // namespace newsgraph::pipeline

#pragma once
// Private to pipeline/: how far through its inputs a build is, for progress and ETA. The
// total is the uncompressed size of the input files (a gzip file's from its trailer); the
// position is estimated from the documents seen: files before the current one count whole,
// the current one by the text bytes read from it so far.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsgraph::pipeline {

class InputMeter {
 public:
  explicit InputMeter(const std::vector<std::string>& inputs);
  // Uncompressed bytes of all inputs; 0 when unknown (stdin, an input that cannot be sized).
  uint64_t total() const { return total_; }
  // A document with `textBytes` of text was read from `source` (a path, or path:line).
  void add(std::string_view source, uint64_t textBytes);
  uint64_t done() const;

 private:
  std::vector<uint64_t> sizes_;
  std::unordered_map<std::string, size_t> index_;  // path -> position in sizes_
  uint64_t total_ = 0;
  size_t current_ = 0;
  uint64_t before_ = 0;  // bytes of the files before current_
  uint64_t inCurrent_ = 0;
};

}  // namespace newsgraph::pipeline

#include "pipeline/input_meter.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "extract/corpus/corpus.h"

namespace newsgraph::pipeline {

namespace {

// Uncompressed size: a gzip file's ISIZE trailer (the size mod 2^32 of its last member, so
// never trusted below the compressed size), else the file size. 0 when it cannot be read.
uint64_t uncompressedSize(const std::string& path) {
  std::error_code ec;
  uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) return 0;
  std::ifstream in(path, std::ios::binary);
  unsigned char magic[2] = {0, 0};
  if (size < 18 || !in.read(reinterpret_cast<char*>(magic), 2) || magic[0] != 0x1f ||
      magic[1] != 0x8b) {
    return size;
  }
  unsigned char trailer[4];
  in.seekg(-4, std::ios::end);
  if (!in.read(reinterpret_cast<char*>(trailer), 4)) return size;
  uint64_t isize = trailer[0] | (trailer[1] << 8) | (trailer[2] << 16) |
                   (static_cast<uint64_t>(trailer[3]) << 24);
  return std::max(isize, size);
}

}  // namespace

InputMeter::InputMeter(const std::vector<std::string>& inputs) {
  std::vector<std::string> files =
      corpus::CorpusReader(inputs).files([](const Error&) {});  // the run reports them
  bool known = true;
  for (const std::string& file : files) {
    uint64_t size = file == "-" ? 0 : uncompressedSize(file);
    if (size == 0) known = false;
    index_.emplace(file, sizes_.size());
    sizes_.push_back(size);
    total_ += size;
  }
  if (!known) total_ = 0;
}

void InputMeter::add(std::string_view source, uint64_t textBytes) {
  auto it = index_.find(std::string(source));
  if (it == index_.end()) {
    size_t colon = source.rfind(':');  // JSONL records are "path:line"
    if (colon == std::string_view::npos) return;
    it = index_.find(std::string(source.substr(0, colon)));
    if (it == index_.end()) return;
  }
  if (it->second != current_) {
    if (it->second < current_) return;  // files are read in order; stay monotonic
    current_ = it->second;
    before_ = 0;
    for (size_t i = 0; i < current_; ++i) before_ += sizes_[i];
    inCurrent_ = 0;
  }
  inCurrent_ += textBytes;
}

uint64_t InputMeter::done() const {
  if (sizes_.empty()) return 0;
  return before_ + std::min(inCurrent_, sizes_[current_]);
}

}  // namespace newsgraph::pipeline

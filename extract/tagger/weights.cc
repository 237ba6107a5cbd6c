#include "extract/tagger/weights.h"

#include <algorithm>

namespace newsgraph::tagger {

WeightTable::WeightTable(int hashBits) : blocks_(((size_t{1} << hashBits) + 63) / 64) {}

WeightTable WeightTable::fromDense(int hashBits, const std::vector<int16_t>& dense) {
  WeightTable table(hashBits);
  const size_t rows = dense.size() / kLabels;
  for (size_t r = 0; r < rows; ++r) {
    const int16_t* values = dense.data() + r * kLabels;
    if (std::any_of(values, values + kLabels, [](int16_t v) { return v != 0; })) {
      table.append(static_cast<uint32_t>(r), values);
    }
  }
  return table;
}

void WeightTable::append(uint32_t index, const int16_t* values) {
  const size_t block = index >> 6;
  for (; ranked_ <= block; ++ranked_) blocks_[ranked_].rank = static_cast<uint32_t>(rows_.size());
  blocks_[block].bits |= uint64_t{1} << (index & 63);
  std::copy(values, values + kLabels, rows_.emplace_back().values);  // padding stays zero
}

}  // namespace newsgraph::tagger

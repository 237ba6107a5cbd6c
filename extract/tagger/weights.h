#pragma once
// Private: the model's int16 weight rows, only the non-zero ones. A trained model fills about
// 6 % of its 2^20 hashed rows; dense, the table is 36 MB and every token gathers some 50 rows
// from it at random. Here a bitmap with a running count per 64 rows (256 KB, stays in L2)
// says whether a row exists and where it sits, and each row fills one 64-byte cache line.

#include <cstdint>
#include <vector>

#include "extract/tagger/features.h"

namespace newsgraph::tagger {

class WeightTable {
 public:
  static constexpr int kRowWidth = 32;  // kLabels values, padded to a cache line

  explicit WeightTable(int hashBits);
  // From (1 << hashBits) x kLabels values; all-zero rows are left out.
  static WeightTable fromDense(int hashBits, const std::vector<int16_t>& dense);

  // Adds the kLabels values of row index, which must be larger than every index added so far.
  void append(uint32_t index, const int16_t* values);

  // The kLabels values of a row, or nullptr when they are all zero. index < 2^hashBits.
  const int16_t* row(uint32_t index) const {
    const Block& b = blocks_[index >> 6];
    const uint64_t bit = uint64_t{1} << (index & 63);
    if (!(b.bits & bit)) return nullptr;
    return rows_[b.rank + bitCount(b.bits & (bit - 1))].values;
  }

  size_t rowCount() const { return rows_.size(); }
  // Calls f(index, values) for every stored row, by increasing index.
  template <typename F>
  void forEachRow(F&& f) const {
    size_t r = 0;
    for (size_t b = 0; b < blocks_.size(); ++b) {
      for (uint64_t bits = blocks_[b].bits; bits; bits &= bits - 1) {
        f(static_cast<uint32_t>(b * 64 + __builtin_ctzll(bits)), rows_[r++].values);
      }
    }
  }

 private:
  // Without -mpopcnt, __builtin_popcountll is a call into libgcc; this is a few inline ALU
  // operations on any x86-64.
  static uint32_t bitCount(uint64_t x) {
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return static_cast<uint32_t>((x * 0x0101010101010101ull) >> 56);
  }
  struct Block {
    uint64_t bits = 0;   // which of these 64 rows are stored
    uint32_t rank = 0;   // rows stored before this block
    uint32_t unused = 0;
  };
  struct alignas(64) Row {
    int16_t values[kRowWidth];
  };
  static_assert(kLabels <= kRowWidth, "a row must fit one cache line");

  std::vector<Block> blocks_;
  std::vector<Row> rows_;
  size_t ranked_ = 0;  // blocks whose rank is set
};

}  // namespace newsgraph::tagger

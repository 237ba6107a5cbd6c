#pragma once
// Private: the weights of one classifier, as trained (dense floats with averaging) and as
// shipped (int16 rows, only the non-zero ones). Rows are addressed by a hashed feature; a
// bitmap with a running count per 64 rows says whether a row is stored and where, so the
// shipped table is the size of its non-zero rows, and a look-up touches the bitmap (small,
// cached) and one contiguous row.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace newsgraph::syntax {

// Row index of a 64-bit feature hash in a table of 2^bits rows (high bits: well mixed).
inline uint32_t rowOf(uint64_t featureHash, int bits) {
  return static_cast<uint32_t>(featureHash >> (64 - bits));
}

// Large arrays on transparent huge pages where the kernel allows them (madvise): the rows a
// word needs sit at random in tens of MB, and with 4 KB pages each look-up also misses the TLB.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(size_t n) { return static_cast<T*>(allocateBytes(n * sizeof(T))); }
  void deallocate(T* p, size_t) { freeBytes(p); }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
  static void* allocateBytes(size_t bytes);
  static void freeBytes(void* p);
};

class SparseWeights {
 public:
  static constexpr int kMaxStride = 128;  // the tagger's XPOS + UPOS columns, padded to 8

  SparseWeights() = default;
  SparseWeights(int hashBits, int width);

  int hashBits() const { return bits_; }
  int width() const { return width_; }
  size_t rowCount() const { return rowCount_; }

  // Adds row `index` (larger than every index added so far); `values` has width() entries.
  void append(uint32_t index, const int16_t* values);

  // The row's width() values, or nullptr when the row is all zero.
  const int16_t* row(uint32_t index) const {
    const Block& b = blocks_[index >> 6];
    const uint64_t bit = uint64_t{1} << (index & 63);
    if (!(b.bits & bit)) return nullptr;
    return values_.data() + size_t(b.rank + popcount(b.bits & (bit - 1))) * stride_;
  }

  // Adds the rows of `features` (at most kMaxFeatures) to scores[0..width).
  static constexpr int kMaxFeatures = 128;
  void score(const uint32_t* features, int count, int32_t* scores) const;

  // f(index, values) for every stored row, by increasing index.
  template <typename F>
  void forEachRow(F&& f) const {
    size_t r = 0;
    for (size_t b = 0; b < blocks_.size(); ++b) {
      for (uint64_t bits = blocks_[b].bits; bits; bits &= bits - 1) {
        f(static_cast<uint32_t>(b * 64 + __builtin_ctzll(bits)), values_.data() + r++ * stride_);
      }
    }
  }

 private:
  // Without -mpopcnt, __builtin_popcountll is a libgcc call; this stays inline.
  static uint32_t popcount(uint64_t x) {
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return static_cast<uint32_t>((x * 0x0101010101010101ull) >> 56);
  }
  struct Block {
    uint64_t bits = 0;  // which of these 64 rows are stored
    uint32_t rank = 0;  // rows stored before this block
  };
  int bits_ = 0, width_ = 0, stride_ = 0;
  std::vector<Block, HugePageAllocator<Block>> blocks_;
  std::vector<int16_t, HugePageAllocator<int16_t>> values_;  // rowCount_ x stride_
  size_t rowCount_ = 0;
  size_t ranked_ = 0;  // blocks whose rank is set
};

// Averaged perceptron weights during training: w and the sum of c * update (Daumé's trick),
// so the average is w - u / c without touching every weight at every step.
class Perceptron {
 public:
  Perceptron(int hashBits, int width);
  int width() const { return width_; }
  int hashBits() const { return bits_; }

  void score(const uint32_t* features, int count, float* scores) const;
  // Moves the weights of `features` towards `good` and away from `bad`.
  void update(const uint32_t* features, int count, int good, int bad);
  // One training example seen (the clock of the average).
  void tick() { ++clock_; }

  // The averaged weights as int16 with one scale for the table; small weights become 0.
  SparseWeights averaged() const;

 private:
  int bits_, width_;
  std::vector<float> w_;
  std::vector<double> u_;  // float loses the small updates once the clock passes 2^24
  double clock_ = 1;
};

}  // namespace newsgraph::syntax

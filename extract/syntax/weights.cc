#include "extract/syntax/weights.h"

#include <sys/mman.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <new>

namespace newsgraph::syntax {

template <typename T>
void* HugePageAllocator<T>::allocateBytes(size_t bytes) {
  constexpr size_t kHugePage = size_t{2} << 20;
  if (bytes < 2 * kHugePage) {
    if (void* p = std::malloc(bytes ? bytes : 1)) return p;
    throw std::bad_alloc();
  }
  const size_t rounded = (bytes + kHugePage - 1) & ~(kHugePage - 1);
  void* p = std::aligned_alloc(kHugePage, rounded);
  if (!p) throw std::bad_alloc();
  madvise(p, rounded, MADV_HUGEPAGE);  // a hint: without it the pages are small, nothing fails
  return p;
}

template <typename T>
void HugePageAllocator<T>::freeBytes(void* p) {
  std::free(p);
}

template struct HugePageAllocator<int16_t>;
template struct HugePageAllocator<SparseWeights::Block>;

SparseWeights::SparseWeights(int hashBits, int width)
    : bits_(hashBits),
      width_(width),
      stride_(width <= 4 ? 4 : (width + 7) & ~7),
      blocks_(((size_t{1} << hashBits) + 63) / 64) {}

void SparseWeights::append(uint32_t index, const int16_t* values) {
  const size_t block = index >> 6;
  for (; ranked_ <= block; ++ranked_) blocks_[ranked_].rank = static_cast<uint32_t>(rowCount_);
  blocks_[block].bits |= uint64_t{1} << (index & 63);
  values_.resize((rowCount_ + 1) * stride_, 0);
  std::copy(values, values + width_, values_.data() + rowCount_ * stride_);
  ++rowCount_;
}

void SparseWeights::score(const uint32_t* features, int count, int32_t* scores) const {
  // Look all rows up first, so that their cache misses overlap.
  const int16_t* rows[kMaxFeatures];
  int m = 0;
  for (int k = 0; k < count && m < kMaxFeatures; ++k) {
    if (const int16_t* r = row(features[k])) {
      __builtin_prefetch(r);
      rows[m++] = r;
    }
  }
  // Fixed-size chunks of the zero-padded rows, so that the compiler vectorises the sums.
  alignas(64) int32_t sum[kMaxStride] = {};
  if (stride_ == 4) {
    for (int k = 0; k < m; ++k) {
      for (int y = 0; y < 4; ++y) sum[y] += rows[k][y];
    }
  } else {
    for (int k = 0; k < m; ++k) {
      for (int y = 0; y < stride_; y += 8) {
        const int16_t* __restrict r = rows[k] + y;
        int32_t* __restrict s = sum + y;
        for (int j = 0; j < 8; ++j) s[j] += r[j];
      }
    }
  }
  for (int y = 0; y < width_; ++y) scores[y] += sum[y];
}

Perceptron::Perceptron(int hashBits, int width)
    : bits_(hashBits),
      width_(width),
      w_((size_t{1} << hashBits) * width, 0.0f),
      u_((size_t{1} << hashBits) * width, 0.0) {}

void Perceptron::score(const uint32_t* features, int count, float* scores) const {
  for (int k = 0; k < count; ++k) {
    const float* r = w_.data() + size_t(features[k]) * width_;
    for (int y = 0; y < width_; ++y) scores[y] += r[y];
  }
}

void Perceptron::update(const uint32_t* features, int count, int good, int bad) {
  const double c = clock_;
  for (int k = 0; k < count; ++k) {
    const size_t base = size_t(features[k]) * width_;
    w_[base + good] += 1.0f;
    u_[base + good] += c;
    w_[base + bad] -= 1.0f;
    u_[base + bad] -= c;
  }
}

SparseWeights Perceptron::averaged() const {
  const size_t n = w_.size();
  std::vector<float> avg(n);
  float maxAbs = 1e-6f;
  for (size_t i = 0; i < n; ++i) {
    avg[i] = static_cast<float>(w_[i] - u_[i] / clock_);
    maxAbs = std::max(maxAbs, std::fabs(avg[i]));
  }
  const float scale = 32000.0f / maxAbs;
  SparseWeights out(bits_, width_);
  std::vector<int16_t> row(width_);
  const size_t rows = size_t{1} << bits_;
  for (size_t r = 0; r < rows; ++r) {
    bool any = false;
    for (int y = 0; y < width_; ++y) {
      row[y] = static_cast<int16_t>(std::lround(avg[r * width_ + y] * scale));
      any |= row[y] != 0;
    }
    if (any) out.append(static_cast<uint32_t>(r), row.data());
  }
  return out;
}

}  // namespace newsgraph::syntax

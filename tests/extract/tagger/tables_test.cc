#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "extract/tagger/features.h"
#include "extract/tagger/hashing.h"
#include "extract/tagger/weights.h"

namespace newsgraph::tagger {
namespace {

TEST(WeightTableTest, KeepsNonZeroRowsAcrossBlocks) {
  const int bits = 9;  // 512 rows, 8 blocks of 64
  std::vector<int16_t> dense(size_t{kLabels} << bits, 0);
  const std::vector<uint32_t> filled = {0, 63, 64, 65, 200, 511};
  for (uint32_t r : filled) {
    dense[r * kLabels] = static_cast<int16_t>(r + 1);
    dense[r * kLabels + kLabels - 1] = static_cast<int16_t>(-int(r) - 7);
  }
  WeightTable table = WeightTable::fromDense(bits, dense);
  EXPECT_EQ(table.rowCount(), filled.size());
  for (uint32_t r = 0; r < 512; ++r) {
    const int16_t* row = table.row(r);
    bool expected = std::find(filled.begin(), filled.end(), r) != filled.end();
    ASSERT_EQ(row != nullptr, expected) << r;
    if (!row) continue;
    EXPECT_EQ(reinterpret_cast<uintptr_t>(row) % 64, 0u) << "row " << r << " not line-aligned";
    for (int y = 0; y < kLabels; ++y) EXPECT_EQ(row[y], dense[r * kLabels + y]) << r << ' ' << y;
  }
  std::vector<uint32_t> seen;
  table.forEachRow([&](uint32_t r, const int16_t* row) {
    seen.push_back(r);
    EXPECT_EQ(row, table.row(r));
  });
  EXPECT_EQ(seen, filled);
}

TEST(WeightTableTest, EmptyTableHasNoRows) {
  WeightTable table(8);
  EXPECT_EQ(table.rowCount(), 0u);
  for (uint32_t r = 0; r < 256; ++r) EXPECT_EQ(table.row(r), nullptr);
}

TEST(HashTableTest, FindsEveryKeyAfterGrowing) {
  HashTable<uint32_t> table;
  EXPECT_EQ(table.find(42), nullptr);
  // Keys that share their low bits, as weak hashes would.
  for (uint64_t i = 0; i < 1000; ++i) table[i << 40] = static_cast<uint32_t>(i + 1);
  EXPECT_EQ(table.size(), 1000u);
  for (uint64_t i = 0; i < 1000; ++i) {
    const uint32_t* v = table.find(i << 40);
    ASSERT_NE(v, nullptr) << i;
    EXPECT_EQ(*v, i + 1);
  }
  EXPECT_EQ(table.find(1), nullptr);
  table[5ull << 40] = 99;
  EXPECT_EQ(table.size(), 1000u);
  EXPECT_EQ(*table.find(5ull << 40), 99u);
  table.clear();
  EXPECT_EQ(table.size(), 0u);
  EXPECT_EQ(table.find(5ull << 40), nullptr);
}

uint64_t nameHash(std::initializer_list<std::string_view> tokens) {
  uint64_t h = kFnvBasis;
  bool first = true;
  for (std::string_view t : tokens) {
    h = extendName(h, t, first);
    first = false;
  }
  return h;
}

TEST(ResourcesTest, NamePrefixesLetLookUpsStop) {
  Resources res;
  res.addName({"bank", "of", "england"}, 1u << 1);
  res.addName({"bank"}, 1u << 3);
  EXPECT_EQ(res.nameCount(), 2u);
  ASSERT_NE(res.nameEntry(nameHash({"bank"})), nullptr);
  EXPECT_EQ(*res.nameEntry(nameHash({"bank"})), 1u << 3);
  ASSERT_NE(res.nameEntry(nameHash({"bank", "of"})), nullptr);  // only a prefix
  EXPECT_EQ(*res.nameEntry(nameHash({"bank", "of"})), 0u);
  EXPECT_EQ(*res.nameEntry(nameHash({"Bank", "of", "England"})), 1u << 1);
  EXPECT_EQ(res.nameEntry(nameHash({"bank", "for"})), nullptr);
  EXPECT_EQ(res.nameEntry(nameHash({"of"})), nullptr);
  // A table read from a file without prefixes cannot tell: every look-up goes on.
  res.setPrefixesKnown(false);
  ASSERT_NE(res.nameEntry(nameHash({"of"})), nullptr);
  EXPECT_EQ(*res.nameEntry(nameHash({"of"})), 0u);
}

TEST(ResourcesTest, LongNameBehindAPrefixIsStillMarked) {
  Resources res;
  res.addName({"bank", "of", "england"}, 1u << 1);
  FeatureExtractor fx(res, ModelOptions());
  Workspace ws;
  ws.words = {"the", "Bank", "of", "England", "said"};
  fx.extract(nullptr, &ws);
  EXPECT_EQ(ws.tokens[1].gazetteer, 1u << (1 * 4 + 0));  // B
  EXPECT_EQ(ws.tokens[2].gazetteer, 1u << (1 * 4 + 1));  // I
  EXPECT_EQ(ws.tokens[3].gazetteer, 1u << (1 * 4 + 2));  // L
  EXPECT_EQ(ws.tokens[4].gazetteer, 0u);
}

}  // namespace
}  // namespace newsgraph::tagger

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "core/core.h"

namespace newsgraph {
namespace {

TEST(CoreTest, EntityTypesRoundTrip) {
  for (int i = 0; i < kEntityTypeCount; ++i) {
    auto type = static_cast<EntityType>(i);
    EXPECT_EQ(parseEntityType(toString(type)), type);
  }
  EXPECT_EQ(parseEntityType("PER"), std::nullopt);
  EXPECT_EQ(toString(EntityType::Gpe), "GPE");
}

TEST(CoreTest, FoldNameLowersStripsAccentsAndArticle) {
  EXPECT_EQ(foldName("Sergey Lavrov"), "sergey lavrov");
  EXPECT_EQ(foldName("  The   Taliban "), "taliban");
  EXPECT_EQ(foldName("Türkiye"), "turkiye");
  EXPECT_EQ(foldName("Soviet\u2013Afghan War"), "soviet-afghan war");
  EXPECT_EQ(foldName("Kiev\u2019s"), "kiev's");
  EXPECT_EQ(foldName("S\xC3\xA3o\xC2\xA0Paulo"), "sao paulo");  // NBSP is a space
  EXPECT_EQ(foldName("bad\xFF" "byte"), "badbyte");
  EXPECT_EQ(foldName("theory"), "theory");
}

TEST(CoreTest, ErrorOneLineNamesWhereAndSource) {
  try {
    NG_THROW("input.jsonl:3", "malformed JSON\nrecord");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where(), "input.jsonl:3");
    std::string line = e.oneLine();
    EXPECT_EQ(line.rfind("input.jsonl:3: malformed JSON record [", 0), 0u) << line;
    EXPECT_NE(line.find("core_test.cc:"), std::string::npos) << line;
  }
}

TEST(CoreTest, WriteFileAtomicallyReplacesWholeFile) {
  auto path = (std::filesystem::temp_directory_path() / "ng_core_atomic.txt").string();
  writeFileAtomically(path, "first version");
  writeFileAtomically(path, "second");
  EXPECT_EQ(readFile(path), "second");
  std::remove(path.c_str());
  EXPECT_THROW(writeFileAtomically("/nonexistent-dir/x.graphml", "x"), Error);
  EXPECT_THROW(readFile("/nonexistent-dir/x.txt"), Error);
}

TEST(CoreTest, StreamingWriteThatFailsLeavesTheOldFile) {
  auto dir = std::filesystem::temp_directory_path() / "ng_core_stream";
  std::filesystem::create_directories(dir);
  std::string path = (dir / "out.graphml").string();
  writeFileAtomically(path, [](std::ostream& out) { out << "complete"; });
  EXPECT_EQ(readFile(path), "complete");
  EXPECT_THROW(writeFileAtomically(path,
                                   [](std::ostream& out) {
                                     out << "half";
                                     throw std::runtime_error("interrupted");
                                   }),
               std::runtime_error);
  EXPECT_EQ(readFile(path), "complete");
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) files += entry.is_regular_file();
  EXPECT_EQ(files, 1u);  // no temporary file left behind
  std::filesystem::remove_all(dir);
}

TEST(CoreTest, LineOfOffsetCountsNewlines) {
  EXPECT_EQ(lineOfOffset("a\nb\nc", 0), 1);
  EXPECT_EQ(lineOfOffset("a\nb\nc", 2), 2);
  EXPECT_EQ(lineOfOffset("a\nb\nc", 4), 3);
}

}  // namespace
}  // namespace newsgraph

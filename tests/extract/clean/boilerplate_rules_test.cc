#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "extract/clean/clean.h"

namespace newsgraph::clean {
namespace {

namespace fs = std::filesystem;

class BoilerplateRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsgraph_clean_test_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& content) { std::ofstream(dir_ / "boilerplate.json") << content; }
  std::string whereOfLoadError() {
    try {
      BoilerplateRules::load(dir_.string());
    } catch (const Error& e) {
      return e.where();
    }
    return "no error";
  }
  fs::path dir_;
};

TEST_F(BoilerplateRulesTest, ShippedFileLoads) {
  BoilerplateRules rules = BoilerplateRules::load(NEWSGRAPH_SOURCE_DIR "/data");
  BoilerplateRules copy = rules;
  EXPECT_EQ(findBody("Talks end in deadlock\nAdvertisement\nText.\n", copy).size(), 2u);
}

TEST_F(BoilerplateRulesTest, SyntaxErrorHasPathAndLine) {
  write("{\n  \"format\": \"newsgraph-boilerplate/1\",\n  \"drop_lines\": [\"a\",,]\n}\n");
  EXPECT_EQ(whereOfLoadError(), (dir_ / "boilerplate.json").string() + ":3");
}

TEST_F(BoilerplateRulesTest, DuplicateMarkerHasPathAndLine) {
  write("{\n  \"format\": \"newsgraph-boilerplate/1\",\n  \"drop_lines\": [\n    \"share\",\n    \"Share\"\n  ]\n}\n");
  EXPECT_EQ(whereOfLoadError(), (dir_ / "boilerplate.json").string() + ":5");
}

TEST_F(BoilerplateRulesTest, UnknownKeyAndWrongTypes) {
  write("{\n  \"format\": \"newsgraph-boilerplate/1\",\n  \"drop_line\": []\n}\n");
  EXPECT_EQ(whereOfLoadError(), (dir_ / "boilerplate.json").string() + ":3");
  write("{\n  \"format\": \"newsgraph-boilerplate/1\",\n  \"cut_markers\": [1]\n}\n");
  EXPECT_EQ(whereOfLoadError(), (dir_ / "boilerplate.json").string() + ":3");
  write("{\n  \"format\": \"other/2\"\n}\n");
  EXPECT_EQ(whereOfLoadError(), (dir_ / "boilerplate.json").string() + ":2");
}

TEST_F(BoilerplateRulesTest, MissingFileThrows) {
  EXPECT_THROW(BoilerplateRules::load((dir_ / "nowhere").string()), Error);
}

}  // namespace
}  // namespace newsgraph::clean

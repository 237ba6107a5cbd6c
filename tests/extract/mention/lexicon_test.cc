#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "extract/mention/mention.h"
#include "tests/extract/mention/test_util.h"

namespace newsgraph::mention {
namespace {

namespace fs = std::filesystem;
using testing::lexicon;

class LexiconFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("mention_lexicon_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_ / "lexicons");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / "lexicons" / name) << content;
  }
  fs::path dir_;
};

TEST_F(LexiconFiles, LoadsSmallLexicon) {
  write("states.tsv", "# comment\ncanonical\ttype\taliases\tdemonyms\tcapital\n"
                      "Freedonia\tGPE\tRepublic of Freedonia;RF\tFreedonian;Freedonians\tFredville\n");
  write("capitals.tsv", "canonical\ttype\taliases\tcapital_of\nFredville\tGPE\t\tFreedonia\n");
  Lexicon lex = Lexicon::load(dir_.string());
  ASSERT_NE(lex.lookup("republic of freedonia"), nullptr);
  EXPECT_EQ(lex.lookup("RF")->canonical, "Freedonia");
  EXPECT_EQ(lex.lookup("Freedonians")->canonical, "Freedonia");
  EXPECT_EQ(lex.governmentOf("Fredville")->canonical, "Freedonia");
  EXPECT_EQ(lex.entry("Freedonia")->capital, "Fredville");
  EXPECT_EQ(lex.lookup("Sylvania"), nullptr);
}

TEST_F(LexiconFiles, BadColumnCountNamesPathAndLine) {
  write("places.tsv", "canonical\ttype\taliases\n# note\nGoodtown\tGPE\t\nBadtown\tGPE\n");
  try {
    Lexicon::load(dir_.string());
    FAIL() << "expected Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where(), (dir_ / "lexicons" / "places.tsv").string() + ":4");
    EXPECT_NE(e.message().find("columns"), std::string::npos);
  }
}

TEST_F(LexiconFiles, UnknownTypeNamesPathAndLine) {
  write("people.tsv", "canonical\ttype\taliases\nJane Doe\tHUMAN\t\n");
  try {
    Lexicon::load(dir_.string());
    FAIL() << "expected Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where(), (dir_ / "lexicons" / "people.tsv").string() + ":2");
    EXPECT_NE(e.message().find("HUMAN"), std::string::npos);
  }
}

TEST_F(LexiconFiles, RejectsDuplicateCanonicalAndBadTitleKind) {
  write("places.tsv", "canonical\ttype\nGoodtown\tGPE\nGoodtown\tGPE\n");
  EXPECT_THROW(Lexicon::load(dir_.string()), Error);
  fs::remove(dir_ / "lexicons" / "places.tsv");
  write("titles.tsv", "title\tkind\npresident\tboss\n");
  EXPECT_THROW(Lexicon::load(dir_.string()), Error);
}

TEST_F(LexiconFiles, MissingDirectoryIsAnError) {
  EXPECT_THROW(Lexicon::load((dir_ / "nowhere").string()), Error);
}

TEST(LexiconTest, StandardDataLoadsAndFindsAliases) {
  const Lexicon& lex = lexicon();
  EXPECT_EQ(lex.lookup("Russian Federation")->canonical, "Russia");
  EXPECT_EQ(lex.lookup("U.S.")->canonical, "United States");
  EXPECT_EQ(lex.lookup("Britain")->canonical, "United Kingdom");
  EXPECT_EQ(lex.lookup("Turkey")->canonical, "Türkiye");
  EXPECT_EQ(lex.lookup("DPRK")->canonical, "North Korea");
  EXPECT_EQ(lex.lookup("Sergei Lavrov")->canonical, "Sergey Lavrov");
  EXPECT_EQ(lex.lookup("Zelenskiy")->canonical, "Volodymyr Zelensky");
  EXPECT_EQ(lex.lookup("Recep Tayyip Erdoğan")->canonical, "Recep Tayyip Erdogan");
  EXPECT_EQ(lex.lookup("Islamic Emirate of Afghanistan")->canonical, "Taliban");
  EXPECT_EQ(lex.lookup("ISIL")->canonical, "Islamic State");
  EXPECT_EQ(lex.lookup("the West")->canonical, "West");
  EXPECT_EQ(lex.lookup("USSR")->type, EntityType::Gpe);
  EXPECT_EQ(lex.lookup("Central Asia")->type, EntityType::Loc);
  EXPECT_EQ(lex.lookup("Bagram Air Base")->type, EntityType::Fac);
  EXPECT_EQ(lex.lookup("World War II")->type, EntityType::Event);
}

TEST(LexiconTest, DemonymsAndCapitalsPointAtTheState) {
  const Lexicon& lex = lexicon();
  EXPECT_EQ(lex.lookup("Afghans")->canonical, "Afghanistan");
  EXPECT_EQ(lex.governmentOf("Moscow")->canonical, "Russia");
  EXPECT_EQ(lex.governmentOf("Kiev")->canonical, "Ukraine");
  EXPECT_EQ(lex.governmentOf("Uzbek")->canonical, "Uzbekistan");
  EXPECT_EQ(lex.governmentOf("Kazan"), nullptr);  // a city, not a capital
  EXPECT_EQ(lex.entry("Kremlin")->part_of, "Russia");
}

TEST(LexiconTest, EveryStateHasCapitalAndEveryCapitalResolves) {
  const Lexicon& lex = lexicon();
  for (const char* state : {"Russia", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan",
                            "Uzbekistan", "Armenia", "Belarus", "Brazil", "Niger"}) {
    const LexiconEntry* e = lex.entry(state);
    ASSERT_NE(e, nullptr) << state;
    ASSERT_FALSE(e->capital.empty()) << state;
    const LexiconEntry* capital = lex.lookup(e->capital);
    ASSERT_NE(capital, nullptr) << e->capital;
    EXPECT_EQ(lex.governmentOf(capital->canonical), e) << e->capital;
  }
}

TEST(LexiconTest, TitleAtMatchesLongestTitle) {
  std::string text = "Deputy Foreign Minister Andrei Rudenko met Mr. Smith.";
  text::Segmentation seg = text::segment(text, {Span{0, static_cast<uint32_t>(text.size())}});
  uint32_t length = 0;
  std::optional<TitleEntry> title = lexicon().titleAt(seg, 0, &length);
  ASSERT_TRUE(title);
  EXPECT_EQ(title->title, "deputy foreign minister");
  EXPECT_TRUE(title->office);
  EXPECT_EQ(length, 3u);
  uint32_t i = 0;
  while (seg.tokens[i].text != "Mr.") ++i;
  title = lexicon().titleAt(seg, i, &length);
  ASSERT_TRUE(title);
  EXPECT_FALSE(title->office);
  EXPECT_FALSE(lexicon().titleAt(seg, 3, &length));
}

TEST(LexiconTest, AllNamesIncludesAliases) {
  std::vector<std::string> names = lexicon().allNames();
  EXPECT_NE(std::find(names.begin(), names.end(), "NATO"), names.end());
  EXPECT_GT(names.size(), 2000u);
}

}  // namespace
}  // namespace newsgraph::mention

#include <gtest/gtest.h>

#include "tests/extract/mention/test_util.h"

namespace newsgraph::mention {
namespace {

using testing::findIn;
using testing::findSurface;
using testing::surfaces;

TEST(GazetteerTest, LongestMatchWins) {
  auto found = findIn("Delegates from the United States and the United Arab Emirates arrived.");
  EXPECT_EQ(surfaces(found), (std::vector<std::string>{"United States", "United Arab Emirates"}));
  EXPECT_EQ(found[0].canonical, "United States");
  EXPECT_EQ(found[0].kind, MentionKind::Name);
}

TEST(GazetteerTest, AcronymsMatchOnlyInCapitals) {
  auto found = findIn("Let us see what the US and the U.S.A. decide, who knows, said WHO.");
  EXPECT_EQ(surfaces(found), (std::vector<std::string>{"US", "U.S.A.", "WHO"}));
  EXPECT_EQ(found[2].canonical, "World Health Organization");
}

TEST(GazetteerTest, CommonNounsInLowerCaseAreNotNames) {
  EXPECT_TRUE(findIn("We ate turkey in the west wing and played the chad game.").empty());
  auto found = findIn("Turkey and Chad signed a deal with the West.");
  EXPECT_EQ(surfaces(found), (std::vector<std::string>{"Turkey", "Chad", "West"}));
  EXPECT_EQ(found[0].canonical, "Türkiye");
  EXPECT_EQ(found[2].type, EntityType::Loc);
}

TEST(GazetteerTest, DemonymsPointAtTheirState) {
  auto found = findIn("Afghan and Kazakh officials met Russians in Tashkent.");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].kind, MentionKind::Demonym);
  EXPECT_EQ(found[0].canonical, "Afghanistan");
  EXPECT_EQ(found[1].canonical, "Kazakhstan");
  EXPECT_EQ(found[2].canonical, "Russia");
  EXPECT_EQ(found[2].type, EntityType::Gpe);
  EXPECT_EQ(found[3].kind, MentionKind::Name);
  EXPECT_EQ(found[3].canonical, "Tashkent");
}

TEST(GazetteerTest, AliasesAndSpellingsResolveToCanonical) {
  auto found = findIn("Sergei Lavrov spoke about al-Qaida, Daesh and the Islamic Emirate in Kyiv.");
  EXPECT_EQ(findSurface(found, "Sergei Lavrov")->canonical, "Sergey Lavrov");
  EXPECT_EQ(findSurface(found, "al-Qaida")->canonical, "al-Qaeda");
  EXPECT_EQ(findSurface(found, "Daesh")->canonical, "Islamic State");
  EXPECT_EQ(findSurface(found, "Islamic Emirate")->canonical, "Taliban");
  EXPECT_EQ(findSurface(found, "Kyiv")->canonical, "Kyiv");
}

TEST(GazetteerTest, HyphenatedPrefixNamesTheEntity) {
  auto found = findIn("The U.S.-led coalition used Soviet-era bases.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].surface, "U.S.");
  EXPECT_EQ(found[0].canonical, "United States");
  EXPECT_EQ(found[1].surface, "Soviet");
  EXPECT_EQ(found[1].canonical, "Soviet Union");
}

TEST(GazetteerTest, TheIsNotPartOfTheName) {
  auto found = findIn("The Taliban met the Kremlin envoy.");
  EXPECT_EQ(surfaces(found), (std::vector<std::string>{"Taliban", "Kremlin"}));
}

}  // namespace
}  // namespace newsgraph::mention

#include <gtest/gtest.h>

#include "tests/extract/mention/test_util.h"

namespace newsgraph::mention {
namespace {

using testing::findIn;
using testing::findSurface;

const tagger::Tagger& model() {
  static const tagger::Tagger t = tagger::Tagger::load(std::string(NEWSGRAPH_SOURCE_DIR) + "/data/models/ner.model");
  return t;
}

TEST(TaggerMentionsTest, TaggerFindsNamesNoLexiconKnows) {
  std::string text = "Yesterday the chairman of Brandwijk Holdings, Olek Varnavin, met bankers in Dordrecht.";
  auto without = findIn(text);
  auto with = findIn(text, &model());
  EXPECT_EQ(findSurface(without, "Dordrecht"), nullptr);
  const testing::Found* place = findSurface(with, "Dordrecht");
  ASSERT_NE(place, nullptr);
  EXPECT_EQ(place->type, EntityType::Gpe);
  EXPECT_EQ(place->kind, MentionKind::Tagger);
  EXPECT_NE(findSurface(with, "Brandwijk Holdings"), nullptr);
}

TEST(TaggerMentionsTest, LexiconAndPatternsWinOverlaps) {
  auto found = findIn("Russian Foreign Minister Sergey Lavrov met officials in Kabul.", &model());
  const testing::Found* lavrov = findSurface(found, "Sergey Lavrov");
  ASSERT_NE(lavrov, nullptr);
  EXPECT_NE(lavrov->kind, MentionKind::Tagger);
  const testing::Found* kabul = findSurface(found, "Kabul");
  ASSERT_NE(kabul, nullptr);
  EXPECT_EQ(kabul->kind, MentionKind::Name);
}

TEST(TaggerMentionsTest, HeadlinesAreNotTagged) {
  for (const testing::Found& f : findIn("Ministry Boosts Diplomacy With Tight Security Plans", &model()))
    EXPECT_NE(f.kind, MentionKind::Tagger) << f.surface;
}

TEST(TaggerMentionsTest, ChannelNumbersBelongToTheName) {
  auto found = findIn("He told the channel Rossiya 24 on Monday that talks went well.", &model());
  const testing::Found* channel = findSurface(found, "Rossiya 24");
  ASSERT_NE(channel, nullptr);
  EXPECT_EQ(channel->type, EntityType::Org);
  // a score is no channel number
  found = findIn("Guillermo Coria 7-5 was the first set.", &model());
  EXPECT_EQ(findSurface(found, "Guillermo Coria 7-5"), nullptr);
}

}  // namespace
}  // namespace newsgraph::mention

namespace newsgraph::mention {
namespace {

TEST(MentionFinderTest, AllCapitalHeadlinesOnlyUseTheLexicons) {
  auto found = testing::findIn("SENATE PANEL APPROVES DAIRY COMMISSION PLAN FOR FRANCE");
  for (const testing::Found& f : found) EXPECT_EQ(f.kind, MentionKind::Name) << f.surface;
  EXPECT_NE(testing::findSurface(found, "FRANCE"), nullptr);
}

}  // namespace
}  // namespace newsgraph::mention

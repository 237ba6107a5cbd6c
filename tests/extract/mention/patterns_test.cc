#include <gtest/gtest.h>

#include "tests/extract/mention/test_util.h"

namespace newsgraph::mention {
namespace {

using testing::findIn;
using testing::findSurface;
using testing::surfaces;

const testing::Found& person(const std::vector<testing::Found>& found, const std::string& name) {
  const testing::Found* f = findSurface(found, name);
  EXPECT_NE(f, nullptr) << name;
  static const testing::Found none{};
  if (!f) return none;
  EXPECT_EQ(f->type, EntityType::Person) << name;
  return *f;
}

TEST(PatternsTest, PersonAfterTitle) {
  auto found = findIn("Ruritanian Foreign Minister Boris Vandersloot arrived on Tuesday.");
  EXPECT_EQ(person(found, "Boris Vandersloot").kind, MentionKind::Pattern);
  found = findIn("Talks were chaired by Deputy Prime Minister Amara Okonkwo-Bell.");
  person(found, "Amara Okonkwo-Bell");
  found = findIn("The delegation was welcomed by Mr. Tarkanyan and Dr. Ilse Brandauer.");
  person(found, "Tarkanyan");
  person(found, "Ilse Brandauer");
}

TEST(PatternsTest, KnownPersonAfterTitleKeepsLexiconCanonical) {
  auto found = findIn("Russian Foreign Minister Sergey Lavrov said so.");
  EXPECT_EQ(surfaces(found), (std::vector<std::string>{"Russian", "Sergey Lavrov"}));
  EXPECT_EQ(found[1].kind, MentionKind::Name);
  EXPECT_EQ(found[1].canonical, "Sergey Lavrov");
}

TEST(PatternsTest, PersonNextToSpeechCue) {
  auto found = findIn("Talgat Nurmagambetov said the border would reopen.");
  person(found, "Talgat Nurmagambetov");
  found = findIn("\"We are ready,\" said Musa Karim Haidari, adding that talks would go on.");
  person(found, "Musa Karim Haidari");
  found = findIn("The plan is sound, Ostrowski told reporters.");
  person(found, "Ostrowski");
}

TEST(PatternsTest, PersonBeforeApposition) {
  auto found = findIn("Leila Haddad-Rahimi, the foreign minister of Jordan, arrived.");
  person(found, "Leila Haddad-Rahimi");
  found = findIn("They met Omar Farouk Lindqvist, head of the regional council.");
  person(found, "Omar Farouk Lindqvist");
  found = findIn("Ivan Petrenko, Ukraine's special envoy, spoke first.");
  person(found, "Ivan Petrenko");
}

TEST(PatternsTest, NameParticlesAndDemonymsInsideNames) {
  auto found = findIn("Prince Khalid bin Faisal al-Rashidi attended.");
  person(found, "Khalid bin Faisal al-Rashidi");
  found = findIn("Spokeswoman Nargis Amina Baloch said the talks went well.");
  person(found, "Nargis Amina Baloch");
}

TEST(PatternsTest, SentenceInitialCommonWordsAreNotNames) {
  EXPECT_TRUE(findIn("Officials said the road was closed.").empty());
  EXPECT_TRUE(findIn("However, analysts said nothing.").empty());
  EXPECT_TRUE(findIn("Since Monday, Police told residents to stay home.").empty());
  auto found = findIn("Meanwhile Dariusz Wolanski said the vote was fair.");
  EXPECT_EQ(surfaces(found), (std::vector<std::string>{"Dariusz Wolanski"}));
}

TEST(PatternsTest, MinistryPatterns) {
  auto found = findIn("The Uzbek Foreign Ministry issued a statement.");
  ASSERT_NE(findSurface(found, "Uzbek Foreign Ministry"), nullptr);
  EXPECT_EQ(findSurface(found, "Uzbek Foreign Ministry")->type, EntityType::Org);
  EXPECT_EQ(findSurface(found, "Uzbek Foreign Ministry")->canonical, "Uzbek Foreign Ministry");
  EXPECT_EQ(findSurface(found, "Uzbek Foreign Ministry")->part_of, "Uzbekistan");

  found = findIn("A statement came from the Ministry of Foreign Affairs of Kazakhstan today.");
  const testing::Found* f = findSurface(found, "Ministry of Foreign Affairs of Kazakhstan");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->canonical, "Kazakh Foreign Ministry");

  found = findIn("Chile's defence ministry denied it.");
  f = findSurface(found, "Chile's defence ministry");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->canonical, "Chilean Defense Ministry");
  EXPECT_EQ(f->part_of, "Chile");
}

TEST(PatternsTest, DepartmentsForumsAndSummits) {
  auto found = findIn("He heads the Third Europe Department of the ministry.");
  ASSERT_NE(findSurface(found, "Third Europe Department"), nullptr);
  EXPECT_EQ(findSurface(found, "Third Europe Department")->type, EntityType::Org);

  found = findIn("Leaders gathered at the Baltic Green Energy Forum in Riga.");
  ASSERT_NE(findSurface(found, "Baltic Green Energy Forum"), nullptr);
  EXPECT_EQ(findSurface(found, "Baltic Green Energy Forum")->type, EntityType::Event);
  EXPECT_NE(findSurface(found, "Riga"), nullptr);

  found = findIn("The India-Africa Summit opened.");
  ASSERT_NE(findSurface(found, "India-Africa Summit"), nullptr);
  EXPECT_EQ(findSurface(found, "India-Africa Summit")->type, EntityType::Event);
}

TEST(PatternsTest, OverlapLongestWinsLexiconWinsTies) {
  // The pattern span is longer than the lexicon's "Chinese": the pattern wins.
  auto found = findIn("The Chinese Energy Ministry objected.");
  EXPECT_EQ(surfaces(found), (std::vector<std::string>{"Chinese Energy Ministry"}));
  // Same span from lexicon and pattern: the lexicon entry (with its canonical) wins.
  found = findIn("The Russian Foreign Ministry objected.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, MentionKind::Name);
  EXPECT_EQ(found[0].canonical, "Russian Foreign Ministry");
  // A lexicon body after a qualifier stays the lexicon's.
  found = findIn("Iran's Supreme National Security Council met.");
  EXPECT_EQ(surfaces(found), (std::vector<std::string>{"Iran", "Supreme National Security Council"}));
}

TEST(PatternsTest, TitleCaseWordsWithoutHeadAreNotOrganisations) {
  auto found = findIn("Kazakhstan Hosts Regional Leaders");
  EXPECT_EQ(surfaces(found), (std::vector<std::string>{"Kazakhstan"}));
}

}  // namespace
}  // namespace newsgraph::mention

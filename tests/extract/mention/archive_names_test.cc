// Names as a whole archive writes them: wire datelines with state abbreviations, sign-offs,
// title words that start company names, legal forms, "X and Y" lists of companies and a
// place's possessive before a name. Sentences written for the tests.
#include <gtest/gtest.h>

#include "tests/extract/mention/test_util.h"

namespace newsgraph::mention {
namespace {

using testing::findIn;
using testing::findSurface;
using testing::surfaces;

TEST(ArchiveNamesTest, StateAbbreviationAfterAPlaceIsTheState) {
  auto found = findIn("FRESNO, Calif., May 4 - Orchard growers met on Monday.");
  const testing::Found* state = findSurface(found, "Calif");
  ASSERT_NE(state, nullptr);
  EXPECT_EQ(state->canonical, "California");
  EXPECT_EQ(state->type, EntityType::Gpe);
  found = findIn("ALTOONA, PA, June 2 - The mill reopened.");
  state = findSurface(found, "PA");
  ASSERT_NE(state, nullptr);
  EXPECT_EQ(state->canonical, "Pennsylvania");  // not the Palestinian Authority
  found = findIn("The orchestra moved to Boise, Ida, last year and Miss Lane sang.");
  EXPECT_EQ(findSurface(found, "Miss"), nullptr);
}

TEST(ArchiveNamesTest, AbbreviationWithoutAPlaceIsNotAState) {
  auto found = findIn("Pa said the harvest was late.");
  const testing::Found* pa = findSurface(found, "Pa");
  EXPECT_TRUE(pa == nullptr || pa->canonical != "Pennsylvania");
}

TEST(ArchiveNamesTest, WireSignOffIsNoMention) {
  auto found = findIn("Quarterly sales of Brindlewood rose four pct, the company said. REUTER");
  EXPECT_EQ(findSurface(found, "REUTER"), nullptr);
  found = findIn("Quarterly sales of Brindlewood rose four pct.\nREUTER\n");
  EXPECT_EQ(findSurface(found, "REUTER"), nullptr);
}

TEST(ArchiveNamesTest, TitleWordStartsACompanyBeforeALegalForm) {
  auto found = findIn("Analysts expect General Turbines Corp to report a loss.");
  EXPECT_EQ(findSurface(found, "Turbines"), nullptr);
  const testing::Found* company = findSurface(found, "General Turbines Corp");
  ASSERT_NE(company, nullptr);
  EXPECT_EQ(company->type, EntityType::Org);
  // a rank that is not a company's first word still introduces a person
  found = findIn("The plan was drawn up by General Hallvard Sorensen last spring.");
  const testing::Found* officer = findSurface(found, "Hallvard Sorensen");
  ASSERT_NE(officer, nullptr);
  EXPECT_EQ(officer->type, EntityType::Person);
}

TEST(ArchiveNamesTest, CompaniesJoinedByAndAreTwoNames) {
  auto found = findIn("The deal links Harrowgate Software Corp. and Pellucid Systems Inc. for five years.");
  EXPECT_NE(findSurface(found, "Harrowgate Software Corp."), nullptr);
  EXPECT_NE(findSurface(found, "Pellucid Systems Inc."), nullptr);
  // "and" inside one name stays: only a legal form closes the first company
  found = findIn("Analysts at Wexford and Dunmore Holdings Ltd said so.");
  EXPECT_NE(findSurface(found, "Wexford and Dunmore Holdings Ltd"), nullptr);
}

TEST(ArchiveNamesTest, PlacePossessiveIsNotPartOfTheName) {
  auto found = findIn("The fair opens in Chicago's Lakeshore Exhibition Center on Friday.");
  EXPECT_NE(findSurface(found, "Lakeshore Exhibition Center"), nullptr);
  EXPECT_NE(findSurface(found, "Chicago"), nullptr);
  found = findIn("Japan's Foreign Ministry said so.");  // a state body keeps its state
  EXPECT_NE(findSurface(found, "Japan's Foreign Ministry"), nullptr);
}

TEST(ArchiveNamesTest, ForJoinsANameAfterItsHead) {
  auto found = findIn("It applied to the Federation for Coastal Preservation last week.");
  EXPECT_NE(findSurface(found, "Federation for Coastal Preservation"), nullptr);
}

TEST(ArchiveNamesTest, AndTheSeparatesTwoNames) {
  auto found = findIn("Talks between Ingrid Halvorsen and the Fisheries Department failed.");
  EXPECT_NE(findSurface(found, "Fisheries Department"), nullptr);
  for (const auto& f : found) EXPECT_EQ(f.surface.find(" and "), std::string::npos) << f.surface;
  found = findIn("Shares fell after Dunmore Analytics and IBM Corp agreed.");
  EXPECT_NE(findSurface(found, "IBM Corp"), nullptr);  // a known name after "and" is its own
}

TEST(ArchiveNamesTest, NameStartsAfterAPersonOrWordBeforeOf) {
  auto found = findIn("Shares of Harrowgate Software Corp rose.");
  EXPECT_NE(findSurface(found, "Harrowgate Software Corp"), nullptr);
  found = findIn("Olek Brandwijk of the Institute for Coastal Studies warned of it.");
  EXPECT_NE(findSurface(found, "Institute for Coastal Studies"), nullptr);
  // the head before "of" types the name
  found = findIn("The Northern Diocese of the Coastal Orthodox Church said so.");
  const testing::Found* diocese = findSurface(found, "Northern Diocese of the Coastal Orthodox Church");
  ASSERT_NE(diocese, nullptr);
  EXPECT_EQ(diocese->type, EntityType::Org);
}

TEST(ArchiveNamesTest, ThePlaceAfterALegalFormIsWhereTheCompanyIs) {
  auto found = findIn("Harrowgate Software Inc of Los Angeles said it was sold.");
  EXPECT_NE(findSurface(found, "Harrowgate Software Inc"), nullptr);
  EXPECT_NE(findSurface(found, "Los Angeles"), nullptr);
}

TEST(ArchiveNamesTest, CompanyPossessiveAndAdjectivesAreNotPartOfTheName) {
  auto found = findIn("Talks with Harrowgate Software Corp's Pellucid Systems Co resumed.");
  EXPECT_NE(findSurface(found, "Harrowgate Software Corp"), nullptr);
  EXPECT_NE(findSurface(found, "Pellucid Systems Co"), nullptr);
  found = findIn("The Oslo-based Pellucid Systems Co said so.");
  EXPECT_NE(findSurface(found, "Pellucid Systems Co"), nullptr);
  found = findIn("A loan from the Bank of Tromso on April 2 closed.");
  EXPECT_NE(findSurface(found, "Bank of Tromso"), nullptr);
}

TEST(ArchiveNamesTest, StockSymbolInAngleBracketsIsNoMention) {
  auto found = findIn("Harrowgate Software Corp <HSC> and Dunmore Ltd <DUN.L> rose.");
  EXPECT_EQ(findSurface(found, "HSC"), nullptr);
  EXPECT_EQ(findSurface(found, "DUN.L"), nullptr);
  EXPECT_EQ(findSurface(found, "DUN"), nullptr);
  EXPECT_NE(findSurface(found, "Harrowgate Software Corp"), nullptr);
}

TEST(ArchiveNamesTest, KnownNameAtTheEndOfALongerNameIsNotTheKnownOne) {
  auto found = findIn("The ruling Liberal Democratic Party won the vote.");
  const testing::Found* party = findSurface(found, "Liberal Democratic Party");
  ASSERT_NE(party, nullptr);
  EXPECT_NE(party->canonical, "Democratic Party");
  found = findIn("Voters backed the Democratic Party again.");
  party = findSurface(found, "Democratic Party");
  ASSERT_NE(party, nullptr);
  EXPECT_EQ(party->canonical, "Democratic Party");
}

}  // namespace
}  // namespace newsgraph::mention

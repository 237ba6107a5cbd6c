#include <gtest/gtest.h>

#include <algorithm>

#include "extract/resolve/resolve.h"

namespace newsgraph::resolve {
namespace {

const mention::Lexicon& lexicon() {
  static const mention::Lexicon lex = mention::Lexicon::load(std::string(NEWSGRAPH_SOURCE_DIR) + "/data");
  return lex;
}

// Entities of a text, each with its mention count; one body span per line.
Resolution resolveText(const std::string& text, const std::string& date = "") {
  std::vector<Span> body;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) body.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
    start = end + 1;
  }
  text::Segmentation seg = text::segment(text, body);
  mention::MentionFinder finder(lexicon());
  std::vector<mention::Mention> mentions = finder.find(text, seg);
  return resolveMentions(mentions, text, seg, lexicon(), date);
}

const Entity* entity(const Resolution& r, const std::string& name) {
  for (const Entity& e : r.entities)
    if (e.name == name) return &e;
  return nullptr;
}

TEST(ResolveTest, SpellingVariantsAndAcronymsShareOneEntity) {
  Resolution r = resolveText("Sergei Lavrov met US envoys.\nSergey Lavrov said the U.S. and the United States agreed.");
  const Entity* lavrov = entity(r, "Sergey Lavrov");
  ASSERT_NE(lavrov, nullptr);
  EXPECT_EQ(lavrov->mentions, 2);
  const Entity* us = entity(r, "United States");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->mentions, 3);
  EXPECT_EQ(us->type, EntityType::Gpe);
}

TEST(ResolveTest, DemonymsGoToTheirState) {
  Resolution r = resolveText("Russian officials met Afghan diplomats in Moscow.");
  EXPECT_NE(entity(r, "Russia"), nullptr);
  EXPECT_NE(entity(r, "Afghanistan"), nullptr);
  EXPECT_EQ(entity(r, "Russian"), nullptr);
}

TEST(ResolveTest, SurnameGoesToTheFullNameEvenBeforeIt) {
  Resolution r = resolveText("Brandwijk says talks will go on.\nDutch envoy Olek Brandwijk told reporters.\nBrandwijk said more.");
  const Entity* full = entity(r, "Olek Brandwijk");
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(full->mentions, 3);
  EXPECT_EQ(entity(r, "Brandwijk"), nullptr);
}

TEST(ResolveTest, ParentheticalAcronymNamesTheEntityBeforeIt) {
  Resolution r = resolveText("The Northern Grain Growers Association (NGGA) met on Monday.\nThe NGGA said prices fell.");
  const Entity* assoc = entity(r, "Northern Grain Growers Association");
  ASSERT_NE(assoc, nullptr);
  EXPECT_EQ(assoc->mentions, 3);  // the name, the acronym in brackets, the acronym again
}

TEST(ResolveTest, CompanyNamesAreOrganisations) {
  Resolution r = resolveText("Brandwijk Oil Co said it would cut output.");
  const Entity* company = entity(r, "Brandwijk Oil");  // without its legal form
  ASSERT_NE(company, nullptr);
  EXPECT_EQ(company->type, EntityType::Org);
}

TEST(ResolveTest, OneWordNameGoesToTheCompanyItStarts) {
  Resolution r = resolveText("Brandwijk Holding Corp said it would buy shares.\nBrandwijk said the offer was fair.");
  const Entity* company = entity(r, "Brandwijk Holding");
  ASSERT_NE(company, nullptr);
  EXPECT_EQ(company->mentions, 2);
  EXPECT_EQ(entity(r, "Brandwijk"), nullptr);
  // a person of that surname keeps it
  Resolution person = resolveText("Mr. Olek Brandwijk joined Brandwijk Holding Corp.\nBrandwijk said the offer was fair.");
  EXPECT_EQ(entity(person, "Olek Brandwijk")->mentions, 2);
}

TEST(ResolveTest, UnqualifiedMinistryBelongsToTheStateOfItsSentence) {
  Resolution r = resolveText("Under Iranian law, the Foreign Ministry has to approve such visits.");
  EXPECT_NE(entity(r, "Iranian Foreign Ministry"), nullptr);
  Resolution named = resolveText("Egypt's Foreign Ministry said talks were useful.\nThe Foreign Ministry said more.");
  const Entity* ministry = entity(named, "Egyptian Foreign Ministry");
  ASSERT_NE(ministry, nullptr);
  EXPECT_EQ(ministry->mentions, 2);
}

TEST(ResolveTest, LegalFormsNameOneCompany) {
  Resolution r = resolveText("Quillfeather Instruments Corp. said sales rose.\n"
                             "Quillfeather Instruments Corp had warned in May.");
  const Entity* company = entity(r, "Quillfeather Instruments");
  ASSERT_NE(company, nullptr);
  EXPECT_EQ(company->type, EntityType::Org);
  EXPECT_EQ(company->mentions, 2);
  EXPECT_EQ(r.entities.size(), 1u);
  // a known company keeps the lexicon's name
  r = resolveText("Reuters Holdings Plc reported profits.");
  EXPECT_NE(entity(r, "Reuters"), nullptr);
}

TEST(ResolveTest, GroupIsDroppedOnlyFromAKnownName) {
  Resolution r = resolveText("Analysts at the Ashcombe Group said the bond would sell.");
  EXPECT_NE(entity(r, "Ashcombe Group"), nullptr);
  EXPECT_EQ(entity(r, "Ashcombe"), nullptr);
}

TEST(ResolveTest, DatedAliasFollowsTheDocumentDate) {
  const std::string text = "The EC imposed duties on imported steel tubes.";
  EXPECT_NE(entity(resolveText(text, "1986-04-02"), "European Community"), nullptr);
  EXPECT_NE(entity(resolveText(text, "2004-04-02"), "European Commission"), nullptr);
  EXPECT_NE(entity(resolveText(text), "European Commission"), nullptr);  // no date: the default
}

TEST(ResolveTest, DocumentDefinitionOfAnAcronymBeatsTheLexicon) {
  Resolution r = resolveText("The Port Authority (PA) met.\nThe PA said quotas would fall.");
  const Entity* board = entity(r, "Port Authority");
  ASSERT_NE(board, nullptr);
  EXPECT_EQ(board->mentions, 3);  // the name, "(PA)", "PA": none goes to the Palestinian Authority
  EXPECT_EQ(entity(r, "Palestinian Authority"), nullptr);
}

}  // namespace
}  // namespace newsgraph::resolve

#include <gtest/gtest.h>

#include "graph/graph.h"

namespace newsgraph::graph {
namespace {

extract::DocumentFacts mentioning(const std::string& id, std::vector<extract::EntityFacts> entities) {
  extract::DocumentFacts facts;
  facts.id = id;
  facts.entities = std::move(entities);
  if (facts.entities.size() > 1) facts.relations = {{0, 1, "MEETS", false, 0.8f, "They met."}};
  return facts;
}

const EntityProps* byLabel(const KnowledgeGraph& kg, const std::string& label) {
  for (Vertex v : boost::make_iterator_range(vertices(kg.graph())))
    if (kg.graph()[v].label == label) return &kg.graph()[v];
  return nullptr;
}

TEST(LinkTest, ShortNameJoinsTheOneFullNameOfTheCollection) {
  KnowledgeGraph kg;
  kg.addDocument(mentioning("a", {{"halvorsen", "Halvorsen", EntityType::Person, {}, 2},
                                  {"norway", "Norway", EntityType::Gpe, {}, 1}}));
  kg.addDocument(mentioning("b", {{"ingrid halvorsen", "Ingrid Halvorsen", EntityType::Person, {}, 1}}));
  KnowledgeGraph linked = linkShortForms(kg);
  EXPECT_EQ(num_vertices(linked.graph()), 2u);
  const EntityProps* person = byLabel(linked, "Ingrid Halvorsen");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->mentions, 3);
  EXPECT_EQ(person->documents, (std::set<std::string>{"a", "b"}));
  EXPECT_EQ(person->aliases.count("Halvorsen"), 1u);
  EXPECT_EQ(num_edges(linked.graph()), 1u);  // the edge follows the merged vertex
}

TEST(LinkTest, FamilyNameFirstLinksToo) {
  KnowledgeGraph kg;
  kg.addDocument(mentioning("a", {{"qiao", "Qiao", EntityType::Person, {}, 1}}));
  kg.addDocument(mentioning("b", {{"qiao shenglin", "Qiao Shenglin", EntityType::Person, {}, 1}}));
  EXPECT_EQ(num_vertices(linkShortForms(kg).graph()), 1u);
}

TEST(LinkTest, TwoFullNamesWithTheSurnameLeaveItAlone) {
  KnowledgeGraph kg;
  kg.addDocument(mentioning("a", {{"halvorsen", "Halvorsen", EntityType::Person, {}, 1}}));
  kg.addDocument(mentioning("b", {{"ingrid halvorsen", "Ingrid Halvorsen", EntityType::Person, {}, 1},
                                  {"per halvorsen", "Per Halvorsen", EntityType::Person, {}, 1}}));
  KnowledgeGraph linked = linkShortForms(kg);
  EXPECT_EQ(num_vertices(linked.graph()), 3u);
  EXPECT_NE(byLabel(linked, "Halvorsen"), nullptr);
}

TEST(LinkTest, AFullNameFarAheadOfTheOthersTakesTheShortForm) {
  KnowledgeGraph kg;
  kg.addDocument(mentioning("a", {{"halvorsen", "Halvorsen", EntityType::Person, {}, 5}}));
  kg.addDocument(mentioning("b", {{"ingrid halvorsen", "Ingrid Halvorsen", EntityType::Person, {}, 40},
                                  {"per halvorsen", "Per Halvorsen", EntityType::Person, {}, 3}}));
  KnowledgeGraph linked = linkShortForms(kg);
  EXPECT_EQ(num_vertices(linked.graph()), 2u);
  EXPECT_EQ(byLabel(linked, "Ingrid Halvorsen")->mentions, 45);
}

TEST(LinkTest, CompanyShortFormLinksByItsFirstWord) {
  KnowledgeGraph kg;
  kg.addDocument(mentioning("a", {{"brantwell", "Brantwell", EntityType::Org, {}, 2}}));
  kg.addDocument(mentioning("b", {{"brantwell motor", "Brantwell Motor", EntityType::Org, {}, 9}}));
  EXPECT_EQ(num_vertices(linkShortForms(kg).graph()), 1u);
  KnowledgeGraph person;  // a person is no company's short form
  person.addDocument(mentioning("a", {{"brantwell", "Brantwell", EntityType::Person, {}, 2}}));
  person.addDocument(mentioning("b", {{"brantwell motor", "Brantwell Motor", EntityType::Org, {}, 9}}));
  EXPECT_EQ(num_vertices(linkShortForms(person).graph()), 2u);
}

TEST(LinkTest, OrganisationsAndPlacesAreNotLinkedByWord) {
  KnowledgeGraph kg;
  kg.addDocument(mentioning("a", {{"jordan", "Jordan", EntityType::Gpe, {}, 1},
                                  {"michael jordan", "Michael Jordan", EntityType::Person, {}, 1}}));
  EXPECT_EQ(num_vertices(linkShortForms(kg).graph()), 2u);
}

TEST(LinkTest, CapitalisedLabelTakesTheMixedCaseSpelling) {
  KnowledgeGraph kg;
  kg.addDocument(mentioning("a", {{"tacoma", "TACOMA", EntityType::Gpe, {}, 1}}));
  kg.addDocument(mentioning("b", {{"tacoma", "Tacoma", EntityType::Gpe, {}, 1}}));
  EXPECT_NE(byLabel(linkShortForms(kg), "Tacoma"), nullptr);
  KnowledgeGraph acronym;
  acronym.addDocument(mentioning("a", {{"nasa", "NASA", EntityType::Org, {}, 1}}));
  EXPECT_NE(byLabel(linkShortForms(acronym), "NASA"), nullptr);
}

TEST(LinkTest, AcronymJoinsTheNameThatDefinedIt) {
  KnowledgeGraph kg;
  kg.addDocument(mentioning("a", {{"brantwell general", "Brantwell General", EntityType::Org, {"BG"}, 3}}));
  kg.addDocument(mentioning("b", {{"bg", "BG", EntityType::Gpe, {}, 5}}));
  KnowledgeGraph linked = linkShortForms(kg);
  EXPECT_EQ(num_vertices(linked.graph()), 1u);
  EXPECT_EQ(byLabel(linked, "Brantwell General")->mentions, 8);
}

TEST(LinkTest, AcronymWhoseLettersDoNotFitOrThatTwoShareStaysApart) {
  KnowledgeGraph misfit;  // "Liberal Democratic Party (LDP)" once read as "Democratic Party"
  misfit.addDocument(mentioning("a", {{"democratic party", "Democratic Party", EntityType::Org, {"LDP"}, 9}}));
  misfit.addDocument(mentioning("b", {{"ldp", "LDP", EntityType::Org, {}, 2}}));
  EXPECT_EQ(num_vertices(linkShortForms(misfit).graph()), 2u);
  KnowledgeGraph shared;
  shared.addDocument(mentioning("a", {{"mid dale", "Mid Dale", EntityType::Gpe, {"MD"}, 4},
                                      {"marsh dynamics", "Marsh Dynamics", EntityType::Org, {"MD"}, 3}}));
  shared.addDocument(mentioning("b", {{"md", "MD", EntityType::Org, {}, 2}}));
  EXPECT_EQ(num_vertices(linkShortForms(shared).graph()), 3u);
}

TEST(LinkTest, AGivenNameOfManyFullNamesIsNoFamilyName) {
  KnowledgeGraph kg;
  kg.addDocument(mentioning("a", {{"ingrid", "Ingrid", EntityType::Person, {}, 2}}));
  kg.addDocument(mentioning("b", {{"ingrid halvorsen", "Ingrid Halvorsen", EntityType::Person, {}, 200}}));
  for (int i = 0; i < 10; ++i) {
    std::string surname = "Surname" + std::string(1, static_cast<char>('a' + i));
    kg.addDocument(mentioning("c" + std::to_string(i),
                              {{foldName("Ingrid " + surname), "Ingrid " + surname, EntityType::Person, {}, 1}}));
  }
  EXPECT_NE(byLabel(linkShortForms(kg), "Ingrid"), nullptr);
}

}  // namespace
}  // namespace newsgraph::graph

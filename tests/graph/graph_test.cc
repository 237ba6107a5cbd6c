#include <gtest/gtest.h>

#include <map>

#include "graph/graph.h"

namespace newsgraph::graph {
namespace {

extract::DocumentFacts document(const std::string& id, const std::string& date) {
  extract::DocumentFacts facts;
  facts.id = id;
  facts.date = date;
  facts.entities = {{"russia", "Russia", EntityType::Gpe, {"Russian"}, 3},
                    {"taliban", "Taliban", EntityType::Org, {}, 2}};
  facts.relations = {{0, 1, "HOSTS", false, 0.8f, "Russia hosted the Taliban."}};
  return facts;
}

TEST(GraphTest, OneVertexPerEntityAndEdgesAggregate) {
  KnowledgeGraph kg;
  kg.addDocument(document("b.txt", "2024-01-02"));
  kg.addDocument(document("a.txt", "2023-05-06"));
  const Graph& g = kg.graph();
  ASSERT_EQ(num_vertices(g), 2u);
  ASSERT_EQ(num_edges(g), 1u);
  Vertex russia = *kg.findByKey("russia");
  EXPECT_EQ(g[russia].mentions, 6);
  EXPECT_EQ(g[russia].first_seen, "2023-05-06");
  EXPECT_EQ(g[russia].last_seen, "2024-01-02");
  EXPECT_EQ(g[russia].documents, (std::set<std::string>{"a.txt", "b.txt"}));
  Edge e = *edges(g).first;
  EXPECT_EQ(g[e].weight, 2);
  EXPECT_EQ(g[e].date, "2023-05-06");
  ASSERT_EQ(g[e].evidence.size(), 2u);
  EXPECT_EQ(g[e].evidence[0].document, "a.txt");  // earliest first, whatever the input order
  EXPECT_EQ(kg.typedRelationCount(), 1u);
}

TEST(GraphTest, AppendedEdgesAreIndexedForLaterMerges) {
  KnowledgeGraph kg;
  kg.reserve(2, 1);
  EntityProps russia;
  russia.key = "russia";
  russia.label = "Russia";
  EntityProps taliban;
  taliban.key = "taliban";
  taliban.label = "Taliban";
  Vertex r = kg.addEntity(std::move(russia)), t = kg.addEntity(std::move(taliban));
  kg.reserveDegree(r, 1, 0);
  RelationProps hosts;
  hosts.relation = "HOSTS";
  hosts.weight = 1;
  hosts.documents = {"a.txt"};
  kg.appendRelation(r, t, RelationProps(hosts));
  // The edge appended without a look-up is found by the next addRelation and merged.
  hosts.documents = {"b.txt"};
  Edge e = kg.addRelation(r, t, std::move(hosts));
  ASSERT_EQ(num_edges(kg.graph()), 1u);
  EXPECT_EQ(kg.graph()[e].weight, 2);
  EXPECT_EQ(kg.graph()[e].documents, (std::set<std::string>{"a.txt", "b.txt"}));
}

TEST(GraphTest, NegatedEdgesAreSeparate) {
  KnowledgeGraph kg;
  auto facts = document("a.txt", "");
  facts.relations.push_back({0, 1, "HOSTS", true, 0.8f, "Russia did not host the Taliban."});
  kg.addDocument(facts);
  EXPECT_EQ(num_edges(kg.graph()), 2u);
}

TEST(GraphTest, NonAssertedEdgesNeverMergeIntoFacts) {
  KnowledgeGraph kg;
  auto facts = document("a.txt", "");
  facts.relations.push_back(
      {0, 1, "HOSTS", false, 0.85f, "Russia plans to host the Taliban.", Modality::Planned});
  facts.relations.push_back(
      {0, 1, "HOSTS", false, 0.85f, "Russia may host the Taliban.", Modality::Hypothetical});
  facts.relations.push_back(
      {0, 1, "HOSTS", false, 0.85f, "Russia again plans to host them.", Modality::Planned});
  kg.addDocument(facts);
  // document() holds one asserted HOSTS edge; the plans merge into one edge of their own.
  ASSERT_EQ(num_edges(kg.graph()), 3u);
  std::map<Modality, double> weight;
  for (auto e : boost::make_iterator_range(edges(kg.graph())))
    weight[kg.graph()[e].modality] += kg.graph()[e].weight;
  EXPECT_EQ(weight[Modality::Asserted], 1);
  EXPECT_EQ(weight[Modality::Planned], 2);
  EXPECT_EQ(weight[Modality::Hypothetical], 1);
}

TEST(GraphTest, SymmetricRelationsAggregateAcrossDirections) {
  KnowledgeGraph kg;
  auto facts = document("a.txt", "");
  facts.relations = {{0, 1, "MEETS", false, 0.8f, "Russia met the Taliban."},
                     {1, 0, "MEETS", false, 0.8f, "The Taliban met Russia."}};
  kg.addDocument(facts);
  ASSERT_EQ(num_edges(kg.graph()), 1u);
  EXPECT_EQ(kg.graph()[*edges(kg.graph()).first].weight, 2);
}

TEST(GraphTest, TypeIsTheMostMentionedOneRegardlessOfOrder) {
  auto build = [](bool reversed) {
    KnowledgeGraph kg;
    extract::DocumentFacts a, b;
    a.id = "a";
    a.entities = {{"georgia", "Georgia", EntityType::Gpe, {}, 1}};
    b.id = "b";
    b.entities = {{"georgia", "Georgia", EntityType::Person, {}, 1}};
    if (reversed) std::swap(a, b);
    kg.addDocument(a);
    kg.addDocument(b);
    return kg.graph()[*kg.findByKey("georgia")].type;
  };
  EXPECT_EQ(build(false), build(true));  // a tie goes to the first type in enum order
  EXPECT_EQ(build(false), EntityType::Person);
}

TEST(GraphTest, EvidenceIsCapped) {
  KnowledgeGraph kg;
  for (int i = 0; i < 9; ++i) kg.addDocument(document("d" + std::to_string(i), ""));
  const Graph& g = kg.graph();
  Edge e = *edges(g).first;
  EXPECT_EQ(g[e].weight, 9);
  EXPECT_EQ(g[e].evidence.size(), kMaxEvidence);
  EXPECT_EQ(g[e].documents.size(), 9u);
}

}  // namespace
}  // namespace newsgraph::graph

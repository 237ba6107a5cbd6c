#include <gtest/gtest.h>

#include "core/core.h"
#include "eval/eval.h"

namespace newsgraph::eval {
namespace {

using Strings = std::vector<std::string>;

Gold smallGold() {
  return parseGold(R"({"entities": {
      "Russia": {"type": "GPE", "aliases": ["Russian"]}, "Moscow": {"type": "GPE"},
      "Taliban": {"type": "ORG"}, "Uzbekistan": {"type": "GPE"},
      "Afghanistan": {"type": "GPE"}, "Somalia": {"type": "GPE"}},
    "documents": [{"file": "a.txt", "entities": ["Russia", "Taliban"],
                   "optional_entities": ["Moscow"], "absent_entities": ["Somalia", "Kiev"],
                   "relations": [{"s": "Russia|Moscow", "r": "HOSTS", "o": "Taliban"},
                                 {"s": "Uzbekistan", "r": "BORDERS", "o": "Afghanistan"},
                                 {"s": "Russia", "r": "RECOGNIZES", "o": "Taliban",
                                  "negated": true}],
                   "optional_relations": [{"s": "Russia", "r": "MEETS", "o": "Taliban"}]}]})",
                   "small.json");
}

Node node(std::string id, std::string label, std::string type, Strings aliases = {},
          Strings documents = {"a.txt"}) {
  return Node{std::move(id), std::move(label), std::move(type), std::move(aliases),
              std::move(documents)};
}

Edge edge(std::string s, std::string t, std::string relation, bool negated = false) {
  return Edge{std::move(s), std::move(t), std::move(relation), negated, true, {"a.txt"}};
}

TEST(ScoreTest, RatiosRoundLikePython) {
  Score s = Score::of(2, 1, 0);
  EXPECT_EQ(s.precision, 0.6667);
  EXPECT_EQ(s.recall, 1.0);
  EXPECT_EQ(s.f1, 0.8);
  EXPECT_EQ(Score::of(0, 0, 0).f1, 0.0);
  EXPECT_EQ(Score::of(1, 31, 0).precision, 0.0312);  // exact ties (1/32, 3/32) go to even
  EXPECT_EQ(Score::of(3, 29, 0).precision, 0.0938);
  EXPECT_EQ(Score::of(1, 2, 4).f1, 0.25);
}

TEST(ScoreTest, AlternativesAliasesAndTheArticle) {
  Graph g{{node("1", "Moscow", "GPE"), node("2", "the taliban", "ORG"),
           node("3", "Kremlin", "GPE", {"Russian"})},
          {edge("1", "2", "HOSTS")}};
  Report r = score(smallGold(), g);
  const DocumentReport& d = r.documents.at(0);
  EXPECT_EQ(d.entities.tp, 2);  // Taliban by "the", Russia by its alias; Moscow optional
  EXPECT_EQ(d.entities.fp, 0);
  EXPECT_EQ(d.relations.tp, 1);  // Moscow HOSTS Taliban matches "Russia|Moscow"
  EXPECT_EQ(d.relations.fn, 2);
  EXPECT_EQ(d.missedRelations,
            (Strings{"Uzbekistan BORDERS Afghanistan", "Russia NOT RECOGNIZES Taliban"}));
}

TEST(ScoreTest, SymmetricNegatedOptionalAndIgnoredEdges) {
  Graph g{{node("r", "Russia", "GPE"), node("t", "Taliban", "ORG"), node("u", "Uzbekistan", "GPE"),
           node("af", "Afghanistan", "GPE")},
          {edge("af", "u", "BORDERS"), edge("r", "t", "RECOGNIZES", false), edge("t", "r", "MEETS"),
           edge("t", "r", "HOSTS"), edge("r", "t", "CO_OCCURS"), edge("r", "t", "ALLIES")}};
  Report r = score(smallGold(), g);
  const DocumentReport& d = r.documents.at(0);
  EXPECT_EQ(d.relations.tp, 1);  // BORDERS either way
  EXPECT_EQ(d.relations.fp, 2);  // RECOGNIZES without the negation; HOSTS is not symmetric
  EXPECT_EQ(d.relations.fn, 2);
  EXPECT_EQ(d.spuriousRelations, (Strings{"Russia RECOGNIZES Taliban", "Taliban HOSTS Russia"}));
  // uz and af are not gold entities of a.txt: two false alarms
  EXPECT_EQ(d.entities.fp, 2);
  EXPECT_EQ(d.spuriousEntities, (Strings{"Afghanistan", "Uzbekistan"}));
}

// A plan is neither a hit nor a false alarm, as in score_graphml.py.
TEST(ScoreTest, EdgesThatAreNotFactsAreIgnored) {
  Graph g{{node("r", "Russia", "GPE"), node("t", "Taliban", "ORG")},
          {edge("r", "t", "HOSTS"), edge("r", "t", "SANCTIONS")}};
  g.edges[1].fact = false;
  const DocumentReport& d = score(smallGold(), g).documents.at(0);
  EXPECT_EQ(d.relations.tp, 1);
  EXPECT_EQ(d.relations.fp, 0);
  g.edges[0].fact = false;
  EXPECT_EQ(score(smallGold(), g).documents.at(0).relations.tp, 0);
}

TEST(ScoreTest, TypesLeaksAndDocuments) {
  Graph g{{node("r", "Russia", "ORG", {}, {"corpus/x/a.txt"}), node("t", "Taliban", "ORG"),
           node("s", "Somalia", "GPE"), node("k", "Kyiv", "GPE", {"Kiev"}),
           node("o", "Oman", "GPE", {}, {"b.txt"})},
          {}};
  Report r = score(smallGold(), g);
  const DocumentReport& d = r.documents.at(0);
  EXPECT_EQ(d.entities.tp, 2);
  EXPECT_EQ(d.typedEntities.tp, 1);  // Russia found as ORG
  EXPECT_EQ(d.typedEntities.fp, 3);
  EXPECT_EQ(d.boilerplateLeaks, (Strings{"Kyiv", "Somalia"}));  // by entity, by alias
  EXPECT_EQ(r.boilerplateLeaks, 2);
  EXPECT_EQ(r.entities.fp, 2);  // Oman is in b.txt only
}

TEST(ScoreTest, NodesWithoutLabelUseTheirId) {
  Graph g{{Node{"n7", std::nullopt, "GPE", {}, {"a.txt"}}, node("t", "Taliban", "ORG")},
          {edge("n7", "t", "FIGHTS")}};
  Report r = score(smallGold(), g);
  const DocumentReport& d = r.documents.at(0);
  EXPECT_EQ(d.spuriousEntities, Strings{"n7"});
  EXPECT_EQ(d.spuriousRelations, Strings{"None FIGHTS Taliban"});
  Graph dangling{{node("t", "Taliban", "ORG")}, {edge("t", "gone", "FIGHTS")}};
  EXPECT_THROW(score(smallGold(), dangling), Error);
}

const std::string kData = std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/data/eval/";

// The numbers score_graphml.py prints for the fixture.
TEST(ScoreTest, Fixture) {
  Report r = score(readGold(kData + "tiny.gold.json"), readGraphML(kData + "tiny.graphml"));
  ASSERT_EQ(r.documents.size(), 3u);
  const DocumentReport& a = r.documents[0];
  EXPECT_EQ(a.spuriousEntities, (Strings{"Paris", "Tully", "Turkey", "n12"}));
  EXPECT_EQ(a.boilerplateLeaks, (Strings{"Tully", "Turkey"}));
  EXPECT_EQ(a.missedRelations, Strings{"Russia NOT RECOGNIZES Taliban"});
  EXPECT_EQ(a.spuriousRelations,
            (Strings{"None FIGHTS Paris", "Russian Federation RECOGNIZES The Taliban",
                     "U.S. NOT WITHDRAWS_FROM Afghanistan."}));
  EXPECT_EQ(r.documents[1].spuriousEntities, Strings{"Kabul"});
  EXPECT_EQ(r.documents[2].missedEntities, Strings{"Kabul"});
  EXPECT_EQ(r.documents[2].entities.f1, 0.0);
  EXPECT_EQ((std::array{r.entities.tp, r.entities.fp, r.entities.fn}), (std::array{10, 5, 1}));
  EXPECT_EQ((std::array{r.typedEntities.tp, r.typedEntities.fp, r.typedEntities.fn}),
            (std::array{9, 6, 2}));
  EXPECT_EQ((std::array{r.relations.tp, r.relations.fp, r.relations.fn}), (std::array{5, 4, 2}));
  EXPECT_EQ(r.entities.precision, 0.6667);
  EXPECT_EQ(r.relations.f1, 0.625);
  EXPECT_EQ(r.boilerplateLeaks, 2);
  EXPECT_EQ(formatText(r), readFile(kData + "tiny.expected.txt"));
}

TEST(ScoreTest, ShortfallsCompareRoundedF1) {
  Report r = score(readGold(kData + "tiny.gold.json"), readGraphML(kData + "tiny.graphml"));
  EXPECT_TRUE(shortfalls(r, Thresholds{0.7692, 0.6923, 0.625, 2}).empty());
  EXPECT_EQ(shortfalls(r, Thresholds{0.77, std::nullopt, 0.6251, 1}),
            (Strings{"entities F1 0.769 < 0.770", "relations F1 0.625 < 0.625",
                     "boilerplate leaks 2 > 1"}));
}

TEST(ScoreTest, JsonReport) {
  Report r = score(readGold(kData + "tiny.gold.json"), readGraphML(kData + "tiny.graphml"));
  std::string json = formatJson(r);
  EXPECT_NE(json.find("  \"entities\": {\n    \"precision\": 0.6667,\n    \"recall\": 0.9091,\n"
                      "    \"f1\": 0.7692,\n    \"tp\": 10,\n    \"fp\": 5,\n    \"fn\": 1\n  },"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"missed_entities\": [],"), std::string::npos);
  EXPECT_NE(json.find("\"boilerplate_leaks\": 2\n}\n"), std::string::npos);
}

TEST(ScoreTest, FromKnowledgeGraph) {
  graph::KnowledgeGraph kg;
  extract::DocumentFacts facts;
  facts.id = "a.txt";
  facts.entities = {{"russia", "Russia", EntityType::Gpe, {"Russian"}, 3},
                    {"taliban", "Taliban", EntityType::Org, {}, 2}};
  facts.relations = {{0, 1, "HOSTS", false, 0.8f, "Russia hosted the Taliban."}};
  kg.addDocument(facts);
  Graph g = fromKnowledgeGraph(kg);
  ASSERT_EQ(g.nodes.size(), 2u);
  EXPECT_EQ(g.nodes[0].type, "GPE");
  EXPECT_EQ(g.nodes[0].aliases, Strings{"Russian"});
  ASSERT_EQ(g.edges.size(), 1u);
  EXPECT_EQ(g.edges[0].source, g.nodes[0].id);
  Report r = score(smallGold(), g);
  EXPECT_EQ(r.entities.tp, 2);
  EXPECT_EQ(r.relations.tp, 1);
}

}  // namespace
}  // namespace newsgraph::eval

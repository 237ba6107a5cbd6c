#include <gtest/gtest.h>

#include "core/core.h"
#include "eval/eval.h"

namespace newsgraph::eval {
namespace {

TEST(GoldTest, ReadsCatalogAndDocuments) {
  Gold gold = parseGold(R"({
    "format": "newsgraph-gold/1",
    "entities": {"Russia": {"type": "GPE", "aliases": ["Russian"]},
                 "Black Sea": {"type": "LOC|GPE"}, "Somebody": {}},
    "documents": [{"file": "a.txt", "date": null, "entities": ["Russia"],
                   "optional_entities": ["Black Sea"], "absent_entities": ["Somebody"],
                   "relations": [{"s": "Russia|Moscow", "r": "HOSTS", "o": "Taliban",
                                  "negated": 1}],
                   "optional_relations": [{"s": "Russia", "r": "MEETS", "o": "Taliban"}]}]
  })",
                        "gold.json");
  ASSERT_EQ(gold.entities.size(), 3u);
  EXPECT_EQ(gold.entities[0].name, "Russia");
  EXPECT_EQ(gold.entities[0].aliases, std::vector<std::string>{"Russian"});
  EXPECT_EQ(gold.entities[1].types, (std::vector<std::string>{"LOC", "GPE"}));
  EXPECT_EQ(gold.entities[2].types, std::vector<std::string>{""});
  ASSERT_EQ(gold.documents.size(), 1u);
  const GoldDocument& d = gold.documents[0];
  EXPECT_EQ(d.file, "a.txt");
  EXPECT_EQ(d.absentEntities, std::vector<std::string>{"Somebody"});
  ASSERT_EQ(d.relations.size(), 1u);
  EXPECT_EQ(d.relations[0].subject, "Russia|Moscow");
  EXPECT_TRUE(d.relations[0].negated);  // Python truthiness
  ASSERT_EQ(d.optionalRelations.size(), 1u);
  EXPECT_FALSE(d.optionalRelations[0].negated);
}

TEST(GoldTest, RepeatedNameKeepsPlaceTakesLastValue) {
  Gold gold = parseGold(R"({"entities": {"A": {"type": "ORG"}, "B": {"type": "GPE"},
                                         "A": {"type": "PERSON"}}, "documents": []})",
                        "g.json");
  ASSERT_EQ(gold.entities.size(), 2u);
  EXPECT_EQ(gold.entities[0].name, "A");
  EXPECT_EQ(gold.entities[0].types, std::vector<std::string>{"PERSON"});
}

TEST(GoldTest, ErrorsNameFileAndLine) {
  try {
    parseGold("{\n\"entities\": {},\n\"documents\": [,]}", "bad.json");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where(), "bad.json:3");
  }
  EXPECT_THROW(parseGold(R"({"entities": {}})", "g.json"), Error);
  EXPECT_THROW(
      parseGold(R"({"format": "newsgraph-gold/2", "entities": {}, "documents": []})", "g.json"),
      Error);
  EXPECT_THROW(
      parseGold(R"({"entities": {}, "documents": [{"file": "a", "entities": [1]}]})", "g.json"),
      Error);
  EXPECT_THROW(parseGold(R"({"entities": {}, "documents": [{"file": "a", "entities": [],
                              "relations": [{"s": "A", "o": "B"}]}]})",
                         "g.json"),
               Error);
  EXPECT_THROW(parseGold("{\"entities\": {\"\xff\": {}}, \"documents\": []}", "g.json"), Error);
  EXPECT_THROW(readGold("/nonexistent/gold.json"), Error);
}

TEST(GoldTest, ReadsTheSharedGoldFiles) {
  for (const char* name : {"seeds.gold.json", "dev.gold.json"}) {
    Gold gold = readGold(std::string(NEWSGRAPH_SHARED_DIR) + "/eval/" + name);
    EXPECT_FALSE(gold.entities.empty()) << name;
    EXPECT_FALSE(gold.documents.empty()) << name;
  }
}

}  // namespace
}  // namespace newsgraph::eval

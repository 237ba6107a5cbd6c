#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/core.h"

namespace newsgraph {
namespace {

std::string writeTemp(const std::string& name, const std::string& content) {
  auto path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << content;
  return path;
}

TEST(OntologyTest, StandardOntologyHasTheDesignRelations) {
  Ontology ontology = Ontology::load(std::string(NEWSGRAPH_SOURCE_DIR) + "/data/ontology.json");
  EXPECT_EQ(ontology.relations().size(), 22u);
  const RelationInfo* hosts = ontology.find("HOSTS");
  ASSERT_NE(hosts, nullptr);
  EXPECT_EQ(hosts->label, "hosts");
  EXPECT_EQ(hosts->cameo, "043");
  EXPECT_FALSE(hosts->symmetric);
  for (const char* symmetric : {"BORDERS", "ALLIED_WITH", "MEETS", "COOPERATES_WITH", "FIGHTS"})
    EXPECT_TRUE(ontology.symmetric(symmetric)) << symmetric;
  EXPECT_TRUE(ontology.symmetric(Ontology::kCooccurs));
  EXPECT_EQ(ontology.find("HOST"), nullptr);
  const RelationInfo* holds = ontology.find("HOLDS_POSITION");
  ASSERT_NE(holds, nullptr);
  EXPECT_TRUE(ontology.allows(*holds, EntityType::Person, EntityType::Gpe));
  EXPECT_FALSE(ontology.allows(*holds, EntityType::Gpe, EntityType::Person));
}

TEST(OntologyTest, MalformedFileNamesPathAndLine) {
  auto path = writeTemp("ng_bad_ontology.json", "{\n \"relations\": [\n  {\"name\": \"X\",,}\n]}");
  try {
    Ontology::load(path);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where(), path + ":3");
  }
}

TEST(OntologyTest, UnknownEntityTypeIsRejected) {
  auto path = writeTemp("ng_bad_type.json",
                        R"({"relations": [{"name": "X", "label": "x", "subject": ["PER"]}]})");
  EXPECT_THROW(Ontology::load(path), Error);
}

}  // namespace
}  // namespace newsgraph

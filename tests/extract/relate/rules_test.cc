#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "extract/relate/rules.h"

namespace newsgraph::relate {
namespace {

bool contains(const std::vector<std::string>& forms, const std::string& form) {
  return std::find(forms.begin(), forms.end(), form) != forms.end();
}

TEST(RulesTest, VerbInflections) {
  auto host = verbForms("host");
  for (const char* f : {"host", "hosts", "hosted", "hosting"}) EXPECT_TRUE(contains(host, f)) << f;
  auto ban = verbForms("ban");
  EXPECT_TRUE(contains(ban, "banned"));
  auto recognise = verbForms("recognise");
  for (const char* f : {"recognised", "recognizes", "recognizing"})
    EXPECT_TRUE(contains(recognise, f)) << f;
  auto meet = verbForms("meet");
  EXPECT_TRUE(contains(meet, "met"));
  auto ally = verbForms("ally");
  EXPECT_TRUE(contains(ally, "allied"));
  EXPECT_TRUE(contains(ally, "allies"));
  EXPECT_TRUE(contains(nounForms("talk"), "talks"));
}

TEST(RulesTest, StandardRulesLoad) {
  const RelationRules& rules = RelationRules::standard();
  EXPECT_GT(rules.impl().rules.size(), 40u);
  EXPECT_TRUE(rules.impl().anchors.count("hosted"));
}

std::string writeRules(const std::string& body) {
  auto dir = std::filesystem::temp_directory_path() / "ng_rules_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "relations.json") << body;
  return dir.string();
}

TEST(RulesTest, UnknownRelationNamesTheLine) {
  std::string dir = writeRules("{\"rules\": [\n{\"id\": \"a\", \"relation\": \"HOSTS\", \"pattern\": \"S V:host O\"},\n"
                               "{\"id\": \"b\", \"relation\": \"HOST\", \"pattern\": \"S V:host O\"}\n]}");
  try {
    RelationRules::load(dir, Ontology::standard());
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where(), dir + "/relations.json:3");
    EXPECT_NE(e.message().find("HOST"), std::string::npos);
  }
}

TEST(RulesTest, PatternWithoutObjectIsRejected) {
  std::string dir = writeRules("{\"rules\": [{\"id\": \"a\", \"relation\": \"HOSTS\", \"pattern\": \"S ~ V:host\"}]}");
  EXPECT_THROW(RelationRules::load(dir, Ontology::standard()), Error);
  dir = writeRules("{\"rules\": [{\"id\": \"a\", \"relation\": \"HOSTS\", \"pattern\": \"S ~99 V:host O\"}]}");
  EXPECT_THROW(RelationRules::load(dir, Ontology::standard()), Error);
  dir = writeRules("{\"rules\": [ {\"id\": ");
  EXPECT_THROW(RelationRules::load(dir, Ontology::standard()), Error);
}

}  // namespace
}  // namespace newsgraph::relate

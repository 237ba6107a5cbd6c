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

// A rules file with BODY's rules and the standard word lists after them (so that the rule
// lines keep their numbers).
std::string writeRules(std::string body) {
  std::string standard = readFile(std::string(NEWSGRAPH_SOURCE_DIR) + "/data/relations.json");
  size_t words = standard.find("\"words\"");
  size_t end = standard.find("},", words);
  std::string wordsBlock = standard.substr(words, end + 1 - words);
  size_t last = body.rfind('}');
  if (last != std::string::npos && body.find("\"rules\"") != std::string::npos && body.rfind("]") < last)
    body.insert(last, ", " + wordsBlock);
  auto dir = std::filesystem::temp_directory_path() / "ng_rules_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "relations.json") << body;
  return dir.string();
}

TEST(RulesTest, MissingWordListIsAnError) {
  auto dir = std::filesystem::temp_directory_path() / "ng_rules_test_words";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "relations.json") << "{\"words\": {\"be\": [\"is\"]}, \"rules\": []}";
  try {
    RelationRules::load(dir.string(), Ontology::standard());
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("words.negation"), std::string::npos) << e.message();
  }
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

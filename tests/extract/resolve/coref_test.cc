// Coreference passes on hand-made mentions of our own sentences.
#include <gtest/gtest.h>

#include "extract/resolve/resolve.h"

namespace newsgraph::resolve {
namespace {

CorefMention name(uint32_t sentence, std::vector<std::string> words, EntityType type,
                  bool subject = false) {
  CorefMention m;
  m.sentence = sentence;
  m.form = MentionForm::Name;
  m.head = words.back();
  m.words = std::move(words);
  m.type = type;
  m.subject = subject;
  return m;
}

CorefMention pronoun(uint32_t sentence, std::string word, bool subject = true) {
  CorefMention m;
  m.sentence = sentence;
  m.form = MentionForm::Pronoun;
  m.head = word;
  m.words = {word};
  m.subject = subject;
  return m;
}

CorefMention description(uint32_t sentence, std::vector<std::string> words, bool plural = false) {
  CorefMention m;
  m.sentence = sentence;
  m.form = MentionForm::Description;
  m.head = words.back();
  m.words = std::move(words);
  m.plural = plural;
  return m;
}

// "Maria Costa met officials of Brazil. Costa said she would return. The country ..."
TEST(CorefTest, NamesRepeatAndPronounsAgree) {
  std::vector<CorefMention> m = {
      name(0, {"maria", "costa"}, EntityType::Person, true),  // 0
      description(0, {"officials"}, true),                     // 1
      name(0, {"brazil"}, EntityType::Gpe),                    // 2
      name(1, {"costa"}, EntityType::Person, true),            // 3
      pronoun(1, "she"),                                       // 4
      description(2, {"country"}),                             // 5
      pronoun(2, "it", false),                                 // 6
  };
  std::vector<int> chain = resolveCoreference(m);
  EXPECT_EQ(chain[3], 0);  // Costa -> Maria Costa
  EXPECT_EQ(chain[4], 0);  // she -> Costa
  EXPECT_EQ(chain[5], 2);  // the country -> Brazil
  EXPECT_EQ(chain[6], 2);  // it -> the country, not the person nor the plural officials
  EXPECT_EQ(chain[1], 1);  // officials alone
}

// "he" never goes to a state, "it" never to a person, "she" never to a chain holding "he".
TEST(CorefTest, PronounsWithoutAnAgreeingAntecedentStayAlone) {
  std::vector<CorefMention> m = {
      name(0, {"peru"}, EntityType::Gpe, true),
      pronoun(0, "he"),
      name(1, {"john", "ward"}, EntityType::Person, true),
      pronoun(1, "he"),
      pronoun(2, "she"),
      name(3, {"oslo"}, EntityType::Gpe),
      description(9, {"country"}),  // too far from Peru and Oslo is a city... still a GPE
  };
  std::vector<int> chain = resolveCoreference(m);
  EXPECT_EQ(chain[1], 1);
  EXPECT_EQ(chain[3], 2);
  EXPECT_EQ(chain[4], 4);
  EXPECT_EQ(chain[6], 6);  // more than three sentences after the last state
}

// In an earlier sentence the subject is the most salient candidate; in the pronoun's own
// sentence the nearest one before it.
TEST(CorefTest, SalienceSubjectFirstThenRecency) {
  std::vector<CorefMention> m = {
      name(0, {"anna", "berg"}, EntityType::Person, true),
      name(0, {"lisa", "holm"}, EntityType::Person),
      pronoun(1, "she"),
      name(2, {"tom", "lund"}, EntityType::Person),
      name(2, {"erik", "dahl"}, EntityType::Person),
      pronoun(2, "he", false),
  };
  std::vector<int> chain = resolveCoreference(m);
  EXPECT_EQ(chain[2], 0);  // the subject Anna Berg, not the nearer Lisa Holm
  EXPECT_EQ(chain[5], 4);  // the nearest before it in its own sentence
}

// "they" goes to plurals and organisations, a description to the same head without new
// modifiers, and names of different types never merge.
TEST(CorefTest, PluralsOrganisationsAndTypes) {
  std::vector<CorefMention> m = {
      name(0, {"nordic", "union"}, EntityType::Org, true),
      description(0, {"the", "union"}),
      pronoun(1, "they"),
      name(2, {"jordan"}, EntityType::Gpe),
      name(2, {"jordan"}, EntityType::Person),
      description(3, {"small", "farms"}, true),
      description(3, {"farms"}, true),
      description(3, {"large", "farms"}, true),
  };
  m[1].words = {"union"};
  std::vector<int> chain = resolveCoreference(m);
  EXPECT_EQ(chain[1], 0);
  EXPECT_EQ(chain[2], 0);
  EXPECT_EQ(chain[4], 4);  // a person is not the state of the same name
  EXPECT_EQ(chain[6], 5);  // "farms" repeats "small farms"
  EXPECT_EQ(chain[7], 7);  // "large farms" adds a modifier: a different set
}

TEST(CorefTest, QuotedFirstPersonChainsWithItself) {
  std::vector<CorefMention> m = {pronoun(0, "we"), name(0, {"kenya"}, EntityType::Gpe),
                                 pronoun(1, "we"), pronoun(1, "i")};
  std::vector<int> chain = resolveCoreference(m);
  EXPECT_EQ(chain[2], 0);
  EXPECT_EQ(chain[3], 3);
}

}  // namespace
}  // namespace newsgraph::resolve

#include <gtest/gtest.h>

#include "extract/tagger/tagger.h"

namespace newsgraph::tagger {
namespace {

std::vector<Entity> chunks(std::vector<std::string> tags) { return chunksFromIob1(tags); }

TEST(ConllTest, IOutsideEntityStartsChunk) {
  auto c = chunks({"O", "I-PER", "I-PER", "O", "I-LOC"});
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0], (Entity{1, 3, NerType::Per}));
  EXPECT_EQ(c[1], (Entity{4, 5, NerType::Loc}));
}

TEST(ConllTest, BAfterSameTypeStartsNewChunk) {
  auto c = chunks({"I-MISC", "B-MISC", "I-MISC", "I-ORG"});
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0], (Entity{0, 1, NerType::Misc}));
  EXPECT_EQ(c[1], (Entity{1, 3, NerType::Misc}));
  EXPECT_EQ(c[2], (Entity{3, 4, NerType::Org}));
}

TEST(ConllTest, TypeChangeStartsNewChunk) {
  auto c = chunks({"I-PER", "I-ORG", "I-ORG", "B-ORG"});
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0], (Entity{0, 1, NerType::Per}));
  EXPECT_EQ(c[1], (Entity{1, 3, NerType::Org}));
  EXPECT_EQ(c[2], (Entity{3, 4, NerType::Org}));
}

TEST(ConllTest, Iob1RoundTrip) {
  std::vector<std::string> tags = {"I-LOC", "B-LOC", "O", "I-PER", "I-PER", "I-ORG", "B-ORG"};
  EXPECT_EQ(iob1FromChunks(chunksFromIob1(tags), tags.size()), tags);
}

TEST(ConllTest, UnknownTagThrows) {
  EXPECT_THROW(chunks({"O", "I-FOO"}), Error);
  EXPECT_THROW(chunks({"E-PER"}), Error);
}

TEST(ConllTest, ParsesDocumentsAndSentences) {
  std::string text =
      "-DOCSTART- -X- O O\n\n"
      "EU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\n"
      "Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n"
      "-DOCSTART- -X- -X- O\n\n"
      "BRUSSELS NNP I-NP I-LOC\n\n";
  auto docs = parseConll(text, "mem");
  ASSERT_EQ(docs.size(), 2u);
  ASSERT_EQ(docs[0].sentences.size(), 2u);
  EXPECT_EQ(docs[0].sentences[0].words,
            (std::vector<std::string>{"EU", "rejects", "German"}));
  ASSERT_EQ(docs[0].sentences[0].entities.size(), 2u);
  EXPECT_EQ(docs[0].sentences[0].entities[1], (Entity{2, 3, NerType::Misc}));
  EXPECT_EQ(docs[0].sentences[1].entities[0], (Entity{0, 2, NerType::Per}));
  EXPECT_EQ(docs[1].sentences[0].words[0], "BRUSSELS");
}

TEST(ConllTest, BadLineNamesFileAndLine) {
  try {
    parseConll("EU NNP I-NP I-ORG\nlonely\n", "x.conll");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where(), "x.conll:2");
  }
  try {
    parseConll("EU NNP I-NP I-ORG\nrejects VBZ I-VP I-XYZ\n", "y.conll");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where(), "y.conll:2");
  }
}

TEST(ConllEvalTest, CountsExactSpansOnly) {
  Evaluation eval;
  // gold: [Peter Blackburn]PER [EU]ORG ; found: [Peter]PER [Blackburn]PER [EU]LOC
  std::vector<Entity> gold = {{0, 2, NerType::Per}, {3, 4, NerType::Org}};
  std::vector<Entity> found = {{0, 1, NerType::Per}, {1, 2, NerType::Per}, {3, 4, NerType::Loc}};
  eval.add(gold, found, 5);
  eval.add(gold, gold, 5);
  EXPECT_EQ(eval.overall.gold, 4u);
  EXPECT_EQ(eval.overall.found, 5u);
  EXPECT_EQ(eval.overall.correct, 2u);
  EXPECT_NEAR(eval.overall.precision(), 40.0, 1e-9);
  EXPECT_NEAR(eval.overall.recall(), 50.0, 1e-9);
  EXPECT_NEAR(eval.overall.f1(), 2 * 40.0 * 50.0 / 90.0, 1e-9);
  EXPECT_EQ(eval.per_type[static_cast<int>(NerType::Per)].correct, 1u);
  EXPECT_EQ(eval.per_type[static_cast<int>(NerType::Loc)].found, 1u);
  EXPECT_EQ(eval.per_type[static_cast<int>(NerType::Loc)].correct, 0u);
  // Tokens: first sentence I-PER B-PER O I-LOC O vs I-PER I-PER O I-ORG O: 3 of 5 agree.
  EXPECT_EQ(eval.tokens, 10u);
  EXPECT_EQ(eval.correct_tokens, 8u);
  std::string table = formatConlleval(eval);
  EXPECT_NE(table.find("processed 10 tokens with 4 phrases; found: 5 phrases; correct: 2."),
            std::string::npos);
}

TEST(ConllEvalTest, Iob1ChunksThroughCounting) {
  // conlleval on IOB1: "I-ORG B-ORG" is two entities; predicted "I-ORG I-ORG" is one.
  Evaluation eval;
  eval.add(chunks({"I-ORG", "B-ORG", "O"}), chunks({"I-ORG", "I-ORG", "O"}), 3);
  EXPECT_EQ(eval.overall.gold, 2u);
  EXPECT_EQ(eval.overall.found, 1u);
  EXPECT_EQ(eval.overall.correct, 0u);
}

}  // namespace
}  // namespace newsgraph::tagger

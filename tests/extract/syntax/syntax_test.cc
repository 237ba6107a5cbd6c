// The tagger, lemmatiser and parser learning a toy grammar; scoring, model files, CoNLL-U.
#include <gtest/gtest.h>

#include <filesystem>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>

#include "extract/syntax/syntax.h"
#include "tests/extract/syntax/toy_treebank.h"

namespace newsgraph::syntax {
namespace {

TrainOptions toyOptions() {
  TrainOptions options;
  options.epochs = 4;
  options.tagger_hash_bits = 16;
  options.parser_hash_bits = 16;
  options.labeler_hash_bits = 16;
  return options;
}

// One model for the whole suite: training takes a moment.
const SyntaxModel& toyModel() {
  static std::shared_ptr<const SyntaxModel> model =
      train(parseConllu(testing::toyTreebank(400, 1), "toy"),
            parseConllu(testing::toyTreebank(50, 2), "toy-dev"), "", toyOptions());
  return *model;
}

std::string tempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("newsgraph_syntax_" + name)).string();
}

std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.where() + ": " + e.message();  // oneLine() without the source location
  }
  return "";
}

TEST(ConlluTest, SkipsRangesAndEmptyNodesAndKeepsText) {
  const std::string text =
      "# sent_id = 1\n# text = I don't.\n"
      "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
      "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n"
      "3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\tSpaceAfter=No\n"
      "3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t0:root\t_\n"
      "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
  const auto sentences = parseConllu(text, "mini");
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(sentences[0].text, "I don't.");
  ASSERT_EQ(sentences[0].words.size(), 4u);
  EXPECT_EQ(sentences[0].words[2].form, "n't");
  EXPECT_EQ(sentences[0].words[2].head, 0u);
  EXPECT_EQ(sentences[0].words[2].misc, "SpaceAfter=No");
}

TEST(ConlluTest, BadLinesNameFileAndLine) {
  EXPECT_EQ(errorOf([] { parseConllu("1\tI\tI\tPRON\n", "bad.conllu"); }),
            "bad.conllu:1: expected 10 tab-separated columns, found 4");
  EXPECT_EQ(errorOf([] { parseConllu("\n1\tI\tI\tPRON\tPRP\t_\tx\tnsubj\t_\t_\n", "bad.conllu"); }),
            "bad.conllu:2: bad HEAD 'x'");
}

TEST(SyntaxModelTest, LearnsToyGrammar) {
  const auto test = parseConllu(testing::toyTreebank(100, 3), "toy-test");
  const SyntaxScores scores = evaluate(toyModel(), test);
  EXPECT_GT(scores.words, 500u);
  EXPECT_EQ(scores.upos, scores.words);
  EXPECT_EQ(scores.xpos, scores.words);
  EXPECT_EQ(scores.lemma, scores.words);
  EXPECT_GE(scores.percent(scores.uas), 99.0);
  EXPECT_GE(scores.percent(scores.las), 99.0);
}

TEST(SyntaxModelTest, AnalysesOneSentence) {
  SentenceParse parse;
  toyModel().analyze({"Anna", "saw", "the", "dogs", "in", "the", "park", "."}, &parse);
  ASSERT_EQ(parse.words.size(), 8u);
  EXPECT_EQ(parse.words[1].upos, "VERB");
  EXPECT_EQ(parse.words[1].lemma, "see");
  EXPECT_EQ(parse.words[3].lemma, "dog");
  EXPECT_EQ(parse.words[0].lemma, "Anna");
  const uint32_t heads[] = {2, 0, 4, 2, 7, 7, 2, 2};
  const char* deprels[] = {"nsubj", "root", "det", "obj", "case", "det", "obl", "punct"};
  for (size_t i = 0; i < 8; ++i) {
    EXPECT_EQ(parse.words[i].head, heads[i]) << i;
    EXPECT_EQ(parse.words[i].deprel, deprels[i]) << i;
  }
  toyModel().analyze({}, &parse);
  EXPECT_TRUE(parse.words.empty());
}

TEST(SyntaxModelTest, ScoresCountEachMistakeOnce) {
  auto gold = parseConllu(testing::toyTreebank(20, 4), "toy-gold");
  const SyntaxScores right = evaluate(toyModel(), gold);
  ASSERT_EQ(right.las, right.words);
  gold[0].words[0].head = gold[0].words[0].head == 1 ? 2 : 1;  // a wrong gold head
  gold[1].words[0].upos = "X";
  gold[2].words[0].deprel += ":sub";  // counts for LAS (universal part), not for full labels
  const SyntaxScores scores = evaluate(toyModel(), gold);
  EXPECT_EQ(scores.words, right.words);
  EXPECT_EQ(scores.uas, right.words - 1);
  EXPECT_EQ(scores.las, right.words - 1);
  EXPECT_EQ(scores.lasFull, right.words - 2);
  EXPECT_EQ(scores.upos, right.words - 1);
  EXPECT_EQ(scores.xpos, right.words);
}

TEST(SyntaxModelTest, TrainingIsDeterministic) {
  const auto data = parseConllu(testing::toyTreebank(200, 5), "toy");
  const auto dev = parseConllu(testing::toyTreebank(20, 6), "toy-dev");
  const std::string a = train(data, dev, "", toyOptions())->serialize();
  const std::string b = train(data, dev, "", toyOptions())->serialize();
  EXPECT_EQ(a, b);
}

TEST(SyntaxModelTest, SavedModelLoadsTheSame) {
  const std::string path = tempPath("roundtrip.model");
  saveModel(toyModel(), path);
  const auto loaded = SyntaxModel::load(path);
  EXPECT_EQ(loaded->serialize(), toyModel().serialize());
  std::filesystem::remove(path);
}

TEST(SyntaxModelTest, BadModelFilesGiveOneLine) {
  const std::string bytes = toyModel().serialize();
  auto write = [](const std::string& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
  };
  const std::string missing = tempPath("missing.model");
  std::filesystem::remove(missing);
  const std::string missingError = errorOf([&] { SyntaxModel::load(missing); });
  EXPECT_NE(missingError.find(missing), std::string::npos) << missingError;

  const std::string truncated = tempPath("truncated.model");
  write(truncated, bytes.substr(0, bytes.size() / 2));
  EXPECT_EQ(errorOf([&] { SyntaxModel::load(truncated); }),
            truncated + ": truncated syntax model file (" + std::to_string(bytes.size() / 2) +
                " bytes)");
  write(truncated, bytes.substr(0, 5));
  EXPECT_EQ(errorOf([&] { SyntaxModel::load(truncated); }),
            truncated + ": truncated syntax model file");

  std::string newer = bytes;
  newer[8] = 99;  // the version follows the 8-byte magic
  const std::string versioned = tempPath("version.model");
  write(versioned, newer);
  EXPECT_EQ(errorOf([&] { SyntaxModel::load(versioned); }),
            versioned + ": syntax model version 99, but this newsgraph reads version 1 "
                        "(retrain it with train-syntax)");

  const std::string foreign = tempPath("foreign.model");
  write(foreign, "NGNERMDL and more bytes than a header");
  EXPECT_EQ(errorOf([&] { SyntaxModel::load(foreign); }),
            foreign + ": not a newsgraph syntax model (bad magic)");
  for (const std::string& p : {truncated, versioned, foreign}) std::filesystem::remove(p);
}

TEST(ConlluOutputTest, ReadsBackWithOffsetsOnTheTokens) {
  const std::string text = "Anna saw the dogs.\nBoris liked a cat in the park. The man saw Anna.";
  const std::vector<Span> body = {{0, 18}, {19, static_cast<uint32_t>(text.size())}};
  const text::Segmentation seg = text::segment(text, body);
  std::ostringstream out;
  writeConllu("doc1", text, seg, toyModel(), out);
  const auto sentences = parseConllu(out.str(), "output");
  ASSERT_EQ(sentences.size(), seg.sentences.size());
  size_t tokens = 0;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const text::Sentence& ours = seg.sentences[s];
    ASSERT_EQ(sentences[s].words.size(), ours.size());
    EXPECT_EQ(sentences[s].text, text.substr(ours.span.begin, ours.span.size()));
    for (const TreebankWord& w : sentences[s].words) {
      unsigned begin = 0, end = 0;
      ASSERT_EQ(std::sscanf(w.misc.c_str(), "TokenRange=%u:%u", &begin, &end), 2) << w.misc;
      EXPECT_EQ(text.substr(begin, end - begin), w.form);
      ++tokens;
    }
  }
  EXPECT_EQ(tokens, seg.tokens.size());
  EXPECT_EQ(sentences[0].words[3].misc, "TokenRange=13:17|SpaceAfter=No");
  EXPECT_EQ(sentences[0].words[1].lemma, "see");
}

}  // namespace
}  // namespace newsgraph::syntax

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "extract/tagger/features.h"
#include "extract/tagger/model.h"

namespace newsgraph::tagger {
namespace {

std::string tempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("tagger_test_" + name)).string();
}

TEST(ViterbiTest, FollowsBilouConstraints) {
  // Emissions prefer I-PER everywhere, which cannot start or end a sequence: the best
  // legal path is B-PER I-PER L-PER.
  const size_t n = 3;
  std::vector<float> emission(n * kLabels, 0.0f), transitions((kLabels + 1) * kLabels, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    emission[i * kLabels + labelOf(0, 1)] = 5.0f;
    emission[i * kLabels + labelOf(0, 0)] = 1.0f;
    emission[i * kLabels + labelOf(0, 2)] = 1.0f;
  }
  std::vector<float> delta(n * kLabels);
  std::vector<uint8_t> back(n * kLabels), out(n);
  viterbi<float>(emission.data(), transitions.data(), n, delta.data(), back.data(), out.data());
  EXPECT_EQ(out, (std::vector<uint8_t>{uint8_t(labelOf(0, 0)), uint8_t(labelOf(0, 1)),
                                       uint8_t(labelOf(0, 2))}));
}

TEST(ViterbiTest, TransitionsChangeThePath) {
  const size_t n = 2;
  std::vector<int32_t> emission(n * kLabels, 0), transitions((kLabels + 1) * kLabels, 0);
  emission[0 * kLabels + labelOf(2, 3)] = 10;  // U-LOC at 0
  emission[1 * kLabels + labelOf(2, 3)] = 4;   // U-LOC at 1, O scores 3
  emission[1 * kLabels + 0] = 3;
  std::vector<int32_t> delta(n * kLabels);
  std::vector<uint8_t> back(n * kLabels), out(n);
  viterbi<int32_t>(emission.data(), transitions.data(), n, delta.data(), back.data(), out.data());
  EXPECT_EQ(out[1], labelOf(2, 3));
  transitions[labelOf(2, 3) * kLabels + labelOf(2, 3)] = -5;  // U-LOC U-LOC discouraged
  viterbi<int32_t>(emission.data(), transitions.data(), n, delta.data(), back.data(), out.data());
  EXPECT_EQ(out[0], labelOf(2, 3));
  EXPECT_EQ(out[1], 0);
}

TEST(ModelTest, HandSetWeightsTagAWord) {
  ModelOptions options;
  options.hash_bits = 12;
  options.use_clusters = options.use_history = options.use_lexicon = false;
  auto model = std::make_shared<Model>(options, Resources());
  // Give every feature of "Reuters" that "reported" lacks a vote for U-ORG.
  Workspace ws;
  ws.words = {"Reuters", "reported"};
  model->extractor().extract(nullptr, &ws);
  const uint32_t* first = ws.features.data();
  const uint32_t* second = ws.features.data() + kMaxFeatures;
  std::vector<int16_t> dense(size_t{kLabels} << options.hash_bits, 0);
  for (int k = 0; k < ws.featureCount[0]; ++k) {
    if (std::find(second, second + ws.featureCount[1], first[k]) != second + ws.featureCount[1]) {
      continue;
    }
    dense[size_t{first[k]} * kLabels + labelOf(1, 3)] += 10;
  }
  model->weights = WeightTable::fromDense(options.hash_bits, dense);
  Tagger tagger(model);
  auto found = tagger.tag(std::vector<std::string>{"Reuters", "reported"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], (Entity{0, 1, NerType::Org}));
}

std::vector<Document> tinyCorpus() {
  return parseConll(
      "-DOCSTART- -X- O O\n\n"
      "Peter x x I-PER\nBlackburn x x I-PER\nvisited x x O\nLondon x x I-LOC\n. x x O\n\n"
      "The x x O\nEuropean x x I-ORG\nCommission x x I-ORG\nsaid x x O\nno x x O\n. x x O\n\n"
      "German x x I-MISC\nofficials x x O\nmet x x O\nin x x O\nBonn x x I-LOC\n. x x O\n\n"
      "-DOCSTART- -X- O O\n\n"
      "Smith x x I-PER\njoined x x O\nReuters x x I-ORG\nin x x O\nParis x x I-LOC\n. x x O\n\n",
      "tiny");
}

std::shared_ptr<const Model> trainTiny(uint64_t seed) {
  TrainOptions options;
  options.max_epochs = 30;
  options.seed = seed;
  options.model.hash_bits = 14;
  return train(tinyCorpus(), {}, Resources(), options);
}

TEST(ModelTest, TinyTrainingLearnsItsSentences) {
  auto model = trainTiny(7);
  Evaluation eval = evaluate(Tagger(model), tinyCorpus());
  EXPECT_EQ(eval.overall.gold, 8u);
  EXPECT_EQ(eval.overall.correct, 8u);
  EXPECT_EQ(eval.overall.found, 8u);
}

TEST(ModelTest, TrainingIsReproducible) {
  EXPECT_EQ(trainTiny(3)->serialize(), trainTiny(3)->serialize());
}

TEST(ModelTest, SaveLoadRoundTripGivesSamePredictions) {
  Resources res;
  res.addCluster("London", ClusterEntry{{1, 2, 3}});
  res.addName({"european", "commission"}, 4);
  TrainOptions options;
  options.max_epochs = 5;
  options.model.hash_bits = 14;
  auto model = train(tinyCorpus(), {}, res, options);
  std::string path = tempPath("roundtrip.model");
  saveModel(*model, path);
  Tagger loaded = Tagger::load(path);
  EXPECT_EQ(loaded.model().serialize(), model->serialize());
  EXPECT_EQ(loaded.model().resources().clusterCount(), 1u);
  EXPECT_EQ(loaded.model().resources().maxNameTokens(), 2);
  Tagger original(model);
  for (const Document& doc : tinyCorpus()) {
    EXPECT_EQ(loaded.tagDocument(doc).size(), doc.sentences.size());
    EXPECT_EQ(loaded.tagDocument(doc), original.tagDocument(doc));
  }
  std::vector<std::string> unseen = {"Mary", "flew", "to", "Rome", "with", "Siemens"};
  EXPECT_EQ(loaded.tag(unseen), original.tag(unseen));
  std::remove(path.c_str());
}

void writeBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string loadError(const std::string& path) {
  try {
    Tagger::load(path);
  } catch (const Error& e) {
    EXPECT_EQ(e.where(), path);
    return e.message();
  }
  return "no error";
}

TEST(ModelTest, VersionOneFileWithoutNamePrefixesStillTags) {
  Resources res;
  res.addName({"european", "commission"}, 4);
  TrainOptions options;
  options.max_epochs = 5;
  options.model.hash_bits = 14;
  auto model = train(tinyCorpus(), {}, res, options);
  std::string bytes = model->serialize();
  ASSERT_EQ(bytes[8], 2);
  bytes[8] = 1;  // version field right after the 8-byte magic
  std::string path = tempPath("v1.model");
  writeBytes(path, bytes);
  Tagger loaded = Tagger::load(path);
  EXPECT_EQ(*loaded.model().resources().nameEntry(12345), 0u);  // unknown: look further
  Tagger original(model);
  for (const Document& doc : tinyCorpus()) {
    EXPECT_EQ(loaded.tagDocument(doc), original.tagDocument(doc));
  }
  std::remove(path.c_str());
}

TEST(ModelTest, BadModelFilesGiveClearErrors) {
  std::string good = trainTiny(1)->serialize();
  std::string path = tempPath("bad.model");
  EXPECT_THROW(Tagger::load(tempPath("missing.model")), Error);

  writeBytes(path, "<html>not a model</html>");
  EXPECT_NE(loadError(path).find("not a newsgraph NER model"), std::string::npos);

  writeBytes(path, good.substr(0, good.size() / 2));
  EXPECT_NE(loadError(path).find("truncated"), std::string::npos);

  std::string newer = good;
  newer[8] = 99;  // version field right after the 8-byte magic
  writeBytes(path, newer);
  EXPECT_NE(loadError(path).find("newer"), std::string::npos);

  std::string flipped = good;
  flipped[flipped.size() - 20] ^= 0x5a;
  writeBytes(path, flipped);
  EXPECT_NE(loadError(path).find("corrupt"), std::string::npos);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace newsgraph::tagger

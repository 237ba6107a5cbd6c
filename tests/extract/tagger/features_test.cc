#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "extract/tagger/features.h"
#include "extract/tagger/hashing.h"

namespace newsgraph::tagger {
namespace {

std::set<uint32_t> featuresOf(const FeatureExtractor& fx, std::vector<std::string_view> words,
                              size_t i, const DocumentHistory* history = nullptr) {
  Workspace ws;
  ws.words = words;
  fx.extract(history, &ws);
  const uint32_t* f = ws.features.data() + i * kMaxFeatures;
  return std::set<uint32_t>(f, f + ws.featureCount[i]);
}

size_t shared(const std::set<uint32_t>& a, const std::set<uint32_t>& b) {
  std::vector<uint32_t> both;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
  return both.size();
}

TEST(FeaturesTest, SameContextDifferentWordShareAllButWordFeatures) {
  Resources res;
  ModelOptions options;
  options.use_clusters = false;
  FeatureExtractor fx(res, options);
  auto a = featuresOf(fx, {"said", "Blair", "on"}, 1);
  auto b = featuresOf(fx, {"said", "Brown", "on"}, 1);
  auto c = featuresOf(fx, {"said", "BLAIR", "on"}, 1);
  EXPECT_GT(a.size(), 25u);
  // "Blair" and "Brown" share the shape "Xxxxx", prefix "b", the window and position.
  size_t ab = shared(a, b), ac = shared(a, c);
  EXPECT_LT(ab, a.size());
  EXPECT_GT(ab, 10u);
  // "BLAIR" shares the lower-cased word, prefixes and suffixes with "Blair" but not its shape.
  EXPECT_LT(ac, a.size());
  auto d = featuresOf(fx, {"said", "Blair", "on"}, 1);
  EXPECT_EQ(a, d);  // deterministic
}

TEST(FeaturesTest, WindowFeaturesSeeNeighbours) {
  Resources res;
  ModelOptions options;
  FeatureExtractor fx(res, options);
  auto a = featuresOf(fx, {"Mr", "Blair", "said"}, 1);
  auto b = featuresOf(fx, {"in", "Blair", "said"}, 1);
  EXPECT_NE(a, b);
  EXPECT_GT(shared(a, b), 15u);
}

TEST(FeaturesTest, ClustersAddSharedFeatures) {
  Resources res;
  res.addCluster("Monday", ClusterEntry{{3, 10, 100}});
  res.addCluster("Tuesday", ClusterEntry{{3, 10, 100}});
  res.addCluster("Paris", ClusterEntry{{4, 20, 200}});
  ModelOptions with;
  ModelOptions without;
  without.use_clusters = false;
  FeatureExtractor fx(res, with), plain(res, without);
  auto mon = featuresOf(fx, {"on", "Monday"}, 1), tue = featuresOf(fx, {"on", "Tuesday"}, 1);
  auto par = featuresOf(fx, {"on", "Paris"}, 1);
  auto monPlain = featuresOf(plain, {"on", "Monday"}, 1);
  auto tuePlain = featuresOf(plain, {"on", "Tuesday"}, 1);
  // The context's cluster features (8: "on" and the sentence end) are shared by all three;
  // Monday and Tuesday also share their own 3 ids and id x short shape.
  EXPECT_EQ(shared(mon, tue) - shared(monPlain, tuePlain), 12u);
  EXPECT_EQ(shared(mon, par), shared(monPlain, featuresOf(plain, {"on", "Paris"}, 1)) + 8);
  // Upper-case headline words fall back to the title-case cluster.
  auto upper = featuresOf(fx, {"on", "MONDAY"}, 1);
  auto upperPlain = featuresOf(plain, {"on", "MONDAY"}, 1);
  EXPECT_GE(shared(upper, mon) - shared(upperPlain, monPlain), 3u);
}

TEST(FeaturesTest, LexiconMarksMultiTokenNames) {
  Resources res;
  res.addName({"new", "york"}, 1u << 2);
  ModelOptions options;
  FeatureExtractor fx(res, options);
  Workspace ws;
  ws.words = {"in", "New", "York", "today"};
  fx.extract(nullptr, &ws);
  EXPECT_EQ(ws.tokens[0].gazetteer, 0u);
  EXPECT_EQ(ws.tokens[1].gazetteer, 1u << (2 * 4 + 0));  // B
  EXPECT_EQ(ws.tokens[2].gazetteer, 1u << (2 * 4 + 2));  // L
  EXPECT_EQ(ws.tokens[3].gazetteer, 0u);
}

TEST(FeaturesTest, HistoryFeaturesAppearAfterRemember) {
  Resources res;
  ModelOptions options;
  FeatureExtractor fx(res, options);
  DocumentHistory history;
  auto before = featuresOf(fx, {"Sun", "rose"}, 0, &history);
  Workspace ws;
  ws.words = {"Sun", "Microsystems"};
  fx.extract(&history, &ws);
  uint8_t labels[2] = {static_cast<uint8_t>(labelOf(1, 0)), static_cast<uint8_t>(labelOf(1, 2))};
  fx.remember(labels, &ws, &history);
  ASSERT_NE(history.counts(hashBytes("Sun")), nullptr);
  EXPECT_EQ(history.counts(hashBytes("Sun"))[1], 1);
  auto after = featuresOf(fx, {"Sun", "rose"}, 0, &history);
  EXPECT_EQ(after.size(), before.size() + 3);
  EXPECT_EQ(featuresOf(fx, {"Sun", "rose"}, 0, nullptr), before);
}

TEST(FeaturesTest, BilouLabelsRoundTrip) {
  std::vector<Entity> entities = {{0, 1, NerType::Loc}, {1, 4, NerType::Org}, {5, 7, NerType::Per}};
  uint8_t labels[8];
  labelsFromEntities(entities, 8, labels);
  EXPECT_EQ(labels[0], labelOf(2, 3));
  EXPECT_EQ(labels[1], labelOf(1, 0));
  EXPECT_EQ(labels[2], labelOf(1, 1));
  EXPECT_EQ(labels[3], labelOf(1, 2));
  EXPECT_EQ(labels[4], 0);
  EXPECT_EQ(entitiesFromLabels(labels, 8), entities);
}

TEST(FeaturesTest, TokenizeLineSplitsPunctuation) {
  std::vector<std::string_view> t;
  tokenizeLine("\"Russia's U.S. envoy didn't go,\" Mr. Smith said.", &t);
  std::vector<std::string_view> want = {"\"", "Russia", "'s", "U.S.", "envoy", "did", "n't",
                                        "go", ",", "\"", "Mr.", "Smith", "said", "."};
  EXPECT_EQ(t, want);
}

}  // namespace
}  // namespace newsgraph::tagger

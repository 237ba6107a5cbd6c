#include "pipeline/pipeline.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <set>

#include "pipeline/input_meter.h"

namespace newsgraph::pipeline {
namespace {

const std::vector<std::string> kCorpus = {NEWSGRAPH_SHARED_DIR "/corpus/seeds",
                                          NEWSGRAPH_SHARED_DIR "/corpus/dev"};

TEST(ShardTest, HashIsFnv1a64) {
  EXPECT_EQ(documentHash(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(documentHash("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(documentHash("foobar"), 0x85944171f73967e8ULL);
}

TEST(ShardTest, ParsesOneBasedShards) {
  Shard s = parseShard("2/3");
  EXPECT_EQ(s.index, 2);
  EXPECT_EQ(s.count, 3);
  EXPECT_EQ(parseShard("1/1").index, 1);
  for (const char* bad : {"0/3", "4/3", "3", "/3", "1/", "1/0", "a/b", "1/3x", "-1/3", ""}) {
    EXPECT_THROW(parseShard(bad), Error) << bad;
  }
}

TEST(ShardTest, EveryIdIsInExactlyOneShard) {
  constexpr int kShards = 5;
  std::vector<int> sizes(kShards, 0);
  for (int i = 0; i < 5000; ++i) {
    std::string id = "doc-" + std::to_string(i) + ".txt";
    int in = 0;
    for (int s = 1; s <= kShards; ++s) {
      if (inShard(id, Shard{s, kShards})) {
        ++in;
        ++sizes[s - 1];
      }
    }
    ASSERT_EQ(in, 1) << id;
  }
  for (int size : sizes) EXPECT_GT(size, 800);  // about 1000 each
}

struct BuildRun {
  BuildStats stats;
  std::vector<std::string> ids;
  std::vector<size_t> entities, relations;
};

BuildRun build(const std::vector<std::string>& inputs, int jobs, std::optional<Shard> shard = {}) {
  BuildOptions options;
  options.jobs = jobs;
  options.shard = shard;
  BuildRun run;
  run.stats = runPipeline(inputs, options, [&](extract::DocumentFacts&& facts) {
    run.ids.push_back(facts.id);
    run.entities.push_back(facts.entities.size());
    run.relations.push_back(facts.relations.size());
  });
  return run;
}

TEST(PipelineTest, ThreadsGiveTheSameFactsInTheSameOrder) {
  BuildRun one = build(kCorpus, 1);
  BuildRun three = build(kCorpus, 3);
  ASSERT_GT(one.ids.size(), 10u);
  EXPECT_EQ(one.ids, three.ids);
  EXPECT_EQ(one.entities, three.entities);
  EXPECT_EQ(one.relations, three.relations);
  EXPECT_EQ(one.stats.documents, one.ids.size());
  EXPECT_EQ(three.stats.jobs, 3);
  EXPECT_EQ(one.stats.bytes, three.stats.bytes);
  EXPECT_FALSE(three.stats.interrupted);
}

TEST(PipelineTest, ShardsPartitionTheCorpusInInputOrder) {
  BuildRun whole = build(kCorpus, 2);
  std::vector<std::string> all;
  uint64_t documents = 0;
  for (int i = 1; i <= 3; ++i) {
    BuildRun part = build(kCorpus, 2, Shard{i, 3});
    documents += part.stats.documents;
    EXPECT_EQ(part.stats.documents + part.stats.otherShards, whole.stats.documents);
    for (const std::string& id : part.ids) EXPECT_TRUE(inShard(id, Shard{i, 3}));
    // Each shard keeps the input order of its documents.
    std::vector<std::string> expected;
    for (const std::string& id : whole.ids)
      if (inShard(id, Shard{i, 3})) expected.push_back(id);
    EXPECT_EQ(part.ids, expected);
    all.insert(all.end(), part.ids.begin(), part.ids.end());
  }
  EXPECT_EQ(documents, whole.stats.documents);
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()),
            std::set<std::string>(whole.ids.begin(), whole.ids.end()));
}

TEST(PipelineTest, CountsAMissingInputAsSkipped) {
  std::vector<std::string> inputs = kCorpus;
  inputs.push_back("/nonexistent/articles");
  BuildRun run = build(inputs, 2);
  EXPECT_EQ(run.stats.skipped, 1u);
  EXPECT_EQ(run.stats.failed, 0u);
  EXPECT_EQ(run.stats.documents, build(kCorpus, 1).stats.documents);
  EXPECT_EQ(run.stats.problems.size(), 1u);
}

TEST(PipelineTest, StopsWhenAskedAndSaysSo) {
  std::atomic<bool> stop{true};
  BuildOptions options;
  options.jobs = 2;
  options.stop = &stop;
  size_t delivered = 0;
  BuildStats stats = runPipeline(kCorpus, options, [&](extract::DocumentFacts&&) { ++delivered; });
  EXPECT_TRUE(stats.interrupted);
  EXPECT_EQ(delivered, stats.documents);
}

TEST(PipelineTest, HandsASinkExceptionToTheCaller) {
  for (int jobs : {1, 2}) {
    BuildOptions options;
    options.jobs = jobs;
    int seen = 0;
    auto sink = [&](extract::DocumentFacts&& facts) {
      if (++seen == 3) NG_THROW(facts.id, "disk full");
    };
    EXPECT_THROW(runPipeline(kCorpus, options, sink), Error) << jobs << " jobs";
    EXPECT_EQ(seen, 3);
  }
}

TEST(InputMeterTest, SizesGzipFilesByTheirUncompressedSize) {
  std::string path = testing::TempDir() + "meter_" + std::to_string(getpid()) + ".txt.gz";
  std::string text(100000, 'x');
  gzFile gz = gzopen(path.c_str(), "wb9");
  ASSERT_NE(gz, nullptr);
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  gzclose(gz);
  InputMeter meter({path});
  EXPECT_EQ(meter.total(), text.size());
  meter.add(path, 40000);
  EXPECT_EQ(meter.done(), 40000u);
  meter.add(path, 90000);
  EXPECT_EQ(meter.done(), text.size());  // never past the file's size
  std::filesystem::remove(path);
  EXPECT_EQ(InputMeter({"-"}).total(), 0u);
}

}  // namespace
}  // namespace newsgraph::pipeline

#include "graph/store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "export/export.h"
#include "graph/query/query.h"
#include "pipeline/pipeline.h"

namespace newsgraph::store {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("store_test." + std::to_string(getpid()) + "." +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

// The seed articles through the real pipeline, once.
const std::vector<extract::DocumentFacts>& seedFacts() {
  static const std::vector<extract::DocumentFacts> facts = [] {
    std::vector<extract::DocumentFacts> all;
    pipeline::BuildOptions options;
    pipeline::runPipeline({NEWSGRAPH_SHARED_DIR "/corpus/seeds"}, options,
                          [&](extract::DocumentFacts&& f) { all.push_back(std::move(f)); });
    return all;
  }();
  return facts;
}

extract::DocumentFacts document(const std::string& id, const std::string& date,
                                const std::string& sentence) {
  extract::DocumentFacts facts;
  facts.id = id;
  facts.date = date;
  facts.entities = {{"russia", "Russia", EntityType::Gpe, {"Russian"}, 3},
                    {"taliban", "Taliban", EntityType::Org, {}, 2},
                    {"kabul", "Kabul", EntityType::Gpe, {}, 1}};
  facts.relations = {{0, 1, "HOSTS", false, 0.8f, sentence},
                     {2, 0, "MEETS", false, 0.7f, "Kabul met Russia. " + sentence},
                     {0, 1, "RECOGNIZES", true, 0.9f, "Russia has not recognised the Taliban."}};
  return facts;
}

std::string render(const graph::KnowledgeGraph& kg, exporter::Format format) {
  std::ostringstream out;
  exporter::write(kg, format, out);
  return out.str();
}

void expectSameExports(const graph::KnowledgeGraph& a, const graph::KnowledgeGraph& b) {
  for (auto format : {exporter::Format::GraphML, exporter::Format::Dot, exporter::Format::Gexf,
                      exporter::Format::Json})
    EXPECT_EQ(render(a, format), render(b, format));
}

graph::KnowledgeGraph direct(const std::vector<extract::DocumentFacts>& docs) {
  graph::KnowledgeGraph kg;
  for (const auto& facts : docs) kg.addDocument(facts);
  return kg;
}

void build(const std::string& path, const std::vector<extract::DocumentFacts>& docs) {
  Store store = Store::create(path);
  Store::Writer writer = store.write();
  for (const auto& facts : docs) writer.add(facts);
  writer.commit();
  store.finish();
}

void sqlite(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.message();
  }
  return "";
}

TEST_F(StoreTest, LoadedSeedsExportLikeTheDirectBuild) {
  ASSERT_EQ(seedFacts().size(), 5u);
  build(path("seeds.db"), seedFacts());
  Store store = Store::open(path("seeds.db"));
  expectSameExports(store.load(), direct(seedFacts()));
  Summary summary = store.summary();
  EXPECT_EQ(summary.documents, 5u);
  EXPECT_EQ(summary.entities, num_vertices(direct(seedFacts()).graph()));
  EXPECT_EQ(summary.first_date, "2021-11-02");
  EXPECT_EQ(summary.undated, 2u);  // as in seeds.gold.json: two articles without a dateline
}

// stats answers in SQL what computeStats answers on the loaded graph.
TEST_F(StoreTest, StatisticsFromSqlEqualTheLoadedGraphs) {
  build(path("seeds.db"), seedFacts());
  Store store = Store::open(path("seeds.db"));
  graph::KnowledgeGraph kg = store.load();
  const graph::Graph& g = kg.graph();
  query::GraphStats expected = query::computeStats(kg, 1000);
  Statistics stats = store.statistics(1000);
  EXPECT_EQ(stats.entityTypes, expected.entityTypes);
  EXPECT_EQ(stats.relations, expected.relations);
  EXPECT_EQ(stats.negated, expected.negated);
  EXPECT_EQ(stats.components, expected.components);
  EXPECT_EQ(stats.largestComponent, expected.largestComponent);
  ASSERT_EQ(stats.topByDegree.size(), expected.topByDegree.size());
  for (size_t i = 0; i < stats.topByDegree.size(); ++i) {
    EXPECT_EQ(stats.topByDegree[i].label, g[expected.topByDegree[i].first].label) << i;
    EXPECT_EQ(stats.topByDegree[i].degree, expected.topByDegree[i].second) << i;
  }
  EXPECT_EQ(store.statistics(3).topByDegree.size(), 3u);
}

TEST_F(StoreTest, ShardsMergedInAnyOrderEqualOneBuild) {
  std::vector<extract::DocumentFacts> even, odd;
  for (size_t i = 0; i < seedFacts().size(); ++i) (i % 2 ? odd : even).push_back(seedFacts()[i]);
  build(path("even.db"), even);
  build(path("odd.db"), odd);
  AddStats stats = Store::merge({path("odd.db"), path("even.db")}, path("merged.db"));
  EXPECT_EQ(stats.added, 5u);
  Store::merge({path("even.db"), path("odd.db"), path("even.db")}, path("again.db"));
  graph::KnowledgeGraph merged = Store::open(path("merged.db")).load();
  expectSameExports(merged, direct(seedFacts()));
  expectSameExports(Store::open(path("again.db")).load(), merged);
}

TEST_F(StoreTest, AddingAPresentDocumentChangesNothing) {
  build(path("a.db"), {document("a.txt", "2023-01-01", "Russia hosted the Taliban.")});
  std::string before = render(Store::open(path("a.db")).load(), exporter::Format::GraphML);
  Store store = Store::open(path("a.db"), Store::Mode::ReadWrite);
  Store::Writer writer = store.write();
  writer.add(document("a.txt", "2023-01-01", "Russia hosted the Taliban."));
  writer.commit();
  EXPECT_EQ(writer.stats().skipped, 1u);
  EXPECT_EQ(writer.stats().added, 0u);
  EXPECT_EQ(render(store.load(), exporter::Format::GraphML), before);
  EXPECT_EQ(store.summary().evidence, 3u);
}

TEST_F(StoreTest, ChangedDocumentIsReplacedAndWeightsRecomputed) {
  auto a1 = document("a.txt", "2023-01-01", "Russia hosted the Taliban.");
  auto b = document("b.txt", "2023-02-01", "Russia hosted them again.");
  auto a2 = document("a.txt", "2023-03-01", "Moscow hosted the Taliban.");
  a2.entities.pop_back();  // Kabul is only in a.txt's first version: it must go
  a2.relations.resize(1);
  build(path("s.db"), {a1, b});
  {
    Store store = Store::open(path("s.db"), Store::Mode::ReadWrite);
    Store::Writer writer = store.write();
    writer.add(a2);
    writer.commit();
    EXPECT_EQ(writer.stats().replaced, 1u);
  }
  graph::KnowledgeGraph loaded = Store::open(path("s.db")).load();
  expectSameExports(loaded, direct({a2, b}));
  const graph::Graph& g = loaded.graph();
  graph::Vertex russia = *loaded.findByKey("russia");
  EXPECT_EQ(g[russia].mentions, 6);
  EXPECT_EQ(g[russia].first_seen, "2023-02-01");
  EXPECT_TRUE(loaded.findByKey("kabul"));  // still in b.txt
  Store store = Store::open(path("s.db"));
  EXPECT_EQ(store.summary().documents, 2u);
}

TEST_F(StoreTest, EntityOnlyInAReplacedDocumentDisappears) {
  auto a1 = document("a.txt", "2023-01-01", "Russia hosted the Taliban.");
  auto a2 = a1;
  a2.entities.pop_back();
  a2.relations = {a1.relations[0]};
  build(path("s.db"), {a1});
  Store store = Store::open(path("s.db"), Store::Mode::ReadWrite);
  Store::Writer writer = store.write();
  writer.add(a2);
  writer.commit();
  graph::KnowledgeGraph loaded = store.load();
  EXPECT_FALSE(loaded.findByKey("kabul"));
  EXPECT_EQ(num_edges(loaded.graph()), 1u);
  expectSameExports(loaded, direct({a2}));
}

TEST_F(StoreTest, UncommittedWriterLeavesTheStoreAsItWas) {
  build(path("s.db"), {document("a.txt", "2023-01-01", "Russia hosted the Taliban.")});
  std::string before = render(Store::open(path("s.db")).load(), exporter::Format::GraphML);
  {
    Store store = Store::open(path("s.db"), Store::Mode::ReadWrite);
    Store::Writer writer = store.write();
    writer.add(document("b.txt", "2023-02-01", "Russia hosted them again."));
  }
  EXPECT_EQ(render(Store::open(path("s.db")).load(), exporter::Format::GraphML), before);
}

TEST_F(StoreTest, UnfinishedCreateLeavesNoFile) {
  {
    Store store = Store::create(path("new.db"));
    Store::Writer writer = store.write();
    writer.add(document("a.txt", "", "x"));
    writer.commit();
  }
  EXPECT_TRUE(fs::is_empty(dir_));
}

TEST_F(StoreTest, RejectsMissingForeignTruncatedCorruptAndFutureFiles) {
  EXPECT_NE(errorOf([&] { Store::open(path("missing.db")); }).find("no such file"),
            std::string::npos);

  std::ofstream(path("text.db")) << "hello, not a database\n";
  EXPECT_NE(errorOf([&] { Store::open(path("text.db")); }).find("not a newsgraph store"),
            std::string::npos);

  sqlite(path("other.db"), "CREATE TABLE t(x); INSERT INTO t VALUES (1)");
  EXPECT_NE(errorOf([&] { Store::open(path("other.db")); }).find("another application"),
            std::string::npos);

  build(path("future.db"), {document("a.txt", "", "x")});
  sqlite(path("future.db"), "PRAGMA user_version = 99");
  EXPECT_NE(errorOf([&] { Store::open(path("future.db")); }).find("version 99 is newer"),
            std::string::npos);

  build(path("old.db"), {document("a.txt", "", "x")});
  sqlite(path("old.db"), "PRAGMA user_version = 1");
  EXPECT_NE(errorOf([&] { Store::open(path("old.db")); }).find("version 1 predates relation modality"),
            std::string::npos);

  build(path("seeds.db"), seedFacts());
  auto size = fs::file_size(path("seeds.db"));
  fs::copy_file(path("seeds.db"), path("truncated.db"));
  fs::resize_file(path("truncated.db"), size / 2);
  EXPECT_NE(errorOf([&] { Store::open(path("truncated.db")); }).find("truncated"),
            std::string::npos);

  // Garbage over every page but the first: the schema and tables are unreadable.
  fs::copy_file(path("seeds.db"), path("corrupt.db"));
  {
    std::fstream f(path("corrupt.db"), std::ios::in | std::ios::out | std::ios::binary);
    std::string junk(size - 4096, '\x5a');
    f.seekp(4096);
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  EXPECT_NE(errorOf([&] { Store::open(path("corrupt.db")).load(); }).find("corrupt"),
            std::string::npos);
  EXPECT_NE(errorOf([&] { Store::open(path("corrupt.db"), Store::Mode::ReadWrite); })
                .find("corrupt"),
            std::string::npos);
}

TEST_F(StoreTest, ModalityIsStoredAndKeepsEdgesApart) {
  auto a = document("a.txt", "2023-01-01", "Russia hosted the Taliban.");
  a.relations.push_back(
      {0, 1, "HOSTS", false, 0.8f, "Russia plans to host the Taliban.", Modality::Planned});
  auto b = document("b.txt", "2023-02-01", "Russia hosted the Taliban again.");
  b.relations.push_back(
      {0, 1, "HOSTS", false, 0.8f, "Russia threatened to host them.", Modality::Threatened});
  build(path("m.db"), {a, b});
  graph::KnowledgeGraph loaded = Store::open(path("m.db")).load();
  expectSameExports(direct({a, b}), loaded);
  std::map<Modality, double> weight;
  for (auto e : boost::make_iterator_range(edges(loaded.graph())))
    if (loaded.graph()[e].relation == "HOSTS") weight[loaded.graph()[e].modality] += loaded.graph()[e].weight;
  EXPECT_EQ(weight, (std::map<Modality, double>{
                        {Modality::Asserted, 2}, {Modality::Planned, 1}, {Modality::Threatened, 1}}));
  // merge rebuilds a store from the documents read back: they carry it too.
  Store::merge({path("m.db")}, path("merged.db"));
  expectSameExports(loaded, Store::open(path("merged.db")).load());

  sqlite(path("m.db"), "UPDATE relations SET modality = 'perhaps' WHERE modality = 'planned'");
  EXPECT_NE(errorOf([&] { Store::open(path("m.db")).load(); }).find("modality 'perhaps'"),
            std::string::npos);
}

TEST_F(StoreTest, ContentHashSeesEveryField) {
  auto a = document("a.txt", "2023-01-01", "Russia hosted the Taliban.");
  std::string base = contentHash(a);
  EXPECT_EQ(contentHash(a), base);
  auto b = a;
  b.relations[0].negated = true;
  EXPECT_NE(contentHash(b), base);
  b = a;
  b.relations[0].modality = Modality::Planned;
  EXPECT_NE(contentHash(b), base);
  b = a;
  b.entities[0].aliases.push_back("Moscow");
  EXPECT_NE(contentHash(b), base);
  b = a;
  b.date = "2023-01-02";
  EXPECT_NE(contentHash(b), base);
  b = a;
  b.id = "other.txt";  // the id is not content
  EXPECT_EQ(contentHash(b), base);
}

}  // namespace
}  // namespace newsgraph::store

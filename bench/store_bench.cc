// Store, query and export on a synthetic graph (default 100k entities, 1M relations; set
// NEWSGRAPH_BENCH_ENTITIES / NEWSGRAPH_BENCH_EDGES to change it). The store is written to
// NEWSGRAPH_BENCH_DIR (default /tmp/newsgraph_store_bench) and kept for
// bench/store_vs_networkx.sh, which also reads the GraphML export written there.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>

#include "export/export.h"
#include "graph/query/query.h"
#include "graph/store/store.h"

namespace newsgraph {
namespace {

size_t envSize(const char* name, size_t fallback) {
  const char* value = std::getenv(name);
  return value ? std::stoul(value) : fallback;
}

const size_t kEntities = envSize("NEWSGRAPH_BENCH_ENTITIES", 100000);
const size_t kEdges = envSize("NEWSGRAPH_BENCH_EDGES", 1000000);
constexpr size_t kRelationsPerDocument = 20;
const char* const kRelations[] = {"HOSTS", "MEETS", "SANCTIONS", "VISITS", "CRITICIZES",
                                  "COOPERATES_WITH", "PROVIDES_AID", "OPPOSES"};

std::string dir() {
  const char* value = std::getenv("NEWSGRAPH_BENCH_DIR");
  return value ? value : "/tmp/newsgraph_store_bench";
}
std::string storePath() { return dir() + "/synthetic.db"; }
std::string name(size_t i) { return "Entity " + std::to_string(i); }

// Deterministic documents: 20 relations each between random entities, dated over two years.
std::vector<extract::DocumentFacts> syntheticDocuments() {
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<size_t> entity(0, kEntities - 1);
  std::vector<extract::DocumentFacts> docs;
  for (size_t d = 0; d * kRelationsPerDocument < kEdges; ++d) {
    extract::DocumentFacts& facts = docs.emplace_back();
    facts.id = "doc_" + std::to_string(d) + ".txt";
    facts.date = "202" + std::to_string(3 + d % 2) + "-" + (d % 12 < 9 ? "0" : "") +
                 std::to_string(d % 12 + 1) + "-" + std::to_string(10 + d % 19);
    std::unordered_map<size_t, int> index;
    auto add = [&](size_t e) {
      auto [it, inserted] = index.try_emplace(e, static_cast<int>(facts.entities.size()));
      if (inserted)
        facts.entities.push_back({foldName(name(e)), name(e),
                                  static_cast<EntityType>(e % kEntityTypeCount),
                                  {"E" + std::to_string(e)}, 1 + static_cast<int>(e % 3)});
      return it->second;
    };
    for (size_t r = 0; r < kRelationsPerDocument; ++r) {
      size_t s = entity(rng), o = entity(rng);
      int si = add(s), oi = add(o == s ? (o + 1) % kEntities : o);
      std::string relation = kRelations[rng() % std::size(kRelations)];
      facts.relations.push_back({si, oi, relation, rng() % 50 == 0, 0.5f + (rng() % 50) / 100.0f,
                                 name(s) + " " + relation + " " + name(o) + " in " + facts.id});
    }
  }
  return docs;
}

graph::KnowledgeGraph& loaded() {
  static graph::KnowledgeGraph kg = store::Store::open(storePath()).load();
  return kg;
}

void reportPercentiles(benchmark::State& state, std::vector<double> micros) {
  std::sort(micros.begin(), micros.end());
  state.counters["p50_us"] = micros[micros.size() / 2];
  state.counters["p99_us"] = micros[micros.size() * 99 / 100];
  state.counters["max_us"] = micros.back();
}

void BM_StoreWrite(benchmark::State& state) {
  std::vector<extract::DocumentFacts> docs = syntheticDocuments();
  std::filesystem::create_directories(dir());
  for (auto _ : state) {
    store::Store s = store::Store::create(storePath());
    store::Store::Writer writer = s.write();
    for (const auto& facts : docs) writer.add(facts);
    writer.commit();
    s.finish();
  }
  state.counters["documents"] = static_cast<double>(docs.size());
  state.counters["MB"] = std::filesystem::file_size(storePath()) / 1e6;
}

void BM_StoreLoad(benchmark::State& state) {
  store::Store s = store::Store::open(storePath());
  size_t edges = 0;
  for (auto _ : state) edges = num_edges(s.load().graph());
  state.counters["edges"] = static_cast<double>(edges);
  state.counters["edges_per_s"] =
      benchmark::Counter(static_cast<double>(edges), benchmark::Counter::kIsRate);
}

template <typename Query>
void timeQueries(benchmark::State& state, Query&& query) {
  const graph::KnowledgeGraph& kg = loaded();
  query::Resolver names(kg);
  std::mt19937_64 rng(7);
  std::vector<double> micros;
  size_t answers = 0;
  for (auto _ : state) {
    for (int i = 0; i < 1000; ++i) {
      size_t e = rng() % kEntities;
      const char* relation = kRelations[rng() % std::size(kRelations)];
      auto start = std::chrono::steady_clock::now();
      answers += query(kg, names, e, relation).size();
      micros.push_back(std::chrono::duration<double, std::micro>(
                           std::chrono::steady_clock::now() - start)
                           .count());
    }
  }
  reportPercentiles(state, micros);
  state.counters["answers"] = static_cast<double>(answers);
}

void BM_QueryNeighbors(benchmark::State& state) {
  timeQueries(state, [](const graph::KnowledgeGraph& kg, const query::Resolver& names, size_t e,
                        const char*) { return query::neighbors(kg, names.resolve(name(e))); });
}

void BM_QueryPattern(benchmark::State& state) {
  timeQueries(state, [](const graph::KnowledgeGraph& kg, const query::Resolver& names, size_t e,
                        const char* relation) {
    std::string text = e % 2 ? name(e) + " -[" + relation + "]-> ?x"
                             : "?x -[" + std::string(relation) + "]-> \"" + name(e) + "\"";
    return query::match(kg, names, query::parsePattern(text));
  });
}

void BM_Export(benchmark::State& state, exporter::Format format, const char* extension) {
  const graph::KnowledgeGraph& kg = loaded();
  std::string path = dir() + "/synthetic." + extension;
  auto [nodesPath, relationshipsPath] = exporter::csvPaths(path);
  // Into a file, as networkx and igraph write theirs in store_vs_networkx.sh: writing to a
  // string first and then copying it to a file timed a 500 MB copy besides the export.
  for (auto _ : state) {
    if (format == exporter::Format::Csv) {
      std::ofstream nodes(nodesPath, std::ios::binary);
      std::ofstream relationships(relationshipsPath, std::ios::binary);
      exporter::writeCsv(kg, nodes, relationships);
    } else {
      std::ofstream out(path, std::ios::binary);
      exporter::write(kg, format, out);
    }
  }
  uintmax_t bytes = format == exporter::Format::Csv
                        ? std::filesystem::file_size(nodesPath) +
                              std::filesystem::file_size(relationshipsPath)
                        : std::filesystem::file_size(path);
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["edges_per_s"] = benchmark::Counter(
      static_cast<double>(num_edges(kg.graph())) * state.iterations(), benchmark::Counter::kIsRate);
}

void BM_PeakRss(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(loaded());
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["peak_rss_MB"] = usage.ru_maxrss / 1024.0;
}

BENCHMARK(BM_StoreWrite)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StoreLoad)->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryNeighbors)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryPattern)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export, graphml, exporter::Format::GraphML, "graphml")
    ->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export, dot, exporter::Format::Dot, "dot")
    ->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export, gexf, exporter::Format::Gexf, "gexf")
    ->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export, json, exporter::Format::Json, "json")
    ->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export, csv, exporter::Format::Csv, "csv")
    ->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PeakRss)->Iterations(1);

}  // namespace
}  // namespace newsgraph

BENCHMARK_MAIN();

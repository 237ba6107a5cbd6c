// Per-document throughput of the extraction stages on fixed inputs: every document of
// shared/corpus/dev and shared/corpus/seeds, read once before timing. Bytes are document
// bytes, so the rates compare with `newsgraph build -j 1 --no-tagger` MB per CPU-second.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "extract/clean/clean.h"
#include "extract/corpus/corpus.h"
#include "extract/extract.h"
#include "extract/mention/mention.h"
#include "extract/text/text.h"

namespace {

using namespace newsgraph;

struct Inputs {
  std::vector<corpus::Document> docs;
  std::vector<std::vector<Span>> bodies;
  std::vector<text::Segmentation> segs;
  int64_t bytes = 0;
};

const Inputs& inputs() {
  static const Inputs in = [] {
    Inputs in;
    const std::string shared = NEWSGRAPH_SHARED_DIR;
    corpus::CorpusReader reader({shared + "/corpus/dev", shared + "/corpus/seeds"});
    reader.read([&](corpus::Document&& d) { in.docs.push_back(std::move(d)); },
                [](const Error& e) { throw e; });
    clean::BoilerplateRules rules = clean::BoilerplateRules::load(dataDir());
    for (const corpus::Document& d : in.docs) {
      in.bodies.push_back(clean::findBody(d.text, rules));
      in.segs.push_back(text::segment(d.text, in.bodies.back()));
      in.bytes += static_cast<int64_t>(d.text.size());
    }
    return in;
  }();
  return in;
}

void BM_CleanFindBody(benchmark::State& state) {
  const Inputs& in = inputs();
  clean::BoilerplateRules rules = clean::BoilerplateRules::load(dataDir());
  for (auto _ : state)
    for (const corpus::Document& d : in.docs) benchmark::DoNotOptimize(clean::findBody(d.text, rules));
  state.SetBytesProcessed(state.iterations() * in.bytes);
}
BENCHMARK(BM_CleanFindBody)->Unit(benchmark::kMillisecond);

void BM_TextSegment(benchmark::State& state) {
  const Inputs& in = inputs();
  for (auto _ : state)
    for (size_t i = 0; i < in.docs.size(); ++i)
      benchmark::DoNotOptimize(text::segment(in.docs[i].text, in.bodies[i]));
  state.SetBytesProcessed(state.iterations() * in.bytes);
}
BENCHMARK(BM_TextSegment)->Unit(benchmark::kMillisecond);

void BM_MentionFind(benchmark::State& state) {
  const Inputs& in = inputs();
  mention::MentionFinder finder(mention::Lexicon::standard());  // lexicons and patterns, no tagger
  for (auto _ : state)
    for (size_t i = 0; i < in.docs.size(); ++i)
      benchmark::DoNotOptimize(finder.find(in.docs[i].text, in.segs[i]));
  state.SetBytesProcessed(state.iterations() * in.bytes);
}
BENCHMARK(BM_MentionFind)->Unit(benchmark::kMillisecond);

// All six stages, as `build --no-tagger` runs them per document (the graph is not built).
void BM_Extract(benchmark::State& state) {
  const Inputs& in = inputs();
  extract::ExtractOptions options;
  options.tagger = false;
  extract::Extractor extractor(options);
  for (auto _ : state)
    for (const corpus::Document& d : in.docs) benchmark::DoNotOptimize(extractor.extract(d));
  state.SetBytesProcessed(state.iterations() * in.bytes);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

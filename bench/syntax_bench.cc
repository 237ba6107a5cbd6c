// Tagger and parser throughput on the words of UD English EWT test (gold tokens), one thread:
// tag only (UPOS, XPOS, lemma) and tag + parse. Items are words. The model is
// DATA_DIR/models/syntax.model unless NEWSGRAPH_SYNTAX_MODEL names another.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "extract/syntax/syntax.h"

namespace {

using namespace newsgraph;

struct Inputs {
  std::vector<syntax::TreebankSentence> treebank;
  std::vector<std::vector<std::string_view>> sentences;
  int64_t words = 0;
  std::shared_ptr<const syntax::SyntaxModel> model;
};

const Inputs& inputs() {
  static const Inputs in = [] {
    Inputs in;
    in.treebank = syntax::readConllu(std::string(NEWSGRAPH_SHARED_DIR) + "/data/ud/en_ewt-ud-test.conllu");
    for (const syntax::TreebankSentence& s : in.treebank) {
      in.sentences.emplace_back();
      for (const syntax::TreebankWord& w : s.words) in.sentences.back().push_back(w.form);
      in.words += static_cast<int64_t>(s.words.size());
    }
    const char* path = std::getenv("NEWSGRAPH_SYNTAX_MODEL");
    in.model = syntax::SyntaxModel::load(path ? path : dataDir() + "/models/syntax.model");
    return in;
  }();
  return in;
}

void BM_SyntaxTag(benchmark::State& state) {
  const Inputs& in = inputs();
  syntax::SentenceParse parse;
  for (auto _ : state)
    for (const auto& words : in.sentences) in.model->tag(words, &parse);
  state.SetItemsProcessed(state.iterations() * in.words);
}
BENCHMARK(BM_SyntaxTag)->Unit(benchmark::kMillisecond);

void BM_SyntaxTagAndParse(benchmark::State& state) {
  const Inputs& in = inputs();
  syntax::SentenceParse parse;
  for (auto _ : state)
    for (const auto& words : in.sentences) in.model->analyze(words, &parse);
  state.SetItemsProcessed(state.iterations() * in.words);
}
BENCHMARK(BM_SyntaxTagAndParse)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

#pragma once
// Subcommands of the syntax models (one .cc file each): train-syntax, eval-syntax, parse.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace newsgraph::cli {

struct TrainSyntaxOptions {
  std::vector<std::string> train;  // CoNLL-U files, used together
  std::string dev;
  std::string output;
  std::string clusters;  // "" = DATA_DIR/models/clusters.tsv
  int epochs = 15;
  uint64_t seed = 1;
};

struct EvalSyntaxOptions {
  std::string file;
  std::string model;  // "" = DATA_DIR/models/syntax.model
  bool json = false;
  bool segmentation = false;  // also score our tokeniser on the "# text" lines
};

struct ParseOptions {
  std::vector<std::string> inputs;
  std::string model;
};

// `newsgraph train-syntax --train A.conllu[,B.conllu] --dev D.conllu -o MODEL`: one progress
// line per epoch on stderr; keeps the epoch with the best dev LAS.
void addTrainSyntaxCommand(CLI::App& app);
void runTrainSyntax(const TrainSyntaxOptions& options);
// `newsgraph eval-syntax FILE.conllu [--json]`: UPOS, XPOS, UAS, LAS on gold tokens, words/s.
void addEvalSyntaxCommand(CLI::App& app);
void runEvalSyntax(const EvalSyntaxOptions& options);
// `newsgraph parse INPUT...`: CoNLL-U of articles as our segmenter cuts them.
void addParseCommand(CLI::App& app, int& exitCode);
int runParse(const ParseOptions& options);

}  // namespace newsgraph::cli

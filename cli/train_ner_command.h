#pragma once
#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

namespace newsgraph::cli {

struct TrainNerOptions {
  std::string train;
  std::string dev;
  std::string output;
  std::string clusters;  // "" = dataDir()/models/clusters.tsv
  std::string lexicons;  // "" = dataDir()/lexicons
  int epochs = 30;
  int patience = 3;
  int hashBits = 20;
  uint64_t seed = 1;
  bool noClusters = false, noLexicon = false, noHistory = false;
};

// `newsgraph train-ner --train T --dev D -o MODEL`: trains the CoNLL-2003 tagger, one
// progress line per epoch (dev F1) on stderr, keeps the epoch with the best dev F1.
void addTrainNerCommand(CLI::App& app);
void runTrainNer(const TrainNerOptions& options);

}  // namespace newsgraph::cli

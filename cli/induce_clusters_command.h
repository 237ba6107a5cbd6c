#pragma once
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace newsgraph::cli {

struct InduceClustersOptions {
  std::vector<std::string> inputs;
  std::string output;
  int vocabulary = 60000;
  std::vector<int> sizes = {64, 256, 1024};
  int iterations = 10;
};

// `newsgraph induce-clusters TEXT... -o clusters.tsv`: word clusters for the NER tagger.
void addInduceClustersCommand(CLI::App& app);
void runInduceClusters(const InduceClustersOptions& options);

}  // namespace newsgraph::cli

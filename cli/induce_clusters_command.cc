#include "cli/induce_clusters_command.h"

#include <memory>

#include "extract/tagger/tagger.h"

namespace newsgraph::cli {

void addInduceClustersCommand(CLI::App& app) {
  auto options = std::make_shared<InduceClustersOptions>();
  CLI::App* cmd = app.add_subcommand(
      "induce-clusters", "Cluster words of unlabelled text (exchange algorithm) for the tagger");
  cmd->footer(
      "Example:\n"
      "  newsgraph induce-clusters ../shared/data/news-bench/news.txt.gz "
      "-o data/models/clusters.tsv");
  cmd->add_option("inputs", options->inputs, "Text files, one paragraph a line (.gz allowed)")
      ->required();
  cmd->add_option("-o,--output", options->output, "clusters.tsv to write")->required();
  cmd->add_option("--vocabulary", options->vocabulary, "Most frequent words to cluster")
      ->capture_default_str();
  cmd->add_option("--sizes", options->sizes, "Cluster counts, coarse to fine (up to 3)")
      ->capture_default_str();
  cmd->add_option("--iterations", options->iterations, "Exchange passes over the vocabulary")
      ->capture_default_str();
  cmd->callback([options] { runInduceClusters(*options); });
}

void runInduceClusters(const InduceClustersOptions& options) {
  tagger::ClusteringOptions clustering;
  clustering.vocabulary = options.vocabulary;
  clustering.sizes = options.sizes;
  clustering.iterations = options.iterations;
  writeFileAtomically(options.output, tagger::induceClusters(options.inputs, clustering));
}

}  // namespace newsgraph::cli

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/syntax_commands.h"
#include "extract/syntax/syntax.h"

namespace newsgraph::cli {

void addTrainSyntaxCommand(CLI::App& app) {
  auto options = std::make_shared<TrainSyntaxOptions>();
  CLI::App* cmd = app.add_subcommand(
      "train-syntax", "Train the part-of-speech tagger and dependency parser (UD CoNLL-U)");
  cmd->footer(
      "Example:\n"
      "  newsgraph train-syntax --train ../shared/data/ud/en_ewt-ud-train.conllu,"
      "../shared/data/ud/en_gum-wiki-train.conllu \\\n"
      "      --dev ../shared/data/ud/en_ewt-ud-dev.conllu -o data/models/syntax.model");
  cmd->add_option("--train", options->train, "CoNLL-U training files (comma-separated)")
      ->required()
      ->delimiter(',');
  cmd->add_option("--dev", options->dev, "CoNLL-U dev file: the epoch with the best LAS is kept")
      ->required();
  cmd->add_option("-o,--output", options->output, "Model file to write")->required();
  cmd->add_option("--epochs", options->epochs, "Training epochs")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  cmd->add_option("--seed", options->seed, "Shuffling and exploration seed")->capture_default_str();
  cmd->add_option("--clusters", options->clusters,
                  "Word clusters (default: DATA_DIR/models/clusters.tsv)");
  cmd->callback([options] { runTrainSyntax(*options); });
}

void runTrainSyntax(const TrainSyntaxOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<syntax::TreebankSentence> train;
  for (const std::string& path : options.train) {
    std::vector<syntax::TreebankSentence> part = syntax::readConllu(path);
    train.insert(train.end(), std::make_move_iterator(part.begin()),
                 std::make_move_iterator(part.end()));
  }
  const std::vector<syntax::TreebankSentence> dev = syntax::readConllu(options.dev);
  syntax::TrainOptions trainOptions;
  trainOptions.epochs = options.epochs;
  trainOptions.seed = options.seed;
  const std::string clusters =
      options.clusters.empty() ? dataDir() + "/models/clusters.tsv" : options.clusters;
  auto model = syntax::train(train, dev, clusters, trainOptions,
                             [](const syntax::EpochReport& r) {
                               std::cerr << fmt::format(
                                   "epoch {:2d}  {:5.1f} s  dev UPOS {:6.2f}  LAS {:6.2f}{}\n",
                                   r.epoch, r.seconds, r.dev_upos, r.dev_las,
                                   r.best ? "  (best)" : "");
                             });
  syntax::saveModel(*model, options.output);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << fmt::format("wrote {} ({} bytes) in {:.1f} s\n", options.output,
                           std::filesystem::file_size(options.output), seconds);
}

}  // namespace newsgraph::cli

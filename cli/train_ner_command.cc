#include "cli/train_ner_command.h"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "extract/tagger/tagger.h"

namespace newsgraph::cli {

void addTrainNerCommand(CLI::App& app) {
  auto options = std::make_shared<TrainNerOptions>();
  CLI::App* cmd = app.add_subcommand("train-ner", "Train the statistical NER tagger (CoNLL-2003)");
  cmd->footer(
      "Example:\n"
      "  newsgraph train-ner --train ../shared/data/conll2003/train.txt \\\n"
      "      --dev ../shared/data/conll2003/valid.txt -o data/models/ner.model");
  cmd->add_option("--train", options->train, "CoNLL-2003 training file (IOB1)")->required();
  cmd->add_option("--dev", options->dev, "CoNLL-2003 dev file for early stopping")->required();
  cmd->add_option("-o,--output", options->output, "Model file to write")->required();
  cmd->add_option("--epochs", options->epochs, "Maximum epochs")->capture_default_str();
  cmd->add_option("--patience", options->patience, "Stop after N epochs without a better dev F1")
      ->capture_default_str();
  cmd->add_option("--seed", options->seed, "Shuffling seed")->capture_default_str();
  cmd->add_option("--hash-bits", options->hashBits, "2^N weight rows")
      ->check(CLI::Range(8, 26))
      ->capture_default_str();
  cmd->add_option("--clusters", options->clusters,
                  "Word clusters (default: DATA_DIR/models/clusters.tsv)");
  cmd->add_option("--lexicons", options->lexicons, "Lexicon folder (default: DATA_DIR/lexicons)");
  cmd->add_flag("--no-clusters", options->noClusters, "Leave out word cluster features");
  cmd->add_flag("--no-lexicon", options->noLexicon, "Leave out lexicon features");
  cmd->add_flag("--no-history", options->noHistory, "Leave out document history features");
  cmd->callback([options] { runTrainNer(*options); });
}

void runTrainNer(const TrainNerOptions& options) {
  auto start = std::chrono::steady_clock::now();
  std::vector<tagger::Document> train = tagger::readConll(options.train);
  std::vector<tagger::Document> dev = tagger::readConll(options.dev);
  tagger::TrainOptions train_options;
  train_options.max_epochs = options.epochs;
  train_options.patience = options.patience;
  train_options.seed = options.seed;
  train_options.model.hash_bits = options.hashBits;
  train_options.model.use_clusters = !options.noClusters;
  train_options.model.use_lexicon = !options.noLexicon;
  train_options.model.use_history = !options.noHistory;
  tagger::Resources resources = tagger::Resources::load(
      options.noClusters ? ""
                         : (options.clusters.empty() ? dataDir() + "/models/clusters.tsv"
                                                     : options.clusters),
      options.noLexicon ? "" : (options.lexicons.empty() ? dataDir() + "/lexicons"
                                                         : options.lexicons));
  auto model = tagger::train(train, dev, std::move(resources), train_options,
                             [](const tagger::EpochReport& r) {
                               std::cerr << fmt::format("epoch {:2d}  {:5.1f} s  dev F1 {:6.2f}{}\n",
                                                        r.epoch, r.train_seconds, r.dev_f1,
                                                        r.best ? "  (best)" : "");
                             });
  tagger::saveModel(*model, options.output);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << fmt::format("wrote {} ({} bytes) in {:.1f} s\n", options.output,
                           std::filesystem::file_size(options.output), seconds);
}

}  // namespace newsgraph::cli

// `newsgraph merge`: combine stores built from shards into one.
#include <spdlog/spdlog.h>

#include <memory>

#include "cli/store_commands.h"
#include "graph/store/store.h"

namespace newsgraph::cli {

void addMergeCommand(CLI::App& app, int& exitCode) {
  struct MergeOptions {
    std::vector<std::string> shards;
    std::string output;
  };
  auto options = std::make_shared<MergeOptions>();
  CLI::App* cmd = app.add_subcommand("merge", "Merge stores built from separate shards");
  cmd->footer(
      "Entities are matched by their stable key; the result equals one build of all the\n"
      "documents.\n\nExample:\n  newsgraph merge shard0.db shard1.db -o world.db");
  cmd->add_option("shards", options->shards, "Stores to merge")->required()->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", options->output, "The merged store (.db)")->required();
  cmd->callback([options, &exitCode] {
    store::AddStats stats = store::Store::merge(options->shards, options->output);
    spdlog::info("{}: {} documents from {} stores ({} duplicates, {} replaced)", options->output,
                 stats.added, options->shards.size(), stats.skipped, stats.replaced);
    exitCode = 0;
  });
}

}  // namespace newsgraph::cli

// `newsgraph add` and the store output of `newsgraph build`.
#include <spdlog/spdlog.h>

#include <filesystem>
#include <memory>

#include "cli/store_commands.h"
#include "graph/store/store.h"
#include "pipeline/pipeline.h"

namespace newsgraph::cli {
namespace {

struct AddOptions {
  std::string store;
  BuildOptions build;  // inputs, --no-cooccurrence, -j
};

// runBuildWith brings -j, progress and Ctrl-C: interrupted, FINISH does not run and the
// writer's destructor rolls the transaction back (a store then deletes its temporary file).
int extractInto(store::Store& store, const BuildOptions& options, bool created) {
  store::Store::Writer writer = store.write();
  return runBuildWith(
      options, [&](extract::DocumentFacts&& facts) { writer.add(facts); },
      [&](const pipeline::BuildStats&) {
        writer.commit();
        const store::AddStats& added = writer.stats();
        if (created)
          spdlog::info("{}: created, {} documents", options.output, added.added);
        else
          spdlog::info("{}: {} documents added, {} replaced, {} unchanged", options.output,
                       added.added, added.replaced, added.skipped);
        store::Summary summary = store.summary();
        store.finish();
        return OutputCounts{summary.entities, summary.typed_relations};
      });
}

int runAdd(AddOptions options) {
  store::Store store = store::Store::open(options.store, store::Store::Mode::ReadWrite);
  options.build.output = options.store;
  return extractInto(store, options.build, false);
}

}  // namespace

bool isStorePath(std::string_view path) {
  for (std::string_view ext : {".db", ".sqlite", ".sqlite3"})
    if (path.size() > ext.size() && path.substr(path.size() - ext.size()) == ext) return true;
  return false;
}

int runBuildStore(const BuildOptions& options) {
  std::error_code ec;
  if (!options.force && std::filesystem::exists(options.output, ec))
    NG_THROW(options.output, "already exists; use `newsgraph add " + options.output +
                                 " INPUT...` to add documents to a store, or --force to "
                                 "replace it");
  store::Store store = store::Store::create(options.output);
  return extractInto(store, options, true);
}

void addAddCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<AddOptions>();
  CLI::App* cmd = app.add_subcommand("add", "Add articles to a store, in one transaction");
  cmd->footer(
      "A document already in the store with the same content is skipped; with other content\n"
      "it is replaced and the weights recomputed. An interrupted add changes nothing.\n\n"
      "Example:\n  newsgraph add world.db today/");
  cmd->add_option("store", options->store, "Store (.db) made by `newsgraph build`")->required();
  cmd->add_option("inputs", options->build.inputs,
                  "Articles: files, directories, JSONL, - for stdin")
      ->required();
  cmd->add_flag("--no-cooccurrence", options->build.noCooccurrence, "Leave out CO_OCCURS edges");
  cmd->add_option("-j,--jobs", options->build.jobs, "Extraction threads (default: every core)")
      ->check(CLI::NonNegativeNumber);
  addInputLimitOptions(*cmd, options->build);
  cmd->add_flag("--progress,!--no-progress", options->build.progress,
                "Progress on stderr (default: on)");
  addDateOptions(*cmd, options->build);
  cmd->add_option("--aliases", options->build.aliases,
                  "Entity corrections (merge, rename, drop, split; docs/aliases.md)");
  cmd->callback([options, &exitCode] { exitCode = runAdd(*options); });
}

}  // namespace newsgraph::cli

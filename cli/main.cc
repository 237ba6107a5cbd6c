// The newsgraph command: parses the command line and dispatches to one subcommand.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/build_command.h"
#include "cli/store_commands.h"
#include "cli/syntax_commands.h"
#include "cli/eval_command.h"
#include "cli/eval_coref_command.h"
#include "cli/eval_ner_command.h"
#include "cli/induce_clusters_command.h"
#include "cli/train_ner_command.h"
#include "cli/view_command.h"
#include "core/core.h"

int main(int argc, char** argv) {
  CLI::App app{"newsgraph: builds a knowledge graph of people, organisations, states, places and "
               "events from news articles"};
  app.require_subcommand(1);
  app.fallthrough();  // global flags (-q, --data-dir) may follow the subcommand
  app.set_version_flag("--version", "newsgraph 0.1.0");
  int verbosity = 0;
  bool quiet = false;
  std::string dataDir;
  app.add_flag("-v,--verbose", verbosity, "More log output on stderr (-vv for trace)");
  app.add_flag("-q,--quiet", quiet, "Only errors on stderr");
  app.add_option("--data-dir", dataDir, "Lexicons, rules and models (default: " +
                                            newsgraph::dataDir() + ")");
  app.parse_complete_callback([&] {
    auto logger = spdlog::stderr_color_st("newsgraph");
    logger->set_pattern("newsgraph: %l: %v");
    spdlog::set_default_logger(logger);
    spdlog::set_level(quiet          ? spdlog::level::err
                      : verbosity >= 2 ? spdlog::level::trace
                      : verbosity == 1 ? spdlog::level::debug
                                       : spdlog::level::info);
    if (!dataDir.empty()) newsgraph::setDataDir(dataDir);
  });

  int exitCode = 0;
  newsgraph::cli::addBuildCommand(app, exitCode);
  newsgraph::cli::addAddCommand(app, exitCode);
  newsgraph::cli::addMergeCommand(app, exitCode);
  newsgraph::cli::addExportCommand(app, exitCode);
  newsgraph::cli::addQueryCommand(app, exitCode);
  newsgraph::cli::addStatsCommand(app, exitCode);
  newsgraph::cli::addEvalCommand(app, exitCode);
  newsgraph::cli::addViewCommand(app, exitCode);
  newsgraph::cli::addTrainNerCommand(app);
  newsgraph::cli::addEvalNerCommand(app);
  newsgraph::cli::addEvalCorefCommand(app);
  newsgraph::cli::addInduceClustersCommand(app);
  newsgraph::cli::addTrainSyntaxCommand(app);
  newsgraph::cli::addEvalSyntaxCommand(app);
  newsgraph::cli::addParseCommand(app, exitCode);

  try {
    app.parse(argc, argv);  // the chosen subcommand's callback runs inside parse()
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const newsgraph::Error& e) {
    std::cerr << "newsgraph: error: " << e.oneLine() << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "newsgraph: internal error: " << e.what() << '\n';
    return 2;
  }
  return exitCode;
}

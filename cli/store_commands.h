#pragma once
// Subcommands over a store: add, merge, export, query, stats (one .cc file each), and the
// store output of `build`.
#include <CLI/CLI.hpp>
#include <string_view>

#include "cli/build_command.h"

namespace newsgraph::cli {

// `newsgraph add STORE INPUT...`: extract more articles into a store, in one transaction.
void addAddCommand(CLI::App& app, int& exitCode);
// `newsgraph merge SHARD... -o OUT`: merge stores built from shards.
void addMergeCommand(CLI::App& app, int& exitCode);
// `newsgraph export STORE --format F [-o FILE] [filters]`.
void addExportCommand(CLI::App& app, int& exitCode);
// `newsgraph query STORE (PATTERN | --neighbors X | --between A B | --path A B) [filters]`.
void addQueryCommand(CLI::App& app, int& exitCode);
// `newsgraph stats STORE`: counts, top entities, date range, components.
void addStatsCommand(CLI::App& app, int& exitCode);

// True for the file names `build` writes as a store (.db, .sqlite, .sqlite3).
bool isStorePath(std::string_view path);
// `build` with a store output: the facts go to a new store, renamed into place at the end.
int runBuildStore(const BuildOptions& options);

}  // namespace newsgraph::cli

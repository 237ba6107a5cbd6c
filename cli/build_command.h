#pragma once
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace newsgraph::cli {

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string output;
  std::string format;  // "" = from the output's extension
  bool noCooccurrence = false;
  int jobs = 0;         // extraction threads; 0 = every core this process may use
  std::string shard;    // "I/N" (1-based), "" = every document
  bool progress = true; // progress on stderr (a bar on a terminal, else a line every 5 s)
};

// `newsgraph build INPUT... -o OUT`: extract a graph from articles and write it.
void addBuildCommand(CLI::App& app, int& exitCode);
// Returns the exit code: 0, 1 when documents were skipped or failed, 130 when interrupted
// (SIGINT/SIGTERM; nothing is written then). Throws Error for what stops the run.
int runBuild(const BuildOptions& options);

}  // namespace newsgraph::cli

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
};

// `newsgraph build INPUT... -o OUT`: extract a graph from articles and write it.
void addBuildCommand(CLI::App& app, int& exitCode);
int runBuild(const BuildOptions& options);

}  // namespace newsgraph::cli

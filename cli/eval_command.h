#pragma once
#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace newsgraph::cli {

struct EvalOptions {
  std::string graph;  // GraphML file, store (.db), or articles (file, dir, JSONL, -) to build from
  std::string gold;   // newsgraph-gold/1 JSON
  bool json = false;
  std::optional<double> minEntityF1, minTypedEntityF1, minRelationF1;
  std::optional<int> maxBoilerplate;
};

// `newsgraph eval GRAPH GOLD.json`: precision/recall/F1 against gold annotations, as
// ../shared/tools/score_graphml.py computes them.
void addEvalCommand(CLI::App& app, int& exitCode);
// Prints the report on stdout and one "SHORT: ..." line per missed threshold on stderr;
// returns 1 when a threshold is missed, else 0. Throws Error for unreadable input.
int runEval(const EvalOptions& options);

}  // namespace newsgraph::cli

#pragma once
#include <CLI/CLI.hpp>

namespace newsgraph::cli {

// `newsgraph view STORE|GRAPH -o graph.html [--max-nodes N] [--d3 PATH] [filters]`: one
// self-contained HTML page to explore the graph, its evidence and its time line.
void addViewCommand(CLI::App& app, int& exitCode);

}  // namespace newsgraph::cli

#pragma once
// The filter flags shared by export and query, and their translation to query::Filter.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "graph/query/query.h"

namespace newsgraph::cli {

struct FilterOptions {
  std::vector<std::string> relations, types;
  std::string since, until, ego;
  double minWeight = 0;
  bool noCooccurrence = false;
  int depth = 1;
};

void addFilterOptions(CLI::App& cmd, FilterOptions& options);
// Throws Error for an unknown relation or entity type.
query::Filter toFilter(const FilterOptions& options);
// The loaded graph with the filter applied (the graph itself when no filter is set).
graph::KnowledgeGraph filtered(graph::KnowledgeGraph kg, const FilterOptions& options);

}  // namespace newsgraph::cli

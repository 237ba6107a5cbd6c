#pragma once
// The filter flags shared by export and query, and their translation to query::Filter.
#include <CLI/CLI.hpp>
#include <memory>
#include <set>
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
  std::vector<std::string> modalities = {"asserted"};  // "all", or modality names
};

void addFilterOptions(CLI::App& cmd, FilterOptions& options);
// Throws Error for an unknown relation, entity type or modality.
query::Filter toFilter(const FilterOptions& options);
// {} for "all", else the modalities named; throws Error for an unknown name.
std::set<Modality> modalityFilter(const std::vector<std::string>& names);
// The loaded graph with the filter applied (the graph itself when no filter is set).
graph::KnowledgeGraph filtered(graph::KnowledgeGraph kg, const FilterOptions& options);

}  // namespace newsgraph::cli

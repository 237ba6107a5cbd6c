// `newsgraph stats`: what a store holds, answered in SQL without loading the graph.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/store_commands.h"
#include "graph/store/store.h"

namespace newsgraph::cli {

void addStatsCommand(CLI::App& app, int& exitCode) {
  struct StatsOptions {
    std::string store;
    size_t top = 10;
  };
  auto options = std::make_shared<StatsOptions>();
  CLI::App* cmd = app.add_subcommand("stats", "Counts, top entities, date range, components");
  cmd->footer("Example:\n  newsgraph stats world.db --top 20");
  cmd->add_option("store", options->store, "Store (.db)")->required();
  cmd->add_option("--top", options->top, "How many entities to list by degree (default 10)");
  cmd->callback([options, &exitCode] {
    store::Store store = store::Store::open(options->store);
    store::Summary summary = store.summary();
    store::Statistics stats = store.statistics(options->top);
    std::string out;
    out += fmt::format("documents   {}\n", summary.documents);
    out += fmt::format("dates       {} .. {} ({} undated)\n",
                       summary.first_date.empty() ? "?" : summary.first_date,
                       summary.last_date.empty() ? "?" : summary.last_date, summary.undated);
    out += fmt::format("entities    {}\n", summary.entities);
    for (const auto& [type, count] : stats.entityTypes)
      out += fmt::format("  {:<22} {:>8}\n", type, count);
    out += fmt::format("relations   {} ({} negated, {} evidence sentences)\n", summary.relations,
                       stats.negated, summary.evidence);
    for (const auto& [relation, count] : stats.relations)
      out += fmt::format("  {:<22} {:>8}\n", relation, count);
    out += fmt::format("components  {} (largest: {} entities)\n", stats.components,
                       stats.largestComponent);
    out += "top entities by degree\n";
    for (const store::Statistics::Ranked& entity : stats.topByDegree)
      out += fmt::format("  {:>6}  {} ({})\n", entity.degree, entity.label, entity.type);
    std::cout << out;
    exitCode = 0;
  });
}

}  // namespace newsgraph::cli

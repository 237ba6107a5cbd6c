// `newsgraph export`: write a stored graph, optionally filtered, in any export format.
#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>
#include <sstream>

#include "cli/filter_options.h"
#include "cli/store_commands.h"
#include "export/export.h"
#include "graph/store/store.h"

namespace newsgraph::cli {
namespace {

struct ExportOptions {
  std::string store, format, output = "-";
  std::string aliases;  // --aliases FILE, "" for none
  FilterOptions filter;
};

void runExport(const ExportOptions& options) {
  std::optional<exporter::Format> format =
      !options.format.empty() ? exporter::parseFormat(options.format)
      : options.output == "-" ? exporter::Format::GraphML
                              : exporter::formatFromPath(options.output);
  NG_CHECK(format, options.output,
           "cannot tell the format from the file name; use --format graphml|dot|gexf|json|csv");
  graph::AliasOverlay overlay;
  if (!options.aliases.empty()) overlay = graph::AliasOverlay::load(options.aliases);
  graph::KnowledgeGraph kg = store::Store::open(options.store).load();
  if (!overlay.empty()) kg = overlay.apply(kg);  // as build applies it to each document
  kg = filtered(graph::linkShortForms(kg), options.filter);
  if (*format == exporter::Format::Csv) {
    NG_CHECK(options.output != "-", "", "CSV export writes two files; give -o NAME.csv");
    auto [nodesPath, relationshipsPath] = exporter::csvPaths(options.output);
    std::ostringstream nodes, relationships;  // both written together, then each renamed
    exporter::writeCsv(kg, nodes, relationships);
    writeFileAtomically(nodesPath, nodes.str());
    writeFileAtomically(relationshipsPath, relationships.str());
    spdlog::info("wrote {} and {}", nodesPath, relationshipsPath);
    return;
  }
  if (options.output == "-") {
    exporter::write(kg, *format, std::cout);
  } else {
    writeFileAtomically(options.output, [&](std::ostream& out) { exporter::write(kg, *format, out); });
  }
  spdlog::debug("{} entities, {} relations", num_vertices(kg.graph()), num_edges(kg.graph()));
}

}  // namespace

void addExportCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand("export", "Write a stored graph as GraphML, DOT, GEXF, "
                                               "JSON or CSV");
  cmd->footer(
      "Formats: graphml (networkx, igraph, Gephi, yEd), dot (Graphviz), gexf (Gephi, with a\n"
      "timeline), json (networkx node-link, d3), csv (NAME_nodes.csv and\n"
      "NAME_relationships.csv for neo4j-admin database import).\n\n"
      "Examples:\n"
      "  newsgraph export world.db -o world.graphml\n"
      "  newsgraph export world.db --format dot --no-cooccurrence | dot -Tsvg > world.svg\n"
      "  newsgraph export world.db -o lavrov.gexf --ego Lavrov --depth 2\n"
      "  newsgraph export world.db -o neo4j/world.csv --relation SANCTIONS,RECOGNIZES");
  cmd->add_option("store", options->store, "Store (.db)")->required();
  cmd->add_option("--format", options->format, "Output format (default: from -o, else graphml)")
      ->check(CLI::IsMember({"graphml", "dot", "gexf", "json", "csv"}));
  cmd->add_option("-o,--output", options->output, "Output file (default: - for stdout)");
  cmd->add_option("--aliases", options->aliases,
                  "Entity corrections (merge, rename, drop; docs/aliases.md)");
  addFilterOptions(*cmd, options->filter);
  cmd->callback([options, &exitCode] {
    runExport(*options);
    exitCode = 0;
  });
}

}  // namespace newsgraph::cli

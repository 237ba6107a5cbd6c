// `newsgraph export`: write a stored graph, optionally filtered, in any export format.
#include <spdlog/spdlog.h>

#include <filesystem>
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
  std::string gexfVersion = "1.3";
  bool noLegend = false;
  bool csvSafe = false;
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
  if (options.output != "-") {
    std::filesystem::path folder = std::filesystem::path(options.output).parent_path();
    std::error_code ec;
    NG_CHECK(folder.empty() || std::filesystem::is_directory(folder, ec), options.output,
             "the folder " + folder.string() + " does not exist; create it first");
  }
  exporter::WriteOptions writeOptions;
  writeOptions.legend = !options.noLegend;
  writeOptions.gexfVersion = options.gexfVersion == "1.2" ? exporter::WriteOptions::GexfVersion::V1_2
                                                          : exporter::WriteOptions::GexfVersion::V1_3;
  graph::AliasOverlay overlay;
  if (!options.aliases.empty()) overlay = graph::AliasOverlay::load(options.aliases);
  graph::KnowledgeGraph kg = store::Store::open(options.store).load();
  if (!overlay.empty()) kg = overlay.apply(kg);  // as build applies it to each document
  kg = filtered(graph::linkShortForms(kg), options.filter);
  if (*format == exporter::Format::Csv) {
    NG_CHECK(options.output != "-", "", "CSV export writes two files; give -o NAME.csv");
    auto [nodesPath, relationshipsPath] = exporter::csvPaths(options.output);
    std::ostringstream nodes, relationships;
    exporter::writeCsv(kg, nodes, relationships, exporter::CsvOptions{options.csvSafe});
    writeFilesAtomically({{nodesPath, [&](std::ostream& out) { out << nodes.str(); }},
                          {relationshipsPath, [&](std::ostream& out) { out << relationships.str(); }}});
    spdlog::info("wrote {} and {}", nodesPath, relationshipsPath);
    return;
  }
  if (options.output == "-") {
    exporter::write(kg, *format, std::cout, writeOptions);
  } else {
    writeFileAtomically(options.output,
                        [&](std::ostream& out) { exporter::write(kg, *format, out, writeOptions); });
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
  cmd->add_option("-o,--output", options->output,
                  "Output file (default: - for stdout); its folder must exist");
  cmd->add_option("--gexf-version", options->gexfVersion,
                  "GEXF 1.3 (Gephi, default) or 1.2 (networkx's reader; no mixed edge types)")
      ->check(CLI::IsMember({"1.2", "1.3"}));
  cmd->add_flag("--no-legend", options->noLegend, "DOT: leave out the legend");
  cmd->add_flag("--csv-safe", options->csvSafe,
                 "CSV for spreadsheets: cells starting with = + - @ get a leading ' so that they "
                 "are not run as formulas");
  cmd->add_option("--aliases", options->aliases,
                  "Entity corrections (merge, rename, drop; docs/aliases.md)");
  addFilterOptions(*cmd, options->filter);
  cmd->callback([options, &exitCode] {
    runExport(*options);
    exitCode = 0;
  });
}

}  // namespace newsgraph::cli

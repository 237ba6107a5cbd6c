#pragma once
// Exporters: write a KnowledgeGraph as GraphML (the output contract of DESIGN.md), DOT for
// Graphviz (nodes styled by type, edges labelled, negated edges dashed, a legend), GEXF 1.3
// for Gephi (spells from document dates, viz colours and sizes), node-link JSON (networkx,
// d3) and CSV node and relationship files for neo4j-admin import.
// Output is deterministic: vertices and edges in graph order.
//
//   std::ostringstream out;
//   exporter::write(kg, exporter::Format::GraphML, out);
//   writeFileAtomically("seeds.graphml", out.str());

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "graph/graph.h"

namespace newsgraph::exporter {

enum class Format { GraphML, Dot, Gexf, Json, Csv };

// "graphml", "dot", "gexf", "json", "csv"; nullopt otherwise.
std::optional<Format> parseFormat(std::string_view name);
// From a file name's extension (".graphml", ".xml", ".dot", ".gv", ".gexf", ".json",
// ".csv"); nullopt otherwise.
std::optional<Format> formatFromPath(std::string_view path);

// Throws Error for Format::Csv, which is two files: use writeCsv.
void write(const graph::KnowledgeGraph& kg, Format format, std::ostream& out);

// neo4j-admin import files: nodes (id:ID, :LABEL = entity type, ...) and relationships
// (:START_ID, :END_ID, :TYPE = relation, ...); list properties are ';'-separated arrays.
// formulaSafe (`export --csv-safe`): a cell that starts with = + - @ or a tab, which a
// spreadsheet would run as a formula, gets a leading "'" (OWASP's advice for CSV injection).
// Off by default, since neo4j-admin would keep the "'" in the value.
struct CsvOptions {
  bool formulaSafe = false;
};
void writeCsv(const graph::KnowledgeGraph& kg, std::ostream& nodes, std::ostream& relationships,
              const CsvOptions& options = {});
// "world.csv" or "world" -> {"world_nodes.csv", "world_relationships.csv"}.
std::pair<std::string, std::string> csvPaths(std::string_view path);

}  // namespace newsgraph::exporter

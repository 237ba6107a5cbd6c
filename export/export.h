#pragma once
// Exporters: write a KnowledgeGraph as GraphML (the output contract of DESIGN.md), DOT for
// Graphviz (nodes styled by type, edges labelled, negated edges dashed, a legend), GEXF 1.3
// or 1.2 for Gephi and networkx (spells from document dates, viz colours and sizes),
// node-link JSON (networkx before and after 3.6, d3) and CSV node and relationship files for
// neo4j-admin import. In every format node ids are the entities' stable keys, symmetric
// relations are marked, each edge carries its evidence with document and date, the evidence
// count and the relation's CAMEO and Wikidata codes. GEXF and JSON name the entity type
// `entity_type` (sigma.js and Gephi Lite read a node's `type` as its renderer).
// Output is deterministic: vertices and edges in key order.
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

struct WriteOptions {
  // GEXF 1.3 (Gephi; symmetric edges typed undirected) or 1.2draft (what networkx reads;
  // it rejects mixed edge types, so there symmetric edges carry only symmetric=true).
  enum class GexfVersion { V1_2, V1_3 } gexfVersion = GexfVersion::V1_3;
  bool legend = true;  // DOT: the legend, as an HTML-like label that is no node or edge
};

// Throws Error for Format::Csv, which is two files: use writeCsv.
void write(const graph::KnowledgeGraph& kg, Format format, std::ostream& out,
           const WriteOptions& options = {});

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

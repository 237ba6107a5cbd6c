#pragma once
// Exporters: write a KnowledgeGraph as GraphML (the output contract of DESIGN.md), DOT for
// Graphviz (nodes styled by type, edges labelled, negated edges dashed, a legend).
// Output is deterministic: vertices and edges in graph order.
//
//   std::ostringstream out;
//   exporter::write(kg, exporter::Format::GraphML, out);
//   writeFileAtomically("seeds.graphml", out.str());

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "graph/graph.h"

namespace newsgraph::exporter {

enum class Format { GraphML, Dot };

// "graphml", "dot"; nullopt otherwise.
std::optional<Format> parseFormat(std::string_view name);
// From a file name's extension (".graphml", ".xml", ".dot", ".gv"); nullopt otherwise.
std::optional<Format> formatFromPath(std::string_view path);

void write(const graph::KnowledgeGraph& kg, Format format, std::ostream& out);

}  // namespace newsgraph::exporter

// GraphML per the output contract of DESIGN.md, streamed (no DOM), keys in one table.
#include <array>
#include <ostream>

#include "export/export.h"
#include "export/ordering.h"
#include "export/xml.h"

namespace newsgraph::exporter {
namespace {

struct KeySpec {
  const char* id;
  const char* domain;  // "node" or "edge"
  const char* name;    // attr.name, read by Gephi, networkx and score_graphml.py
  const char* type;    // attr.type
};

// The output contract; ids are short so large graphs stay small.
constexpr std::array<KeySpec, 15> kKeys = {{
    {"n_label", "node", "label", "string"},
    {"n_type", "node", "type", "string"},
    {"n_aliases", "node", "aliases", "string"},
    {"n_mentions", "node", "mentions", "int"},
    {"n_documents", "node", "documents", "string"},
    {"n_first_seen", "node", "first_seen", "string"},
    {"n_last_seen", "node", "last_seen", "string"},
    {"e_relation", "edge", "relation", "string"},
    {"e_label", "edge", "label", "string"},
    {"e_negated", "edge", "negated", "boolean"},
    {"e_weight", "edge", "weight", "double"},
    {"e_confidence", "edge", "confidence", "double"},
    {"e_documents", "edge", "documents", "string"},
    {"e_date", "edge", "date", "string"},
    {"e_evidence", "edge", "evidence", "string"},
}};

void writeData(std::ostream& out, const char* key, std::string_view value) {
  if (value.empty()) return;
  out << "      <data key=\"" << key << "\">";
  writeXmlEscaped(out, value);
  out << "</data>\n";
}

}  // namespace

void writeGraphML(const graph::KnowledgeGraph& kg, std::ostream& out) {
  const graph::Graph& g = kg.graph();
  const Ontology& ontology = Ontology::standard();
  Ordering order = orderGraph(g);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const KeySpec& k : kKeys)
    out << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.name
        << "\" attr.type=\"" << k.type << "\"/>\n";
  out << "  <graph id=\"newsgraph\" edgedefault=\"directed\">\n";
  for (size_t i = 0; i < order.vertices.size(); ++i) {
    const graph::EntityProps& e = g[order.vertices[i]];
    out << "    <node id=\"n" << i << "\">\n";
    writeData(out, "n_label", e.label);
    writeData(out, "n_type", toString(e.type));
    writeData(out, "n_aliases", joinList(e.aliases));
    writeData(out, "n_mentions", std::to_string(e.mentions));
    writeData(out, "n_documents", joinList(e.documents));
    writeData(out, "n_first_seen", e.first_seen);
    writeData(out, "n_last_seen", e.last_seen);
    out << "    </node>\n";
  }
  for (size_t i = 0; i < order.edges.size(); ++i) {
    graph::Edge edge = order.edges[i];
    const graph::RelationProps& r = g[edge];
    out << "    <edge id=\"e" << i << "\" source=\"n" << order.rank[source(edge, g)]
        << "\" target=\"n" << order.rank[target(edge, g)] << "\">\n";
    writeData(out, "e_relation", r.relation);
    writeData(out, "e_label", ontology.label(r.relation));
    writeData(out, "e_negated", r.negated ? "true" : "false");
    writeData(out, "e_weight", formatNumber(r.weight));
    writeData(out, "e_confidence", formatNumber(r.confidence));
    writeData(out, "e_documents", joinList(r.documents));
    writeData(out, "e_date", r.date);
    writeData(out, "e_evidence", joinEvidence(r));
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace newsgraph::exporter

// Node-link JSON as networkx.node_link_data writes it ("directed", "multigraph", "graph",
// "nodes" with "id", "links" with "source", "target", "key"), which d3 also reads. Node ids
// are entity keys; lists stay JSON arrays. networkx before 3.6 reads the edges from "links",
// from 3.6 on from "edges" (node_link_graph's default changed), so both keys hold them.
#include <cstdio>
#include <ostream>

#include "export/export.h"
#include "export/ordering.h"

namespace newsgraph::exporter {
namespace {

void writeString(std::ostream& out, std::string_view text) {
  out << '"';
  size_t plain = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c != '"' && c != '\\' && c >= 0x20) continue;
    out.write(text.data() + plain, static_cast<std::streamsize>(i - plain));
    plain = i + 1;
    switch (c) {
      case '"': out << "\\\""; break;
      case '\\': out << "\\\\"; break;
      case '\n': out << "\\n"; break;
      case '\t': out << "\\t"; break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out << buf;
      }
    }
  }
  out.write(text.data() + plain, static_cast<std::streamsize>(text.size() - plain));
  out << '"';
}

void writeStrings(std::ostream& out, const std::set<std::string>& items) {
  out << '[';
  bool first = true;
  for (const std::string& item : items) {
    if (!first) out << ", ";
    first = false;
    writeString(out, item);
  }
  out << ']';
}

void field(std::ostream& out, const char* name, std::string_view value) {
  out << ", \"" << name << "\": ";
  writeString(out, value);
}

}  // namespace

void writeJson(const graph::KnowledgeGraph& kg, std::ostream& out) {
  const graph::Graph& g = kg.graph();
  const Ontology& ontology = Ontology::standard();
  Ordering order = orderGraph(g);
  out << "{\"directed\": true, \"multigraph\": true, \"graph\": {\"name\": \"newsgraph\"},\n"
         " \"nodes\": [";
  for (size_t i = 0; i < order.vertices.size(); ++i) {
    const graph::EntityProps& e = g[order.vertices[i]];
    out << (i ? ",\n  " : "\n  ") << "{\"id\": ";
    writeString(out, e.key);
    field(out, "label", e.label);
    field(out, "entity_type", toString(e.type));
    out << ", \"aliases\": ";
    writeStrings(out, e.aliases);
    out << ", \"mentions\": " << e.mentions << ", \"documents\": ";
    writeStrings(out, e.documents);
    field(out, "first_seen", e.first_seen);
    field(out, "last_seen", e.last_seen);
    out << '}';
  }
  out << "]";
  // Written twice rather than held in memory: large exports stream.
  auto writeEdges = [&](std::ostream& links) {
    for (size_t i = 0; i < order.edges.size(); ++i) {
      graph::Edge edge = order.edges[i];
      const graph::RelationProps& r = g[edge];
      links << (i ? ",\n  " : "\n  ") << "{\"source\": ";
      writeString(links, g[source(edge, g)].key);
      links << ", \"target\": ";
      writeString(links, g[target(edge, g)].key);
      std::string key = r.negated ? r.relation + ":negated" : r.relation;
      if (r.modality != Modality::Asserted) key.append(":").append(toString(r.modality));
      field(links, "key", key);
      field(links, "relation", r.relation);
      field(links, "label", ontology.label(r.relation));
      links << ", \"negated\": " << (r.negated ? "true" : "false");
      field(links, "modality", toString(r.modality));
      links
            << ", \"symmetric\": " << (ontology.symmetric(r.relation) ? "true" : "false")
            << ", \"weight\": " << formatNumber(r.weight)
            << ", \"confidence\": " << formatConfidence(r.confidence) << ", \"documents\": ";
      writeStrings(links, r.documents);
      field(links, "date", r.date);
      const RelationInfo* info = ontology.find(r.relation);
      field(links, "cameo", info ? info->cameo : "");
      field(links, "wikidata", info ? info->wikidata : "");
      links << ", \"evidence_count\": " << formatNumber(r.weight)
            << ", \"evidence\": " << evidenceJson(r) << '}';
    }
  };
  out << ",\n \"links\": [";
  writeEdges(out);
  out << "],\n \"edges\": [";
  writeEdges(out);
  out << "]}\n";
}

}  // namespace newsgraph::exporter

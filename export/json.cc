// Node-link JSON as networkx.node_link_data writes it ("directed", "multigraph", "graph",
// "nodes" with "id", "links" with "source", "target", "key"), which d3 also reads. Node ids
// are entity keys; lists stay JSON arrays.
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
    field(out, "type", toString(e.type));
    out << ", \"aliases\": ";
    writeStrings(out, e.aliases);
    out << ", \"mentions\": " << e.mentions << ", \"documents\": ";
    writeStrings(out, e.documents);
    field(out, "first_seen", e.first_seen);
    field(out, "last_seen", e.last_seen);
    out << '}';
  }
  out << "],\n \"links\": [";
  for (size_t i = 0; i < order.edges.size(); ++i) {
    graph::Edge edge = order.edges[i];
    const graph::RelationProps& r = g[edge];
    out << (i ? ",\n  " : "\n  ") << "{\"source\": ";
    writeString(out, g[source(edge, g)].key);
    out << ", \"target\": ";
    writeString(out, g[target(edge, g)].key);
    std::string key = r.negated ? r.relation + ":negated" : r.relation;
    if (r.modality != Modality::Asserted) key.append(":").append(toString(r.modality));
    field(out, "key", key);
    field(out, "relation", r.relation);
    field(out, "label", ontology.label(r.relation));
    out << ", \"negated\": " << (r.negated ? "true" : "false");
    field(out, "modality", toString(r.modality));
    out
        << ", \"weight\": " << formatNumber(r.weight)
        << ", \"confidence\": " << formatNumber(r.confidence) << ", \"documents\": ";
    writeStrings(out, r.documents);
    field(out, "date", r.date);
    out << ", \"evidence\": [";
    for (size_t k = 0; k < r.evidence.size(); ++k) {
      out << (k ? ", " : "") << "{\"document\": ";
      writeString(out, r.evidence[k].document);
      field(out, "date", r.evidence[k].date);
      field(out, "sentence", r.evidence[k].sentence);
      out << '}';
    }
    out << "]}";
  }
  out << "]}\n";
}

}  // namespace newsgraph::exporter

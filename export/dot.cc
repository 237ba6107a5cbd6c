// DOT for Graphviz: nodes named by their entity keys, shaped and coloured by entity type,
// edges labelled by relation, symmetric ones without arrows, negated edges dashed and red,
// co-occurrence edges thin grey, and a legend that is an HTML-like label of the graph, so
// that DOT readers (networkx, pydot, gvpr) load no legend nodes as data.
#include <array>
#include <ostream>
#include <set>

#include "export/export.h"
#include "export/ordering.h"

namespace newsgraph::exporter {
namespace {

struct TypeStyle {
  const char* shape;
  const char* fill;
};

// Indexed by EntityType.
constexpr std::array<TypeStyle, kEntityTypeCount> kTypeStyles = {{
    {"ellipse", "#fde0c5"},    // PERSON
    {"box", "#c6dbef"},        // ORG
    {"hexagon", "#c7e9c0"},    // GPE
    {"octagon", "#e5f5e0"},    // LOC
    {"diamond", "#fcbba1"},    // EVENT
    {"house", "#dadaeb"},      // FAC
}};

// A double-quoted DOT string: quotes and backslashes escaped, newlines as \n, other control
// characters as spaces, and the characters Graphviz reads as markup or entities (&, <, >)
// written as entities.
void writeQuoted(std::ostream& out, std::string_view text) {
  out << '"';
  for (char c : text) {
    switch (c) {
      case '"': out << "\\\""; break;
      case '\\': out << "\\\\"; break;
      case '\n': out << "\\n"; break;
      case '\r': break;
      case '&': out << "&amp;"; break;
      case '<': out << "&lt;"; break;
      case '>': out << "&gt;"; break;
      default:  // Graphviz rejects NUL and mangles the other controls
        out << (static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c);
    }
  }
  out << '"';
}

// The legend: a one-row table under the graph, a cell per entity type and edge style in use.
void writeLegend(std::ostream& out, const std::set<EntityType>& types,
                 const std::set<std::string>& relations, bool negated) {
  out << "  label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"2\" cellpadding=\"2\">"
         "<tr>";
  for (EntityType type : types)
    out << "<td bgcolor=\"" << kTypeStyles[static_cast<size_t>(type)].fill << "\">"
        << toString(type) << "</td>";
  if (negated) out << "<td><font color=\"#cb181d\">- - not</font></td>";
  if (relations.count(std::string(Ontology::kCooccurs)))
    out << "<td><font color=\"#999999\">co-occurs</font></td>";
  out << "</tr></table>>;\n  labelloc=b; fontsize=9;\n";
}

}  // namespace

void writeDot(const graph::KnowledgeGraph& kg, std::ostream& out, bool legend) {
  const graph::Graph& g = kg.graph();
  const Ontology& ontology = Ontology::standard();
  Ordering order = orderGraph(g);
  bool large = order.vertices.size() > 300;
  out << "digraph newsgraph {\n"
      << "  graph [layout=" << (large ? "sfdp, overlap=prism, outputorder=edgesfirst" : "dot")
      << ", rankdir=LR, fontname=\"Helvetica\"];\n"
      << "  node [style=filled, fontname=\"Helvetica\", fontsize=11];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  std::set<EntityType> typesUsed;
  for (size_t i = 0; i < order.vertices.size(); ++i) {
    const graph::EntityProps& e = g[order.vertices[i]];
    const TypeStyle& style = kTypeStyles[static_cast<size_t>(e.type)];
    typesUsed.insert(e.type);
    out << "  ";
    writeQuoted(out, e.key);
    out << " [label=";
    writeQuoted(out, e.label);
    out << ", shape=" << style.shape << ", fillcolor=\"" << style.fill << "\", tooltip=";
    writeQuoted(out, std::string(toString(e.type)) + ", " + std::to_string(e.mentions) +
                         " mentions");
    out << "];\n";
  }
  std::set<std::string> relationsUsed;
  bool negatedUsed = false;
  for (graph::Edge edge : order.edges) {
    const graph::RelationProps& r = g[edge];
    bool cooccurs = r.relation == Ontology::kCooccurs;
    relationsUsed.insert(r.relation);
    negatedUsed |= r.negated;
    out << "  ";
    writeQuoted(out, g[source(edge, g)].key);
    out << " -> ";
    writeQuoted(out, g[target(edge, g)].key);
    out << " [";
    if (cooccurs) {
      out << "color=\"#bbbbbb\", dir=none, penwidth=0.5";
    } else {
      out << "label=";
      writeQuoted(out, edgeLabel(r));
      out << ", penwidth=" << formatNumber(std::min(1.0 + r.weight * 0.5, 5.0));
      if (ontology.symmetric(r.relation)) out << ", dir=none";
    }
    if (r.negated) out << ", style=dashed, color=\"#cb181d\", fontcolor=\"#cb181d\"";
    else if (r.modality != Modality::Asserted) out << ", style=dotted";
    out << ", tooltip=";
    writeQuoted(out, joinEvidence(r));
    out << "];\n";
  }
  if (legend && !typesUsed.empty()) writeLegend(out, typesUsed, relationsUsed, negatedUsed);
  out << "}\n";
}

}  // namespace newsgraph::exporter

// DOT for Graphviz: nodes shaped and coloured by entity type, edges labelled by relation,
// negated edges dashed and red, co-occurrence edges thin grey, and a legend.
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

}  // namespace

void writeDot(const graph::KnowledgeGraph& kg, std::ostream& out) {
  const graph::Graph& g = kg.graph();
  const Ontology& ontology = Ontology::standard();
  Ordering order = orderGraph(g);
  bool large = order.vertices.size() > 300;
  out << "digraph newsgraph {\n"
      << "  graph [layout=" << (large ? "sfdp, overlap=prism, outputorder=edgesfirst" : "dot")
      << ", rankdir=LR, fontname=\"Helvetica\", label=\"newsgraph\", labelloc=t];\n"
      << "  node [style=filled, fontname=\"Helvetica\", fontsize=11];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  std::set<EntityType> typesUsed;
  for (size_t i = 0; i < order.vertices.size(); ++i) {
    const graph::EntityProps& e = g[order.vertices[i]];
    const TypeStyle& style = kTypeStyles[static_cast<size_t>(e.type)];
    typesUsed.insert(e.type);
    out << "  n" << i << " [label=";
    writeQuoted(out, e.label);
    out << ", shape=" << style.shape << ", fillcolor=\"" << style.fill << "\", tooltip=";
    writeQuoted(out, std::string(toString(e.type)) + ", " + std::to_string(e.mentions) +
                         " mentions");
    out << "];\n";
  }
  std::set<std::string> relationsUsed;
  for (graph::Edge edge : order.edges) {
    const graph::RelationProps& r = g[edge];
    bool cooccurs = r.relation == Ontology::kCooccurs;
    relationsUsed.insert(r.relation);
    out << "  n" << order.rank[source(edge, g)] << " -> n" << order.rank[target(edge, g)]
        << " [";
    if (cooccurs) {
      out << "color=\"#bbbbbb\", dir=none, penwidth=0.5";
    } else {
      out << "label=";
      writeQuoted(out, std::string(r.negated ? "not " : "") +
                           std::string(ontology.label(r.relation)));
      out << ", penwidth=" << formatNumber(std::min(1.0 + r.weight * 0.5, 5.0));
      if (ontology.symmetric(r.relation)) out << ", dir=none";
    }
    if (r.negated) out << ", style=dashed, color=\"#cb181d\", fontcolor=\"#cb181d\"";
    out << ", tooltip=";
    writeQuoted(out, joinEvidence(r));
    out << "];\n";
  }
  // Legend: one sample node per entity type, and the edge styles in use.
  out << "  subgraph cluster_legend {\n    label=\"Legend\"; fontsize=10; color=\"#999999\";\n";
  for (EntityType type : typesUsed) {
    const TypeStyle& style = kTypeStyles[static_cast<size_t>(type)];
    out << "    legend_" << toString(type) << " [label=\"" << toString(type)
        << "\", shape=" << style.shape << ", fillcolor=\"" << style.fill << "\"];\n";
  }
  out << "    legend_negated_a [label=\"\", shape=point];\n"
      << "    legend_negated_b [label=\"\", shape=point];\n"
      << "    legend_negated_a -> legend_negated_b [label=\"negated\", style=dashed, "
         "color=\"#cb181d\", fontcolor=\"#cb181d\"];\n";
  if (relationsUsed.count(std::string(Ontology::kCooccurs)))
    out << "    legend_cooccurs_a [label=\"\", shape=point];\n"
        << "    legend_cooccurs_b [label=\"\", shape=point];\n"
        << "    legend_cooccurs_a -> legend_cooccurs_b [label=\"co-occurs\", "
           "color=\"#bbbbbb\", dir=none];\n";
  out << "  }\n}\n";
}

}  // namespace newsgraph::exporter

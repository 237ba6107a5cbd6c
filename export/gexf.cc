// GEXF 1.3 for Gephi, or 1.2draft for networkx: node and edge attributes as in the GraphML
// contract (the type as entity_type), spells from document dates (an entity appears on its
// first_seen, a relation on its first date) so the timeline plays the graph over time, viz
// colours by type and sizes by degree.
#include <array>
#include <cmath>
#include <ostream>

#include "export/export.h"
#include "export/ordering.h"
#include "export/xml.h"

namespace newsgraph::exporter {
namespace {

struct Rgb {
  int r, g, b;
};

// Indexed by EntityType; the fills of the DOT exporter, darkened to read on white.
constexpr std::array<Rgb, kEntityTypeCount> kTypeColours = {{
    {230, 126, 34},   // PERSON
    {52, 152, 219},   // ORG
    {39, 174, 96},    // GPE
    {22, 160, 133},   // LOC
    {231, 76, 60},    // EVENT
    {142, 68, 173},   // FAC
}};

// GEXF times are xsd:date here; partial or free-form dates get no spell.
bool isIsoDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (date[i] < '0' || date[i] > '9') return false;
  return true;
}

void attvalue(std::ostream& out, const char* id, std::string_view value) {
  if (value.empty()) return;
  out << "          <attvalue for=\"" << id << "\" value=\"";
  writeXmlEscaped(out, value);
  out << "\"/>\n";
}

void spell(std::ostream& out, const std::string& date) {
  if (isIsoDate(date))
    out << "        <spells><spell start=\"" << date << "\"/></spells>\n";
}

}  // namespace

void writeGexf(const graph::KnowledgeGraph& kg, std::ostream& out,
               WriteOptions::GexfVersion version) {
  const graph::Graph& g = kg.graph();
  const Ontology& ontology = Ontology::standard();
  Ordering order = orderGraph(g);
  bool v13 = version == WriteOptions::GexfVersion::V1_3;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << (v13 ? "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
                "version=\"1.3\">\n"
              : "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
                "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n")
      << "  <meta>\n    <creator>newsgraph</creator>\n"
         "    <description>Knowledge graph extracted from news articles</description>\n"
         "  </meta>\n"
         "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n"
         "    <attributes class=\"node\">\n"
         "      <attribute id=\"entity_type\" title=\"entity_type\" type=\"string\"/>\n"
         "      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n"
         "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n"
         "      <attribute id=\"documents\" title=\"documents\" type=\"string\"/>\n"
         "      <attribute id=\"first_seen\" title=\"first_seen\" type=\"string\"/>\n"
         "      <attribute id=\"last_seen\" title=\"last_seen\" type=\"string\"/>\n"
         "    </attributes>\n"
         "    <attributes class=\"edge\">\n"
         "      <attribute id=\"relation\" title=\"relation\" type=\"string\"/>\n"
         "      <attribute id=\"negated\" title=\"negated\" type=\"boolean\"/>\n"
         "      <attribute id=\"modality\" title=\"modality\" type=\"string\"/>\n"
         "      <attribute id=\"confidence\" title=\"confidence\" type=\"double\"/>\n"
         "      <attribute id=\"documents\" title=\"documents\" type=\"string\"/>\n"
         "      <attribute id=\"date\" title=\"date\" type=\"string\"/>\n"
         "      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>\n"
         "      <attribute id=\"evidence_json\" title=\"evidence_json\" type=\"string\"/>\n"
         "      <attribute id=\"evidence_count\" title=\"evidence_count\" type=\"integer\"/>\n"
         "      <attribute id=\"symmetric\" title=\"symmetric\" type=\"boolean\"/>\n"
         "      <attribute id=\"cameo\" title=\"cameo\" type=\"string\"/>\n"
         "      <attribute id=\"wikidata\" title=\"wikidata\" type=\"string\"/>\n"
         "    </attributes>\n"
         "    <nodes count=\"" << order.vertices.size() << "\">\n";
  for (size_t i = 0; i < order.vertices.size(); ++i) {
    graph::Vertex v = order.vertices[i];
    const graph::EntityProps& e = g[v];
    out << "      <node id=\"";
    writeXmlEscaped(out, e.key);
    out << "\" label=\"";
    writeXmlEscaped(out, e.label);
    out << "\">\n        <attvalues>\n";
    attvalue(out, "entity_type", toString(e.type));
    attvalue(out, "aliases", joinList(e.aliases));
    attvalue(out, "mentions", std::to_string(e.mentions));
    attvalue(out, "documents", joinList(e.documents));
    attvalue(out, "first_seen", e.first_seen);
    attvalue(out, "last_seen", e.last_seen);
    out << "        </attvalues>\n";
    spell(out, e.first_seen);
    const Rgb& c = kTypeColours[static_cast<size_t>(e.type)];
    double degree = static_cast<double>(in_degree(v, g) + out_degree(v, g));
    out << "        <viz:color r=\"" << c.r << "\" g=\"" << c.g << "\" b=\"" << c.b << "\"/>\n"
        << "        <viz:size value=\"" << formatNumber(std::round((4 + 3 * std::sqrt(degree)) * 100) / 100)
        << "\"/>\n      </node>\n";
  }
  out << "    </nodes>\n    <edges count=\"" << order.edges.size() << "\">\n";
  for (size_t i = 0; i < order.edges.size(); ++i) {
    graph::Edge edge = order.edges[i];
    const graph::RelationProps& r = g[edge];
    bool cooccurs = r.relation == Ontology::kCooccurs;
    bool symmetric = ontology.symmetric(r.relation);
    out << "      <edge id=\"e" << i << "\" source=\"";
    writeXmlEscaped(out, g[source(edge, g)].key);
    out << "\" target=\"";
    writeXmlEscaped(out, g[target(edge, g)].key);
    out << "\"";
    if (symmetric && v13) out << " type=\"undirected\"";
    out << " label=\"";
    writeXmlEscaped(out, edgeLabel(r));
    // kind (1.3 only) keeps parallel edges of different relations apart in Gephi.
    out << '"';
    if (v13) {
      out << " kind=\"";
      writeXmlEscaped(out, r.relation);
      out << (r.negated ? "_NOT" : "");
      if (r.modality != Modality::Asserted) out << '_' << toString(r.modality);
      out << '"';
    }
    out << " weight=\""
        << formatNumber(r.weight) << "\">\n        <attvalues>\n";
    attvalue(out, "relation", r.relation);
    attvalue(out, "negated", r.negated ? "true" : "false");
    attvalue(out, "modality", toString(r.modality));
    attvalue(out, "confidence", formatConfidence(r.confidence));
    attvalue(out, "documents", joinList(r.documents));
    attvalue(out, "date", r.date);
    attvalue(out, "evidence", joinEvidence(r));
    if (!r.evidence.empty()) attvalue(out, "evidence_json", evidenceJson(r));
    attvalue(out, "evidence_count", formatNumber(r.weight));
    attvalue(out, "symmetric", symmetric ? "true" : "false");
    if (const RelationInfo* info = ontology.find(r.relation)) {
      attvalue(out, "cameo", info->cameo);
      attvalue(out, "wikidata", info->wikidata);
    }
    out << "        </attvalues>\n";
    spell(out, r.date);
    const Rgb c = r.negated ? Rgb{203, 24, 29} : cooccurs ? Rgb{187, 187, 187} : Rgb{90, 90, 90};
    out << "        <viz:color r=\"" << c.r << "\" g=\"" << c.g << "\" b=\"" << c.b << "\"/>\n"
        << "        <viz:thickness value=\"" << formatNumber(std::min(1.0 + r.weight * 0.5, 8.0))
        << "\"/>\n      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace newsgraph::exporter

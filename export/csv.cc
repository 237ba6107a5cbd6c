// CSV for neo4j-admin database import: a nodes file and a relationships file with typed
// headers; evidence_json holds each sentence with its document and date. Every string is quoted, quotes doubled; arrays use ';', neo4j-admin's default.
#include <cstring>
#include <ostream>

#include "export/export.h"
#include "export/ordering.h"

namespace newsgraph::exporter {
namespace {

// Control characters become spaces: one record per line, so no --multiline-fields needed,
// and nothing a terminal or spreadsheet would act on.
void quoted(std::ostream& out, std::string_view text, bool formulaSafe) {
  out << '"';
  if (formulaSafe && !text.empty() && std::strchr("=+-@\t\r", text[0])) out << '\'';
  for (char c : text) {
    if (c == '"') {
      out << "\"\"";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      out << ' ';
    } else {
      out << c;
    }
  }
  out << '"';
}

}  // namespace

void writeCsv(const graph::KnowledgeGraph& kg, std::ostream& nodes, std::ostream& relationships,
              const CsvOptions& options) {
  auto quoted = [&](std::ostream& out, std::string_view text) {
    exporter::quoted(out, text, options.formulaSafe);
  };
  const graph::Graph& g = kg.graph();
  const Ontology& ontology = Ontology::standard();
  Ordering order = orderGraph(g);
  nodes << "id:ID,name,:LABEL,aliases:string[],mentions:int,documents:string[],first_seen,"
           "last_seen\n";
  for (graph::Vertex v : order.vertices) {
    const graph::EntityProps& e = g[v];
    quoted(nodes, e.key);
    nodes << ',';
    quoted(nodes, e.label);
    nodes << ',' << toString(e.type) << ',';
    quoted(nodes, joinList(e.aliases));
    nodes << ',' << e.mentions << ',';
    quoted(nodes, joinList(e.documents));
    nodes << ',' << e.first_seen << ',' << e.last_seen << '\n';
  }
  relationships << ":START_ID,:END_ID,:TYPE,label,negated:boolean,modality,weight:double,"
                   "confidence:double,documents:string[],date,evidence,symmetric:boolean,"
                   "evidence_count:int,evidence_json,cameo,wikidata\n";
  for (graph::Edge edge : order.edges) {
    const graph::RelationProps& r = g[edge];
    quoted(relationships, g[source(edge, g)].key);
    relationships << ',';
    quoted(relationships, g[target(edge, g)].key);
    relationships << ',' << r.relation << ',';
    quoted(relationships, ontology.label(r.relation));
    relationships << ',' << (r.negated ? "true" : "false") << ',' << toString(r.modality) << ','
                  << formatNumber(r.weight) << ',' << formatConfidence(r.confidence) << ',';
    quoted(relationships, joinList(r.documents));
    relationships << ',' << r.date << ',';
    quoted(relationships, joinEvidence(r));
    relationships << ',' << (ontology.symmetric(r.relation) ? "true" : "false") << ','
                  << formatNumber(r.weight) << ',';
    quoted(relationships, evidenceJson(r));
    const RelationInfo* info = ontology.find(r.relation);
    relationships << ',';
    quoted(relationships, info ? info->cameo : "");
    relationships << ',';
    quoted(relationships, info ? info->wikidata : "");
    relationships << '\n';
  }
}

std::pair<std::string, std::string> csvPaths(std::string_view path) {
  std::string base(path);
  if (base.size() > 4 && base.compare(base.size() - 4, 4, ".csv") == 0) base.resize(base.size() - 4);
  return {base + "_nodes.csv", base + "_relationships.csv"};
}

}  // namespace newsgraph::exporter

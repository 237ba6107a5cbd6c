// GraphML per the output contract of DESIGN.md, streamed (no DOM), keys in one table.
#include <array>
#include <ostream>
#include <string_view>
#include <vector>

#include "export/buffer.h"
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
constexpr std::array<KeySpec, 21> kKeys = {{
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
    {"e_modality", "edge", "modality", "string"},
    // Beyond the contract: networkx rejects per-edge directed="false" in a directed graph,
    // so symmetric relations say so in a key every reader keeps.
    {"e_symmetric", "edge", "symmetric", "boolean"},
    {"e_evidence_json", "edge", "evidence_json", "string"},
    {"e_evidence_count", "edge", "evidence_count", "int"},
    {"e_cameo", "edge", "cameo", "string"},
    {"e_wikidata", "edge", "wikidata", "string"},
}};

void writeData(OutputBuffer& out, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  out.append("      <data key=\"").append(key).append("\">").appendXml(value).append("</data>\n");
}

// Items joined by separator, escaped one by one (separators need no escaping) instead of
// escaping a joined copy. Skipped when the joined text would be empty, as writeData does.
template <typename Items, typename Text>
void writeList(OutputBuffer& out, std::string_view key, const Items& items,
               std::string_view separator, Text&& text) {
  if (items.empty() || (items.size() == 1 && text(*items.begin()).empty())) return;
  out.append("      <data key=\"").append(key).append("\">");
  bool first = true;
  for (const auto& item : items) {
    if (!first) out.append(separator);
    first = false;
    out.appendXml(text(item));
  }
  out.append("</data>\n");
}

std::string_view itself(const std::string& item) { return item; }
std::string_view sentenceOf(const graph::Evidence& e) { return e.sentence; }

// The writer walks vertices and edges in key order, not allocation order, so nearly every
// property, set node and sentence is a cache miss; with nothing else to do the loop waits on
// each in turn. Prefetching a few items ahead, one pointer level per distance (the
// properties, then what they point to), overlaps those misses.
constexpr size_t kPrefetchFar = 16, kPrefetchNear = 8;

void prefetch(const void* p) { __builtin_prefetch(p); }

// Property structs span several cache lines.
template <typename Props>
void prefetchAll(const Props& props) {
  const char* p = reinterpret_cast<const char*>(&props);
  for (size_t line = 0; line < sizeof props; line += 64) prefetch(p + line);
}

void prefetchTargets(const graph::EntityProps& e) {
  prefetch(e.label.data());
  if (!e.aliases.empty()) prefetch(&*e.aliases.begin());
  if (!e.documents.empty()) prefetch(&*e.documents.begin());
}

void prefetchTargets(const graph::RelationProps& r) {
  if (!r.documents.empty()) prefetch(&*r.documents.begin());
  if (!r.evidence.empty()) prefetch(r.evidence.front().sentence.data());
}

}  // namespace

void writeGraphML(const graph::KnowledgeGraph& kg, std::ostream& stream) {
  const graph::Graph& g = kg.graph();
  const Ontology& ontology = Ontology::standard();
  Ordering order = orderGraph(g);
  OutputBuffer out(stream);
  out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
             "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
             "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
             "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
  for (const KeySpec& k : kKeys)
    out.append("  <key id=\"").append(k.id).append("\" for=\"").append(k.domain)
        .append("\" attr.name=\"").append(k.name).append("\" attr.type=\"").append(k.type)
        .append("\"/>\n");
  out.append("  <graph id=\"newsgraph\" edgedefault=\"directed\">\n");
  std::vector<std::string> ids(order.vertices.size());
  for (size_t i = 0; i < ids.size(); ++i) ids[i] = xmlId(g[order.vertices[i]].key);
  for (size_t i = 0; i < order.vertices.size(); ++i) {
    if (i + kPrefetchFar < order.vertices.size()) prefetchAll(g[order.vertices[i + kPrefetchFar]]);
    if (i + kPrefetchNear < order.vertices.size())
      prefetchTargets(g[order.vertices[i + kPrefetchNear]]);
    const graph::EntityProps& e = g[order.vertices[i]];
    out.append("    <node id=\"").append(ids[i]).append("\">\n");
    writeData(out, "n_label", e.label);
    writeData(out, "n_type", toString(e.type));
    writeList(out, "n_aliases", e.aliases, ";", itself);
    out.append("      <data key=\"n_mentions\">")
        .appendInteger(int64_t{e.mentions})
        .append("</data>\n");
    writeList(out, "n_documents", e.documents, ";", itself);
    writeData(out, "n_first_seen", e.first_seen);
    writeData(out, "n_last_seen", e.last_seen);
    out.append("    </node>\n");
  }
  for (size_t i = 0; i < order.edges.size(); ++i) {
    if (i + kPrefetchFar < order.edges.size()) {
      graph::Edge ahead = order.edges[i + kPrefetchFar];
      prefetchAll(g[ahead]);
      prefetch(&order.rank[target(ahead, g)]);
    }
    if (i + kPrefetchNear < order.edges.size()) prefetchTargets(g[order.edges[i + kPrefetchNear]]);
    graph::Edge edge = order.edges[i];
    const graph::RelationProps& r = g[edge];
    out.append("    <edge source=\"").append(ids[order.rank[source(edge, g)]])
        .append("\" target=\"").append(ids[order.rank[target(edge, g)]])
        .append("\">\n");
    writeData(out, "e_relation", r.relation);
    writeData(out, "e_label", ontology.label(r.relation));
    writeData(out, "e_negated", r.negated ? "true" : "false");
    out.append("      <data key=\"e_weight\">").appendNumber(r.weight).append("</data>\n");
    out.append("      <data key=\"e_confidence\">").append(formatConfidence(r.confidence))
        .append("</data>\n");
    writeList(out, "e_documents", r.documents, ";", itself);
    writeData(out, "e_date", r.date);
    writeList(out, "e_evidence", r.evidence, " | ", sentenceOf);
    writeData(out, "e_modality", toString(r.modality));
    writeData(out, "e_symmetric", ontology.symmetric(r.relation) ? "true" : "false");
    if (!r.evidence.empty()) writeData(out, "e_evidence_json", evidenceJson(r));
    out.append("      <data key=\"e_evidence_count\">").appendNumber(r.weight).append("</data>\n");
    if (const RelationInfo* info = ontology.find(r.relation)) {
      writeData(out, "e_cameo", info->cameo);
      writeData(out, "e_wikidata", info->wikidata);
    }
    out.append("    </edge>\n");
  }
  out.append("  </graph>\n</graphml>\n");
  out.flush();
}

}  // namespace newsgraph::exporter

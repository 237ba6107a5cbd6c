#include "export/export.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <tuple>

#include "export/ordering.h"

namespace newsgraph::exporter {

void writeGraphML(const graph::KnowledgeGraph& kg, std::ostream& out);
void writeDot(const graph::KnowledgeGraph& kg, std::ostream& out);
void writeGexf(const graph::KnowledgeGraph& kg, std::ostream& out);
void writeJson(const graph::KnowledgeGraph& kg, std::ostream& out);

std::optional<Format> parseFormat(std::string_view name) {
  if (name == "graphml") return Format::GraphML;
  if (name == "dot") return Format::Dot;
  if (name == "gexf") return Format::Gexf;
  if (name == "json") return Format::Json;
  if (name == "csv") return Format::Csv;
  return std::nullopt;
}

std::optional<Format> formatFromPath(std::string_view path) {
  auto endsWith = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
  };
  if (endsWith(".graphml") || endsWith(".xml")) return Format::GraphML;
  if (endsWith(".dot") || endsWith(".gv")) return Format::Dot;
  if (endsWith(".gexf")) return Format::Gexf;
  if (endsWith(".json")) return Format::Json;
  if (endsWith(".csv")) return Format::Csv;
  return std::nullopt;
}

void write(const graph::KnowledgeGraph& kg, Format format, std::ostream& out) {
  switch (format) {
    case Format::GraphML:
      writeGraphML(kg, out);
      break;
    case Format::Dot:
      writeDot(kg, out);
      break;
    case Format::Gexf:
      writeGexf(kg, out);
      break;
    case Format::Json:
      writeJson(kg, out);
      break;
    case Format::Csv:
      NG_THROW("", "CSV export is two files (nodes and relationships); give an output file name");
  }
}

Ordering orderGraph(const graph::Graph& g) {
  Ordering order;
  for (auto v : boost::make_iterator_range(vertices(g))) order.vertices.push_back(v);
  std::sort(order.vertices.begin(), order.vertices.end(),
            [&](graph::Vertex a, graph::Vertex b) { return g[a].key < g[b].key; });
  order.rank.resize(num_vertices(g));
  for (size_t i = 0; i < order.vertices.size(); ++i) order.rank[order.vertices[i]] = i;
  for (auto e : boost::make_iterator_range(edges(g))) order.edges.push_back(e);
  auto edgeKey = [&](graph::Edge e) {
    return std::make_tuple(order.rank[source(e, g)], order.rank[target(e, g)],
                           std::cref(g[e].relation), g[e].negated);
  };
  std::sort(order.edges.begin(), order.edges.end(),
            [&](graph::Edge a, graph::Edge b) { return edgeKey(a) < edgeKey(b); });
  return order;
}

std::string joinList(const std::set<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string joinEvidence(const graph::RelationProps& r) {
  std::string out;
  for (const graph::Evidence& e : r.evidence) {
    if (!out.empty()) out += " | ";
    out += e.sentence;
  }
  return out;
}

std::string formatNumber(double value) {
  char buf[32];
  for (int precision = 6; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, value);
    if (std::strtod(buf, nullptr) == value) break;
  }
  return buf;
}

}  // namespace newsgraph::exporter

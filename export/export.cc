#include "export/export.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "export/ordering.h"

namespace newsgraph::exporter {

void writeGraphML(const graph::KnowledgeGraph& kg, std::ostream& out);
void writeDot(const graph::KnowledgeGraph& kg, std::ostream& out, bool legend);
void writeGexf(const graph::KnowledgeGraph& kg, std::ostream& out, WriteOptions::GexfVersion version);
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

void write(const graph::KnowledgeGraph& kg, Format format, std::ostream& out,
           const WriteOptions& options) {
  switch (format) {
    case Format::GraphML:
      writeGraphML(kg, out);
      break;
    case Format::Dot:
      writeDot(kg, out, options.legend);
      break;
    case Format::Gexf:
      writeGexf(kg, out, options.gexfVersion);
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
  order.vertices.reserve(num_vertices(g));
  for (auto v : boost::make_iterator_range(vertices(g))) order.vertices.push_back(v);
  std::sort(order.vertices.begin(), order.vertices.end(),
            [&](graph::Vertex a, graph::Vertex b) { return g[a].key < g[b].key; });
  order.rank.resize(num_vertices(g));
  for (size_t i = 0; i < order.vertices.size(); ++i) order.rank[order.vertices[i]] = i;
  // Out-edges of the sources in rank order, each group sorted by (target rank, relation,
  // negated, modality): the order of one sort by (source rank, target rank, relation,
  // negated, modality), as
  // the index keeps those unique, but with small sorts on an integer key; relation names are
  // compared only between edges with the same ends.
  order.edges.reserve(num_edges(g));
  struct Out {
    size_t target;
    graph::Edge edge;
  };
  std::vector<Out> group;
  for (graph::Vertex v : order.vertices) {
    group.clear();
    for (auto e : boost::make_iterator_range(out_edges(v, g)))
      group.push_back({order.rank[target(e, g)], e});
    std::sort(group.begin(), group.end(), [&](const Out& a, const Out& b) {
      if (a.target != b.target) return a.target < b.target;
      const graph::RelationProps& ra = g[a.edge];
      const graph::RelationProps& rb = g[b.edge];
      if (int c = ra.relation.compare(rb.relation)) return c < 0;
      if (ra.negated != rb.negated) return ra.negated < rb.negated;
      return ra.modality < rb.modality;
    });
    for (const Out& out : group) order.edges.push_back(out.edge);
  }
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

std::string edgeLabel(const graph::RelationProps& r) {
  std::string out = r.negated ? "not " : "";
  out += Ontology::standard().label(r.relation);
  if (r.modality != Modality::Asserted) out.append(" (").append(toString(r.modality)).append(")");
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

std::string xmlId(std::string_view key) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(key.size());
  for (unsigned char c : key) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
        c == '-') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '_';
    } else {
      out += ':';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out.empty() ? ":" : out;  // an NMTOKEN has at least one character
}

std::string jsonString(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

std::string evidenceJson(const graph::RelationProps& r) {
  std::string out = "[";
  for (const graph::Evidence& e : r.evidence) {
    if (out.size() > 1) out += ", ";
    out += "{\"document\": " + jsonString(e.document) + ", \"date\": " + jsonString(e.date) +
           ", \"sentence\": " + jsonString(e.sentence) + "}";
  }
  return out + "]";
}

std::string formatConfidence(double value) {
  char text[kMaxNumberChars];
  auto single = static_cast<float>(value);
  if (static_cast<double>(single) != value) return formatNumber(value);  // not from a float
  return std::string(text, std::to_chars(text, text + kMaxNumberChars, single).ptr);
}

size_t formatNumber(double value, char* out) {
  // Integral weights and counts: "%.6g" prints those below 1e6 as plain integers ("-0" is
  // not one of them).
  if (value > -1e6 && value < 1e6 && value == std::trunc(value) &&
      !(value == 0 && std::signbit(value)))
    return static_cast<size_t>(
        std::to_chars(out, out + kMaxNumberChars, static_cast<int64_t>(value)).ptr - out);
  int precision = 6;
  if (std::isfinite(value)) {
    // A precision below the digit count of the shortest round-trip form never reads back
    // the same value, so the search starts there instead of at 6.
    char* end = std::to_chars(out, out + kMaxNumberChars, value, std::chars_format::scientific).ptr;
    int digits = 0;
    for (char* p = out; p != end && *p != 'e'; ++p) digits += *p >= '0' && *p <= '9';
    precision = std::max(precision, digits);
  }
  // to_chars with a precision prints what printf("%.*g") prints, without the locale.
  for (;; ++precision) {
    char* end = std::to_chars(out, out + kMaxNumberChars, value, std::chars_format::general,
                              precision).ptr;
    double back = 0;
    std::from_chars(out, end, back);
    if (back == value || precision >= 17) return static_cast<size_t>(end - out);
  }
}

void appendFormattedNumber(std::string& out, double value) {
  char text[kMaxNumberChars];
  out.append(text, formatNumber(value, text));
}

std::string formatNumber(double value) {
  char text[kMaxNumberChars];
  return std::string(text, formatNumber(value, text));
}

}  // namespace newsgraph::exporter

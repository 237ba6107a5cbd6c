#pragma once
// Private to export/: the order in which every exporter writes vertices and edges.
// Sorted by entity key (and relation), never by insertion order, so shards merged in any
// order, or documents processed by any number of threads, give byte-identical files.

#include <string>
#include <vector>

#include "graph/graph.h"

namespace newsgraph::exporter {

struct Ordering {
  std::vector<graph::Vertex> vertices;   // sorted by key
  std::vector<size_t> rank;              // rank[v] = position of v in vertices
  // sorted by (subject rank, object rank, relation, negated, modality)
  std::vector<graph::Edge> edges;
};

Ordering orderGraph(const graph::Graph& g);

// The id of an entity in every format: its stable key, so that adding an entity changes no
// other id. GraphML ids must be XML NMTOKENs: there the key is written with ' ' as '_' and
// every byte other than ASCII letters, digits, '.' and '-' as ":HH" (injective, so keys
// never collide: "sergey lavrov" -> "sergey_lavrov", "al-qa'ida" -> "al-qa:27ida").
std::string xmlId(std::string_view key);
// The evidence sentences with their document and date as a JSON array, the structured form
// of GraphML and GEXF: [{"document": "a.txt", "date": "2023-09-29", "sentence": "..."}].
std::string evidenceJson(const graph::RelationProps& r);
// A JSON string literal: quotes, backslashes and control characters escaped.
std::string jsonString(std::string_view text);
// Confidences are floats: their shortest round-trip form as a float ("0.85", never
// "0.85000002384185791").
std::string formatConfidence(double value);

// "a;b;c" from a sorted set.
std::string joinList(const std::set<std::string>& items, std::string_view separator = ";");
// The human label of an edge: "hosts", "not hosts", "visits (planned)".
std::string edgeLabel(const graph::RelationProps& r);
// The evidence sentences of an edge, "sentence one | sentence two".
std::string joinEvidence(const graph::RelationProps& r);
// Shortest round-trip decimal ("1", "0.75"): printf's "%.*g" with the smallest precision
// from 6 to 17 that reads back as the same double.
std::string formatNumber(double value);
// Appends formatNumber(value) to out without a temporary string.
void appendFormattedNumber(std::string& out, double value);
// Writes formatNumber(value) to out[0, kMaxNumberChars) and returns its length.
constexpr size_t kMaxNumberChars = 32;
size_t formatNumber(double value, char* out);

}  // namespace newsgraph::exporter

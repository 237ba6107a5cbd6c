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

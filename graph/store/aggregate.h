#pragma once
// Private to graph/store/: the cached aggregate columns of one entity or relation, built from
// its per-document rows in any order, with the rules of KnowledgeGraph::addEntity and
// addRelation applied in document id order. The writer feeds them from memory while it fills
// a new store, and from SQL when `add` recomputes what a batch touched.

#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"

namespace newsgraph::store {

struct EntityAggregate {
  // One mention row: its document, the document's date, its position in the document's
  // entity list, the name, type and count it gave, and its aliases (unit-separated).
  void add(std::string_view document, std::string_view date, int64_t position,
           std::string_view name, EntityType type, int count, std::string_view aliases);
  bool empty() const { return documents.empty(); }
  // The label's other names and every alias, sorted; the most voted type.
  std::set<std::string> finalAliases() const;
  EntityType finalType() const;

  std::string label, first_document;  // of the first appearance by (document, position)
  int64_t first_position = 0;
  std::set<std::string> names, aliases;
  std::array<int, kEntityTypeCount> votes{};
  int mentions = 0;
  std::set<std::string> documents;
  std::string first_seen, last_seen;
};

struct RelationAggregate {
  void add(std::string_view document, std::string_view date, std::string_view sentence,
           double confidence);
  bool empty() const { return weight == 0; }

  double weight = 0, confidence = 0;
  std::string date;
  std::set<std::string> documents;
  // The kMaxEvidence first distinct (document, sentence) by (date, document, sentence).
  std::vector<graph::Evidence> evidence;
};

// A list column: items joined by separator.
std::string joinItems(const std::set<std::string>& items, char separator);
// The evidence column: document, date and sentence per item.
std::string evidenceColumn(const std::vector<graph::Evidence>& evidence);

}  // namespace newsgraph::store

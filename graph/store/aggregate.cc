#include "graph/store/aggregate.h"

#include <algorithm>
#include <tuple>

#include "graph/store/schema.h"

namespace newsgraph::store {

void EntityAggregate::add(std::string_view document, std::string_view date, int64_t position,
                          std::string_view name, EntityType type, int count,
                          std::string_view aliasList) {
  if (documents.empty() ||
      std::tie(document, position) < std::tie(first_document, first_position)) {
    first_document = document;
    first_position = position;
    label = name;
  }
  names.emplace(name);
  while (!aliasList.empty()) {
    size_t end = aliasList.find(kUnitSeparator);
    aliases.emplace(aliasList.substr(0, end));
    aliasList.remove_prefix(end == std::string_view::npos ? aliasList.size() : end + 1);
  }
  votes[static_cast<size_t>(type)] += std::max(count, 1);
  mentions += count;
  documents.emplace(document);
  if (!date.empty()) {
    if (first_seen.empty() || date < first_seen) first_seen = date;
    if (last_seen.empty() || date > last_seen) last_seen = date;
  }
}

std::set<std::string> EntityAggregate::finalAliases() const {
  std::set<std::string> out = aliases;
  for (const std::string& name : names)
    if (name != label) out.insert(name);
  return out;
}

EntityType EntityAggregate::finalType() const {
  return static_cast<EntityType>(std::max_element(votes.begin(), votes.end()) - votes.begin());
}

void RelationAggregate::add(std::string_view document, std::string_view date,
                            std::string_view sentence, double rowConfidence) {
  weight += 1;
  confidence = std::max(confidence, rowConfidence);
  documents.emplace(document);
  if (!date.empty() && (this->date.empty() || date < this->date)) this->date = date;
  auto key = std::tie(date, document, sentence);
  auto at = std::lower_bound(evidence.begin(), evidence.end(), key,
                             [](const graph::Evidence& e, const auto& k) {
                               return std::tie(e.date, e.document, e.sentence) < k;
                             });
  // A document has one date, so the same (document, sentence) sorts next to itself.
  if (at != evidence.end() && at->document == document && at->sentence == sentence) return;
  if (at - evidence.begin() >= static_cast<std::ptrdiff_t>(graph::kMaxEvidence)) return;
  evidence.insert(at, {std::string(document), std::string(date), std::string(sentence)});
  if (evidence.size() > graph::kMaxEvidence) evidence.pop_back();
}

std::string joinItems(const std::set<std::string>& items, char separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string evidenceColumn(const std::vector<graph::Evidence>& evidence) {
  std::string out;
  for (const graph::Evidence& ev : evidence) {
    if (!out.empty()) out += kRecordSeparator;
    out += ev.document + kUnitSeparator + ev.date + kUnitSeparator + ev.sentence;
  }
  return out;
}

}  // namespace newsgraph::store

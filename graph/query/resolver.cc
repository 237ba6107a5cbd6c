#include <algorithm>
#include <tuple>

#include "graph/query/query.h"

namespace newsgraph::query {
namespace {

size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

Resolver::Resolver(const graph::KnowledgeGraph& kg) : g_(kg.graph()) {
  for (auto v : boost::make_iterator_range(vertices(g_))) {
    const graph::EntityProps& e = g_[v];
    std::set<std::string> names = {e.key, foldName(e.label)};
    for (const std::string& alias : e.aliases) names.insert(foldName(alias));
    for (const std::string& name : names)
      if (!name.empty()) byName_[name].push_back(v);
  }
}

std::optional<graph::Vertex> Resolver::find(std::string_view name) const {
  std::string folded = foldName(name);
  auto it = byName_.find(folded);
  if (it == byName_.end()) return std::nullopt;
  auto rank = [&](graph::Vertex v) {
    const graph::EntityProps& e = g_[v];
    bool exact = e.key == folded || foldName(e.label) == folded;
    return std::make_tuple(!exact, -e.mentions, std::cref(e.key));
  };
  return *std::min_element(it->second.begin(), it->second.end(),
                           [&](graph::Vertex a, graph::Vertex b) { return rank(a) < rank(b); });
}

graph::Vertex Resolver::resolve(std::string_view name) const {
  if (std::optional<graph::Vertex> v = find(name)) return *v;
  std::string message = "no entity named '" + std::string(name) + "'";
  std::vector<std::string> close = suggestions(name);
  for (size_t i = 0; i < close.size(); ++i)
    message += (i == 0 ? "; did you mean " : ", ") + close[i];
  NG_THROW("", close.empty() ? message : message + "?");
}

std::vector<std::string> Resolver::suggestions(std::string_view name, size_t max) const {
  std::string folded = foldName(name);
  size_t limit = std::max<size_t>(2, folded.size() / 3);
  // (distance, -mentions, label) of the best name of each entity.
  std::map<graph::Vertex, std::pair<size_t, std::string>> best;
  for (const auto& [candidate, owners] : byName_) {
    size_t lengthGap = candidate.size() > folded.size() ? candidate.size() - folded.size()
                                                        : folded.size() - candidate.size();
    if (lengthGap > limit) continue;
    size_t distance = editDistance(folded, candidate);
    if (distance > limit) continue;
    for (graph::Vertex v : owners) {
      auto [it, inserted] = best.try_emplace(v, distance, candidate);
      if (!inserted && distance < it->second.first) it->second = {distance, candidate};
    }
  }
  std::vector<std::tuple<size_t, int, std::string>> ranked;
  for (const auto& [v, match] : best) {
    std::string label = g_[v].label;
    if (foldName(label) != match.second) {
      // Say which alias matched: "Lavrov (Sergey Lavrov)".
      for (const std::string& alias : g_[v].aliases)
        if (foldName(alias) == match.second) label = alias + " (" + g_[v].label + ")";
    }
    ranked.emplace_back(match.first, -g_[v].mentions, label);
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (const auto& entry : ranked) {
    if (out.size() == max) break;
    out.push_back(std::get<2>(entry));
  }
  return out;
}

}  // namespace newsgraph::query

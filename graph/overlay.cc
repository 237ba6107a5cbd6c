// User corrections of entities (--aliases FILE): merge, rename, drop and split, applied to
// each document's facts before they enter a graph (build, add) and to a stored graph (export).
#include <algorithm>
#include <unordered_map>

#include "graph/graph.h"

namespace newsgraph::graph {
namespace {

std::vector<std::string> splitTabs(std::string_view line) {
  std::vector<std::string> fields;
  for (size_t start = 0;;) {
    size_t tab = line.find('\t', start);
    fields.emplace_back(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

}  // namespace

AliasOverlay AliasOverlay::load(const std::string& path) {
  AliasOverlay overlay;
  std::string content = readFile(path);
  int number = 0;
  for (std::string_view rest = content; !rest.empty();) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::string where = path + ":" + std::to_string(number);
    std::vector<std::string> f = splitTabs(line);
    for (const std::string& field : f) NG_CHECK(!field.empty(), where, "empty field");
    Rule rule;
    const std::string& action = f[0];
    size_t want = action == "drop" ? 2 : action == "split" ? 4 : 3;
    if (action == "merge") rule.action = Action::Merge;
    else if (action == "rename") rule.action = Action::Rename;
    else if (action == "drop") rule.action = Action::Drop;
    else if (action == "split") rule.action = Action::Split;
    else NG_THROW(where, "unknown action '" + action + "' (merge, rename, drop or split)");
    bool typed = rule.action == Action::Split && f.size() == 5;
    NG_CHECK(f.size() == want || typed, where,
             action + " takes " + std::to_string(want - 1) + " tab-separated names" +
                 (rule.action == Action::Split ? " (and an optional type)" : "") + ", found " +
                 std::to_string(f.size() - 1));
    rule.key = foldName(f[1]);
    if (rule.action == Action::Merge) {  // merge TARGET OTHER: OTHER's mentions are TARGET's
      rule.key = foldName(f[2]);
      rule.name = f[1];
    } else if (rule.action == Action::Rename) {
      rule.name = f[2];
    } else if (rule.action == Action::Split) {
      rule.surface = foldName(f[2]);
      rule.name = f[3];
      if (typed) {
        rule.type = parseEntityType(f[4]);
        NG_CHECK(rule.type, where, "unknown entity type '" + f[4] + "'");
      }
    }
    overlay.rules_.push_back(std::move(rule));
  }
  return overlay;
}

void AliasOverlay::apply(extract::DocumentFacts& facts) const {
  if (rules_.empty()) return;
  std::vector<bool> dropped(facts.entities.size(), false);
  for (const Rule& rule : rules_) {
    for (size_t i = 0; i < facts.entities.size(); ++i) {
      extract::EntityFacts& e = facts.entities[i];
      if (dropped[i] || e.key != rule.key) continue;
      if (rule.action == Action::Drop) {
        dropped[i] = true;
        continue;
      }
      if (rule.action == Action::Split) {
        bool named = std::any_of(e.aliases.begin(), e.aliases.end(),
                                 [&](const std::string& a) { return foldName(a) == rule.surface; });
        if (!named) continue;
        if (rule.type) e.type = *rule.type;
      }
      if (e.name != rule.name) e.aliases.push_back(e.name);
      e.aliases.erase(std::remove(e.aliases.begin(), e.aliases.end(), rule.name), e.aliases.end());
      std::sort(e.aliases.begin(), e.aliases.end());
      e.aliases.erase(std::unique(e.aliases.begin(), e.aliases.end()), e.aliases.end());
      e.name = rule.name;
      e.key = foldName(rule.name);
    }
  }
  // Entities that now share a key are one (the first keeps its place); a relation between
  // them, or with a dropped entity, goes.
  std::vector<int> index(facts.entities.size(), -1);
  std::vector<extract::EntityFacts> kept;
  std::unordered_map<std::string, int> byKey;
  for (size_t i = 0; i < facts.entities.size(); ++i) {
    if (dropped[i]) continue;
    extract::EntityFacts& e = facts.entities[i];
    auto [it, inserted] = byKey.emplace(e.key, static_cast<int>(kept.size()));
    if (inserted) {
      kept.push_back(std::move(e));
    } else {
      extract::EntityFacts& into = kept[static_cast<size_t>(it->second)];
      into.mentions += e.mentions;
      into.aliases.insert(into.aliases.end(), e.aliases.begin(), e.aliases.end());
      if (e.name != into.name) into.aliases.push_back(e.name);
      std::sort(into.aliases.begin(), into.aliases.end());
      into.aliases.erase(std::unique(into.aliases.begin(), into.aliases.end()), into.aliases.end());
    }
    index[i] = it->second;
  }
  std::vector<extract::RelationFacts> relations;
  for (extract::RelationFacts& r : facts.relations) {
    int s = index[static_cast<size_t>(r.subject)], o = index[static_cast<size_t>(r.object)];
    if (s < 0 || o < 0 || s == o) continue;
    r.subject = s;
    r.object = o;
    relations.push_back(std::move(r));
  }
  facts.entities = std::move(kept);
  facts.relations = std::move(relations);
}

KnowledgeGraph AliasOverlay::apply(const KnowledgeGraph& in) const {
  const Graph& g = in.graph();
  const size_t n = num_vertices(g);
  KnowledgeGraph out;
  if (rules_.empty()) {
    out = in;
    return out;
  }
  out.reserve(n, num_edges(g));
  std::vector<std::optional<Vertex>> vertexOf(n);
  for (Vertex v = 0; v < n; ++v) {
    EntityProps e = g[v];
    bool dropped = false;
    for (const Rule& rule : rules_) {
      if (e.key != rule.key || rule.action == Action::Split) continue;  // split needs documents
      if (rule.action == Action::Drop) {
        dropped = true;
        break;
      }
      if (e.label != rule.name) e.aliases.insert(e.label);
      e.aliases.erase(rule.name);
      e.label = rule.name;
      e.key = foldName(rule.name);
    }
    if (!dropped) vertexOf[v] = out.addEntity(std::move(e));
  }
  for (Edge e : boost::make_iterator_range(edges(g))) {
    const auto& s = vertexOf[source(e, g)];
    const auto& t = vertexOf[target(e, g)];
    if (s && t && *s != *t) out.addRelation(*s, *t, g[e]);
  }
  return out;
}

}  // namespace newsgraph::graph

// The graph a page shows: loaded from a store, or rebuilt from a GraphML file as newsgraph
// writes it (the output contract of DESIGN.md).
#include <charconv>
#include <string_view>
#include <unordered_map>

#include "eval/eval.h"
#include "graph/store/store.h"
#include "view/view.h"

namespace newsgraph::view {
namespace {

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool isStore(std::string_view path) {
  return endsWith(path, ".db") || endsWith(path, ".sqlite") || endsWith(path, ".sqlite3");
}

std::string value(const std::map<std::string, std::string>& data, const char* name) {
  auto it = data.find(name);
  return it == data.end() ? std::string() : it->second;
}

double number(const std::map<std::string, std::string>& data, const char* name) {
  std::string text = value(data, name);
  double out = 0;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return out;
}

// GraphML keeps an edge's sentences " | "-joined, without their documents and dates: a
// sentence gets them only when the edge has a single document.
std::vector<graph::Evidence> evidence(const eval::Edge& edge) {
  std::vector<graph::Evidence> out;
  std::string text = value(edge.data, "evidence");
  bool single = edge.documents.size() == 1;
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find(" | ", begin);
    if (end == std::string::npos) end = text.size();
    graph::Evidence& e = out.emplace_back();
    e.sentence = text.substr(begin, end - begin);
    if (single) {
      e.document = edge.documents.front();
      e.date = value(edge.data, "date");
    }
    begin = end + 3;
  }
  return out;
}

graph::KnowledgeGraph fromGraphML(const eval::Graph& in, const std::string& path) {
  graph::KnowledgeGraph kg;
  std::unordered_map<std::string, graph::Vertex> byId;
  for (const eval::Node& node : in.nodes) {
    graph::EntityProps e;
    e.label = node.label.value_or(node.id);
    e.key = foldName(e.label);
    e.type = parseEntityType(node.type).value_or(EntityType::Org);
    e.aliases.insert(node.aliases.begin(), node.aliases.end());
    e.mentions = static_cast<int>(number(node.data, "mentions"));
    e.documents.insert(node.documents.begin(), node.documents.end());
    e.first_seen = value(node.data, "first_seen");
    e.last_seen = value(node.data, "last_seen");
    byId[node.id] = kg.addEntity(std::move(e));
  }
  for (const eval::Edge& edge : in.edges) {
    auto s = byId.find(edge.source), t = byId.find(edge.target);
    NG_CHECK(s != byId.end() && t != byId.end(), path,
             "edge between unknown nodes '" + edge.source + "' and '" + edge.target + "'");
    graph::RelationProps r;
    r.relation = edge.relation.empty() ? std::string(Ontology::kCooccurs) : edge.relation;
    r.negated = edge.negated;
    r.modality = parseModality(value(edge.data, "modality")).value_or(Modality::Asserted);
    r.weight = number(edge.data, "weight");
    r.confidence = number(edge.data, "confidence");
    r.documents.insert(edge.documents.begin(), edge.documents.end());
    r.date = value(edge.data, "date");
    r.evidence = evidence(edge);
    kg.addRelation(s->second, t->second, std::move(r));
  }
  return kg;
}

}  // namespace

graph::KnowledgeGraph readGraph(const std::string& path) {
  if (isStore(path)) return store::Store::open(path).load();
  if (endsWith(path, ".graphml") || endsWith(path, ".xml"))
    return fromGraphML(eval::readGraphML(path), path);
  NG_THROW(path, "cannot tell the input format from the name; give a store (.db, .sqlite) or "
                 "a GraphML file (.graphml)");
}

graph::KnowledgeGraph readPageGraph(const std::string& path, const query::Filter& filter,
                                    size_t maxNodes) {
  if (isStore(path) && filter.since.empty() && filter.until.empty() && filter.ego.empty()) {
    store::Selection s;
    s.count = maxNodes * PageOptions::kEmbedFactor;
    s.relations = filter.relations;
    s.types = filter.types;
    s.modalities = filter.modalities;
    s.cooccurrence = !filter.noCooccurrence;
    s.minWeight = filter.minWeight;
    s.typedEvidence = true;
    return store::Store::open(path).loadMostConnected(s);
  }
  return query::applyFilter(readGraph(path), filter);
}

}  // namespace newsgraph::view

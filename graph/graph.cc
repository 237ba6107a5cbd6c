#include "graph/graph.h"

#include <algorithm>

namespace newsgraph::graph {
namespace {

void widenDates(EntityProps& entity, const std::string& date) {
  if (date.empty()) return;
  if (entity.first_seen.empty() || date < entity.first_seen) entity.first_seen = date;
  if (entity.last_seen.empty() || date > entity.last_seen) entity.last_seen = date;
}

// The kept evidence does not depend on the order documents arrive in (shards, threads).
void keepFirstEvidence(std::vector<Evidence>& evidence) {
  auto order = [](const Evidence& a, const Evidence& b) {
    return std::tie(a.date, a.document, a.sentence) < std::tie(b.date, b.document, b.sentence);
  };
  std::sort(evidence.begin(), evidence.end(), order);
  evidence.erase(std::unique(evidence.begin(), evidence.end(),
                             [](const Evidence& a, const Evidence& b) {
                               return a.document == b.document && a.sentence == b.sentence;
                             }),
                 evidence.end());
  if (evidence.size() > kMaxEvidence) evidence.resize(kMaxEvidence);
}

void mergeEvidence(RelationProps& into, const RelationProps& from) {
  into.weight += from.weight;
  into.confidence = std::max(into.confidence, from.confidence);
  for (const std::string& d : from.documents) into.documents.insert(into.documents.end(), d);
  if (!from.date.empty() && (into.date.empty() || from.date < into.date)) into.date = from.date;
  into.evidence.insert(into.evidence.end(), from.evidence.begin(), from.evidence.end());
  keepFirstEvidence(into.evidence);
}

}  // namespace

Vertex KnowledgeGraph::addEntity(const EntityProps& entity) {
  auto [it, inserted] = byKey_.try_emplace(entity.key, 0);
  if (inserted) {
    it->second = add_vertex(entity, graph_);
    typeVotes_.push_back({});
    typeVotes_.back()[static_cast<size_t>(entity.type)] += std::max(entity.mentions, 1);
    return it->second;
  }
  Vertex v = it->second;
  EntityProps& into = graph_[v];
  into.aliases.insert(entity.aliases.begin(), entity.aliases.end());
  if (entity.label != into.label) into.aliases.insert(entity.label);
  into.mentions += entity.mentions;
  // documents mostly arrive in sorted order: the end hint makes those inserts constant time
  for (const std::string& d : entity.documents) into.documents.insert(into.documents.end(), d);
  widenDates(into, entity.first_seen);
  widenDates(into, entity.last_seen);
  // The most mentioned type wins; ties go to the first type in enum order, not to the
  // first document, so the result does not depend on input order.
  auto& votes = typeVotes_[v];
  votes[static_cast<size_t>(entity.type)] += std::max(entity.mentions, 1);
  into.type = static_cast<EntityType>(std::max_element(votes.begin(), votes.end()) - votes.begin());
  return v;
}

Edge KnowledgeGraph::addRelation(Vertex subject, Vertex object, const RelationProps& relation) {
  if (Ontology::standard().symmetric(relation.relation) && object < subject)
    std::swap(subject, object);
  auto id = relationIds_.try_emplace(relation.relation, static_cast<uint16_t>(relationIds_.size())).first->second;
  auto key = std::make_tuple(subject, object, id, relation.negated);
  auto it = edges_.find(key);
  if (it == edges_.end()) {
    RelationProps props = relation;
    keepFirstEvidence(props.evidence);
    Edge e = add_edge(subject, object, props, graph_).first;
    edges_.emplace(key, e);
    return e;
  }
  mergeEvidence(graph_[it->second], relation);
  return it->second;
}

void KnowledgeGraph::addDocument(const extract::DocumentFacts& facts) {
  std::vector<Vertex> vertexOf;
  vertexOf.reserve(facts.entities.size());
  for (const extract::EntityFacts& e : facts.entities) {
    EntityProps props;
    props.key = e.key;
    props.label = e.name;
    props.type = e.type;
    props.aliases.insert(e.aliases.begin(), e.aliases.end());
    props.mentions = e.mentions;
    props.documents.insert(facts.id);
    props.first_seen = props.last_seen = facts.date;
    vertexOf.push_back(addEntity(props));
  }
  for (const extract::RelationFacts& r : facts.relations) {
    RelationProps props;
    props.relation = r.relation;
    props.negated = r.negated;
    props.weight = 1;
    props.confidence = r.confidence;
    props.documents.insert(facts.id);
    props.date = facts.date;
    props.evidence.push_back({facts.id, facts.date, r.evidence});
    addRelation(vertexOf[static_cast<size_t>(r.subject)], vertexOf[static_cast<size_t>(r.object)],
                props);
  }
}

std::optional<Vertex> KnowledgeGraph::findByKey(const std::string& key) const {
  auto it = byKey_.find(key);
  if (it == byKey_.end()) return std::nullopt;
  return it->second;
}

size_t KnowledgeGraph::typedRelationCount() const {
  size_t n = 0;
  for (auto e : boost::make_iterator_range(edges(graph_)))
    if (graph_[e].relation != Ontology::kCooccurs) ++n;
  return n;
}

}  // namespace newsgraph::graph

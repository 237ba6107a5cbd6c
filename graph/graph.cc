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

template <typename Props>
Vertex KnowledgeGraph::insertEntity(Props&& entity) {
  auto [it, inserted] = byKey_.try_emplace(entity.key, 0);
  if (inserted) {
    // Boost's add_vertex only copies properties: add an empty vertex, then move them in.
    try {
      it->second = add_vertex(graph_);
      typeVotes_.push_back({});
    } catch (...) {
      byKey_.erase(it);
      throw;
    }
    typeVotes_.back()[static_cast<size_t>(entity.type)] += std::max(entity.mentions, 1);
    graph_[it->second] = std::forward<Props>(entity);
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

Vertex KnowledgeGraph::addEntity(const EntityProps& entity) { return insertEntity(entity); }
Vertex KnowledgeGraph::addEntity(EntityProps&& entity) { return insertEntity(std::move(entity)); }

size_t KnowledgeGraph::EdgeKeyHash::operator()(const EdgeKey& k) const noexcept {
  // splitmix64's finalizer over the packed fields: vertex indexes are small and dense, so
  // they need mixing before the table takes the low bits.
  uint64_t h = uint64_t{k.subject} * 0x9E3779B97F4A7C15ULL + uint64_t{k.object};
  h = h * 0xBF58476D1CE4E5B9ULL + (uint64_t{k.relation} << 4 |
                                   uint64_t{static_cast<uint8_t>(k.modality)} << 1 |
                                   uint64_t{k.negated});
  h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
  return static_cast<size_t>(h ^ (h >> 31));
}

const KnowledgeGraph::RelationId& KnowledgeGraph::relationId(const std::string& name) {
  auto [it, inserted] = relationIds_.try_emplace(name);
  if (inserted)
    it->second = {static_cast<uint16_t>(relationIds_.size() - 1),
                  Ontology::standard().symmetric(name)};
  return it->second;
}

void KnowledgeGraph::indexEdges() {
  edges_.clear();
  edges_.reserve(num_edges(graph_));
  for (Edge e : boost::make_iterator_range(edges(graph_))) {
    const RelationProps& r = graph_[e];
    EdgeKey key{source(e, graph_), target(e, graph_), relationId(r.relation).id, r.negated,
                r.modality};
    edges_.emplace(key, e);
  }
  edgesIndexed_ = true;
}

template <typename Props>
Edge KnowledgeGraph::insertRelation(Vertex subject, Vertex object, Props&& relation) {
  if (!edgesIndexed_) indexEdges();
  const RelationId& name = relationId(relation.relation);
  if (name.symmetric && object < subject) std::swap(subject, object);
  auto [it, inserted] =
      edges_.try_emplace(EdgeKey{subject, object, name.id, relation.negated, relation.modality});
  if (!inserted) {
    mergeEvidence(graph_[it->second], relation);
    return it->second;
  }
  // As for vertices: an empty edge, then its properties moved in.
  try {
    it->second = add_edge(subject, object, graph_).first;
  } catch (...) {
    edges_.erase(it);
    throw;
  }
  RelationProps& props = graph_[it->second];
  props = std::forward<Props>(relation);
  keepFirstEvidence(props.evidence);
  return it->second;
}

Edge KnowledgeGraph::addRelation(Vertex subject, Vertex object, const RelationProps& relation) {
  return insertRelation(subject, object, relation);
}

Edge KnowledgeGraph::addRelation(Vertex subject, Vertex object, RelationProps&& relation) {
  return insertRelation(subject, object, std::move(relation));
}

Edge KnowledgeGraph::appendRelation(Vertex subject, Vertex object, RelationProps&& relation) {
  Edge e = add_edge(subject, object, graph_).first;
  edgesIndexed_ = false;
  RelationProps& props = graph_[e];
  props = std::move(relation);
  keepFirstEvidence(props.evidence);
  return e;
}

void KnowledgeGraph::reserveDegree(Vertex v, size_t out, size_t in) {
  // Boost keeps each vertex's edge lists in public vectors without a reserve of its own.
  graph_.m_vertices[v].m_out_edges.reserve(out);
  graph_.m_vertices[v].m_in_edges.reserve(in);
}

void KnowledgeGraph::reserve(size_t vertices, size_t edges) {
  // vecS keeps vertices in a public std::vector; Boost has no reserve of its own.
  graph_.m_vertices.reserve(vertices);
  byKey_.reserve(vertices);
  typeVotes_.reserve(vertices);
  edges_.reserve(edges);
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
    vertexOf.push_back(addEntity(std::move(props)));
  }
  for (const extract::RelationFacts& r : facts.relations) {
    RelationProps props;
    props.relation = r.relation;
    props.negated = r.negated;
    props.modality = r.modality;
    props.weight = 1;
    props.confidence = r.confidence;
    props.documents.insert(facts.id);
    props.date = facts.date;
    props.evidence.push_back({facts.id, facts.date, r.evidence});
    addRelation(vertexOf[static_cast<size_t>(r.subject)], vertexOf[static_cast<size_t>(r.object)],
                std::move(props));
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

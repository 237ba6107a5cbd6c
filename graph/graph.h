#pragma once
// KnowledgeGraph: one vertex per entity (keyed by its stable key), one edge per
// (subject, relation, object, negated, modality) carrying the aggregated evidence. Documents are
// added in order; vertices and edges keep the order of their first appearance, so the
// same input always gives the same graph.
//
//   KnowledgeGraph kg;
//   kg.addDocument(extractor.extract(doc));
//   for (auto v : boost::make_iterator_range(vertices(kg.graph()))) use(kg.graph()[v].label);

#include <array>
#include <boost/graph/adjacency_list.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "extract/extract.h"

namespace newsgraph::graph {

struct EntityProps {
  std::string key;                  // stable key (foldName of the canonical name)
  std::string label;                // canonical name
  EntityType type = EntityType::Org;
  std::set<std::string> aliases;    // surface forms other than label
  int mentions = 0;
  std::set<std::string> documents;  // document ids
  std::string first_seen, last_seen;  // ISO dates, "" if unknown
};

struct Evidence {
  std::string document;
  std::string date;
  std::string sentence;
};

struct RelationProps {
  std::string relation;   // ontology name or CO_OCCURS
  bool negated = false;
  Modality modality = Modality::Asserted;  // a plan or a threat never merges into a fact
  double weight = 0;      // number of evidence sentences
  double confidence = 0;  // max over the evidence
  std::set<std::string> documents;
  std::string date;       // earliest evidence date, "" if unknown
  std::vector<Evidence> evidence;  // the kMaxEvidence first by (date, document, sentence)
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, EntityProps,
                                    RelationProps>;
using Vertex = Graph::vertex_descriptor;
using Edge = Graph::edge_descriptor;

constexpr size_t kMaxEvidence = 5;

class KnowledgeGraph {
 public:
  // Adds one document's entities and relations. Symmetric relations are stored with the
  // lower vertex index as source so that A-B and B-A aggregate into one edge.
  void addDocument(const extract::DocumentFacts& facts);
  // Adds or merges an entity by key (used by the store when loading). Returns its vertex.
  // The rvalue overload moves a new entity's properties into the graph instead of copying.
  Vertex addEntity(const EntityProps& entity);
  Vertex addEntity(EntityProps&& entity);
  // Adds or merges an edge (used by the store when loading); the rvalue overload moves a
  // new edge's properties (document set, evidence) into the graph.
  Edge addRelation(Vertex subject, Vertex object, const RelationProps& relation);
  Edge addRelation(Vertex subject, Vertex object, RelationProps&& relation);
  // Adds an edge without looking for one with the same (subject, object, relation,
  // negated, modality), for a caller whose edges are unique and whose symmetric relations already
  // have the lower vertex index as subject (the store's load). Skips the edge index, which
  // the next addRelation or addDocument rebuilds.
  Edge appendRelation(Vertex subject, Vertex object, RelationProps&& relation);
  // Room for this many vertices and edges in all, so a load of known size does not rehash
  // or regrow as it goes.
  void reserve(size_t vertices, size_t edges);
  // Room for a vertex's out- and in-edges, when the caller knows its degree: the edge
  // lists then grow once instead of doubling their way up.
  void reserveDegree(Vertex v, size_t out, size_t in);

  const Graph& graph() const { return graph_; }
  Graph& graph() { return graph_; }
  std::optional<Vertex> findByKey(const std::string& key) const;
  size_t typedRelationCount() const;

 private:
  // An edge's identity: aggregation merges relations with equal keys.
  struct EdgeKey {
    Vertex subject, object;
    uint16_t relation;
    bool negated;
    Modality modality;
    bool operator==(const EdgeKey& other) const {
      return subject == other.subject && object == other.object &&
             relation == other.relation && negated == other.negated &&
             modality == other.modality;
    }
  };
  struct EdgeKeyHash {
    size_t operator()(const EdgeKey& k) const noexcept;
  };

  template <typename Props>
  Vertex insertEntity(Props&& entity);
  template <typename Props>
  Edge insertRelation(Vertex subject, Vertex object, Props&& relation);
  struct RelationId;
  const RelationId& relationId(const std::string& name);
  void indexEdges();

  Graph graph_;
  std::unordered_map<std::string, Vertex> byKey_;
  struct RelationId {
    uint16_t id = 0;
    bool symmetric = false;  // cached: the ontology look-up hashes the name again
  };
  std::unordered_map<std::string, RelationId> relationIds_;  // relation name -> small id
  std::unordered_map<EdgeKey, Edge, EdgeKeyHash> edges_;
  bool edgesIndexed_ = true;  // false after appendRelation until indexEdges
  // Mentions per type and vertex; the most mentioned type is the vertex type.
  std::vector<std::array<int, kEntityTypeCount>> typeVotes_;
};

// The graph with each one-word person or company name ("Reagan", "Deng", "Ford") merged into
// the leading full name of the collection it can stand for ("Ronald Reagan", "Deng Xiaoping",
// "Ford Motor"), never when another full name with the word has a tenth of the leader's
// mentions or more ("Baker": James and Howard); the short form stays as an alias. Labels written in capitals take
// the spelling of a mixed-case alias of the same key. Applied to a whole graph at output
// time (build, export), so that the store and shard merges keep the unlinked entities.
KnowledgeGraph linkShortForms(const KnowledgeGraph& graph);

// A user's corrections of entities, read from a tab-separated file (docs/aliases.md), one
// rule per line, applied in file order; names are matched by key (foldName):
//   merge   TARGET  OTHER                 OTHER's mentions and relations become TARGET's
//   rename  NAME    NEW NAME
//   drop    NAME                          the entity and its relations go
//   split   NAME    SURFACE  NEW NAME [TYPE]   in documents that write NAME as SURFACE, the
//                                         entity is NEW NAME (needs the documents: build, add)
//
//   AliasOverlay overlay = AliasOverlay::load("aliases.tsv");   // throws Error path:line
//   overlay.apply(facts);  kg.addDocument(facts);
class AliasOverlay {
 public:
  static AliasOverlay load(const std::string& path);
  bool empty() const { return rules_.empty(); }
  // One document's facts, before KnowledgeGraph::addDocument: every rule.
  void apply(extract::DocumentFacts& facts) const;
  // A whole graph (a store's, at export): merge, rename and drop; split needs the documents.
  KnowledgeGraph apply(const KnowledgeGraph& graph) const;

 private:
  enum class Action : uint8_t { Merge, Rename, Drop, Split };
  struct Rule {
    Action action = Action::Drop;
    std::string key;      // the entity the rule applies to
    std::string name;     // its new name (merge, rename, split)
    std::string surface;  // split: folded surface that selects the documents
    std::optional<EntityType> type;
  };
  std::vector<Rule> rules_;
};

}  // namespace newsgraph::graph

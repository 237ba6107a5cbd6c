#pragma once
// Relation queries over a KnowledgeGraph: name resolution through aliases, neighbours, the
// relations between two entities, shortest paths, a small pattern language
// ('Russia -[HOSTS|MEETS]-> ?x', docs/query.md), filters that cut a subgraph (used by the
// exporters too) and summary statistics. Answers are edges of the graph they ran on.
//
//   Resolver names(kg);
//   std::vector<graph::Edge> edges = match(kg, names, parsePattern("?x -[SANCTIONS]-> Taliban"));
//   Filter recent; recent.since = "2023-01-01";  graph::KnowledgeGraph sub = applyFilter(kg, recent);

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/graph.h"

namespace newsgraph::query {

// Finds entities by canonical name, key or alias, ignoring case and accents (foldName).
class Resolver {
 public:
  explicit Resolver(const graph::KnowledgeGraph& kg);
  // The entity a name stands for; a label or key match wins over an alias, then the most
  // mentioned entity. nullopt when nothing matches.
  std::optional<graph::Vertex> find(std::string_view name) const;
  // As find, but throws Error "no entity named 'X'; did you mean A, B?" on a miss.
  graph::Vertex resolve(std::string_view name) const;
  // Up to MAX labels of entities whose names are closest by edit distance.
  std::vector<std::string> suggestions(std::string_view name, size_t max = 3) const;

 private:
  const graph::Graph& g_;
  std::unordered_map<std::string, std::vector<graph::Vertex>> byName_;
};

// Filters shared by export and query. Empty fields do not filter.
struct Filter {
  std::set<std::string> relations;  // relation names to keep
  std::set<EntityType> types;       // entity types to keep
  std::string since, until;         // ISO dates, inclusive; a prefix ("2023") works
  double minWeight = 0;
  bool noCooccurrence = false;
  std::string ego;                  // keep what lies within `depth` relations of this entity
  int depth = 1;
  // Relations stated with these modalities; by default only facts. Empty: every modality.
  std::set<Modality> modalities = {Modality::Asserted};
};

// Whether some edge of KG has a modality FILTER leaves out (the filter then changes the graph).
bool dropsModalities(const graph::KnowledgeGraph& kg, const Filter& filter);

// The subgraph that passes FILTER, with the properties of the original. Entities pass by
// type and, with a date range, by overlapping it with [first_seen, last_seen]; relations pass
// by relation, modality, weight and a dated evidence in the range. When a relation filter is given,
// entities left without relations are dropped. Throws Error for an unknown ego entity.
graph::KnowledgeGraph applyFilter(const graph::KnowledgeGraph& kg, const Filter& filter);
// The subgraph made of EDGES and their endpoints.
graph::KnowledgeGraph subgraphOf(const graph::KnowledgeGraph& kg,
                                 const std::vector<graph::Edge>& edges);

// Relations of V in both directions, ordered by the other entity's key then relation.
std::vector<graph::Edge> neighbors(const graph::KnowledgeGraph& kg, graph::Vertex v);
// Relations between A and B in both directions.
std::vector<graph::Edge> between(const graph::KnowledgeGraph& kg, graph::Vertex a,
                                 graph::Vertex b);
// A shortest chain of relations from A to B, each relation followed in either direction
// (breadth-first search); empty when B cannot be reached or A == B.
std::vector<graph::Edge> shortestPath(const graph::KnowledgeGraph& kg, graph::Vertex a,
                                      graph::Vertex b);

// A query that does not parse; column is 1-based into text, in characters (code points).
class ParseError : public Error {
 public:
  ParseError(const std::string& text, size_t column, const std::string& message,
             const char* file, int line);
  size_t column() const { return column_; }
  // The query and a caret under the column, on two lines indented by two spaces.
  std::string caret() const;

 private:
  std::string text_;
  size_t column_;
};

struct Term {
  bool variable = false;
  std::string name;  // variable name without '?', or the entity name
};

// SUBJECT -[R1|R2]-> OBJECT, <-[...]- for the reverse, -[...]- for either direction,
// -->, <--, -- or [*] for any typed relation; [!R] matches relations stated as untrue.
// A reverse pattern is stored as the forward one with subject and object swapped.
struct Pattern {
  enum class Direction { Forward, Either };
  Term subject, object;
  std::vector<std::string> relations;  // empty: any typed relation (not CO_OCCURS)
  bool negated = false;
  Direction direction = Direction::Forward;
};

// Throws ParseError with the column of the problem (unknown relations included).
Pattern parsePattern(std::string_view text);
// Edges matching PATTERN; named terms resolve through NAMES (Error on an unknown name).
// Symmetric relations match in either direction. Ordered by (subject key, object key, relation).
std::vector<graph::Edge> match(const graph::KnowledgeGraph& kg, const Resolver& names,
                               const Pattern& pattern);

struct GraphStats {
  std::map<std::string, size_t> entityTypes;      // PERSON -> count
  std::map<std::string, size_t> relations;        // HOSTS -> edges (negated counted apart)
  size_t negated = 0;
  std::vector<std::pair<graph::Vertex, size_t>> topByDegree;  // most connected first
  size_t components = 0;        // connected components, relations taken both ways
  size_t largestComponent = 0;  // entities in the largest one
};

GraphStats computeStats(const graph::KnowledgeGraph& kg, size_t top = 10);

}  // namespace newsgraph::query

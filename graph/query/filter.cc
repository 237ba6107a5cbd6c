#include <queue>

#include "graph/query/query.h"

namespace newsgraph::query {
namespace {

bool inRange(const std::string& date, const Filter& f) {
  if (date.empty()) return false;
  // Compare prefixes so that --until 2023 keeps 2023-12-31.
  if (!f.since.empty() && date.compare(0, f.since.size(), f.since) < 0) return false;
  if (!f.until.empty() && date.compare(0, f.until.size(), f.until) > 0) return false;
  return true;
}

bool keepEntity(const graph::EntityProps& e, const Filter& f) {
  if (!f.types.empty() && !f.types.count(e.type)) return false;
  if (f.since.empty() && f.until.empty()) return true;
  if (e.first_seen.empty()) return false;
  // [first_seen, last_seen] meets [since, until].
  return (f.until.empty() || e.first_seen.compare(0, f.until.size(), f.until) <= 0) &&
         (f.since.empty() || e.last_seen.compare(0, f.since.size(), f.since) >= 0);
}

bool keepRelation(const graph::RelationProps& r, const Filter& f) {
  if (!f.relations.empty() && !f.relations.count(r.relation)) return false;
  if (f.noCooccurrence && r.relation == Ontology::kCooccurs) return false;
  if (!f.modalities.empty() && !f.modalities.count(r.modality)) return false;
  if (r.weight < f.minWeight) return false;
  if (f.since.empty() && f.until.empty()) return true;
  if (inRange(r.date, f)) return true;
  for (const graph::Evidence& ev : r.evidence)
    if (inRange(ev.date, f)) return true;
  return false;
}

// Copies the kept vertices and edges in graph order, so the copy keeps symmetric edges'
// direction and exports like the original would.
graph::KnowledgeGraph copyKept(const graph::Graph& g, const std::vector<bool>& keepVertex,
                               const std::vector<graph::Edge>& keptEdges) {
  graph::KnowledgeGraph out;
  std::vector<graph::Vertex> map(num_vertices(g));
  for (auto v : boost::make_iterator_range(vertices(g)))
    if (keepVertex[v]) map[v] = out.addEntity(g[v]);
  for (graph::Edge e : keptEdges) out.addRelation(map[source(e, g)], map[target(e, g)], g[e]);
  return out;
}

}  // namespace

bool dropsModalities(const graph::KnowledgeGraph& kg, const Filter& f) {
  if (f.modalities.empty()) return false;
  const graph::Graph& g = kg.graph();
  for (auto e : boost::make_iterator_range(edges(g)))
    if (!f.modalities.count(g[e].modality)) return true;
  return false;
}

graph::KnowledgeGraph applyFilter(const graph::KnowledgeGraph& kg, const Filter& f) {
  const graph::Graph& g = kg.graph();
  std::vector<bool> keepVertex(num_vertices(g));
  for (auto v : boost::make_iterator_range(vertices(g))) keepVertex[v] = keepEntity(g[v], f);
  std::vector<graph::Edge> kept;
  for (auto e : boost::make_iterator_range(edges(g)))
    if (keepVertex[source(e, g)] && keepVertex[target(e, g)] && keepRelation(g[e], f))
      kept.push_back(e);
  bool edgeFilter = !f.relations.empty() || f.minWeight > 0 || !f.since.empty() ||
                    !f.until.empty() || f.noCooccurrence;
  if (!f.ego.empty()) {
    graph::Vertex ego = Resolver(kg).resolve(f.ego);
    NG_CHECK(keepVertex[ego], f.ego, "the ego entity does not pass the filters");
    std::vector<std::vector<graph::Vertex>> adjacent(num_vertices(g));
    for (graph::Edge e : kept) {
      adjacent[source(e, g)].push_back(target(e, g));
      adjacent[target(e, g)].push_back(source(e, g));
    }
    std::vector<int> distance(num_vertices(g), -1);
    std::queue<graph::Vertex> queue;
    distance[ego] = 0;
    queue.push(ego);
    while (!queue.empty()) {
      graph::Vertex v = queue.front();
      queue.pop();
      if (distance[v] == f.depth) continue;
      for (graph::Vertex w : adjacent[v])
        if (distance[w] < 0) {
          distance[w] = distance[v] + 1;
          queue.push(w);
        }
    }
    for (auto v : boost::make_iterator_range(vertices(g))) keepVertex[v] = distance[v] >= 0;
    edgeFilter = false;  // reached through relations already
  }
  std::vector<graph::Edge> edges;
  for (graph::Edge e : kept)
    if (keepVertex[source(e, g)] && keepVertex[target(e, g)]) edges.push_back(e);
  if (edgeFilter) {
    std::vector<bool> touched(num_vertices(g));
    for (graph::Edge e : edges) touched[source(e, g)] = touched[target(e, g)] = true;
    keepVertex = touched;
  }
  return copyKept(g, keepVertex, edges);
}

graph::KnowledgeGraph subgraphOf(const graph::KnowledgeGraph& kg,
                                 const std::vector<graph::Edge>& edges) {
  const graph::Graph& g = kg.graph();
  std::vector<bool> keepVertex(num_vertices(g));
  for (graph::Edge e : edges) keepVertex[source(e, g)] = keepVertex[target(e, g)] = true;
  return copyKept(g, keepVertex, edges);
}

}  // namespace newsgraph::query

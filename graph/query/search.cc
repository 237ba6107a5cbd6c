// Neighbours, relations between two entities, shortest paths and statistics.
#include <boost/graph/breadth_first_search.hpp>
#include <numeric>

#include "graph/query/query.h"

namespace newsgraph::query {
namespace {

// The graph with every relation as an undirected edge that remembers the original, in key
// order so that ties between equally short paths break the same way for any load order.
using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                         boost::no_property, graph::Edge>;

Undirected undirectedView(const graph::Graph& g) {
  std::vector<graph::Edge> all;
  for (auto e : boost::make_iterator_range(edges(g))) all.push_back(e);
  auto key = [&](graph::Edge e) {
    return std::tie(g[source(e, g)].key, g[target(e, g)].key, g[e].relation, g[e].negated,
                    g[e].modality);
  };
  std::sort(all.begin(), all.end(), [&](graph::Edge a, graph::Edge b) { return key(a) < key(b); });
  Undirected u(num_vertices(g));
  for (graph::Edge e : all) add_edge(source(e, g), target(e, g), e, u);
  return u;
}

struct TreeEdgeRecorder : boost::default_bfs_visitor {
  std::vector<std::optional<Undirected::edge_descriptor>>* parent;
  template <typename G>
  void tree_edge(Undirected::edge_descriptor e, const G& u) const {
    (*parent)[target(e, u)] = e;
  }
};

void sortByOther(const graph::Graph& g, graph::Vertex v, std::vector<graph::Edge>& found) {
  auto key = [&](graph::Edge e) {
    graph::Vertex other = source(e, g) == v ? target(e, g) : source(e, g);
    return std::make_tuple(std::cref(g[other].key), std::cref(g[e].relation), g[e].negated,
                           g[e].modality, source(e, g) != v);
  };
  std::sort(found.begin(), found.end(),
            [&](graph::Edge a, graph::Edge b) { return key(a) < key(b); });
}

}  // namespace

std::vector<graph::Edge> neighbors(const graph::KnowledgeGraph& kg, graph::Vertex v) {
  const graph::Graph& g = kg.graph();
  std::vector<graph::Edge> found;
  for (auto e : boost::make_iterator_range(out_edges(v, g))) found.push_back(e);
  for (auto e : boost::make_iterator_range(in_edges(v, g)))
    if (source(e, g) != v) found.push_back(e);  // a self-loop is already in
  sortByOther(g, v, found);
  return found;
}

std::vector<graph::Edge> between(const graph::KnowledgeGraph& kg, graph::Vertex a,
                                 graph::Vertex b) {
  const graph::Graph& g = kg.graph();
  std::vector<graph::Edge> found;
  for (auto e : boost::make_iterator_range(out_edges(a, g)))
    if (target(e, g) == b) found.push_back(e);
  if (a != b)
    for (auto e : boost::make_iterator_range(in_edges(a, g)))
      if (source(e, g) == b) found.push_back(e);
  sortByOther(g, a, found);
  return found;
}

std::vector<graph::Edge> shortestPath(const graph::KnowledgeGraph& kg, graph::Vertex a,
                                      graph::Vertex b) {
  const graph::Graph& g = kg.graph();
  if (a == b) return {};
  Undirected u = undirectedView(g);
  std::vector<std::optional<Undirected::edge_descriptor>> parent(num_vertices(u));
  TreeEdgeRecorder recorder;
  recorder.parent = &parent;
  boost::breadth_first_search(u, a, boost::visitor(recorder));
  if (!parent[b]) return {};
  std::vector<graph::Edge> path;
  for (graph::Vertex v = b; v != a;) {
    Undirected::edge_descriptor e = *parent[v];
    path.push_back(u[e]);
    v = source(e, u) == v ? target(e, u) : source(e, u);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

GraphStats computeStats(const graph::KnowledgeGraph& kg, size_t top) {
  const graph::Graph& g = kg.graph();
  GraphStats stats;
  std::vector<size_t> parent(num_vertices(g));
  std::iota(parent.begin(), parent.end(), 0);
  auto root = [&](size_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (auto v : boost::make_iterator_range(vertices(g)))
    ++stats.entityTypes[std::string(toString(g[v].type))];
  for (auto e : boost::make_iterator_range(edges(g))) {
    ++stats.relations[g[e].relation];
    stats.negated += g[e].negated;
    parent[root(source(e, g))] = root(target(e, g));
  }
  std::vector<size_t> size(num_vertices(g));
  for (auto v : boost::make_iterator_range(vertices(g))) ++size[root(v)];
  for (size_t s : size) {
    stats.components += s > 0;
    stats.largestComponent = std::max(stats.largestComponent, s);
  }
  for (auto v : boost::make_iterator_range(vertices(g)))
    stats.topByDegree.emplace_back(v, in_degree(v, g) + out_degree(v, g));
  auto order = [&](const auto& a, const auto& b) {
    return std::make_tuple(-static_cast<long>(a.second), std::cref(g[a.first].key)) <
           std::make_tuple(-static_cast<long>(b.second), std::cref(g[b.first].key));
  };
  size_t keep = std::min(top, stats.topByDegree.size());
  std::partial_sort(stats.topByDegree.begin(), stats.topByDegree.begin() + keep,
                    stats.topByDegree.end(), order);
  stats.topByDegree.resize(keep);
  return stats;
}

}  // namespace newsgraph::query

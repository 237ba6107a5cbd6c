// `stats` from indexed SQL: counts by GROUP BY, degrees from the relation rows, components by
// union-find over entity ids, so that a large store answers without loading its graph.
#include <numeric>

#include "graph/store/sqlite.h"
#include "graph/store/store.h"

namespace newsgraph::store {

Statistics Store::statistics(size_t top) const {
  Statistics stats;
  {
    Statement types(*db_, "SELECT type, count(*) FROM entities GROUP BY type");
    while (types.step()) stats.entityTypes[std::string(types.text(0))] = static_cast<size_t>(types.integer(1));
  }
  {
    Statement relations(*db_, "SELECT relation, count(*), sum(negated) FROM relations GROUP BY relation");
    while (relations.step()) {
      stats.relations[std::string(relations.text(0))] = static_cast<size_t>(relations.integer(1));
      stats.negated += static_cast<size_t>(relations.integer(2));
    }
  }
  {
    // A self-loop counts twice, as in the graph's in_degree + out_degree.
    Statement ranked(*db_,
                     "SELECT e.name, e.type, d.degree FROM (SELECT v, count(*) AS degree FROM "
                     "(SELECT subject_id AS v FROM relations UNION ALL SELECT object_id FROM "
                     "relations) GROUP BY v) d JOIN entities e ON e.id = d.v "
                     "ORDER BY d.degree DESC, e.key LIMIT ?");
    ranked.bind(1, static_cast<int64_t>(top));
    while (ranked.step() && stats.topByDegree.size() < top)
      stats.topByDegree.push_back({std::string(ranked.text(0)), std::string(ranked.text(1)),
                                   static_cast<size_t>(ranked.integer(2))});
    // Entities without relations have degree 0; they rank after the others, by key.
    if (stats.topByDegree.size() < top) {
      Statement isolated(*db_,
                         "SELECT name, type FROM entities WHERE id NOT IN (SELECT subject_id FROM "
                         "relations UNION SELECT object_id FROM relations) ORDER BY key LIMIT ?");
      isolated.bind(1, static_cast<int64_t>(top - stats.topByDegree.size()));
      while (isolated.step())
        stats.topByDegree.push_back({std::string(isolated.text(0)), std::string(isolated.text(1)), 0});
    }
  }
  auto size = static_cast<size_t>(db_->queryInt("SELECT coalesce(max(id), 0) + 1 FROM entities"));
  std::vector<size_t> parent(size);
  std::iota(parent.begin(), parent.end(), 0);
  auto root = [&](size_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  {
    Statement edges(*db_, "SELECT subject_id, object_id FROM relations");
    while (edges.step()) {
      auto a = static_cast<size_t>(edges.integer(0)), b = static_cast<size_t>(edges.integer(1));
      NG_CHECK(a < size && b < size, path_, "the store is corrupted (a relation refers to a missing entity)");
      parent[root(a)] = root(b);
    }
  }
  std::vector<size_t> members(size);
  Statement ids(*db_, "SELECT id FROM entities");
  while (ids.step()) ++members[root(static_cast<size_t>(ids.integer(0)))];
  for (size_t m : members) {
    stats.components += m > 0;
    stats.largestComponent = std::max(stats.largestComponent, m);
  }
  return stats;
}

}  // namespace newsgraph::store

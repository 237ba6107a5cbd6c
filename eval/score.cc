// The matching rules of score_graphml.py's score(), step for step.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/core.h"
#include "eval/eval.h"
#include "eval/python_text.h"

namespace newsgraph::eval {
namespace {

// The scorer's own list, not data/ontology.json: the numbers must not move with our data.
// clang-format off
const std::set<std::string, std::less<>> kRelations = {
    "HOLDS_POSITION", "PART_OF", "MEMBER_OF", "LOCATED_IN", "BORDERS", "ALLIED_WITH", "CONTROLS",
    "MEETS", "HOSTS", "VISITS", "COOPERATES_WITH", "PROVIDES_AID", "APPEALS_TO", "CRITICIZES",
    "OPPOSES", "SANCTIONS", "DESIGNATES_TERRORIST", "REMOVES_DESIGNATION", "RECOGNIZES", "FIGHTS",
    "WITHDRAWS_FROM", "INVITES"};
// clang-format on
const std::set<std::string, std::less<>> kSymmetric = {"BORDERS", "ALLIED_WITH", "MEETS",
                                                       "COOPERATES_WITH", "FIGHTS"};

// Python's round(x, 4): the correctly rounded decimal, read back (glibc printf is exact).
double round4(double x) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.4f", x);
  return std::strtod(buffer, nullptr);
}

std::set<std::string, std::less<>> alternatives(const std::string& value) {
  std::set<std::string, std::less<>> out;
  for (size_t start = 0;;) {
    size_t bar = value.find('|', start);
    out.insert(value.substr(start, bar - start));
    if (bar == std::string::npos) return out;
    start = bar + 1;
  }
}

class Catalog {
 public:
  explicit Catalog(const std::vector<GoldEntity>& entities) {
    for (const GoldEntity& e : entities) {
      types_[e.name] = std::set<std::string>(e.types.begin(), e.types.end());
      byName_.emplace(normalizeName(e.name), &e.name);
      for (const std::string& alias : e.aliases) byName_.emplace(normalizeName(alias), &e.name);
    }
  }

  // The catalog name a node stands for: by its label, failing that by an alias; or nullptr.
  const std::string* lookup(const std::string& label,
                            const std::vector<std::string>& aliases) const {
    if (const std::string* hit = find(label)) return hit;
    for (const std::string& alias : aliases)
      if (const std::string* hit = find(alias)) return hit;
    return nullptr;
  }

  bool typeMatches(const std::string& entity, const std::string& type) const {
    return types_.at(entity).count(type) > 0;
  }

 private:
  const std::string* find(const std::string& name) const {
    auto it = byName_.find(normalizeName(name));
    return it == byName_.end() || it->second->empty() ? nullptr : it->second;
  }

  std::unordered_map<std::string, std::set<std::string>> types_;
  std::unordered_map<std::string, const std::string*> byName_;  // first name wins
};

bool relationMatches(const GoldRelation& gold, const std::string* s, const std::string& r,
                     const std::string* o, bool negated) {
  if (gold.relation != r || gold.negated != negated || !s || !o) return false;
  auto gs = alternatives(gold.subject), go = alternatives(gold.object);
  if (gs.count(*s) && go.count(*o)) return true;
  return kSymmetric.count(r) && go.count(*s) && gs.count(*o);
}

// Item indices by the gold file they mention (by file name, each item once per file), so a
// large graph is walked once rather than once per gold document.
template <typename Item>
std::unordered_map<std::string, std::vector<size_t>> indexByFile(
    const std::vector<Item>& items, const std::unordered_set<std::string>& files) {
  std::unordered_map<std::string, std::vector<size_t>> out;
  for (size_t i = 0; i < items.size(); ++i) {
    for (const std::string& d : items[i].documents) {
      auto file = files.find(std::string(basename(d)));
      if (file == files.end()) continue;
      std::vector<size_t>& list = out[*file];
      if (list.empty() || list.back() != i) list.push_back(i);
    }
  }
  return out;
}

template <typename Set>
bool contains(const Set& set, const std::string* name) {
  return name && set.count(*name);
}

}  // namespace

Score Score::of(int tp, int fp, int fn) {
  double p = tp + fp ? static_cast<double>(tp) / (tp + fp) : 0.0;
  double r = tp + fn ? static_cast<double>(tp) / (tp + fn) : 0.0;
  double f = p + r != 0 ? 2 * p * r / (p + r) : 0.0;
  Score s;
  s.tp = tp;
  s.fp = fp;
  s.fn = fn;
  s.precision = round4(p);
  s.recall = round4(r);
  s.f1 = round4(f);
  return s;
}

Report score(const Gold& gold, const Graph& graph) {
  Catalog catalog(gold.entities);
  std::unordered_map<std::string, size_t> nodeIndex;
  std::vector<const std::string*> nodeEntity;
  for (size_t i = 0; i < graph.nodes.size(); ++i) {
    const Node& n = graph.nodes[i];
    nodeIndex.emplace(n.id, i);
    nodeEntity.push_back(catalog.lookup(n.label.value_or(n.id), n.aliases));
  }
  std::unordered_set<std::string> files;
  for (const GoldDocument& doc : gold.documents) files.insert(doc.file);
  auto nodesIn = indexByFile(graph.nodes, files);
  auto edgesIn = indexByFile(graph.edges, files);
  const std::vector<size_t> none;
  auto in = [&](const auto& index, const std::string& file) -> const std::vector<size_t>& {
    auto it = index.find(file);
    return it == index.end() ? none : it->second;
  };
  auto entityOf = [&](const std::string& id) -> const std::string* {
    auto it = nodeIndex.find(id);
    return it == nodeIndex.end() ? nullptr : nodeEntity[it->second];
  };
  // "%s" of a node's label as the report prints it: None when it has no label.
  auto printedLabel = [&](const std::string& id) -> std::string {
    auto it = nodeIndex.find(id);
    NG_CHECK(it != nodeIndex.end(), id, "an edge names node '" + id + "', which does not exist");
    return graph.nodes[it->second].label.value_or("None");
  };

  Report report;
  int totals[3][3] = {};
  for (const GoldDocument& doc : gold.documents) {
    DocumentReport d;
    d.file = doc.file;
    std::set<std::string> want(doc.entities.begin(), doc.entities.end());
    std::set<std::string> ok = want;
    ok.insert(doc.optionalEntities.begin(), doc.optionalEntities.end());
    std::set<std::string> absentEntities(doc.absentEntities.begin(), doc.absentEntities.end());
    std::set<std::string> absent;
    for (const std::string& name : absentEntities) absent.insert(normalizeName(name));

    std::set<std::string> found, typedFound;
    int fp = 0, typedFp = 0;
    for (size_t i : in(nodesIn, doc.file)) {
      const Node& n = graph.nodes[i];
      const std::string label = n.label.value_or(n.id);
      const std::string* entity = nodeEntity[i];
      bool leak = contains(absentEntities, entity) || absent.count(normalizeName(label)) > 0 ||
                  std::any_of(n.aliases.begin(), n.aliases.end(), [&](const std::string& a) {
                    return absent.count(normalizeName(a)) > 0;
                  });
      if (leak) d.boilerplateLeaks.push_back(label);
      if (contains(want, entity)) {
        found.insert(*entity);
        if (catalog.typeMatches(*entity, n.type)) {
          typedFound.insert(*entity);
        } else {
          ++typedFp;
        }
      } else if (!contains(ok, entity)) {
        ++fp;
        ++typedFp;
        d.spuriousEntities.push_back(label);
      }
    }
    std::set_difference(want.begin(), want.end(), found.begin(), found.end(),
                        std::back_inserter(d.missedEntities));
    int e[3] = {static_cast<int>(found.size()), fp, static_cast<int>(want.size() - found.size())};
    int te[3] = {static_cast<int>(typedFound.size()), typedFp,
                 static_cast<int>(want.size() - typedFound.size())};

    std::vector<bool> hit(doc.relations.size(), false);
    int relFp = 0;
    for (size_t j : in(edgesIn, doc.file)) {
      const Edge& edge = graph.edges[j];
      if (!kRelations.count(edge.relation) || !edge.fact) continue;
      const std::string* s = entityOf(edge.source);
      const std::string* o = entityOf(edge.target);
      bool matched = false;
      for (size_t i = 0; i < doc.relations.size(); ++i) {
        if (relationMatches(doc.relations[i], s, edge.relation, o, edge.negated)) {
          hit[i] = true;
          matched = true;
        }
      }
      if (matched || std::any_of(doc.optionalRelations.begin(), doc.optionalRelations.end(),
                                 [&](const GoldRelation& g) {
                                   return relationMatches(g, s, edge.relation, o, edge.negated);
                                 }))
        continue;
      ++relFp;
      d.spuriousRelations.push_back(printedLabel(edge.source) + " " + (edge.negated ? "NOT " : "") +
                                    edge.relation + " " + printedLabel(edge.target));
    }
    int tpRel = static_cast<int>(std::count(hit.begin(), hit.end(), true));
    int rel[3] = {tpRel, relFp, static_cast<int>(hit.size()) - tpRel};
    for (size_t i = 0; i < doc.relations.size(); ++i) {
      const GoldRelation& g = doc.relations[i];
      if (!hit[i])
        d.missedRelations.push_back(g.subject + " " + (g.negated ? "NOT " : "") + g.relation + " " +
                                    g.object);
    }

    for (int k = 0; k < 3; ++k) {
      totals[0][k] += e[k];
      totals[1][k] += te[k];
      totals[2][k] += rel[k];
    }
    report.boilerplateLeaks += static_cast<int>(d.boilerplateLeaks.size());
    d.entities = Score::of(e[0], e[1], e[2]);
    d.typedEntities = Score::of(te[0], te[1], te[2]);
    d.relations = Score::of(rel[0], rel[1], rel[2]);
    std::sort(d.spuriousEntities.begin(), d.spuriousEntities.end());
    std::sort(d.boilerplateLeaks.begin(), d.boilerplateLeaks.end());
    std::sort(d.spuriousRelations.begin(), d.spuriousRelations.end());
    report.documents.push_back(std::move(d));
  }
  report.entities = Score::of(totals[0][0], totals[0][1], totals[0][2]);
  report.typedEntities = Score::of(totals[1][0], totals[1][1], totals[1][2]);
  report.relations = Score::of(totals[2][0], totals[2][1], totals[2][2]);
  return report;
}

Graph fromKnowledgeGraph(const graph::KnowledgeGraph& kg) {
  const graph::Graph& g = kg.graph();
  Graph out;
  for (graph::Vertex v : boost::make_iterator_range(vertices(g))) {
    const graph::EntityProps& e = g[v];
    Node node;
    node.id = "n" + std::to_string(v);
    node.label = e.label;
    node.type = std::string(toString(e.type));
    node.aliases.assign(e.aliases.begin(), e.aliases.end());
    node.documents.assign(e.documents.begin(), e.documents.end());
    out.nodes.push_back(std::move(node));
  }
  for (graph::Edge edge : boost::make_iterator_range(edges(g))) {
    const graph::RelationProps& r = g[edge];
    Edge e;
    e.source = "n" + std::to_string(source(edge, g));
    e.target = "n" + std::to_string(target(edge, g));
    e.relation = r.relation;
    e.negated = r.negated;
    e.fact = r.modality == Modality::Asserted;
    e.documents.assign(r.documents.begin(), r.documents.end());
    out.edges.push_back(std::move(e));
  }
  return out;
}

}  // namespace newsgraph::eval

// Cross-document linking of short names: "Reagan" in one article and "Ronald Reagan" in
// another are one person when the collection has one leading full name the short form can
// stand for. Labels written in capitals ("PITTSBURGH" from a dateline) take the
// case of a surface seen elsewhere.
#include <unordered_map>

#include "graph/graph.h"

namespace newsgraph::graph {
namespace {

std::vector<std::string> foldedWords(const std::string& name) {
  std::vector<std::string> words;
  std::string folded = foldName(name);
  for (size_t start = 0; start < folded.size();) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool allCapitals(const std::string& s) {
  int letters = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    letters += c >= 'A' && c <= 'Z';
  }
  return letters >= 2;
}

// "PITTSBURGH" -> "Pittsburgh" when the graph saw that spelling; else the label as it is.
std::string bestLabel(const EntityProps& e) {
  if (!allCapitals(e.label)) return e.label;
  for (const std::string& alias : e.aliases)  // sorted: the choice does not depend on order
    if (!allCapitals(alias) && foldName(alias) == e.key) return alias;
  return e.label;
}

}  // namespace

KnowledgeGraph linkShortForms(const KnowledgeGraph& in) {
  const Graph& g = in.graph();
  const size_t n = num_vertices(g);
  // A person's one-word name may stand for a full name ending in it ("Reagan") or starting
  // with it (family name first: "Deng"); a company's for one starting with it ("Ford" ->
  // "Ford Motor"). The full name must be the collection's leading one for the word: another
  // with at least a tenth of its mentions ("Howard Baker" beside "James Baker", "Wang Xizhe"
  // beside "Wang Dan") makes the word ambiguous, and it stays as it is.
  auto isLinked = [](EntityType t) { return t == EntityType::Person || t == EntityType::Org; };
  std::unordered_map<std::string, std::vector<Vertex>> fullNamesOf;  // type + word -> vertices
  std::vector<std::vector<std::string>> words(n);
  auto wordKey = [&](Vertex v, const std::string& word) {
    return std::string(toString(g[v].type)) + ' ' + word;
  };
  for (Vertex v = 0; v < n; ++v) {
    if (!isLinked(g[v].type)) continue;
    words[v] = foldedWords(g[v].label);
    if (words[v].size() < 2) continue;
    fullNamesOf[wordKey(v, words[v].front())].push_back(v);
    if (g[v].type == EntityType::Person && words[v].front() != words[v].back())
      fullNamesOf[wordKey(v, words[v].back())].push_back(v);
  }
  std::vector<Vertex> linkedTo(n);
  for (Vertex v = 0; v < n; ++v) {
    linkedTo[v] = v;
    if (words[v].size() != 1) continue;
    auto it = fullNamesOf.find(wordKey(v, words[v][0]));
    if (it == fullNamesOf.end()) continue;
    Vertex leader = it->second.front();
    for (Vertex c : it->second)
      if (g[c].mentions > g[leader].mentions) leader = c;
    bool ambiguous = false;
    for (Vertex c : it->second)
      ambiguous = ambiguous || (c != leader && g[c].mentions * 10 >= g[leader].mentions);
    if (!ambiguous) linkedTo[v] = leader;
  }
  KnowledgeGraph out;
  out.reserve(n, num_edges(g));
  std::vector<Vertex> vertexOf(n);
  for (Vertex v = 0; v < n; ++v) {
    EntityProps e = g[v];
    e.label = bestLabel(e);
    if (linkedTo[v] != v) {
      const EntityProps& full = g[linkedTo[v]];
      e.aliases.insert(e.label);
      e.aliases.erase(full.label);
      e.key = full.key;
      e.label = bestLabel(full);
    }
    vertexOf[v] = out.addEntity(std::move(e));
  }
  for (Edge e : boost::make_iterator_range(edges(g))) {
    Vertex s = vertexOf[source(e, g)], t = vertexOf[target(e, g)];
    if (s != t) out.addRelation(s, t, g[e]);
  }
  return out;
}

}  // namespace newsgraph::graph

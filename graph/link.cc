// Cross-document linking of short names: "Reagan" in one article and "Ronald Reagan" in
// another are one person when the collection has one leading full name the short form can
// stand for; "GM" in one article is "General Motors" when another article defined it so.
// Labels written in capitals ("PITTSBURGH" from a dateline) take the case of a surface seen
// elsewhere.
#include <optional>
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

// "GM", "U.N.": one word of capitals and dots, 2 to 6 letters.
bool isAcronym(const std::string& s) {
  int letters = 0;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') ++letters;
    else if (c != '.' && c != '&') return false;
  }
  return letters >= 2 && letters <= 6;
}

// "SEC" for "Securities and Exchange Commission", "GM" for "General Motors": every letter
// starts a word of the name, in order, the first letter the first word. An alias that fails
// ("FDP" on "Democratic Party", a ticker "BA" on "Boeing") was attached to the wrong entity.
bool initialsFit(const std::string& acronym, const std::vector<std::string>& words) {
  size_t w = 0;
  bool first = true;
  for (char c : acronym) {
    if (c < 'A' || c > 'Z') continue;
    char lower = static_cast<char>(c + 32);
    while (w < words.size() && words[w][0] != lower && !first) ++w;
    if (w >= words.size() || words[w][0] != lower) return false;
    ++w;
    first = false;
  }
  return true;
}

// "PITTSBURGH" -> "Pittsburgh" when the graph saw that spelling; else the label as it is.
std::string bestLabel(const EntityProps& e) {
  if (!allCapitals(e.label)) return e.label;
  for (const std::string& alias : e.aliases)  // sorted: the choice does not depend on order
    if (!allCapitals(alias) && foldName(alias) == e.key) return alias;
  return e.label;
}

// The one candidate that leads the others by ten times their mentions, else none.
std::optional<Vertex> leaderOf(const Graph& g, const std::vector<Vertex>& candidates) {
  if (candidates.empty()) return std::nullopt;
  Vertex leader = candidates.front();
  for (Vertex c : candidates)
    if (g[c].mentions > g[leader].mentions) leader = c;
  for (Vertex c : candidates)
    if (c != leader && g[c].mentions * 10 >= g[leader].mentions) return std::nullopt;
  return leader;
}

// A word that starts this many different full names is a given name ("James": James Baker,
// James Miller ...), not a family name written first ("Deng": Deng Xiaoping, Deng Rong).
constexpr size_t kGivenNameVariety = 10;

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
  std::unordered_map<std::string, size_t> startsOf;  // person names starting with a word
  std::unordered_map<std::string, std::vector<Vertex>> holdersOf;  // folded alias -> vertices
  std::vector<std::vector<std::string>> words(n);
  auto wordKey = [&](Vertex v, const std::string& word) {
    return std::string(toString(g[v].type)) + ' ' + word;
  };
  for (Vertex v = 0; v < n; ++v) {
    words[v] = foldedWords(g[v].label);
    if (words[v].size() >= 2)
      for (const std::string& alias : g[v].aliases)
        if (isAcronym(alias) && initialsFit(alias, words[v])) holdersOf[foldName(alias)].push_back(v);
    if (!isLinked(g[v].type) || words[v].size() < 2) continue;
    fullNamesOf[wordKey(v, words[v].front())].push_back(v);
    if (g[v].type == EntityType::Person && words[v].front() != words[v].back()) {
      fullNamesOf[wordKey(v, words[v].back())].push_back(v);
      ++startsOf[words[v].front()];
    }
  }
  std::vector<Vertex> linkedTo(n);
  for (Vertex v = 0; v < n; ++v) {
    linkedTo[v] = v;
    if (words[v].size() != 1) continue;
    std::optional<Vertex> leader;
    if (auto holders = holdersOf.find(g[v].key); holders != holdersOf.end() && isAcronym(g[v].label))
      leader = leaderOf(g, holders->second);
    if (!leader && isLinked(g[v].type)) {
      auto it = fullNamesOf.find(wordKey(v, words[v][0]));
      if (it != fullNamesOf.end()) leader = leaderOf(g, it->second);
      // "James" -> "James Baker" only if "James" were a family name
      if (leader && g[v].type == EntityType::Person && words[*leader].front() == words[v][0] &&
          startsOf[words[v][0]] >= kGivenNameVariety)
        leader.reset();
    }
    if (leader) linkedTo[v] = *leader;
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

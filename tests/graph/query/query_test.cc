#include "graph/query/query.h"

#include <gtest/gtest.h>

namespace newsgraph::query {
namespace {

// Russia hosts and meets the Taliban, has not recognised them; Lavrov is Russia's minister;
// the West sanctions the Taliban; Kazakhstan is two steps from the West.
graph::KnowledgeGraph sample() {
  graph::KnowledgeGraph kg;
  extract::DocumentFacts a;
  a.id = "a.txt";
  a.date = "2023-09-29";
  a.entities = {{"russia", "Russia", EntityType::Gpe, {"Russian", "Moscow"}, 5},
                {"taliban", "Taliban", EntityType::Org, {"Islamic Emirate"}, 4},
                {"sergey lavrov", "Sergey Lavrov", EntityType::Person, {"Lavrov", "Sergei Lavrov"}, 2}};
  a.relations = {{0, 1, "HOSTS", false, 0.9f, "Russia hosted the Taliban."},
                 {1, 0, "MEETS", false, 0.8f, "The Taliban met Russia."},
                 {0, 1, "RECOGNIZES", true, 0.9f, "Russia has not recognised the Taliban."},
                 {2, 0, "HOLDS_POSITION", false, 1.0f, "Russia's Foreign Minister Lavrov."},
                 {2, 1, "CO_OCCURS", false, 0.5f, "Lavrov and the Taliban."}};
  kg.addDocument(a);
  extract::DocumentFacts b;
  b.id = "b.txt";
  b.date = "2024-10-04";
  b.entities = {{"west", "West", EntityType::Loc, {}, 1},
                {"taliban", "Taliban", EntityType::Org, {}, 1},
                {"kazakhstan", "Kazakhstan", EntityType::Gpe, {"Kazakh"}, 1},
                {"sergey lavrov", "Sergey Lavrov", EntityType::Person, {}, 1}};
  b.relations = {{0, 1, "SANCTIONS", false, 0.8f, "The West sanctions the Taliban."},
                 {2, 0, "COOPERATES_WITH", false, 0.7f, "Kazakhstan works with the West."},
                 {3, 0, "APPEALS_TO", false, 0.8f, "Lavrov called on the West."},
                 {0, 1, "SANCTIONS", false, 0.6f, "More sanctions."}};
  kg.addDocument(b);
  return kg;
}

std::vector<std::string> describe(const graph::KnowledgeGraph& kg,
                                  const std::vector<graph::Edge>& edges) {
  const graph::Graph& g = kg.graph();
  std::vector<std::string> out;
  for (graph::Edge e : edges)
    out.push_back(g[source(e, g)].label + " " + (g[e].negated ? "!" : "") + g[e].relation + " " +
                  g[target(e, g)].label);
  return out;
}

using Lines = std::vector<std::string>;

std::vector<graph::Edge> run(const graph::KnowledgeGraph& kg, const std::string& pattern) {
  return match(kg, Resolver(kg), parsePattern(pattern));
}

TEST(ResolverTest, NamesResolveThroughAliasesIgnoringCaseAndAccents) {
  graph::KnowledgeGraph kg = sample();
  Resolver names(kg);
  const graph::Graph& g = kg.graph();
  EXPECT_EQ(g[names.resolve("RUSSIA")].key, "russia");
  EXPECT_EQ(g[names.resolve("moscow")].key, "russia");
  EXPECT_EQ(g[names.resolve("Sergeï Lavrov")].key, "sergey lavrov");
  EXPECT_EQ(g[names.resolve("lavrov")].key, "sergey lavrov");
  EXPECT_FALSE(names.find("Ukraine"));
}

TEST(ResolverTest, AMissSuggestsCloseNames) {
  graph::KnowledgeGraph kg = sample();
  Resolver names(kg);
  try {
    names.resolve("Lavorv");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "no entity named 'Lavorv'; did you mean Lavrov (Sergey Lavrov)?");
  }
  EXPECT_EQ(names.suggestions("Talibn"), std::vector<std::string>{"Taliban"});
  EXPECT_TRUE(names.suggestions("Zimbabwe").empty());
}

TEST(PatternTest, ParsesEveryForm) {
  Pattern p = parsePattern("Russia -[HOSTS|meets]-> ?x");
  EXPECT_FALSE(p.subject.variable);
  EXPECT_EQ(p.subject.name, "Russia");
  EXPECT_TRUE(p.object.variable);
  EXPECT_EQ(p.object.name, "x");
  EXPECT_EQ(p.relations, (std::vector<std::string>{"HOSTS", "MEETS"}));
  EXPECT_EQ(p.direction, Pattern::Direction::Forward);

  p = parsePattern("?x <-[SANCTIONS]- \"The West\"");
  EXPECT_EQ(p.subject.name, "The West");  // reversed into the forward form
  EXPECT_EQ(p.object.name, "x");

  p = parsePattern("?a -[MEETS]- ?b");
  EXPECT_EQ(p.direction, Pattern::Direction::Either);
  p = parsePattern("Sergey Lavrov --> ?x");
  EXPECT_EQ(p.subject.name, "Sergey Lavrov");
  EXPECT_TRUE(p.relations.empty());
  p = parsePattern("Al-Shabaab -[!RECOGNIZES]-> ?x");
  EXPECT_EQ(p.subject.name, "Al-Shabaab");
  EXPECT_TRUE(p.negated);
  EXPECT_TRUE(parsePattern("?x -[*]- ?y").relations.empty());
}

TEST(PatternTest, ErrorsGiveTheColumnAndACaret) {
  struct Case {
    const char* text;
    size_t column;
    const char* message;
  };
  const Case cases[] = {
      {"Russia -[HOST]-> ?x", 10, "unknown relation 'HOST'; did you mean HOSTS?"},
      {"Russia -[HOSTS-> ?x", 15, "expected ']' to close the relation list, or '|' between relations"},
      {"Russia -[]-> ?x", 10, "expected a relation name such as HOSTS"},
      {"Russia HOSTS ?x", 16, "expected a relation such as -[HOSTS]->, <-[HOSTS]- or -[MEETS]-"},
      {"-[HOSTS]-> ?x", 1, "expected an entity name or a ?variable"},
      {"? -[HOSTS]-> ?x", 2, "expected a variable name after '?'"},
      {"Russia -[HOSTS]->", 18, "expected an entity name or a ?variable"},
      {"\"Russia -[HOSTS]-> ?x", 1, "unterminated quoted name"},
      {"?x <-[HOSTS]-> ?y", 14, "a relation cannot point both ways (<-...->)"},
      {"?x -[HOSTS]-> \"Taliban\" extra", 25, "unexpected text after the pattern"},
      {"?x -[HOSTS|]-> ?y", 12, "expected a relation name such as HOSTS"},
  };
  for (const Case& c : cases) {
    try {
      parsePattern(c.text);
      ADD_FAILURE() << c.text << ": no error";
    } catch (const ParseError& e) {
      EXPECT_EQ(e.column(), c.column) << c.text;
      EXPECT_EQ(e.message(), "column " + std::to_string(c.column) + ": " + c.message) << c.text;
      EXPECT_EQ(e.caret(), "  " + std::string(c.text) + "\n  " + std::string(c.column - 1, ' ') + "^");
    }
  }
}

TEST(PatternTest, MatchesDirectionsSymmetryNegationAndVariables) {
  graph::KnowledgeGraph kg = sample();
  EXPECT_EQ(describe(kg, run(kg, "Russia -[HOSTS|MEETS]-> ?x")),
            (Lines{"Russia HOSTS Taliban", "Russia MEETS Taliban"}));
  // MEETS is symmetric: Taliban -> Russia matches too; HOSTS is not.
  EXPECT_EQ(describe(kg, run(kg, "Taliban -[HOSTS|MEETS]-> ?x")), (Lines{"Russia MEETS Taliban"}));
  EXPECT_EQ(describe(kg, run(kg, "Taliban -[HOSTS]- ?x")), (Lines{"Russia HOSTS Taliban"}));
  EXPECT_EQ(describe(kg, run(kg, "?x -[SANCTIONS]-> Taliban")), (Lines{"West SANCTIONS Taliban"}));
  EXPECT_EQ(describe(kg, run(kg, "Taliban <-[SANCTIONS]- ?x")), (Lines{"West SANCTIONS Taliban"}));
  EXPECT_EQ(describe(kg, run(kg, "?p -[HOLDS_POSITION]-> Moscow")),
            (Lines{"Sergey Lavrov HOLDS_POSITION Russia"}));
  EXPECT_EQ(describe(kg, run(kg, "Russia -[RECOGNIZES]-> ?x")), Lines{});
  EXPECT_EQ(describe(kg, run(kg, "Russia -[!RECOGNIZES]-> ?x")),
            (Lines{"Russia !RECOGNIZES Taliban"}));
  EXPECT_EQ(describe(kg, run(kg, "?a -[MEETS]- ?b")), (Lines{"Russia MEETS Taliban"}));
  EXPECT_EQ(describe(kg, run(kg, "?a -[MEETS]- ?a")), Lines{});
  // Any relation leaves co-occurrence out unless named.
  EXPECT_EQ(describe(kg, run(kg, "Lavrov --> ?x")),
            (Lines{"Sergey Lavrov HOLDS_POSITION Russia", "Sergey Lavrov APPEALS_TO West"}));
  EXPECT_EQ(describe(kg, run(kg, "Lavrov -[CO_OCCURS]- ?x")),
            (Lines{"Taliban CO_OCCURS Sergey Lavrov"}));  // symmetric: lower vertex first
  EXPECT_EQ(describe(kg, run(kg, "Lavrov -[CO_OCCURS]-> ?x")),
            (Lines{"Taliban CO_OCCURS Sergey Lavrov"}));
  EXPECT_THROW(run(kg, "Ukraine -[HOSTS]-> ?x"), Error);
}

TEST(SearchTest, NeighborsBetweenAndPath) {
  graph::KnowledgeGraph kg = sample();
  Resolver names(kg);
  EXPECT_EQ(describe(kg, neighbors(kg, names.resolve("West"))),
            (Lines{"West COOPERATES_WITH Kazakhstan", "Sergey Lavrov APPEALS_TO West",
                   "West SANCTIONS Taliban"}));
  EXPECT_EQ(describe(kg, between(kg, names.resolve("Taliban"), names.resolve("Russia"))),
            (Lines{"Russia HOSTS Taliban", "Russia MEETS Taliban", "Russia !RECOGNIZES Taliban"}));
  EXPECT_EQ(describe(kg, shortestPath(kg, names.resolve("Kazakhstan"), names.resolve("Taliban"))),
            (Lines{"West COOPERATES_WITH Kazakhstan", "West SANCTIONS Taliban"}));
  EXPECT_TRUE(shortestPath(kg, names.resolve("Russia"), names.resolve("Russia")).empty());
  Filter onlyHosts;
  onlyHosts.relations = {"HOSTS"};
  onlyHosts.types = {EntityType::Gpe, EntityType::Org, EntityType::Loc};
  graph::KnowledgeGraph small = applyFilter(kg, onlyHosts);
  Filter noSanctions;
  noSanctions.relations = {"HOSTS", "COOPERATES_WITH"};
  graph::KnowledgeGraph withKazakhstan = applyFilter(kg, noSanctions);
  Resolver smallNames(withKazakhstan);
  EXPECT_TRUE(shortestPath(withKazakhstan, smallNames.resolve("Kazakhstan"),
                           smallNames.resolve("Taliban"))
                  .empty());
  EXPECT_EQ(num_vertices(small.graph()), 2u);
}

TEST(FilterTest, EachFilterCutsTheGraph) {
  graph::KnowledgeGraph kg = sample();
  auto count = [&](const Filter& f) {
    graph::KnowledgeGraph sub = applyFilter(kg, f);
    return std::make_pair(num_vertices(sub.graph()), num_edges(sub.graph()));
  };
  using Count = std::pair<size_t, size_t>;
  EXPECT_EQ(count(Filter{}), Count(5, 8));
  Filter f;
  f.relations = {"SANCTIONS"};
  EXPECT_EQ(count(f), Count(2, 1));
  f = Filter{};
  f.types = {EntityType::Gpe, EntityType::Org};
  EXPECT_EQ(count(f), Count(3, 3));  // Russia, Taliban, Kazakhstan; Russia-Taliban edges
  f = Filter{};
  f.since = "2024";
  EXPECT_EQ(count(f), Count(4, 3));  // b.txt's relations; Russia drops out
  f = Filter{};
  f.until = "2023-12-31";
  EXPECT_EQ(count(f), Count(3, 5));
  f = Filter{};
  f.minWeight = 2;
  EXPECT_EQ(count(f), Count(2, 1));  // SANCTIONS twice
  f = Filter{};
  f.noCooccurrence = true;
  EXPECT_EQ(count(f), Count(5, 7));
  f = Filter{};
  f.ego = "Kazakh";
  EXPECT_EQ(count(f), Count(2, 1));
  f.depth = 2;
  EXPECT_EQ(count(f), Count(4, 4));  // + Taliban and Lavrov through the West
  f.ego = "Nobody";
  EXPECT_THROW(applyFilter(kg, f), Error);
}

TEST(FilterTest, OnlyFactsUnlessOtherModalitiesAreAskedFor) {
  graph::KnowledgeGraph kg = sample();
  extract::DocumentFacts c;
  c.id = "c.txt";
  c.entities = {{"russia", "Russia", EntityType::Gpe, {}, 1},
                {"kazakhstan", "Kazakhstan", EntityType::Gpe, {}, 1}};
  c.relations = {{0, 1, "VISITS", false, 0.85f, "Russia plans to visit Kazakhstan.", Modality::Planned},
                 {1, 0, "SANCTIONS", false, 0.85f, "Kazakhstan could sanction Russia.",
                  Modality::Hypothetical}};
  kg.addDocument(c);
  Filter facts;
  EXPECT_TRUE(dropsModalities(kg, facts));
  graph::KnowledgeGraph shown = applyFilter(kg, facts);
  EXPECT_EQ(num_edges(shown.graph()), 8u);
  EXPECT_EQ(num_vertices(shown.graph()), 5u);  // the entities stay, their plans do not
  Filter all;
  all.modalities.clear();
  EXPECT_FALSE(dropsModalities(kg, all));
  EXPECT_EQ(num_edges(applyFilter(kg, all).graph()), 10u);
  Filter plans;
  plans.modalities = {Modality::Planned};
  plans.relations = {"VISITS"};
  EXPECT_EQ(describe(applyFilter(kg, plans), run(applyFilter(kg, plans), "?x -[VISITS]-> ?y")),
            Lines{"Russia VISITS Kazakhstan"});
  EXPECT_FALSE(dropsModalities(sample(), facts));
}

TEST(FilterTest, SubgraphKeepsProperties) {
  graph::KnowledgeGraph kg = sample();
  graph::KnowledgeGraph sub = subgraphOf(kg, run(kg, "?x -[SANCTIONS]-> Taliban"));
  ASSERT_EQ(num_edges(sub.graph()), 1u);
  EXPECT_EQ(sub.graph()[*edges(sub.graph()).first].weight, 2);
  EXPECT_EQ(sub.graph()[*sub.findByKey("taliban")].mentions, 5);
}

TEST(StatsTest, CountsComponentsAndDegrees) {
  graph::KnowledgeGraph kg = sample();
  GraphStats stats = computeStats(kg, 2);
  EXPECT_EQ(stats.entityTypes.at("GPE"), 2u);
  EXPECT_EQ(stats.relations.at("SANCTIONS"), 1u);
  EXPECT_EQ(stats.negated, 1u);
  EXPECT_EQ(stats.components, 1u);
  EXPECT_EQ(stats.largestComponent, 5u);
  ASSERT_EQ(stats.topByDegree.size(), 2u);
  EXPECT_EQ(kg.graph()[stats.topByDegree[0].first].key, "taliban");
  EXPECT_EQ(stats.topByDegree[0].second, 5u);
}

}  // namespace
}  // namespace newsgraph::query

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "graph/graph.h"

namespace newsgraph::graph {
namespace {

std::string writeOverlay(const std::string& name, const std::string& content) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << content;
  return path;
}

extract::DocumentFacts facts() {
  extract::DocumentFacts f;
  f.id = "a";
  f.entities = {{"sun micro", "Sun Micro", EntityType::Org, {}, 2},
                {"sun microsystems", "Sun Microsystems", EntityType::Org, {}, 3},
                {"newsroom", "Newsroom", EntityType::Org, {}, 1},
                {"palestinian authority", "Palestinian Authority", EntityType::Org, {"Pa."}, 1}};
  f.relations = {{0, 1, "COOPERATES_WITH", false, 0.8f, "Sun Micro and Sun Microsystems."},
                 {1, 2, "COOPERATES_WITH", false, 0.8f, "x"},
                 {1, 3, "MEETS", false, 0.8f, "y"}};
  return f;
}

TEST(OverlayTest, MergeRenameDropAndSplitOneDocument) {
  AliasOverlay overlay = AliasOverlay::load(writeOverlay(
      "ok.tsv", "# fixes\nmerge\tSun Microsystems\tSUN MICRO\ndrop\tnewsroom\n"
                "split\tPalestinian Authority\tPa.\tPennsylvania\tGPE\nrename\tSun Microsystems\tSun\n"));
  extract::DocumentFacts f = facts();
  overlay.apply(f);
  ASSERT_EQ(f.entities.size(), 2u);
  EXPECT_EQ(f.entities[0].name, "Sun");
  EXPECT_EQ(f.entities[0].mentions, 5);
  EXPECT_EQ(f.entities[1].name, "Pennsylvania");
  EXPECT_EQ(f.entities[1].type, EntityType::Gpe);
  ASSERT_EQ(f.relations.size(), 1u);  // the merged pair's edge and the dropped one's go
  EXPECT_EQ(f.relations[0].relation, "MEETS");
  EXPECT_EQ(f.relations[0].subject, 0);
  EXPECT_EQ(f.relations[0].object, 1);
}

TEST(OverlayTest, GraphApplyMatchesDocumentApply) {
  AliasOverlay overlay =
      AliasOverlay::load(writeOverlay("g.tsv", "merge\tSun Microsystems\tSun Micro\ndrop\tNewsroom\n"));
  KnowledgeGraph raw;
  raw.addDocument(facts());
  KnowledgeGraph perDocument;
  extract::DocumentFacts f = facts();
  overlay.apply(f);
  perDocument.addDocument(f);
  KnowledgeGraph whole = overlay.apply(raw);
  EXPECT_EQ(num_vertices(whole.graph()), num_vertices(perDocument.graph()));
  EXPECT_EQ(num_edges(whole.graph()), num_edges(perDocument.graph()));
  ASSERT_TRUE(whole.findByKey("sun microsystems"));
  EXPECT_EQ(whole.graph()[*whole.findByKey("sun microsystems")].mentions, 5);
}

TEST(OverlayTest, BadLinesNamePathAndLine) {
  auto errorOf = [](const std::string& content) {
    std::string path = writeOverlay("bad.tsv", content);
    try {
      AliasOverlay::load(path);
    } catch (const Error& e) {
      return e.where().substr(path.size()) + ": " + e.message();
    }
    return std::string("no error");
  };
  EXPECT_EQ(errorOf("# c\nmerg\tA\tB\n"), ":2: unknown action 'merg' (merge, rename, drop or split)");
  EXPECT_EQ(errorOf("rename\tA\n"), ":1: rename takes 2 tab-separated names, found 1");
  EXPECT_EQ(errorOf("drop\tA\t\n"), ":1: empty field");
  EXPECT_EQ(errorOf("split\tA\tB\tC\tCOMPANY\n"), ":1: unknown entity type 'COMPANY'");
  EXPECT_THROW(AliasOverlay::load(::testing::TempDir() + "missing.tsv"), Error);
}

}  // namespace
}  // namespace newsgraph::graph

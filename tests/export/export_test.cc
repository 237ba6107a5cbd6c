#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "export/export.h"

namespace newsgraph::exporter {
namespace {

// A small graph with every awkward character an exporter must escape.
graph::KnowledgeGraph sampleGraph() {
  graph::KnowledgeGraph kg;
  extract::DocumentFacts facts;
  facts.id = "doc \"1\".txt";
  facts.date = "2023-09-29";
  facts.entities = {{"russia", "Russia", EntityType::Gpe, {"Russian", "Moscow"}, 4},
                    {"taliban", "Taliban", EntityType::Org, {"Islamic Emirate"}, 3},
                    {"a<b> & \"c\"", "A<B> & \"C\"\\", EntityType::Person, {"line\nbreak"}, 1}};
  facts.relations = {{0, 1, "HOSTS", false, 0.85f, "Russia hosted \"Taliban\" leaders & <others>."},
                     {0, 1, "RECOGNIZES", true, 0.8f, "Russia has not recognised the Taliban."},
                     {0, 2, "CO_OCCURS", false, 0.5f, "Control\x01" "character."},
                     {0, 1, "HOSTS", false, 0.85f, "Russia plans to host the Taliban.",
                      Modality::Planned}};
  kg.addDocument(facts);
  return kg;
}

std::string render(const graph::KnowledgeGraph& kg, Format format) {
  std::ostringstream out;
  write(kg, format, out);
  return out.str();
}

std::string tempFile(const std::string& name, const std::string& content) {
  auto path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

int run(const std::string& command) { return std::system(command.c_str()); }

TEST(ExportTest, FormatFromPathAndName) {
  EXPECT_EQ(formatFromPath("out/seeds.graphml"), Format::GraphML);
  EXPECT_EQ(formatFromPath("x.gv"), Format::Dot);
  EXPECT_EQ(formatFromPath("x.txt"), std::nullopt);
  EXPECT_EQ(parseFormat("dot"), Format::Dot);
  EXPECT_EQ(parseFormat("svg"), std::nullopt);
}

TEST(ExportTest, GraphMLHasTheContractKeysAndEscapes) {
  std::string xml = render(sampleGraph(), Format::GraphML);
  for (const char* key : {"attr.name=\"label\" attr.type=\"string\"", "attr.name=\"type\"",
                          "attr.name=\"aliases\"", "attr.name=\"mentions\" attr.type=\"int\"",
                          "attr.name=\"documents\"", "attr.name=\"first_seen\"", "attr.name=\"last_seen\"",
                          "attr.name=\"relation\"", "attr.name=\"negated\" attr.type=\"boolean\"",
                          "attr.name=\"weight\" attr.type=\"double\"", "attr.name=\"confidence\"",
                          "attr.name=\"date\"", "attr.name=\"evidence\"",
                          "attr.name=\"modality\" attr.type=\"string\""})
    EXPECT_NE(xml.find(key), std::string::npos) << key;
  EXPECT_NE(xml.find("A&lt;B&gt; &amp; &quot;C&quot;\\"), std::string::npos);
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  EXPECT_NE(xml.find("<data key=\"e_negated\">true</data>"), std::string::npos);
  EXPECT_NE(xml.find("<data key=\"e_modality\">planned</data>"), std::string::npos);
  EXPECT_NE(xml.find("Moscow;Russian"), std::string::npos);
}

TEST(ExportTest, GraphMLIsDeterministic) {
  EXPECT_EQ(render(sampleGraph(), Format::GraphML), render(sampleGraph(), Format::GraphML));
  EXPECT_EQ(render(sampleGraph(), Format::Dot), render(sampleGraph(), Format::Dot));
}

TEST(ExportTest, GraphMLValidatesAgainstTheSchema) {
  std::string path = tempFile("ng_export_test.graphml", render(sampleGraph(), Format::GraphML));
  std::string schema = std::string(NEWSGRAPH_SHARED_DIR) + "/schemas/graphml/graphml.xsd";
  ASSERT_TRUE(std::filesystem::exists(schema));
  EXPECT_EQ(run("xmllint --nonet --noout --schema " + schema + " " + path + " 2>/dev/null"), 0);
}

TEST(ExportTest, GraphMLLoadsInNetworkx) {
  std::string path = tempFile("ng_export_nx.graphml", render(sampleGraph(), Format::GraphML));
  std::string script =
      "import networkx as nx, sys\n"
      "g = nx.read_graphml(sys.argv[1])\n"
      "labels = sorted(d['label'] for _, d in g.nodes(data=True))\n"
      "assert labels == ['A<B> & \"C\"\\\\', 'Russia', 'Taliban'], labels\n"
      "rels = sorted((d['relation'], d['negated']) for _, _, d in g.edges(data=True))\n"
      "assert ('RECOGNIZES', True) in rels and ('HOSTS', False) in rels, rels\n"
      "modal = sorted((d['relation'], d['modality']) for _, _, d in g.edges(data=True))\n"
      "assert ('HOSTS', 'planned') in modal and ('HOSTS', 'asserted') in modal, modal\n"
      "assert all(isinstance(d['weight'], float) for _, _, d in g.edges(data=True))\n"
      "assert all(isinstance(d['mentions'], int) for _, d in g.nodes(data=True))\n";
  std::string scriptPath = tempFile("ng_export_nx.py", script);
  EXPECT_EQ(run("/usr/bin/python3 " + scriptPath + " " + path), 0);
}

TEST(ExportTest, DotRendersWithGraphviz) {
  std::string dot = render(sampleGraph(), Format::Dot);
  EXPECT_NE(dot.find("style=dashed"), std::string::npos);       // the negated edge
  EXPECT_NE(dot.find("label=\"hosts\""), std::string::npos);
  EXPECT_NE(dot.find("label=\"hosts (planned)\""), std::string::npos);
  EXPECT_NE(dot.find("style=dotted"), std::string::npos);
  EXPECT_NE(dot.find("cluster_legend"), std::string::npos);
  EXPECT_NE(dot.find("A&lt;B&gt; &amp; \\\"C\\\"\\\\"), std::string::npos);
  std::string path = tempFile("ng_export_test.dot", dot);
  EXPECT_EQ(run("dot -Tsvg " + path + " -o /dev/null 2>/dev/null"), 0);
}

}  // namespace
}  // namespace newsgraph::exporter

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
  // Node ids are the stable keys, written as NMTOKENs.
  EXPECT_NE(xml.find("<node id=\"russia\">"), std::string::npos);
  EXPECT_NE(xml.find("<node id=\"a:3cb:3e_:26_:22c:22\">"), std::string::npos);
  EXPECT_NE(xml.find("<edge source=\"russia\" target=\"taliban\">"), std::string::npos);
  EXPECT_NE(xml.find("<data key=\"e_confidence\">0.85</data>"), std::string::npos);  // no float noise
  EXPECT_NE(xml.find("<data key=\"e_cameo\">043</data>"), std::string::npos);         // HOSTS
  EXPECT_NE(xml.find("{&quot;document&quot;: &quot;doc \\&quot;1\\&quot;.txt&quot;, "
                     "&quot;date&quot;: &quot;2023-09-29&quot;"),
            std::string::npos);
}

TEST(ExportTest, NodeIdsDoNotChangeWhenAnEntityIsAdded) {
  graph::KnowledgeGraph kg = sampleGraph();
  std::string before = render(kg, Format::GraphML);
  extract::DocumentFacts more;
  more.id = "more.txt";
  more.entities = {{"afghanistan", "Afghanistan", EntityType::Gpe, {}, 1}};
  kg.addDocument(more);
  std::string after = render(kg, Format::GraphML);
  for (const char* id : {"<node id=\"russia\">", "<node id=\"taliban\">"}) {
    EXPECT_NE(before.find(id), std::string::npos);
    EXPECT_NE(after.find(id), std::string::npos);
  }
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
  EXPECT_NE(dot.find("label=<<table"), std::string::npos);  // the legend, no nodes
  EXPECT_NE(dot.find("\"russia\" -> \"taliban\""), std::string::npos);
  EXPECT_NE(dot.find("label=\"hosts (planned)\""), std::string::npos);
  EXPECT_NE(dot.find("style=dotted"), std::string::npos);
  EXPECT_NE(dot.find("A&lt;B&gt; &amp; \\\"C\\\"\\\\"), std::string::npos);
  std::string path = tempFile("ng_export_test.dot", dot);
  EXPECT_EQ(run("dot -Tsvg " + path + " -o /dev/null 2>/dev/null"), 0);
  // Graphviz's own reader sees the entities only: the legend adds no node.
  EXPECT_EQ(run("test \"$(gvpr 'BEG_G { print(nNodes($G)); }' " + path + ")\" = 3"), 0);
  std::ostringstream bare;
  WriteOptions options;
  options.legend = false;
  write(sampleGraph(), Format::Dot, bare, options);
  EXPECT_EQ(bare.str().find("<table"), std::string::npos);
}

// Symmetric relations are undirected for networkx, igraph and graph-tool: GraphML's
// per-edge directed="false" makes networkx reject the file, so a boolean key says it.
TEST(ExportTest, SymmetricRelationsAreMarkedForEveryGraphMLReader) {
  graph::KnowledgeGraph kg = sampleGraph();
  extract::DocumentFacts more;
  more.id = "meeting.txt";
  more.entities = {{"taliban", "Taliban", EntityType::Org, {}, 1},
                   {"russia", "Russia", EntityType::Gpe, {}, 1}};
  more.relations = {{0, 1, "MEETS", false, 0.8f, "The Taliban met Russia."}};
  kg.addDocument(more);
  std::string path = tempFile("ng_export_symmetric.graphml", render(kg, Format::GraphML));
  std::string script =
      "import sys, networkx as nx, igraph\n"
      "g = nx.read_graphml(sys.argv[1])\n"
      "sym = sorted((d['relation'], d['symmetric']) for _, _, d in g.edges(data=True))\n"
      "assert sym == [('CO_OCCURS', True), ('HOSTS', False), ('HOSTS', False), ('MEETS', True), "
      "('RECOGNIZES', False)], sym\n"
      "u = nx.MultiGraph([(a, b, d) for a, b, d in g.edges(data=True) if d['symmetric']])\n"
      "assert u.has_edge('taliban', 'russia') and u.has_edge('russia', 'taliban')\n"
      "i = igraph.Graph.Read_GraphML(sys.argv[1])\n"
      "assert sorted(zip(i.es['relation'], i.es['symmetric'])) == sym, i.es['symmetric']\n"
      "assert set(i.vs['id']) == {'russia', 'taliban', 'a:3cb:3e_:26_:22c:22'}, i.vs['id']\n"
      "try:\n"
      "    import graph_tool.all as gt\n"
      "except ImportError:\n"
      "    print('graph-tool not installed (Debian: python3-graph-tool); skipped')\n"
      "    sys.exit(0)\n"
      "t = gt.load_graph(sys.argv[1])\n"
      "s = sorted((t.ep['relation'][e], bool(t.ep['symmetric'][e])) for e in t.edges())\n"
      "assert s == sym, s\n";
  std::string scriptPath = tempFile("ng_export_symmetric.py", script);
  EXPECT_EQ(run("/usr/bin/python3 " + scriptPath + " " + path), 0);
}

}  // namespace
}  // namespace newsgraph::exporter

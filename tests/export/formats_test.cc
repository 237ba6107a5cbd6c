// GEXF, node-link JSON and neo4j CSV, each read back by a real reader.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "export/export.h"

namespace newsgraph::exporter {
namespace {

namespace fs = std::filesystem;

graph::KnowledgeGraph sampleGraph() {
  graph::KnowledgeGraph kg;
  extract::DocumentFacts a;
  a.id = "doc \"1\".txt";
  a.date = "2023-09-29";
  a.entities = {{"russia", "Russia", EntityType::Gpe, {"Russian", "Moscow"}, 4},
                {"taliban", "Taliban", EntityType::Org, {"Islamic Emirate"}, 3},
                {"a<b> & \"c\"", "A<B> & \"C\"\\", EntityType::Person, {"line\nbreak"}, 1}};
  a.relations = {{0, 1, "HOSTS", false, 0.85f, "Russia hosted \"Taliban\" leaders & <others>."},
                 {0, 1, "RECOGNIZES", true, 0.8f, "Russia has not recognised the Taliban."},
                 {1, 0, "MEETS", false, 0.8f, "The Taliban met Russia;\tin Kazan."},
                 {0, 2, "CO_OCCURS", false, 0.5f, "Control\x01" "character."},
                 {0, 1, "HOSTS", false, 0.85f, "Russia threatened to host them.",
                  Modality::Threatened}};
  kg.addDocument(a);
  extract::DocumentFacts b;
  b.id = "b.txt";
  b.date = "2024";  // partial date: no GEXF spell
  b.entities = {{"taliban", "Taliban", EntityType::Org, {}, 1}};
  kg.addDocument(b);
  return kg;
}

class FormatsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("formats_test." + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string save(const std::string& name, const std::string& content) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  fs::path dir_;
};

std::string render(const graph::KnowledgeGraph& kg, Format format) {
  std::ostringstream out;
  write(kg, format, out);
  return out.str();
}

int python(const std::string& script, const std::string& arg) {
  return std::system(("/usr/bin/python3 -c '" + script + "' '" + arg + "'").c_str());
}

TEST_F(FormatsTest, FormatNamesAndExtensions) {
  EXPECT_EQ(parseFormat("gexf"), Format::Gexf);
  EXPECT_EQ(parseFormat("json"), Format::Json);
  EXPECT_EQ(parseFormat("csv"), Format::Csv);
  EXPECT_EQ(formatFromPath("a/world.gexf"), Format::Gexf);
  EXPECT_EQ(formatFromPath("world.json"), Format::Json);
  EXPECT_EQ(formatFromPath("world.csv"), Format::Csv);
  EXPECT_EQ(csvPaths("out/world.csv"),
            std::make_pair(std::string("out/world_nodes.csv"),
                           std::string("out/world_relationships.csv")));
  EXPECT_EQ(csvPaths("world").first, "world_nodes.csv");
  std::ostringstream out;
  EXPECT_THROW(write(sampleGraph(), Format::Csv, out), Error);
}

TEST_F(FormatsTest, GexfValidatesAgainstTheRelaxNgSchemaWithSpellsAndViz) {
  std::string gexf = render(sampleGraph(), Format::Gexf);
  std::string path = save("sample.gexf", gexf);
  std::string rng = NEWSGRAPH_SHARED_DIR "/schemas/gexf/1.3/gexf.rng";
  EXPECT_EQ(std::system(("xmllint --nonet --noout --relaxng " + rng + " '" + path + "'").c_str()), 0);
  EXPECT_NE(gexf.find("<spells><spell start=\"2023-09-29\"/></spells>"), std::string::npos);
  EXPECT_EQ(gexf.find("start=\"2024\""), std::string::npos);
  EXPECT_NE(gexf.find("<viz:color r=\"52\" g=\"152\" b=\"219\"/>"), std::string::npos);  // ORG
  EXPECT_NE(gexf.find("type=\"undirected\" label=\"meets\""), std::string::npos);
  EXPECT_NE(gexf.find("label=\"not recognizes\""), std::string::npos);
  EXPECT_NE(gexf.find("kind=\"HOSTS_threatened\""), std::string::npos);
  EXPECT_NE(gexf.find("<attvalue for=\"modality\" value=\"threatened\"/>"), std::string::npos);
  EXPECT_EQ(gexf.find('\x01'), std::string::npos);
  EXPECT_NE(gexf.find("<node id=\"russia\" label=\"Russia\">"), std::string::npos);
  EXPECT_NE(gexf.find("<attvalue for=\"entity_type\" value=\"GPE\"/>"), std::string::npos);
  EXPECT_EQ(gexf.find("for=\"type\""), std::string::npos);  // sigma.js's renderer key
  EXPECT_NE(gexf.find("<attvalue for=\"confidence\" value=\"0.85\"/>"), std::string::npos);
}

// networkx reads GEXF 1.2draft only, and no graph with both edge types.
TEST_F(FormatsTest, Gexf12ValidatesAndLoadsInNetworkx) {
  std::ostringstream out;
  WriteOptions options;
  options.gexfVersion = WriteOptions::GexfVersion::V1_2;
  write(sampleGraph(), Format::Gexf, out, options);
  EXPECT_EQ(out.str().find("type=\"undirected\""), std::string::npos);
  std::string path = save("sample12.gexf", out.str());
  // The 1.2draft schemas accept no viz elements (shared/schemas/README.md): the rest is checked.
  std::string rng = NEWSGRAPH_SHARED_DIR "/schemas/gexf/1.2draft/gexf.rng";
  EXPECT_EQ(std::system(("sed '/<viz:/d' '" + path + "' | xmllint --nonet --noout --relaxng " + rng +
                         " -").c_str()),
            0);
  EXPECT_EQ(python("import sys, json, networkx as nx\n"
                   "g = nx.read_gexf(sys.argv[1])\n"
                   "assert set(g.nodes) == {\"russia\", \"taliban\", \"a<b> & \\\"c\\\"\"}, g.nodes\n"
                   "assert g.nodes[\"russia\"][\"entity_type\"] == \"GPE\"\n"
                   "meets = [d for _, _, d in g.edges(data=True) if d[\"relation\"] == \"MEETS\"][0]\n"
                   "assert meets[\"symmetric\"] is True and meets[\"cameo\"] == \"040\", meets\n"
                   "ev = json.loads(meets[\"evidence_json\"])\n"
                   "assert ev[0][\"document\"] == \"doc \\\"1\\\".txt\" and ev[0][\"date\"] == \"2023-09-29\", ev\n"
                   "assert meets[\"evidence_count\"] == 1, meets\n",
                   path),
            0);
}

TEST_F(FormatsTest, NodeLinkJsonLoadsInNetworkx) {
  std::string path = save("sample.json", render(sampleGraph(), Format::Json));
  EXPECT_EQ(python("import json, sys, networkx as nx\n"
                   "g = nx.node_link_graph(json.load(open(sys.argv[1])))\n"
                   "assert g.is_directed() and g.is_multigraph(), g\n"
                   "assert g.number_of_nodes() == 3 and g.number_of_edges() == 5, g\n"
                   "assert g.nodes[\"russia\"][\"aliases\"] == [\"Moscow\", \"Russian\"]\n"
                   "e = g.get_edge_data(\"russia\", \"taliban\", key=\"RECOGNIZES:negated\")\n"
                   "assert e[\"negated\"] is True and e[\"weight\"] == 1, e\n"
                   "assert g.nodes[\"a<b> & \\\"c\\\"\"][\"label\"] == \"A<B> & \\\"C\\\"\\\\\"\n"
                   "d = json.load(open(sys.argv[1]))\n"
                   "assert d[\"edges\"] == d[\"links\"]\n"  // networkx >= 3.6 reads "edges"
                   "h = nx.node_link_graph(d, attrs={\"link\": \"edges\"})\n"
                   "assert sorted(h.edges(keys=True)) == sorted(g.edges(keys=True))\n"
                   "assert g.nodes[\"russia\"][\"entity_type\"] == \"GPE\" and \"type\" not in g.nodes[\"russia\"]\n"
                   "m = g.get_edge_data(\"russia\", \"taliban\", key=\"MEETS\")\n"
                   "assert m[\"symmetric\"] is True and m[\"confidence\"] == 0.8, m\n"
                   "assert m[\"evidence\"][0][\"document\"] == \"doc \\\"1\\\".txt\", m\n"
                   "assert e[\"cameo\"] == \"054\" and m[\"evidence_count\"] == 1, e\n"
                   "e = g.get_edge_data(\"russia\", \"taliban\", key=\"HOSTS:threatened\")\n"
                   "assert e[\"modality\"] == \"threatened\", e\n"
                   "e = g.get_edge_data(\"russia\", \"taliban\", key=\"HOSTS\")\n"
                   "assert e[\"modality\"] == \"asserted\", e\n",
                   path),
            0);
}

TEST_F(FormatsTest, CsvHasNeo4jHeadersAndReadsBack) {
  std::ostringstream nodes, relationships;
  writeCsv(sampleGraph(), nodes, relationships);
  EXPECT_EQ(nodes.str().substr(0, nodes.str().find('\n')),
            "id:ID,name,:LABEL,aliases:string[],mentions:int,documents:string[],first_seen,"
            "last_seen");
  EXPECT_EQ(relationships.str().substr(0, relationships.str().find('\n')),
            ":START_ID,:END_ID,:TYPE,label,negated:boolean,modality,weight:double,confidence:double,"
            "documents:string[],date,evidence,symmetric:boolean,evidence_count:int,evidence_json,"
            "cameo,wikidata");
  std::string nodesPath = save("n.csv", nodes.str());
  save("r.csv", relationships.str());
  EXPECT_EQ(python("import csv, sys\n"
                   "rows = list(csv.DictReader(open(sys.argv[1], newline=\"\")))\n"
                   "assert len(rows) == 3, rows\n"
                   "ids = {r[\"id:ID\"] for r in rows}\n"
                   "assert \"a<b> & \\\"c\\\"\" in ids, ids\n"
                   "assert rows[2][\"aliases:string[]\"] == \"Islamic Emirate\", rows[2]\n"
                   "rels = list(csv.DictReader(open(sys.argv[1].replace(\"n.csv\", \"r.csv\"), newline=\"\")))\n"
                   "assert len(rels) == 5 and all(r[\":START_ID\"] in ids and r[\":END_ID\"] in ids for r in rels)\n"
                   "assert {r[\":TYPE\"] for r in rels} == {\"HOSTS\", \"RECOGNIZES\", \"MEETS\", \"CO_OCCURS\"}\n"
                   "hosts = [r for r in rels if r[\":TYPE\"] == \"HOSTS\"][0]\n"
                   "assert sorted(r[\"modality\"] for r in rels if r[\":TYPE\"] == \"HOSTS\") == [\"asserted\", \"threatened\"]\n"
                   "assert hosts[\"evidence\"].startswith(\"Russia hosted \\\"Taliban\\\"\"), hosts\n"
                   "import json\n"
                   "assert json.loads(hosts[\"evidence_json\"])[0][\"date\"] == \"2023-09-29\", hosts\n"
                   "assert hosts[\"symmetric:boolean\"] == \"false\" and hosts[\"cameo\"] == \"043\", hosts\n"
                   "assert hosts[\"confidence:double\"] == \"0.85\", hosts\n",
                   nodesPath),
            0);
}

}  // namespace
}  // namespace newsgraph::exporter

// Text no reader should choke on (U+FFFE, U+FFFF, C0 controls, NUL, ESC, markup, formula
// prefixes) in ids, labels, aliases, relation names and evidence: every format still loads
// in its real reader (xmllint with the schemas, networkx, dot, Python csv and json).
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

const std::string kHostile = std::string("A\xEF\xBF\xBE" "B\xEF\xBF\xBF" "C\x1F" "D\x1E" "E\x1B[2J") +
                             std::string(1, '\0') + "F\x7F<&\">";

graph::KnowledgeGraph hostileGraph() {
  extract::DocumentFacts doc;
  doc.id = "doc" + kHostile;
  doc.date = "2023-09-29";
  doc.entities.push_back({"key" + kHostile, "=HYPERLINK(\"x\")" + kHostile, EntityType::Person,
                          {"-alias" + kHostile}, 2});
  doc.entities.push_back({"russia", "@Russia", EntityType::Gpe, {}, 1});
  for (const char* relation : {"HOSTS", "CO_OCCURS", "WEIRD\"<&>"}) {
    extract::RelationFacts r;
    r.subject = 0;
    r.object = 1;
    r.relation = relation;
    r.evidence = "+evidence " + kHostile;
    doc.relations.push_back(r);
  }
  graph::KnowledgeGraph kg;
  kg.addDocument(doc);
  return kg;
}

class HostileTextTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("hostile_text_test." + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string save(const std::string& name, Format format) {
    std::ostringstream out;
    write(hostileGraph(), format, out);
    return save(name, out.str());
  }
  std::string save(const std::string& name, const std::string& content) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  static int run(const std::string& command) { return std::system(command.c_str()); }
  static int python(const std::string& script, const std::string& arg) {
    return run("/usr/bin/python3 -c '" + script + "' '" + arg + "'");
  }
  fs::path dir_;
};

TEST_F(HostileTextTest, GraphMLValidatesAndLoadsInNetworkx) {
  std::string path = save("h.graphml", Format::GraphML);
  std::string xsd = NEWSGRAPH_SHARED_DIR "/schemas/graphml/graphml.xsd";
  EXPECT_EQ(run("xmllint --nonet --noout --schema " + xsd + " '" + path + "' 2>/dev/null"), 0);
  EXPECT_EQ(python("import sys, networkx as nx\n"
                   "g = nx.read_graphml(sys.argv[1])\n"
                   "assert g.number_of_nodes() == 2, g\n"
                   "labels = [d[\"label\"] for _, d in g.nodes(data=True)]\n"
                   "assert any(l.startswith(\"=HYPERLINK\") and \"\\ufffd\" in l for l in labels), labels\n",
                   path),
            0);
}

TEST_F(HostileTextTest, GexfValidatesAgainstTheRelaxNgSchema) {
  std::string path = save("h.gexf", Format::Gexf);
  std::string rng = NEWSGRAPH_SHARED_DIR "/schemas/gexf/1.3/gexf.rng";
  EXPECT_EQ(run("xmllint --nonet --noout --relaxng " + rng + " '" + path + "' 2>/dev/null"), 0);
  std::ifstream in(path);
  std::string gexf((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(gexf.find("kind=\"WEIRD&quot;&lt;&amp;&gt;\""), std::string::npos);
}

TEST_F(HostileTextTest, DotIsAcceptedByGraphviz) {
  std::string path = save("h.dot", Format::Dot);
  EXPECT_EQ(run("dot -Tsvg '" + path + "' -o '" + path + ".svg' 2>/dev/null"), 0);
}

TEST_F(HostileTextTest, NodeLinkJsonLoads) {
  std::string path = save("h.json", Format::Json);
  EXPECT_EQ(python("import json, sys, networkx as nx\n"
                   "g = nx.node_link_graph(json.load(open(sys.argv[1])))\n"
                   "assert g.number_of_nodes() == 2 and g.number_of_edges() == 3, g\n",
                   path),
            0);
}

TEST_F(HostileTextTest, CsvSafeModeNeutralisesFormulas) {
  for (bool safe : {false, true}) {
    std::ostringstream nodes, relationships;
    writeCsv(hostileGraph(), nodes, relationships, CsvOptions{safe});
    std::string path = save(safe ? "safe_nodes.csv" : "plain_nodes.csv", nodes.str());
    save(safe ? "safe_rels.csv" : "plain_rels.csv", relationships.str());
    EXPECT_EQ(nodes.str().find('\x1B'), std::string::npos);
    std::string expect = safe ? "\"\\x27=HYPERLINK\"" : "\"=HYPERLINK\"";
    EXPECT_EQ(python("import csv, sys\n"
                     "rows = list(csv.DictReader(open(sys.argv[1], newline=\"\")))\n"
                     "assert len(rows) == 2, rows\n"
                     "names = sorted(r[\"name\"] for r in rows)\n"
                     "assert names[0].startswith(" + expect + "), names\n"
                     "assert names[1] == (\"\\x27@Russia\" if \"safe\" in sys.argv[1] else \"@Russia\"), names\n"
                     "rels = list(csv.DictReader(open(sys.argv[1].replace(\"nodes\", \"rels\"), newline=\"\")))\n"
                     "assert len(rels) == 3 and all(\"\\n\" not in r[\"evidence\"] for r in rels), rels\n",
                     path),
              0);
  }
}

}  // namespace
}  // namespace newsgraph::exporter

#include <gtest/gtest.h>

#include "core/core.h"
#include "eval/eval.h"

namespace newsgraph::eval {
namespace {

const std::string kHead =
    "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";

TEST(GraphMLReaderTest, KeysByAttrNameAndListsSplit) {
  Graph g = parseGraphML(kHead + R"(
  <key id="x1" for="node" attr.name="label"/><key id="x2" for="node" attr.name="documents"/>
  <key id="x3" for="edge" attr.name="relation"/><key id="negated" for="edge"/>
  <graph edgedefault="directed">
    <node id="a"><data key="x1">Russia &amp; Co</data><data key="type">GPE</data>
      <data key="aliases">Russian; Rossiya</data><data key="x2">dir/a.txt|b.txt</data></node>
    <node id="b"/>
    <edge source="a" target="b"><data key="x3">HOSTS</data><data key="negated"> Yes</data></edge>
    <edge source="b" target="a"><data key="x3">MEETS</data><data key="negated">no</data></edge>
  </graph></graphml>)",
                         "t.graphml");
  ASSERT_EQ(g.nodes.size(), 2u);
  EXPECT_EQ(g.nodes[0].label, "Russia & Co");
  EXPECT_EQ(g.nodes[0].type, "GPE");  // an undeclared key stands for itself
  EXPECT_EQ(g.nodes[0].aliases, (std::vector<std::string>{"Russian", "Rossiya"}));
  EXPECT_EQ(g.nodes[0].documents, (std::vector<std::string>{"dir/a.txt", "b.txt"}));
  EXPECT_FALSE(g.nodes[1].label.has_value());
  EXPECT_EQ(g.nodes[1].type, "");
  ASSERT_EQ(g.edges.size(), 2u);
  EXPECT_EQ(g.edges[0].relation, "HOSTS");
  EXPECT_TRUE(g.edges[0].negated);
  EXPECT_FALSE(g.edges[1].negated);
  EXPECT_EQ(g.edges[1].source, "b");
}

TEST(GraphMLReaderTest, OnlyAbsentOrAssertedModalityIsAFact) {
  Graph g = parseGraphML(kHead + R"(
  <key id="m" for="edge" attr.name="modality"/>
  <graph><node id="a"/><node id="b"/>
    <edge source="a" target="b"><data key="m"> Asserted</data></edge>
    <edge source="a" target="b"><data key="m">planned</data></edge>
    <edge source="a" target="b"/>
  </graph></graphml>)",
                         "t.graphml");
  ASSERT_EQ(g.edges.size(), 3u);
  EXPECT_TRUE(g.edges[0].fact);
  EXPECT_FALSE(g.edges[1].fact);
  EXPECT_TRUE(g.edges[2].fact);
}

TEST(GraphMLReaderTest, NestedGraphsRepeatedIdsAndLateKeys) {
  Graph g = parseGraphML(kHead + R"(
  <graph>
    <node id="a"><data key="k">First</data></node>
    <node id="p"><graph><node id="inner"><data key="k">Inner</data></node></graph></node>
    <node id="a"><data key="k">Second</data></node>
  </graph>
  <graph><node id="ignored"/></graph>
  <key id="k" attr.name="label"/></graphml>)",
                         "t.graphml");
  ASSERT_EQ(g.nodes.size(), 3u);
  EXPECT_EQ(g.nodes[0].id, "a");
  EXPECT_EQ(g.nodes[0].label, "Second");
  EXPECT_EQ(g.nodes[1].id, "p");
  EXPECT_EQ(g.nodes[2].label, "Inner");
}

TEST(GraphMLReaderTest, ElementsOutsideTheNamespaceAreNotRead) {
  EXPECT_THROW(parseGraphML("<graphml><graph><node id=\"a\"/></graph></graphml>", "t"), Error);
  Graph g =
      parseGraphML(kHead + "<graph><node xmlns=\"urn:other\" id=\"a\"/></graph></graphml>", "t");
  EXPECT_TRUE(g.nodes.empty());
}

TEST(GraphMLReaderTest, ErrorsNameFileAndLine) {
  try {
    parseGraphML(kHead + "<graph>\n<node id=\"a\">\n</graph></graphml>", "bad.graphml");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where(), "bad.graphml:5");
    EXPECT_NE(std::string(e.what()).find("malformed GraphML"), std::string::npos);
  }
  try {
    parseGraphML(kHead + "<graph>\n<node><data key=\"label\">x</data></node></graph></graphml>",
                 "noid.graphml");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where(), "noid.graphml:4");
  }
  EXPECT_THROW(parseGraphML(kHead + "<graph><edge source=\"a\"/></graph></graphml>", "t"), Error);
  EXPECT_THROW(parseGraphML("", "empty"), Error);
  EXPECT_THROW(readGraphML("/nonexistent/x.graphml"), Error);
  EXPECT_THROW(readGraphML(NEWSGRAPH_SOURCE_DIR), Error);
}

TEST(GraphMLReaderTest, ReadsTheFixture) {
  Graph g = readGraphML(std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/data/eval/tiny.graphml");
  EXPECT_EQ(g.nodes.size(), 17u);
  EXPECT_EQ(g.edges.size(), 12u);
  EXPECT_EQ(g.nodes[7].label, "Soviet\u2013Afghan War");  // CDATA and text joined
  EXPECT_EQ(g.nodes[10].aliases, (std::vector<std::string>{"Mark\u00a0 Tully", "M. Tully"}));
  EXPECT_EQ(g.nodes[11].label, "Paris");  // text around a comment joined
  EXPECT_EQ(g.nodes[16].label, "Kabul");
}

}  // namespace
}  // namespace newsgraph::eval

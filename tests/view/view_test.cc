#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "export/export.h"
#include "graph/store/store.h"
#include "view/view.h"

namespace newsgraph::view {
namespace {

namespace fs = std::filesystem;

// A sentence that would end the data element, open a comment and break a JavaScript string
// (U+2028) if it were inlined as it is.
const std::string kHostile = "Russia hosted </script><script>alert(1)</script> <!-- \xE2\x80\xA8 & \"Taliban\".";

graph::KnowledgeGraph sampleGraph() {
  graph::KnowledgeGraph kg;
  extract::DocumentFacts facts;
  facts.id = "doc1.txt";
  facts.date = "2023-09-29";
  facts.entities = {{"russia", "Russia", EntityType::Gpe, {"Russian Federation"}, 4},
                    {"taliban", "Taliban", EntityType::Org, {}, 3},
                    {"kabul", "Kabul", EntityType::Gpe, {}, 1},
                    {"sergey lavrov", "Sergey Lavrov", EntityType::Person, {"Sergei Lavrov"}, 2}};
  facts.relations = {{0, 1, "HOSTS", false, 0.85f, kHostile},
                     {0, 1, "RECOGNIZES", true, 0.8f, "Russia has not recognised the Taliban."},
                     {3, 0, "HOLDS_POSITION", false, 0.9f, "Russian Foreign Minister Sergey Lavrov."},
                     {1, 2, "CONTROLS", false, 0.7f, "The Taliban control Kabul."}};
  kg.addDocument(facts);
  return kg;
}

// A template with every slot, and stand-ins for d3 and the script.
PageAssets fakeAssets() {
  PageAssets a;
  a.page = "<!DOCTYPE html><title>{{title}}</title><style>{{style}}</style>"
           "<script type=\"application/json\" id=\"newsgraph-data\">{{data}}</script>"
           "<script>{{d3}}</script><script>{{script}}</script>";
  a.style = "body{}";
  a.d3 = "var d3={};";
  a.script = "run();";
  return a;
}

std::string render(const graph::KnowledgeGraph& kg, const PageOptions& options = {}) {
  std::ostringstream out;
  writePage(kg, fakeAssets(), options, out);
  return out.str();
}

// The JSON between the data element's tags.
rapidjson::Document pageData(const std::string& page) {
  std::string open = "id=\"newsgraph-data\">";
  size_t begin = page.find(open) + open.size();
  size_t end = page.find("</script>", begin);
  rapidjson::Document doc;
  doc.Parse(page.substr(begin, end - begin).c_str());
  EXPECT_FALSE(doc.HasParseError());
  return doc;
}

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

std::string tempFile(const std::string& name, const std::string& content) {
  fs::path dir = fs::temp_directory_path() / "newsgraph_view_test";
  fs::create_directories(dir);
  std::ofstream((dir / name).string(), std::ios::binary) << content;
  return (dir / name).string();
}

TEST(ViewPageTest, FillsEverySlot) {
  PageOptions options;
  options.title = "seeds <b>&</b>";
  std::string page = render(sampleGraph(), options);
  EXPECT_EQ(page.find("{{"), std::string::npos);
  EXPECT_NE(page.find("<title>seeds &lt;b&gt;&amp;&lt;/b&gt;</title>"), std::string::npos);
  EXPECT_NE(page.find("<style>body{}</style>"), std::string::npos);
  EXPECT_NE(page.find("<script>var d3={};</script><script>run();</script>"), std::string::npos);
}

TEST(ViewPageTest, NoSentenceCanEndTheDataElement) {
  std::string page = render(sampleGraph());
  // The template's three closing tags, and none from the data.
  EXPECT_EQ(count(page, "</script"), 3u);
  EXPECT_EQ(count(page, "<!--"), 0u);
  EXPECT_EQ(page.find("\xE2\x80\xA8"), std::string::npos);
  EXPECT_NE(page.find("\\u003c/script\\u003e"), std::string::npos);
  EXPECT_NE(page.find("\\u2028"), std::string::npos);
  rapidjson::Document data = pageData(page);
  bool found = false;
  for (const auto& s : data["sentences"].GetArray()) found |= s.GetString() == kHostile;
  EXPECT_TRUE(found) << "the sentence reads back unchanged";
}

TEST(ViewPageTest, DataHasNodesEdgesAndEvidenceWithDocumentAndDate) {
  rapidjson::Document data = pageData(render(sampleGraph()));
  ASSERT_EQ(data["nodes"].Size(), 4u);
  ASSERT_EQ(data["edges"].Size(), 4u);
  EXPECT_STREQ(data["nodes"][0]["id"].GetString(), "kabul");  // by key
  const auto& dates = data["dates"];
  ASSERT_EQ(dates.Size(), 1u);
  EXPECT_STREQ(dates[0].GetString(), "2023-09-29");
  EXPECT_STREQ(data["documents"][0].GetString(), "doc1.txt");
  bool negated = false;
  for (const auto& e : data["edges"].GetArray()) {
    const auto& relation = data["relations"][e["r"].GetUint()];
    if (std::string(relation["name"].GetString()) == "RECOGNIZES") negated = e["negated"].GetBool();
    ASSERT_EQ(e["evidence"].Size(), 1u);
    const auto& ev = e["evidence"][0];
    EXPECT_EQ(ev[0].GetInt(), 0);  // doc1.txt
    EXPECT_EQ(ev[1].GetInt(), 0);  // 2023-09-29
    EXPECT_EQ(e["weight"].GetDouble(), 1);
  }
  EXPECT_TRUE(negated);
  // Confidences read as the float they were, not 0.8500000238.
  EXPECT_NE(render(sampleGraph()).find("\"confidence\":0.85,"), std::string::npos);
}

TEST(ViewPageTest, KeepsTheEntitiesOfHighestDegree) {
  PageOptions options;
  options.maxNodes = 2;  // holds kEmbedFactor = 2 times as many: all four
  EXPECT_EQ(pageData(render(sampleGraph(), options))["nodes"].Size(), 4u);
  graph::KnowledgeGraph kg = sampleGraph();
  for (int i = 0; i < 4; ++i) {
    graph::EntityProps loner;
    loner.key = loner.label = "loner " + std::to_string(i);
    kg.addEntity(loner);
  }
  rapidjson::Document data = pageData(render(kg, options));
  ASSERT_EQ(data["nodes"].Size(), 4u);
  for (const auto& n : data["nodes"].GetArray())
    EXPECT_EQ(std::string(n["id"].GetString()).find("loner"), std::string::npos);
  EXPECT_EQ(data["start"].GetUint(), 2u);
  EXPECT_EQ(data["edges"].Size(), 4u);
}

TEST(ViewPageTest, HoldsTheHeaviestCooccurrencesAndEveryTypedEdge) {
  graph::KnowledgeGraph kg;
  std::vector<graph::Vertex> v;
  for (int i = 0; i < 12; ++i) {
    graph::EntityProps e;
    e.key = e.label = "entity " + std::to_string(10 + i);
    v.push_back(kg.addEntity(e));
  }
  double weight = 0;
  for (int i = 0; i < 12; ++i)
    for (int j = i + 1; j < 12; ++j) {
      graph::RelationProps r;
      r.relation = "CO_OCCURS";
      r.weight = ++weight;  // 1 .. 66
      kg.addRelation(v[i], v[j], r);
    }
  graph::RelationProps meets;
  meets.relation = "MEETS";
  meets.weight = 1;
  kg.addRelation(v[0], v[1], meets);
  PageOptions options;
  options.maxNodes = 6;  // holds 12 entities and 4 * 12 = 48 of the 66 co-occurrences
  rapidjson::Document data = pageData(render(kg, options));
  ASSERT_EQ(data["edges"].Size(), 49u);
  EXPECT_EQ(data["cooccurrencesLeftOut"].GetUint(), 18u);
  size_t typed = 0;
  for (const auto& e : data["edges"].GetArray()) {
    std::string relation = data["relations"][e["r"].GetUint()]["name"].GetString();
    if (relation == "CO_OCCURS") {
      EXPECT_GT(e["weight"].GetDouble(), 18);
    }
    typed += relation == "MEETS";
  }
  EXPECT_EQ(typed, 1u);
}

TEST(ViewPageTest, SameGraphSameBytes) {
  EXPECT_EQ(render(sampleGraph()), render(sampleGraph()));
  EXPECT_EQ(pageData(render(graph::KnowledgeGraph()))["nodes"].Size(), 0u);
}

TEST(ViewAssetsTest, ReadsTheProjectsAssetsAndD3) {
  std::string d3 = tempFile("d3.js", "d3.layout.force; d3.behavior.zoom;");
  PageAssets assets = loadAssets(NEWSGRAPH_SOURCE_DIR "/data", d3);
  EXPECT_NE(assets.page.find("{{data}}"), std::string::npos);
  EXPECT_NE(assets.script.find("newsgraph-data"), std::string::npos);
  EXPECT_FALSE(assets.style.empty());
  EXPECT_EQ(assets.d3, "d3.layout.force; d3.behavior.zoom;");
}

TEST(ViewAssetsTest, MissingD3NamesThePackage) {
  try {
    loadAssets(NEWSGRAPH_SOURCE_DIR "/data", "/nonexistent/d3.min.js");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where(), "/nonexistent/d3.min.js");
    EXPECT_NE(e.message().find("libjs-d3"), std::string::npos) << e.message();
  }
}

TEST(ViewAssetsTest, RejectsAnotherD3AndWhatCannotBeInlined) {
  std::string data = NEWSGRAPH_SOURCE_DIR "/data";
  EXPECT_THROW(loadAssets(data, tempFile("d3v7.js", "d3.forceSimulation; d3.zoom;")), Error);
  EXPECT_THROW(loadAssets(data, tempFile("bad.js", "d3.layout.force; d3.behavior.zoom; '</SCRIPT>'")),
               Error);
  EXPECT_THROW(loadAssets(tempFile("x", "") + ".missing", tempFile("d3.js", "d3.layout.force d3.behavior.zoom")),
               Error);
}

TEST(ViewAssetsTest, TemplateNeedsEachSlotOnce) {
  fs::path dir = fs::temp_directory_path() / "newsgraph_view_test" / "data";
  fs::create_directories(dir / "view");
  std::ofstream((dir / "view/view.js").string()) << "run();";
  std::ofstream((dir / "view/view.css").string()) << "body{}";
  std::ofstream((dir / "view/view.html").string()) << "{{title}}{{style}}{{data}}{{d3}}";
  std::string d3 = tempFile("d3.js", "d3.layout.force d3.behavior.zoom");
  try {
    loadAssets(dir.string(), d3);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("{{script}}"), std::string::npos) << e.message();
  }
  std::ofstream((dir / "view/view.html").string()) << "{{title}}{{style}}{{data}}{{d3}}{{script}}{{d3}}";
  EXPECT_THROW(loadAssets(dir.string(), d3), Error);
}

TEST(ViewInputTest, ReadsGraphMLAsNewsgraphWritesIt) {
  std::ostringstream xml;
  exporter::write(sampleGraph(), exporter::Format::GraphML, xml);
  graph::KnowledgeGraph kg = readGraph(tempFile("sample.graphml", xml.str()));
  const graph::Graph& g = kg.graph();
  ASSERT_EQ(num_vertices(g), 4u);
  ASSERT_EQ(num_edges(g), 4u);
  std::optional<graph::Vertex> lavrov = kg.findByKey("sergey lavrov");
  ASSERT_TRUE(lavrov);
  EXPECT_EQ(g[*lavrov].type, EntityType::Person);
  EXPECT_EQ(g[*lavrov].aliases, std::set<std::string>{"Sergei Lavrov"});
  EXPECT_EQ(g[*lavrov].mentions, 2);
  bool hostile = false;
  for (auto e : boost::make_iterator_range(edges(g))) {
    const graph::RelationProps& r = g[e];
    EXPECT_EQ(r.weight, 1);
    ASSERT_EQ(r.evidence.size(), 1u);
    EXPECT_EQ(r.evidence[0].document, "doc1.txt");
    EXPECT_EQ(r.evidence[0].date, "2023-09-29");
    hostile |= r.evidence[0].sentence == kHostile;
    if (r.relation == "RECOGNIZES") {
      EXPECT_TRUE(r.negated);
    }
  }
  EXPECT_TRUE(hostile);
}

// A plan stays a plan from the store or a GraphML file to the page, which draws it apart.
TEST(ViewPageTest, EdgesCarryTheirModality) {
  graph::KnowledgeGraph kg = sampleGraph();
  extract::DocumentFacts plan;
  plan.id = "doc2.txt";
  plan.entities = {{"sergey lavrov", "Sergey Lavrov", EntityType::Person, {}, 1},
                   {"kabul", "Kabul", EntityType::Gpe, {}, 1}};
  plan.relations = {{0, 1, "VISITS", false, 0.8f, "Lavrov plans to visit Kabul.", Modality::Planned}};
  kg.addDocument(plan);
  std::ostringstream xml;
  exporter::write(kg, exporter::Format::GraphML, xml);
  for (const graph::KnowledgeGraph& from : {kg, readGraph(tempFile("plan.graphml", xml.str()))}) {
    rapidjson::Document data = pageData(render(from));
    int planned = 0, asserted = 0;
    for (const auto& e : data["edges"].GetArray()) {
      std::string modality = e["modality"].GetString();
      planned += modality == "planned";
      asserted += modality == "asserted";
    }
    EXPECT_EQ(planned, 1);
    EXPECT_EQ(asserted, 4);
  }
}

TEST(ViewInputTest, BadInputsSayWhatIsWrong) {
  EXPECT_THROW(readGraph("/nonexistent/world.db"), Error);
  EXPECT_THROW(readGraph("/nonexistent/world.graphml"), Error);
  try {
    readGraph(tempFile("notes.txt", "hello"));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("cannot tell the input format"), std::string::npos) << e.message();
  }
  EXPECT_THROW(readGraph(tempFile("broken.graphml", "<graphml><graph>")), Error);
}

// A store of many documents over a pool of entities, with every kind of relation the
// selection can filter on: typed and co-occurring, modalities, weights, types, loops.
std::string sampleStore() {
  std::string path = (fs::temp_directory_path() / "newsgraph_view_test" / "many.db").string();
  fs::create_directories(fs::path(path).parent_path());
  fs::remove(path);
  store::Store store = store::Store::create(path);
  store::Store::Writer writer = store.write();
  const EntityType types[] = {EntityType::Person, EntityType::Org, EntityType::Gpe};
  const char* relations[] = {"MEETS", "HOSTS", "SANCTIONS", "CO_OCCURS", "CO_OCCURS"};
  const Modality modalities[] = {Modality::Asserted, Modality::Asserted, Modality::Planned,
                                 Modality::Threatened};
  uint32_t seed = 7;
  auto next = [&](uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  for (int d = 0; d < 60; ++d) {
    extract::DocumentFacts facts;
    facts.id = "doc" + std::to_string(d) + ".txt";
    facts.date = "2023-0" + std::to_string(1 + d % 9) + "-1" + std::to_string(d % 10);
    for (int i = 0; i < 6; ++i) {
      uint32_t e = next(40);
      std::string name = "Entity " + std::to_string(e);
      facts.entities.push_back({foldName(name), name, types[e % 3], {}, 1 + int(next(3))});
    }
    // One pair met in every document: an edge with more sentences than a full load keeps.
    for (const char* name : {"Entity 0", "Entity 1"})
      facts.entities.push_back({foldName(name), name, EntityType::Person, {}, 1});
    facts.relations.push_back({6, 7, "MEETS", false, 0.9f, "They met again.", Modality::Asserted});
    for (int k = 0; k < 8; ++k) {
      int s = static_cast<int>(next(6)), o = static_cast<int>(next(6));
      facts.relations.push_back({s, o, relations[next(5)], next(7) == 0, 0.8f,
                                 "Sentence " + std::to_string(d) + "." + std::to_string(k),
                                 modalities[next(4)]});
    }
    writer.add(facts);
  }
  // Entities that only co-occur, and one without any relation.
  extract::DocumentFacts loners;
  loners.id = "loners.txt";
  for (const char* name : {"Loner A", "Loner B", "Loner C"})
    loners.entities.push_back({foldName(name), name, EntityType::Org, {}, 9});
  loners.relations.push_back({0, 1, "CO_OCCURS", false, 1.0f, "Loner A and Loner B."});
  writer.add(loners);
  writer.commit();
  store.finish();
  return path;
}

TEST(ViewInputTest, PageFromPartOfAStoreEqualsPageFromAllOfIt) {
  std::string path = sampleStore();
  graph::KnowledgeGraph all = store::Store::open(path).load();
  ASSERT_GT(num_vertices(all.graph()), 30u);
  std::vector<query::Filter> filters(7);
  size_t manyEvidence = 0;
  filters[1].modalities = {};
  filters[2].noCooccurrence = true;
  filters[3].types = {EntityType::Person, EntityType::Gpe};
  filters[4].relations = {"MEETS", "CO_OCCURS"};
  filters[5].minWeight = 2;
  filters[6].modalities = {Modality::Planned, Modality::Threatened};
  filters[6].types = {EntityType::Org};
  for (size_t f = 0; f < filters.size(); ++f)
    for (size_t maxNodes : {1, 3, 8, 100}) {
      PageOptions options;
      options.maxNodes = maxNodes;
      std::string expected = render(query::applyFilter(all, filters[f]), options);
      graph::KnowledgeGraph part = readPageGraph(path, filters[f], maxNodes);
      // Typed edges come with every sentence, the first of them those the full load has.
      for (auto e : boost::make_iterator_range(edges(part.graph()))) {
        std::vector<graph::Evidence>& evidence = part.graph()[e].evidence;
        if (part.graph()[e].relation != "CO_OCCURS") {
          EXPECT_GE(evidence.size(), part.graph()[e].documents.size());
        }
        manyEvidence += evidence.size() > graph::kMaxEvidence;
        if (evidence.size() > graph::kMaxEvidence) evidence.resize(graph::kMaxEvidence);
      }
      EXPECT_EQ(render(part, options), expected)
          << "filter " << f << ", " << maxNodes << " nodes";
      EXPECT_GT(pageData(expected)["nodes"].Size(), 0u);
    }
  EXPECT_GT(manyEvidence, 0u);
  // A filter that needs the whole graph (dates, ego) reads it whole, with the same result.
  query::Filter dated;
  dated.since = "2023-05";
  EXPECT_EQ(render(readPageGraph(path, dated, 5)), render(query::applyFilter(all, dated)));
}

}  // namespace
}  // namespace newsgraph::view

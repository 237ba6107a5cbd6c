// The query parser and matcher: any text parses or throws ParseError, and a parsed pattern
// runs against a small graph (unknown names throw Error).
#include <string_view>

#include "graph/query/query.h"

using namespace newsgraph;

namespace {

const graph::KnowledgeGraph& sampleGraph() {
  static const graph::KnowledgeGraph kg = [] {
    extract::DocumentFacts doc;
    doc.id = "a.txt";
    doc.date = "2023-09-29";
    doc.entities.push_back({"russia", "Russia", EntityType::Gpe, {"Moscow"}, 2});
    doc.entities.push_back({"taliban", "Taliban", EntityType::Org, {}, 1});
    doc.entities.push_back({"sergey lavrov", "Sergey Lavrov", EntityType::Person, {"Lavrov"}, 1});
    for (const char* relation : {"HOSTS", "MEETS", "CO_OCCURS"}) {
      extract::RelationFacts r;
      r.subject = 0;
      r.object = relation[0] == 'M' ? 2 : 1;
      r.relation = relation;
      r.negated = relation[0] == 'C';
      r.evidence = "Russia hosted the Taliban.";
      doc.relations.push_back(r);
    }
    graph::KnowledgeGraph g;
    g.addDocument(doc);
    return g;
  }();
  return kg;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    query::Pattern pattern = query::parsePattern(text);
    query::Resolver names(sampleGraph());
    query::match(sampleGraph(), names, pattern);
  } catch (const query::ParseError& e) {
    if (e.column() < 1 || e.column() > size + 1) __builtin_trap();
    e.caret();
  } catch (const Error&) {
  }
  return 0;
}

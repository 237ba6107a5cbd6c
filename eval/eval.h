#pragma once
// Scores a graph against a gold annotation file (newsgraph-gold/1, ../shared/eval/GUIDELINES.md):
// precision, recall and F1 of entities, typed entities and relations, per document and
// micro-averaged, with misses, false alarms and boilerplate leaks. The rules are those of
// ../shared/tools/score_graphml.py, and the numbers agree with it exactly.
//
//   eval::Report report = eval::score(eval::readGold("seeds.gold.json"),
//                                     eval::readGraphML("seeds.graphml"));
//   std::cout << eval::formatText(report);

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"

namespace newsgraph::eval {

// The part of a graph that scoring reads: the GraphML output contract, before any matching.
struct Node {
  std::string id;
  std::optional<std::string> label;  // absent when the node has no label data
  std::string type;                  // "" when absent
  std::vector<std::string> aliases;
  std::vector<std::string> documents;  // as written: ids or paths (only the file name counts)
  std::map<std::string, std::string> data = {};  // every <data> by attr.name, as written
};

struct Edge {
  std::string source, target;  // node ids; an id that names no node matches no entity
  std::string relation;        // only the 22 ontology relations are scored, not CO_OCCURS
  bool negated = false;
  // False when a modality other than asserted is given (a plan, a threat ...): such an edge
  // is neither a hit nor a false alarm.
  bool fact = true;
  std::vector<std::string> documents;
  std::map<std::string, std::string> data = {};  // every <data> by attr.name, as written
};

struct Graph {
  std::vector<Node> nodes;  // unique ids
  std::vector<Edge> edges;
};

// Reads GraphML (keys resolved by attr.name, as the output contract says) with libxml2.
// Nodes with a repeated id replace the earlier one in its place; nested graphs are read too.
// Throws Error (where = path or path:line) for a missing file, malformed XML, no <graph>
// element, or a node or edge without its id/source/target attribute.
Graph readGraphML(const std::string& path);
// Same, from a string; `name` is used in error messages.
Graph parseGraphML(std::string_view xml, const std::string& name);
// The same form from a graph built in memory (vertex index as the node id).
Graph fromKnowledgeGraph(const graph::KnowledgeGraph& kg);

// newsgraph-gold/1.
struct GoldEntity {
  std::string name;                // canonical name
  std::vector<std::string> types;  // "GPE|LOC" split on '|'; {""} when the type is missing
  std::vector<std::string> aliases;
};

struct GoldRelation {
  std::string subject, relation, object;  // subject and object may hold "A|B" alternatives
  bool negated = false;
};

struct GoldDocument {
  std::string file;
  std::vector<std::string> entities, optionalEntities, absentEntities;
  std::vector<GoldRelation> relations, optionalRelations;
};

struct Gold {
  std::vector<GoldEntity> entities;  // catalog in file order; a repeated name keeps its place
  std::vector<GoldDocument> documents;
};

// Throws Error (where = path:line) for unreadable or malformed JSON, a missing or mistyped
// field, or a "format" other than newsgraph-gold/1.
Gold readGold(const std::string& path);
Gold parseGold(std::string_view json, const std::string& name);

// Counts and their ratios rounded to 4 decimals (as the JSON report prints them).
struct Score {
  int tp = 0, fp = 0, fn = 0;
  double precision = 0, recall = 0, f1 = 0;
  static Score of(int tp, int fp, int fn);
};

struct DocumentReport {
  std::string file;
  Score entities, typedEntities, relations;
  std::vector<std::string> missedEntities;     // sorted gold names
  std::vector<std::string> spuriousEntities;   // sorted node labels
  std::vector<std::string> boilerplateLeaks;   // sorted node labels
  std::vector<std::string> missedRelations;    // "S [NOT ]REL O" in gold order
  std::vector<std::string> spuriousRelations;  // sorted "S [NOT ]REL O" with node labels
};

struct Report {
  std::vector<DocumentReport> documents;     // in gold order
  Score entities, typedEntities, relations;  // micro-averaged
  int boilerplateLeaks = 0;
};

// Scores `graph` against every gold document. Throws Error only when an edge to be listed
// as a false alarm names a source or target that is no node.
Report score(const Gold& gold, const Graph& graph);

// The human report of score_graphml.py, line for line.
std::string formatText(const Report& report);
// The JSON report of score_graphml.py --json (same keys, order and rounding), UTF-8.
std::string formatJson(const Report& report);

struct Thresholds {
  std::optional<double> minEntityF1, minTypedEntityF1, minRelationF1;
  std::optional<int> maxBoilerplate;
};
// One message per threshold that does not hold, e.g. "relations F1 0.412 < 0.500", comparing
// the rounded F1 as score_graphml.py does. Empty when all hold.
std::vector<std::string> shortfalls(const Report& report, const Thresholds& thresholds);

// score_graphml.py's norm(): NFKC, curly quotes to "'", U+2010..U+2015 to "-", whitespace
// collapsed and trimmed, lower case (Python's str.lower), a leading "the " dropped, and a
// trailing "." dropped when it is the only dot. Throws Error for invalid UTF-8.
std::string normalizeName(std::string_view name);
// score_graphml.py's split_list(): a JSON array ("[\"a\", \"b\"]"), else items separated by
// ';' or '|', trimmed, empty ones dropped.
std::vector<std::string> splitList(std::string_view value);

// --- Coreference (coref_score.cc, coref_gum.cc) ---

// Chains of mention ids; every chain non-empty, a mention in at most one chain.
using CorefChains = std::vector<std::vector<int>>;

struct CorefScore {
  double recall = 0, precision = 0, f1 = 0;
};

struct CorefReport {
  size_t documents = 0, mentions = 0, keyChains = 0, responseChains = 0;
  CorefScore muc, b3, ceafe;
  double conll = 0;  // mean of the three F1 (the CoNLL-2012 score)
};

// MUC, B3 and CEAF-e (the CoNLL-2012 definitions), counts summed over the documents added.
class CorefScorer {
 public:
  void add(const CorefChains& key, const CorefChains& response);
  CorefReport report() const;

 private:
  double mucRecall_[2] = {0, 0}, mucPrecision_[2] = {0, 0};  // numerator, denominator
  double b3Recall_[2] = {0, 0}, b3Precision_[2] = {0, 0};
  double ceafSimilarity_ = 0, ceafKey_ = 0, ceafResponse_ = 0;
  size_t documents_ = 0;
};

// Scores resolve::resolveCoreference on a CoNLL-U file whose MISC column holds GUM's
// Entity= brackets: each document's annotated mentions (gold boundaries) are described as the
// pipeline would see them (head, form, subject, the NER's type) and chained; chains of one
// mention are left out of key and response (as in CoNLL-2012). Throws Error (path:line) for
// unreadable input or unbalanced brackets.
CorefReport evaluateCoreference(const std::string& conlluPath);
std::string formatCorefText(const CorefReport& report);

}  // namespace newsgraph::eval

#pragma once
// Runs the pipeline stages on one document: clean -> text -> mention -> resolve -> syntax (where
// relations can hold) -> relate.
// The result holds only owned strings, so it can be handed to another thread, a graph
// or a store after the document is dropped.
//
//   Extractor extractor(ExtractOptions{});
//   DocumentFacts facts = extractor.extract(doc);

#include <memory>
#include <string>
#include <vector>

#include "extract/corpus/corpus.h"
#include "extract/relate/relate.h"

namespace newsgraph::extract {

struct EntityFacts {
  std::string key;
  std::string name;
  EntityType type = EntityType::Org;
  std::vector<std::string> aliases;  // surface forms other than name, sorted
  int mentions = 0;
};

struct RelationFacts {
  int subject = 0;  // index into DocumentFacts::entities
  int object = 0;
  std::string relation;
  bool negated = false;
  float confidence = 1.0f;
  std::string evidence;  // the sentence, whitespace collapsed
  Modality modality = Modality::Asserted;
};

struct DocumentFacts {
  std::string id, date, source;
  uint64_t bytes = 0;   // size of the text
  uint64_t tokens = 0;
  std::vector<EntityFacts> entities;
  std::vector<RelationFacts> relations;
};

struct ExtractOptions {
  bool cooccurrence = true;
  bool tagger = true;  // run the statistical tagger (data/models/ner.model) beside the lexicons
  // Parse (data/models/syntax.model) the sentences with two or more entity mentions, for the
  // relation stage. Off by default while no relation rule reads the parse.
  bool parser = false;
};

class Extractor {
 public:
  // Loads the lexicons, boilerplate rules and relation rules from dataDir().
  explicit Extractor(ExtractOptions options);
  ~Extractor();
  // Thread-safe: may be called from several threads at once.
  DocumentFacts extract(const corpus::Document& doc) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsgraph::extract

#pragma once
// Relation extraction over sentences: the rule engine driven by data/relations.json
// (trigger lemmas + argument patterns: active, passive, nominal, coordination), title
// relations ("Russian Foreign Minister Sergey Lavrov" -> HOLDS_POSITION Russia),
// negation and modality, metonymy (Moscow as agent -> Russia), and co-occurrence.
//
//   RelationRules rules = RelationRules::load(dataDir(), Ontology::standard());
//   std::vector<Fact> facts = extractRelations(ctx, rules, options);

#include <memory>
#include <string>
#include <vector>

#include "core/core.h"
#include "extract/resolve/resolve.h"
#include "extract/syntax/syntax.h"

namespace newsgraph::relate {

struct Fact {
  int subject = -1;  // index into Resolution::entities
  int object = -1;
  std::string relation;  // ontology name or CO_OCCURS
  bool negated = false;
  float confidence = 1.0f;
  uint32_t sentence = 0;  // index into Segmentation::sentences
  std::string rule;       // id of the rule that fired (for --explain and tests)
  Modality modality = Modality::Asserted;  // only asserted facts are scored and weighed
};

struct RelateOptions {
  bool cooccurrence = true;
};

class RelationRules {
 public:
  // Reads DATA_DIR/relations.json; checks every relation name against the ontology.
  // Throws Error (path:line) when malformed.
  static RelationRules load(const std::string& dataDir, const Ontology& ontology);
  static const RelationRules& standard();
  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<const Impl> impl_;
};

struct SentenceContext {
  std::string_view text;
  const text::Segmentation& seg;
  const std::vector<mention::Mention>& mentions;
  resolve::Resolution& resolution;  // relate may add entities (a capital's state)
  const mention::Lexicon& lexicon;
  // The parse of each sentence with at least two entity mentions (words empty elsewhere), or
  // null when the build runs without the parser.
  const std::vector<syntax::SentenceParse>* parses = nullptr;
};

// Facts of the whole document, in sentence order, without duplicates.
std::vector<Fact> extractRelations(SentenceContext& ctx, const RelationRules& rules,
                                   const RelateOptions& options);

}  // namespace newsgraph::relate

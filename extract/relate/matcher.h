#pragma once
// Private to relate/: runs the rules of relations.json over the views of one sentence.

#include <string>
#include <vector>

#include "extract/relate/sentence.h"

namespace newsgraph::relate {

struct Candidate {
  std::vector<int> subjects, objects;  // entities (a coordination gives several)
  int subjectSlot = -1, objectSlot = -1;  // in SentenceData::slots
  const Rule* rule = nullptr;
  bool negated = false;
  Modality modality = Modality::Asserted;
};

std::vector<Candidate> matchRules(const SentenceData& d, const RelationRules::Impl& rules);

// Entities of the slot at view[u] and of the slots coordinated with it ("A, B and C").
std::vector<int> coordinated(const SentenceData& d, const View& view, size_t u);

}  // namespace newsgraph::relate

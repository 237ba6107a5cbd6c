#pragma once
// Private to relate/: relations stated by the shape of a phrase rather than by a verb:
// titles ("Russian Foreign Minister Sergey Lavrov", "Zamir Kabulov, director of the ...
// Department") -> HOLDS_POSITION; state bodies ("Russia's FSB", "Russian Ministry of
// Defense") -> PART_OF; places ("Astana, Kazakhstan", "the Uzbek town of Termez") ->
// LOCATED_IN; compounds ("Taliban-led Afghanistan") -> CONTROLS.

#include <vector>

#include "extract/relate/sentence.h"

namespace newsgraph::relate {

struct StructuralFact {
  int subject = -1, object = -1;
  const char* relation = "";
  const char* rule = "";
  float confidence = 1.0f;
};

std::vector<StructuralFact> structuralRelations(const SentenceData& d, SentenceContext& ctx,
                                                const RelationRules::Impl& rules);

// A GPE of the lexicon with a capital: a state, not a city or region.
bool isState(const SentenceContext& ctx, int entity);

}  // namespace newsgraph::relate

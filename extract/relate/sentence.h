#pragma once
// Private to relate/: one sentence as the rules see it. Entity mentions become slots;
// relative clauses (", which borders Afghanistan,") and parentheses are cut out of the
// main view and become views of their own that start with the entity they describe.

#include <string>
#include <vector>

#include "extract/relate/rules.h"

namespace newsgraph::relate {

struct Slot {
  int entity = -1;
  uint32_t first = 0, end = 0;  // token range
  bool anaphor = false;         // "the group", "it", "he": resolved to an earlier entity
  bool demonym = false;
  std::vector<int> alternatives;  // for anaphora: further candidates, best first
};

struct Unit {
  int slot = -1;       // >= 0: an entity slot
  uint32_t token = 0;  // first token of the unit
};

using View = std::vector<Unit>;

struct SentenceData {
  uint32_t index = 0;  // sentence number
  uint32_t first = 0, end = 0;
  std::vector<std::string> lower;  // lower-cased tokens, lower[t - first] (may hold more, unused)
  std::vector<Slot> slots;
  std::vector<int> slotAt;  // per token: slot starting there, or -1
  std::vector<char> titleWord;  // per token: part of a title before a person ("Prime Minister")
  std::vector<View> views;  // views[0] is the main view
  const std::string& word(uint32_t token) const { return lower[token - first]; }
  std::vector<EntityType> types;  // type of each entity of the document, for the matcher
  EntityType entityType(int entity) const { return types[static_cast<size_t>(entity)]; }
};

// Keeps what anaphora need across sentences: entity salience so far.
struct DocumentState {
  std::vector<int> mentionsSoFar;  // per entity
  int lastOrg = -1, lastPerson = -1;
  size_t nextMention = 0;  // first mention not yet seen
};

// Refills d for the sentence; d is reused across the sentences of a document so that its
// token strings and vectors keep their buffers.
void buildSentence(SentenceContext& ctx, const RelationRules::Impl& rules, uint32_t sentence,
                   DocumentState& state, SentenceData& d);

}  // namespace newsgraph::relate

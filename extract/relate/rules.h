#pragma once
// Private to relate/: the compiled form of data/relations.json.
//
// A pattern is a sequence of elements over a sentence view (tokens and entity slots):
//   S, O          the subject / object: one entity slot (a coordination "A, B and C" expands)
//   ~N            a gap of 0..N plain tokens (no entity, no clause break); "~" means ~4
//   *N            a gap of 0..N tokens that may hold entities ("call on X's neighbours not to")
//   V:a|b         a verb trigger: every inflection of the lemmas a, b ("host" -> hosted...)
//   N:a|b         a noun trigger: the nouns and their plurals
//   W:a|b         one of these words;  plain "by", "(", "'s" match themselves
//   BE            a form of "to be"
//   [x]           an optional word

#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/relate/relate.h"
#include "extract/relate/word_set.h"

namespace newsgraph::relate {

struct Element {
  enum class Kind : uint8_t { Subject, Object, Gap, Words };
  Kind kind = Kind::Words;
  int maxGap = 0;          // for Gap
  bool gapOverSlots = false;  // "*N" gaps may contain entity slots
  bool optional = false;   // for Words in [brackets]
  bool trigger = false;    // V: and N: elements
  bool noun = false;       // N: triggers (checked for a negation after the object)
  WordSet words;           // for Words
};

// The word lists of relations.json ("words": {...}); every one must be present.
enum class WordList : uint8_t {
  Be,
  Negation,
  NegatingVerbs,
  Modal,
  Relative,
  ClauseBreaks,
  AnaphoraGroup,
  AnaphoraState,
  AnaphoraPerson,
  PronounGroup,
  PronounActor,
  PlaceNouns,
  BodyHeads,
  ControlCompounds,
  PositionModifiers,
  PositionFillers,
  HolderBlockers,
  DemonymAgents,
  DemonymTargets,
  ReportingVerbs,
  Locative,
  SubjectBlockers,
  GapStop,
  PlanningWords,
  ThreateningWords,
  DemandingWords,
  Count
};

struct Rule {
  std::string id;
  std::string relation;
  std::vector<Element> elements;
  size_t anchor = 0;  // index of the first trigger (or first Words element)
  int line = 0;       // in relations.json, for messages
};

struct RelationRules::Impl {
  std::vector<Rule> rules;
  // Every word that can start a match at the anchor -> (rule, element) pairs.
  std::unordered_map<std::string, std::vector<size_t>> anchors;
  std::array<WordSet, static_cast<size_t>(WordList::Count)> words;
  bool has(WordList list, const std::string& word) const {
    return words[static_cast<size_t>(list)].count(word) > 0;
  }
};

// "host" -> host, hosts, hosted, hosting; irregular verbs from a small table.
std::vector<std::string> verbForms(const std::string& lemma);
// "talk" -> talk, talks.
std::vector<std::string> nounForms(const std::string& noun);

}  // namespace newsgraph::relate

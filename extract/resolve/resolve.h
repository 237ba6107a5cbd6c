#pragma once
// Resolution: one entity per real-world thing within a document. Aliases and spelling
// variants go to the lexicon's canonical name ("Sergei Lavrov", "US", "U.S." ...),
// demonyms to their state ("Russian" -> Russia), a surname or a partial name to the full
// name seen earlier ("Lavrov" -> Sergey Lavrov), acronyms to their expansion when the
// document spells it out ("Collective Security Treaty Organization (CSTO)").
//
//   Resolution r = resolveMentions(mentions, doc.text, seg, lexicon);
//   const Entity& e = r.entities[r.entity_of_mention[0]];   // e.name == "Sergey Lavrov"

#include <optional>
#include <string>
#include <vector>

#include "extract/mention/mention.h"

namespace newsgraph::resolve {

struct Entity {
  std::string key;    // stable across documents: foldName(name)
  std::string name;   // canonical name
  EntityType type = EntityType::Org;
  std::vector<std::string> aliases;  // other surface forms seen in this document, sorted
  int mentions = 0;
};

struct Resolution {
  std::vector<Entity> entities;         // in order of first mention
  std::vector<int> entity_of_mention;   // per mention; -1 when dropped
  // Index of the entity named canonical (lexicon name), adding it when absent (mentions 0).
  int ensure(const std::string& canonical, EntityType type);
  int find(std::string_view key) const;  // -1 if absent
};

// date: the document's ISO date ("" if unknown), for aliases that change meaning over time.
Resolution resolveMentions(const std::vector<mention::Mention>& mentions, std::string_view text,
                           const text::Segmentation& seg, const mention::Lexicon& lexicon,
                           std::string_view date = {});

// --- Coreference within a document (coref.cc): which mentions, named or not, speak of the
// same thing. Names join by their words, descriptions ("the country", "the union") by their
// head noun, pronouns by agreement and salience.
enum class MentionForm : uint8_t { Name, Description, Pronoun };

struct CorefMention {
  uint32_t sentence = 0;   // document order: sentence, then position within it
  uint32_t position = 0;
  MentionForm form = MentionForm::Name;
  std::string head;        // lower-cased head word ("dvořák", "country", "she")
  std::vector<std::string> words;  // lower-cased content words of the whole mention
  std::optional<EntityType> type;  // when known (a named entity's type)
  bool plural = false;     // for names and descriptions: a plural head
  bool subject = false;    // the subject of its clause (more salient)
  bool possessive = false; // "its", "his", "the group's"
  bool quoted = false;     // inside quotation marks
};

// Chain id per mention (the index of the chain's first mention; a mention alone keeps its
// own index). MENTIONS must be in document order.
std::vector<int> resolveCoreference(const std::vector<CorefMention>& mentions);

}  // namespace newsgraph::resolve

#pragma once
// Resolution: one entity per real-world thing within a document. Aliases and spelling
// variants go to the lexicon's canonical name ("Sergei Lavrov", "US", "U.S." ...),
// demonyms to their state ("Russian" -> Russia), a surname or a partial name to the full
// name seen earlier ("Lavrov" -> Sergey Lavrov), acronyms to their expansion when the
// document spells it out ("Collective Security Treaty Organization (CSTO)").
//
//   Resolution r = resolveMentions(mentions, doc.text, seg, lexicon);
//   const Entity& e = r.entities[r.entity_of_mention[0]];   // e.name == "Sergey Lavrov"

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

}  // namespace newsgraph::resolve

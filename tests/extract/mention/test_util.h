#pragma once
// Helpers shared by the mention tests: segment a sentence and list its mentions.

#include <string>
#include <vector>

#include "extract/mention/mention.h"

namespace newsgraph::mention::testing {

inline const Lexicon& lexicon() {
  static const Lexicon lex = Lexicon::load(std::string(NEWSGRAPH_SOURCE_DIR) + "/data");
  return lex;
}

struct Found {
  std::string surface;
  EntityType type;
  MentionKind kind;
  std::string canonical;
  std::string part_of;
};

inline std::vector<Found> findIn(const std::string& text, const tagger::Tagger* tagger = nullptr) {
  text::Segmentation seg = text::segment(text, {Span{0, static_cast<uint32_t>(text.size())}});
  MentionFinder finder(lexicon(), tagger);
  std::vector<Found> out;
  for (const Mention& m : finder.find(text, seg))
    out.push_back({text.substr(m.span.begin, m.span.size()), m.type, m.kind, m.canonical, m.part_of});
  return out;
}

inline const Found* findSurface(const std::vector<Found>& found, const std::string& surface) {
  for (const Found& f : found)
    if (f.surface == surface) return &f;
  return nullptr;
}

inline std::vector<std::string> surfaces(const std::vector<Found>& found) {
  std::vector<std::string> out;
  for (const Found& f : found) out.push_back(f.surface);
  return out;
}

}  // namespace newsgraph::mention::testing

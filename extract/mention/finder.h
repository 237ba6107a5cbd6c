#pragma once
// Private to extract/mention: the per-document state shared by the gazetteer and the patterns.

#include <string>
#include <vector>

#include "extract/mention/lexicon_impl.h"

namespace newsgraph::mention {

enum class Source : uint8_t { Lexicon, Pattern, Tagger };

struct Candidate {
  Mention mention;
  Source source = Source::Lexicon;
  int32_t entry = -1;  // lexicon entry for Source::Lexicon
};

struct Document {
  const Lexicon::Impl& lex;
  const text::Segmentation& seg;
  std::vector<std::string> folded;     // folded text of every token
  std::vector<uint8_t> starts;         // per token: StartFlag bits
  std::vector<int32_t> gazetteerAt;    // per token: candidate index of the lexicon match covering it
  std::vector<Candidate> candidates;
  mutable std::string scratch;

  Document(const Lexicon::Impl& lexicon, const text::Segmentation& segmentation);
  const text::Token& token(uint32_t i) const { return seg.tokens[i]; }
  bool upper(uint32_t i) const { return seg.tokens[i].has(text::kUpperInitial); }
  // Token i is a title that also starts names ("General" of "General Motors").
  bool nameTitle(uint32_t i) const { return lex.nameTitles.count(folded[i]) > 0; }
  // The lexicon entry matched at token i (the match covers i), or nullptr.
  const LexiconEntry* entryAt(uint32_t i) const;
  // Length of the longest title/head/cue starting at i (0 if none), not crossing end.
  uint32_t titleAt(uint32_t i, uint32_t end, const TitleEntry** title = nullptr) const;
  uint32_t headAt(uint32_t i, uint32_t end, const HeadInfo** head = nullptr) const;
  uint32_t cueAt(uint32_t i, uint32_t end, const CueInfo** cue = nullptr) const;
  void add(uint32_t first, uint32_t end, EntityType type, MentionKind kind, std::string canonical,
           float score, Source source, int32_t entry = -1, std::string partOf = {});
};

// Lexicon matches, longest at each start, with the case rules (adds to doc.candidates and
// fills doc.gazetteerAt).
void findGazetteer(Document& doc, const text::Sentence& sentence);
// Person, organisation and event patterns over one sentence (after findGazetteer).
void findPersons(Document& doc, const text::Sentence& sentence);
void findOrganizations(Document& doc, const text::Sentence& sentence);
// Names the tagger finds, typed with the lexicon where it knows them (tagger_mentions.cc).
void findTagged(Document& doc, const text::Sentence& sentence, const tagger::Tagger& tagger,
                tagger::DocumentHistory& history);

}  // namespace newsgraph::mention

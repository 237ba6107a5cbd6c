// The statistical tagger as a recognizer. CoNLL types map to ours: PER -> PERSON, ORG -> ORG,
// LOC -> the lexicon's type when it knows the name, else GPE (most unknown locations in news
// are towns and provinces); MISC -> EVENT only when the lexicon says so (most MISC spans are
// demonyms and nationalities, which the gazetteer already handles).
#include <algorithm>

#include "extract/mention/finder.h"

namespace newsgraph::mention {
namespace {

std::optional<EntityType> ourType(const tagger::Entity& e, const LexiconEntry* known) {
  switch (e.type) {
    case tagger::NerType::Per:
      return EntityType::Person;
    case tagger::NerType::Org:
      return known ? known->type : EntityType::Org;
    case tagger::NerType::Loc:
      return known ? known->type : EntityType::Gpe;
    case tagger::NerType::Misc:
      if (known && known->type == EntityType::Event) return EntityType::Event;
      return std::nullopt;
  }
  return std::nullopt;
}

// Headlines ("Russia to Remove Taliban from Terrorist List", "TIGHT SECURITY") capitalise
// every word, so capitals say nothing there; the tagger is not asked about them.
bool headlineCase(const Document& doc, const text::Sentence& sentence) {
  int words = 0, capitalised = 0;
  for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
    const text::Token& token = doc.token(t);
    if (!token.has(text::kAlpha)) continue;
    ++words;
    capitalised += token.has(text::kUpperInitial);
  }
  return words >= 3 && capitalised * 10 >= words * 7;
}

// A span of ordinary words ("Foreign Ministers", "Peaceful") or one across punctuation is
// not a name, whatever the tagger says.
bool plausibleName(const Document& doc, uint32_t first, uint32_t end) {
  bool rareWord = false;
  for (uint32_t t = first; t < end; ++t) {
    if (doc.token(t).has(text::kPunct)) return false;
    if (!doc.lex.commonWords.count(doc.folded[t])) rareWord = true;
  }
  return rareWord;
}

}  // namespace

void findTagged(Document& doc, const text::Sentence& sentence, const tagger::Tagger& tagger,
                tagger::DocumentHistory& history) {
  if (headlineCase(doc, sentence)) return;
  std::vector<std::string_view> words;
  words.reserve(sentence.size());
  for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t)
    words.push_back(doc.token(t).text);
  for (const tagger::Entity& e : tagger.tag(words, &history)) {
    uint32_t first = sentence.first_token + e.begin, end = sentence.first_token + e.end;
    if (!plausibleName(doc, first, end)) continue;
    // "Rossiya 24", "France 24": a name followed by a short number is a channel or outlet
    // (not a score: "Guillermo Coria 7-5")
    tagger::Entity typed = e;
    const text::Token& next = doc.token(std::min(end, sentence.end_token - 1));
    if (end < sentence.end_token && next.has(text::kDigit) && !next.has(text::kAlpha) &&
        next.text.size() <= 3 && next.spaceBefore && next.text.find('-') == std::string_view::npos) {
      ++end;
      typed.type = tagger::NerType::Org;
    }
    std::string_view surface = std::string_view(doc.seg.tokens[first].text.data(),
                                                doc.token(end - 1).span.end - doc.token(first).span.begin);
    auto found = doc.lex.byName.find(foldName(surface));
    const LexiconEntry* known = found == doc.lex.byName.end() ? nullptr : &doc.lex.entries[found->second];
    auto type = ourType(typed, known);
    if (!type) continue;
    // "General Motors", "Prince Edward Island": when the tagger reads a title word as the start
    // of a name, its span competes with the person pattern's "Motors" by length.
    bool titled = *type != EntityType::Person && doc.nameTitle(first) && end - first > 1;
    doc.add(first, end, *type, MentionKind::Tagger, known ? known->canonical : std::string(), 0.7f,
            titled ? Source::Pattern : Source::Tagger);
  }
}

}  // namespace newsgraph::mention

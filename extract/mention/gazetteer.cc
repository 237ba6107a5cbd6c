#include <algorithm>

#include "extract/mention/finder.h"

namespace newsgraph::mention {

void foldToken(std::string_view token, std::string* out) {
  out->clear();
  for (char c : token) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      *out = foldName(token);
      return;
    }
    out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
}

std::string phraseKey(std::string_view phrase) {
  text::Segmentation seg = text::segment(phrase, {Span{0, static_cast<uint32_t>(phrase.size())}});
  std::string key, folded;
  for (const text::Token& t : seg.tokens) {
    foldToken(t.text, &folded);
    if (folded.empty()) continue;
    if (!key.empty()) key.push_back(' ');
    key += folded;
  }
  return key;
}

Document::Document(const Lexicon::Impl& lexicon, const text::Segmentation& segmentation)
    : lex(lexicon), seg(segmentation), folded(segmentation.tokens.size()),
      starts(segmentation.tokens.size(), 0), gazetteerAt(segmentation.tokens.size(), -1) {
  for (size_t i = 0; i < seg.tokens.size(); ++i) {
    foldToken(seg.tokens[i].text, &folded[i]);
    int32_t k = lex.startTokens.find(folded[i]);
    if (k >= 0) starts[i] = lex.startFlags[static_cast<size_t>(k)];
  }
}

const LexiconEntry* Document::entryAt(uint32_t i) const {
  int32_t c = gazetteerAt[i];
  if (c < 0) return nullptr;
  return &lex.entries[static_cast<size_t>(candidates[static_cast<size_t>(c)].entry)];
}

uint32_t Document::titleAt(uint32_t i, uint32_t end, const TitleEntry** title) const {
  uint32_t best = 0;
  if (!(starts[i] & kStartsTitle)) return 0;
  lex.titles.matchAt(folded, i, end, scratch, [&](uint32_t n, const TitleEntry& t) {
    best = n;
    if (title) *title = &t;
  });
  return best;
}

uint32_t Document::headAt(uint32_t i, uint32_t end, const HeadInfo** head) const {
  uint32_t best = 0;
  if (!(starts[i] & kStartsHead)) return 0;
  lex.heads.matchAt(folded, i, end, scratch, [&](uint32_t n, const HeadInfo& h) {
    best = n;
    if (head) *head = &h;
  });
  return best;
}

uint32_t Document::cueAt(uint32_t i, uint32_t end, const CueInfo** cue) const {
  uint32_t best = 0;
  if (!(starts[i] & kStartsCue)) return 0;
  lex.cues.matchAt(folded, i, end, scratch, [&](uint32_t n, const CueInfo& c) {
    best = n;
    if (cue) *cue = &c;
  });
  return best;
}

void Document::add(uint32_t first, uint32_t end, EntityType type, MentionKind kind,
                   std::string canonical, float score, Source source, int32_t entry,
                   std::string partOf) {
  Candidate c;
  c.mention.first_token = first;
  c.mention.end_token = end;
  c.mention.span = Span{seg.tokens[first].span.begin, seg.tokens[end - 1].span.end};
  c.mention.type = type;
  c.mention.kind = kind;
  c.mention.canonical = std::move(canonical);
  c.mention.part_of = std::move(partOf);
  c.mention.score = score;
  c.source = source;
  c.entry = entry;
  candidates.push_back(std::move(c));
}

namespace {

// "US" is the United States only in capitals ("us" is a pronoun); "Turkey" needs its capital T.
bool caseFits(const Document& doc, uint32_t first, uint32_t n, const GazetteerName& name) {
  if (name.acronym) {
    for (uint32_t t = first; t < first + n; ++t)
      if (doc.token(t).has(text::kAlpha) && !doc.token(t).has(text::kAllUpper)) return false;
    return true;
  }
  return !name.needUpper || doc.upper(first);
}

// "Richmond, Va.", "KANSAS CITY, MO": a state or province abbreviation right after a place
// name and a comma; -1 elsewhere ("Pa." and "Miss" are words too).
int32_t regionAbbreviationAt(const Document& doc, const text::Sentence& sentence, uint32_t i) {
  if (i < sentence.first_token + 2 || !doc.upper(i) || doc.folded[i - 1] != ",") return -1;
  if (!doc.upper(i - 2) || !doc.token(i - 2).has(text::kAlpha)) return -1;
  auto it = doc.lex.regionAbbreviations.find(suffixKey(doc.token(i).text));
  return it == doc.lex.regionAbbreviations.end() ? -1 : static_cast<int32_t>(it->second);
}

// Headlines capitalise every word, so a capital before a name says nothing there.
bool headlineCase(const Document& doc, const text::Sentence& sentence) {
  int words = 0, capitalised = 0;
  for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
    if (!doc.token(t).has(text::kAlpha)) continue;
    ++words;
    capitalised += doc.upper(t);
  }
  return words >= 3 && capitalised * 10 >= words * 7;
}

// "Liberal Democratic Party", "National Security Council": an organisation's name of
// ordinary words with a capitalised word before it that nothing else claims is the tail of
// a longer name (another organisation), not the lexicon's one; the patterns take the whole.
bool tailOfLongerName(const Document& doc, const text::Sentence& sentence, uint32_t i,
                      uint32_t n, const LexiconEntry& e) {
  if (e.type != EntityType::Org || n < 2 || i <= sentence.first_token) return false;
  const text::Token& before = doc.token(i - 1);
  if (!before.has(text::kUpperInitial) || !before.has(text::kAlpha) || before.has(text::kAllUpper))
    return false;
  if (doc.gazetteerAt[i - 1] >= 0 || doc.lex.stopwords.count(doc.folded[i - 1])) return false;
  if (doc.titleAt(i - 1, i)) return false;
  // "Top White House aide": a sentence's first word is capitalised anyway
  if (i - 1 == sentence.first_token && doc.lex.commonWords.count(doc.folded[i - 1])) return false;
  return !headlineCase(doc, sentence);
}

}  // namespace

void findGazetteer(Document& doc, const text::Sentence& sentence) {
  const auto& table = doc.lex.gazetteer;
  for (uint32_t i = sentence.first_token; i < sentence.end_token;) {
    const text::Token& tok = doc.token(i);
    // "PITTSBURGH, PA": the state, not the Palestinian Authority
    if (int32_t region = regionAbbreviationAt(doc, sentence, i); region >= 0) {
      const LexiconEntry& e = doc.lex.entries[static_cast<size_t>(region)];
      doc.gazetteerAt[i] = static_cast<int32_t>(doc.candidates.size());
      doc.add(i, i + 1, e.type, MentionKind::Name, e.canonical, 1.0f, Source::Lexicon, region);
      ++i;
      continue;
    }
    uint32_t best = 0;
    const GazetteerName* bestName = nullptr;
    if (tok.has(text::kAlpha) &&
        (tok.has(text::kUpperInitial) || (doc.starts[i] & kLowerGazetteer))) {
      table.matchAt(doc.folded, i, sentence.end_token, doc.scratch,
                    [&](uint32_t n, const GazetteerName& name) {
                      if (caseFits(doc, i, n, name)) {
                        best = n;
                        bestName = &name;
                      }
                    });
    }
    if (!bestName && tok.has(text::kUpperInitial)) {
      // "U.S.-led", "Soviet-era", "Russia-Ukraine": the part before the hyphen names the entity.
      size_t dash = tok.text.find('-');
      if (dash != std::string_view::npos && dash > 0) {
        doc.scratch.assign(doc.folded[i], 0, doc.folded[i].find('-'));
        const auto* node = table.find(doc.scratch);
        std::string_view part = tok.text.substr(0, dash);
        if (node && node->value >= 0) {
          const GazetteerName& name = table.value(*node);
          bool lower = std::any_of(part.begin(), part.end(), [](char c) { return c >= 'a' && c <= 'z'; });
          if (!name.acronym || !lower) {
            const LexiconEntry& e = doc.lex.entries[name.entry];
            doc.gazetteerAt[i] = static_cast<int32_t>(doc.candidates.size());
            doc.add(i, i + 1, e.type, name.demonym ? MentionKind::Demonym : MentionKind::Name,
                    e.canonical, 0.9f, Source::Lexicon, static_cast<int32_t>(name.entry));
            doc.candidates.back().mention.span.end =
                tok.span.begin + static_cast<uint32_t>(dash);
          }
        }
      }
    }
    if (!bestName) {
      ++i;
      continue;
    }
    const LexiconEntry& e = doc.lex.entries[bestName->entry];
    if (tailOfLongerName(doc, sentence, i, best, e)) {
      i += best;
      continue;
    }
    int32_t index = static_cast<int32_t>(doc.candidates.size());
    doc.add(i, i + best, e.type, bestName->demonym ? MentionKind::Demonym : MentionKind::Name,
            e.canonical, 1.0f, Source::Lexicon, static_cast<int32_t>(bestName->entry));
    for (uint32_t t = i; t < i + best; ++t) doc.gazetteerAt[t] = index;
    i += best;
  }
}

}  // namespace newsgraph::mention

// Persons unknown to the lexicon: names after titles ("Foreign Minister Sergey Lavrov",
// "Mr. Kabulov"), next to speech cues ("Zamir Kabulov said", "said Amir Khan Muttaqi") and
// before appositions ("Amir Khan Muttaqi, the Taliban's foreign minister").
#include <algorithm>

#include "extract/mention/finder.h"

namespace newsgraph::mention {

using namespace std::string_view_literals;
namespace {

// "al-Aiban", "el-Sisi": a particle glued to a capitalised name.
bool gluedParticle(const Document& doc, uint32_t i) {
  const std::string& f = doc.folded[i];
  size_t dash = f.find('-');
  if (dash == std::string::npos || dash + 1 >= f.size()) return false;
  if (!doc.lex.particles.count(f.substr(0, dash + 1))) return false;
  std::string_view text = doc.token(i).text;
  char next = dash + 1 < text.size() ? text[dash + 1] : 0;
  return next >= 'A' && next <= 'Z';
}

// inside: a name token precedes (forward) or follows (backward) it, so a demonym is part of
// the name ("Mumtaz Zahra Baloch").
bool nameToken(const Document& doc, uint32_t i, uint32_t end, bool inside = false) {
  const text::Token& tok = doc.token(i);
  if (int32_t c = doc.gazetteerAt[i]; c >= 0) {
    const Mention& m = doc.candidates[static_cast<size_t>(c)].mention;
    bool demonymWord = m.kind == MentionKind::Demonym && m.end_token - m.first_token == 1;
    if (m.type != EntityType::Person && !(inside && demonymWord)) return false;
  }
  if (gluedParticle(doc, i)) return true;
  if (!tok.has(text::kUpperInitial) || !tok.has(text::kAlpha) || tok.has(text::kDigit)) return false;
  if (tok.has(text::kAllUpper) || tok.has(text::kPunct)) return false;
  if (doc.lex.stopwords.count(doc.folded[i])) return false;
  if (doc.headAt(i, i + 1) || doc.titleAt(i, end)) return false;
  return true;
}

bool particle(const Document& doc, uint32_t i) { return doc.lex.particles.count(doc.folded[i]) > 0; }

// End of the name starting at p (p itself when there is none): at most 5 name tokens.
uint32_t nameForward(const Document& doc, uint32_t p, uint32_t end) {
  uint32_t q = p, last = p, count = 0;
  while (q < end && count < 5) {
    if (nameToken(doc, q, end, count > 0)) {
      last = ++q;
      ++count;
    } else if (count > 0 && particle(doc, q) && q + 1 < end && nameToken(doc, q + 1, end)) {
      ++q;
    } else {
      break;
    }
  }
  return last;
}

// Start of the name ending just before e (e itself when there is none).
uint32_t nameBackward(const Document& doc, uint32_t e, uint32_t begin, uint32_t end) {
  uint32_t first = e, count = 0;
  for (uint32_t t = e; t > begin && count < 5;) {
    bool inside = t - 1 > begin && nameToken(doc, t - 2, end);
    if (nameToken(doc, t - 1, end, inside)) {
      first = --t;
      ++count;
    } else if (count > 0 && particle(doc, t - 1) && t - 1 > begin && nameToken(doc, t - 2, end)) {
      --t;
    } else {
      break;
    }
  }
  return first;
}

// A capitalised common word at the start of a sentence ("Officials", "Analysts") is no name.
bool addPerson(Document& doc, const text::Sentence& s, uint32_t first, uint32_t end, float score,
               bool singleOk) {
  bool atStart = first == s.first_token ||
                 (first == s.first_token + 1 && doc.token(s.first_token).has(text::kPunct));
  if (atStart && end - first > 1 && doc.lex.commonWords.count(doc.folded[first])) ++first;
  if (first >= end) return false;
  if (end - first == 1) {
    if (!singleOk || doc.lex.commonWords.count(doc.folded[first]) || gluedParticle(doc, first))
      return false;
    score *= 0.75f;
  }
  doc.add(first, end, EntityType::Person, MentionKind::Pattern, "", score, Source::Pattern);
  return true;
}

constexpr std::string_view kAppositionSkip[] = {"the", "a", "an", "former", "then", "current", "currently",
                                       "also", "now", "newly", "acting", "who", "is", "was"};

bool appositionAt(const Document& doc, uint32_t k, uint32_t end) {
  for (int steps = 0; k < end && steps < 6; ++steps) {
    const std::string& f = doc.folded[k];
    if (std::find(std::begin(kAppositionSkip), std::end(kAppositionSkip), std::string_view(f)) !=
        std::end(kAppositionSkip)) {
      ++k;
      continue;
    }
    if (doc.titleAt(k, end)) return true;
    const CueInfo* cue = nullptr;
    if (doc.cueAt(k, end, &cue) && cue->apposition) return true;
    if (doc.gazetteerAt[k] >= 0) {
      k = doc.candidates[static_cast<size_t>(doc.gazetteerAt[k])].mention.end_token;
    } else if (f == "'s"sv) {
      ++k;
    } else {
      return false;
    }
  }
  return false;
}

}  // namespace

void findPersons(Document& doc, const text::Sentence& s) {
  const uint32_t end = s.end_token;
  for (uint32_t i = s.first_token; i < end; ++i) {
    const TitleEntry* title = nullptr;
    if (uint32_t n = doc.titleAt(i, end, &title)) {
      uint32_t e = nameForward(doc, i + n, end);
      // "General Motors Corp": before a company's head the title word is part of its name
      const HeadInfo* head = nullptr;
      bool company = n == 1 && doc.nameTitle(i) && e < end && doc.headAt(e, end, &head) &&
                     head->type == EntityType::Org;
      if (e > i + n && !company) addPerson(doc, s, i + n, e, 0.9f, true);
    }
    const CueInfo* cue = nullptr;
    if (uint32_t n = doc.cueAt(i, end, &cue)) {
      if (cue->after) {
        uint32_t first = nameBackward(doc, i, s.first_token, end);
        if (first < i) addPerson(doc, s, first, i, 0.8f, cue->single);
      }
      if (cue->before) {
        uint32_t e = nameForward(doc, i + n, end);
        if (e > i + n) addPerson(doc, s, i + n, e, 0.8f, cue->single);
      }
    }
    if (doc.folded[i] == ","sv && i + 1 < end && appositionAt(doc, i + 1, end)) {
      uint32_t first = nameBackward(doc, i, s.first_token, end);
      if (first < i) addPerson(doc, s, first, i, 0.8f, true);
    }
  }
}

}  // namespace newsgraph::mention

// Bodies, events and facilities unknown to the lexicon: capitalised sequences ending in a head
// noun of data/lexicons/org_heads.tsv ("Second Asia Department", "China-Central Asia Summit"),
// or starting with one followed by "of" ("Ministry of Foreign Affairs of Pakistan"), and
// lower-case heads after a state ("China's foreign ministry").
#include <algorithm>

#include "extract/mention/finder.h"

namespace newsgraph::mention {

using namespace std::string_view_literals;
namespace {

constexpr std::string_view kConnectors[] = {"of", "and", "for", "the", "on", "de", "'s", "&", "du", "des"};

bool connector(const std::string& f) {
  return std::find(std::begin(kConnectors), std::end(kConnectors), std::string_view(f)) != std::end(kConnectors);
}

// "Paris-based", "Bavarian-led": a capitalised word joined to a lower-case one is an
// adjective, not part of a name ("Tokyo-Mitsubishi", "Rolls-Royce" are).
bool compoundAdjective(std::string_view word) {
  size_t dash = word.rfind('-');
  return dash != std::string_view::npos && dash + 1 < word.size() && word[dash + 1] >= 'a' &&
         word[dash + 1] <= 'z';
}

bool capToken(const Document& doc, uint32_t i) {
  const text::Token& t = doc.token(i);
  return t.has(text::kUpperInitial) && !t.has(text::kPunct) && !compoundAdjective(t.text);
}

// The state or body that qualifies [first, end): "Russian", "Russia's", "Taliban".
const LexiconEntry* qualifier(const Document& doc, uint32_t first, uint32_t end) {
  for (uint32_t t = first; t < end; ++t) {
    const LexiconEntry* e = doc.entryAt(t);
    if (!e) continue;
    if (!e->capital_of.empty()) {
      const LexiconEntry* state = nullptr;
      auto it = doc.lex.byCanonical.find(e->capital_of);
      if (it != doc.lex.byCanonical.end()) state = &doc.lex.entries[it->second];
      if (state) return state;
    }
    if (e->type == EntityType::Gpe || e->type == EntityType::Org) return e;
  }
  return nullptr;
}

// "Britain's", "Rupert Murdoch's", "World Bank's", "General Motors Corp's": a known entity
// or a company closed by its legal form owning what follows.
bool possessor(const Document& doc, uint32_t i) {
  return doc.entryAt(i) || isCorporateSuffix(doc.lex, doc.token(i).text);
}

// "Stephen Marris of the Institute for International Economics", "Shares of Zentrix Corp":
// before "of" the run names no body (no head word), so the name starts after it.
uint32_t afterHeadlessOf(const Document& doc, uint32_t first, uint32_t headFirst) {
  bool head = false;
  for (uint32_t k = first; k < headFirst; ++k) {
    if (doc.folded[k] == "of"sv && !head && k > first) return k + 1;
    if (doc.headAt(k, headFirst)) head = true;
  }
  return first;
}

void addBody(Document& doc, uint32_t first, uint32_t end, const HeadInfo& head) {
  const LexiconEntry* q = qualifier(doc, first, end);
  std::string canonical, partOf;
  if (q && head.type == EntityType::Org) {
    partOf = q->canonical;
    if (!head.canonical.empty()) {
      bool state = q->type == EntityType::Gpe && !q->demonyms.empty();
      canonical = (state ? q->demonyms.front() : q->canonical) + " " + head.canonical;
    }
  }
  doc.add(first, end, head.type, MentionKind::Pattern, std::move(canonical), 0.8f, Source::Pattern,
          -1, std::move(partOf));
}

void processRun(Document& doc, uint32_t s, uint32_t e) {
  while (s < e && (doc.lex.stopwords.count(doc.folded[s]) || connector(doc.folded[s]))) ++s;
  uint32_t headFirst = e, headEnd = e;
  const HeadInfo* head = nullptr;
  for (uint32_t j = s; j < e;) {
    const HeadInfo* h = nullptr;
    uint32_t n = doc.headAt(j, e, &h);
    if (n && (h->anyCase || (doc.upper(j) && doc.upper(j + n - 1)))) {
      headFirst = j;
      headEnd = j + n;
      head = h;
      j += n;
    } else {
      ++j;
    }
  }
  if (!head) return;
  // "Ministry of Foreign Affairs of Pakistan", "Department of Homeland Security"; not past a
  // possessive ("Bank of France's Francoise ..."), nor the place after a legal form ("EMI
  // Group Plc of Britain", "Light Signatures Inc of Los Angeles": where the company is).
  if (headEnd < e && (doc.folded[headEnd] == "of"sv || doc.folded[headEnd] == "for"sv)) {
    uint32_t k = headEnd + 1;
    while (k < e && !doc.titleAt(k, e) && doc.folded[k] != "'s"sv) ++k;
    while (k > headEnd && connector(doc.folded[k - 1])) --k;
    uint32_t place = headEnd + 1;
    while (place < k && connector(doc.folded[place])) ++place;
    const LexiconEntry* where = doc.entryAt(place);
    bool located = isCorporateSuffix(doc.lex, doc.token(headEnd - 1).text) && where &&
                   where->type == EntityType::Gpe;
    if (k > headEnd + 1 && !located) headEnd = k;
  }
  // The name starts after a title, a person or an "X and" that closes another name:
  // "Foreign Minister Sergey Lavrov and Defence Ministry".
  uint32_t first = s;
  for (uint32_t k = s; k < headFirst; ++k) {
    uint32_t n = doc.titleAt(k, headFirst);
    if (n && !(k == s && n == 1 && doc.nameTitle(k))) first = k + n;  // not "General" Motors Corp
    const LexiconEntry* entry = doc.entryAt(k);
    if (entry && entry->type == EntityType::Person) first = k + 1;
    // "... and IBM Corp": a known name after "and" starts a name of its own
    if (doc.folded[k] == "and"sv && k > s && (doc.entryAt(k - 1) || doc.entryAt(k + 1))) first = k + 1;
  }
  // "San Francisco's Moscone Center", "Britain's Hanson Plc": a place's or person's possessive
  // qualifies a name that is not a state body; it is not part of it.
  if (head->canonical.empty())
    for (uint32_t k = first + 1; k < headFirst; ++k)
      if (doc.folded[k] == "'s"sv && possessor(doc, k - 1)) {
        const HeadInfo* owner = nullptr;  // "General Motors Corp's": the owner is a name too
        if (k - first >= 2 && doc.headAt(k - 1, k, &owner)) addBody(doc, first, k, *owner);
        first = k + 1;
      }
  // "Netscape Communications Corp. and Novell Inc.": two companies, each closed by its legal form
  for (uint32_t k = first + 2; k + 1 < headFirst; ++k) {
    const HeadInfo* left = nullptr;
    if ((doc.folded[k] == "and"sv || doc.folded[k] == "&"sv) &&
        isCorporateSuffix(doc.lex, doc.token(k - 1).text) && doc.headAt(k - 1, k, &left)) {
      addBody(doc, first, k, *left);
      first = k + 1;
    }
  }
  first = afterHeadlessOf(doc, first, headFirst);
  while (first < headFirst && connector(doc.folded[first])) ++first;
  if (headEnd - first < 2) return;
  // "Iran's Supreme National Security Council": the lexicon names the body, "Iran's" qualifies it.
  if (const LexiconEntry* last = doc.entryAt(headEnd - 1); last && last->type != EntityType::Gpe) return;
  // "Kosovo Diocese of the Serbian Orthodox Church": the head before "of" heads the name
  for (uint32_t k = first; k + 1 < headFirst; ++k) {
    const HeadInfo* h = nullptr;
    uint32_t n = doc.headAt(k, headFirst, &h);
    if (n && doc.folded[k + n] == "of"sv && doc.upper(k)) {
      head = h;
      break;
    }
  }
  addBody(doc, first, headEnd, *head);
}

}  // namespace

void findOrganizations(Document& doc, const text::Sentence& s) {
  const uint32_t end = s.end_token;
  for (uint32_t i = s.first_token; i < end;) {
    if (!capToken(doc, i)) {
      ++i;
      continue;
    }
    uint32_t e = i + 1;
    while (e < end) {
      if (capToken(doc, e)) {
        ++e;
        continue;
      }
      // "X and the Y": two names; "Tokyo-Mitsubishi on April": no name goes on into a month
      uint32_t j = e;
      while (j < end && j - e < 2 && connector(doc.folded[j])) ++j;
      bool twoNames = j - e == 2 && doc.folded[e] == "and"sv;
      if (j > e && j < end && capToken(doc, j) && !twoNames && !doc.lex.stopwords.count(doc.folded[j])) {
        e = j + 1;
        continue;
      }
      break;
    }
    processRun(doc, i, e);
    i = e;
  }
  // "China's foreign ministry", "Russian defence ministry", "SCO summit"
  for (uint32_t t = s.first_token; t < end; ++t) {
    int32_t c = doc.gazetteerAt[t];
    if (c < 0 || (t > s.first_token && doc.gazetteerAt[t - 1] == c)) continue;
    const Mention& m = doc.candidates[static_cast<size_t>(c)].mention;
    if (m.type != EntityType::Gpe && m.type != EntityType::Org) continue;
    uint32_t k = m.end_token;
    if (k < end && doc.folded[k] == "'s"sv) ++k;
    const HeadInfo* h = nullptr;
    uint32_t n = k < end ? doc.headAt(k, end, &h) : 0;
    if (n && h->anyCase && !doc.upper(k)) addBody(doc, t, k + n, *h);
  }
}

}  // namespace newsgraph::mention

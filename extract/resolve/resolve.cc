#include "extract/resolve/resolve.h"

#include <algorithm>
#include <unordered_map>

namespace newsgraph::resolve {
namespace {

using mention::Mention;
using mention::MentionKind;

// Folded words of a name, for surname and partial-name matching.
std::vector<std::string> nameWords(const std::string& name) {
  std::vector<std::string> words;
  std::string folded = foldName(name);
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// "Lavrov" or "Khan Muttaqi" is a trailing part of "Amir Khan Muttaqi".
bool isTrailingPart(const std::vector<std::string>& part, const std::vector<std::string>& full) {
  if (part.empty() || part.size() >= full.size()) return false;
  return std::equal(part.rbegin(), part.rend(), full.rbegin());
}

// "Household" is the first word of "Household International" ("Moody" of "Moody's Investors
// Service": a possessive-like ending belongs to the word).
bool isLeadingWord(const std::vector<std::string>& part, const std::vector<std::string>& full) {
  if (part.size() != 1 || full.size() < 2) return false;
  std::string_view first = full.front();
  for (std::string_view suffix : {"'s", "\u2019s"})
    if (first.size() > suffix.size() && first.substr(first.size() - suffix.size()) == suffix)
      first.remove_suffix(suffix.size());
  return first == part.front();
}

// The surface text of a mention, without a trailing possessive.
std::string surfaceOf(const Mention& m, std::string_view text) {
  std::string_view s = text.substr(m.span.begin, m.span.size());
  for (std::string_view suffix : {"\u2019s", "'s"})
    if (s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix)
      s.remove_suffix(suffix.size());
  return std::string(s);
}

// "Collective Security Treaty Organization (CSTO)": the acronym names the entity before it.
std::optional<std::string> parentheticalAcronym(const Mention& m, const text::Segmentation& seg) {
  uint32_t i = m.end_token;
  if (i + 2 >= seg.tokens.size()) return std::nullopt;
  if (seg.tokens[i].text != "(" || seg.tokens[i + 2].text != ")") return std::nullopt;
  const text::Token& acronym = seg.tokens[i + 1];
  if (!acronym.has(text::kAllUpper) || m.end_token - m.first_token < 2) return std::nullopt;
  return foldName(acronym.text);
}

// "the Foreign Ministry" names the ministry of the state the sentence (or the one before)
// is about: "Russian law ... the Foreign Ministry" -> Russian Foreign Ministry.
std::string qualifiedBody(const std::vector<Mention>& mentions, size_t i, const std::string& body,
                          const text::Segmentation& seg, const mention::Lexicon& lexicon) {
  auto stateOf = [&](const Mention& m) -> const mention::LexiconEntry* {
    const mention::LexiconEntry* e = m.canonical.empty() ? nullptr : lexicon.entry(m.canonical);
    return e && !e->capital.empty() && !e->demonyms.empty() ? e : nullptr;
  };
  size_t here = seg.sentenceOf(mentions[i].first_token);
  for (size_t back = 0; back <= 1 && back <= here; ++back) {
    size_t sentence = here - back;
    const mention::LexiconEntry* best = nullptr;
    for (size_t k = 0; k < mentions.size(); ++k) {
      if (k == i || seg.sentenceOf(mentions[k].first_token) != sentence) continue;
      const mention::LexiconEntry* state = stateOf(mentions[k]);
      if (!state) continue;
      if (k > i && best) break;  // the nearest state before the body; else the first after
      best = state;
      if (k > i) break;
    }
    if (best) return best->demonyms.front() + " " + body;
  }
  return "";
}

// "Microsoft Corp." and "Microsoft Corp" are "Microsoft" (the lexicon's name when it knows the
// company); "Virgin Group" is "Virgin" only when "Virgin" is known. "" when no suffix applies.
std::string companyName(const std::string& surface, const Resolution& r,
                        const mention::Lexicon& lexicon, EntityType* type) {
  bool onlyIfKnown = false;
  std::optional<std::string> base = lexicon.withoutCorporateSuffix(surface, &onlyIfKnown);
  if (!base) return "";
  if (const mention::LexiconEntry* entry = lexicon.lookup(*base)) {
    if (entry->type != EntityType::Org) return "";
    *type = EntityType::Org;
    return entry->canonical;
  }
  if (onlyIfKnown && r.find(foldName(*base)) < 0) return "";
  *type = EntityType::Org;
  return *base;
}

}  // namespace

int Resolution::find(std::string_view key) const {
  for (size_t i = 0; i < entities.size(); ++i)
    if (entities[i].key == key) return static_cast<int>(i);
  return -1;
}

int Resolution::ensure(const std::string& canonical, EntityType type) {
  std::string key = foldName(canonical);
  int found = find(key);
  if (found >= 0) return found;
  entities.push_back({key, canonical, type, {}, 0});
  return static_cast<int>(entities.size()) - 1;
}

Resolution resolveMentions(const std::vector<Mention>& mentions, std::string_view text,
                           const text::Segmentation& seg, const mention::Lexicon& lexicon,
                           std::string_view date) {
  Resolution r;
  r.entity_of_mention.assign(mentions.size(), -1);
  std::unordered_map<std::string, int> acronymOf;  // folded acronym -> entity
  std::vector<std::vector<std::string>> personWords;

  auto addMention = [&](size_t i, int entity, const std::string& surface) {
    r.entity_of_mention[i] = entity;
    Entity& e = r.entities[static_cast<size_t>(entity)];
    ++e.mentions;
    if (!surface.empty() && surface != e.name &&
        std::find(e.aliases.begin(), e.aliases.end(), surface) == e.aliases.end())
      e.aliases.push_back(surface);
  };

  // Pass 1: names the lexicon knows and full names; short person names wait for pass 2,
  // so that a surname in a headline still finds the full name given further down.
  std::vector<size_t> deferred;
  std::vector<bool> typeByTagger;  // per entity of pass 1
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    std::string surface = surfaceOf(m, text);
    // "The European Community (EC) ... the EC's": the document's own definition of an acronym
    // beats the lexicon's reading of it.
    if (m.end_token == m.first_token + 1) {
      auto defined = acronymOf.find(foldName(surface));
      if (defined != acronymOf.end()) {
        addMention(i, defined->second, surface);
        continue;
      }
    }
    std::string canonical = m.canonical;
    EntityType type = m.type;
    if (m.kind != MentionKind::Demonym)
      if (const mention::LexiconEntry* dated = lexicon.datedLookup(surface, date)) {
        canonical = dated->canonical;
        type = dated->type;
      }
    if (canonical.empty() && type != EntityType::Gpe && type != EntityType::Loc)
      canonical = companyName(surface, r, lexicon, &type);
    if (canonical.empty()) {
      if (const mention::LexiconEntry* entry = lexicon.lookup(surface)) {
        canonical = entry->canonical;
        type = entry->type;
      }
    }
    // "Standard Oil Co said": a company, whatever the pattern or tagger guessed
    if (canonical.empty() && type == EntityType::Person && m.end_token > m.first_token + 1) {
      if (auto head = lexicon.headType(seg.tokens[m.end_token - 1].text)) type = *head;
    }
    if (canonical.empty()) {
      auto acronym = acronymOf.find(foldName(surface));
      if (acronym != acronymOf.end()) {
        addMention(i, acronym->second, surface);
        continue;
      }
      // one-word names the lexicon does not know wait for the full names of the document
      bool unknownCompany = type == EntityType::Org && m.kind != MentionKind::Name;
      if ((type == EntityType::Person || unknownCompany) && nameWords(surface).size() == 1) {
        deferred.push_back(i);
        continue;
      }
      if (auto body = lexicon.stateBody(surface)) {
        // the ministry this document already named ("Uzbekistan's Foreign Ministry ... the
        // Foreign Ministry said"), else the one of the state the sentence is about
        for (const Entity& e : r.entities)
          if (e.name.size() > body->size() + 1 && e.name.compare(e.name.size() - body->size(), body->size(), *body) == 0)
            canonical = e.name;
        if (canonical.empty()) canonical = qualifiedBody(mentions, i, *body, seg, lexicon);
      }
      if (canonical.empty()) canonical = surface;
    }
    int entity = r.ensure(canonical, type);
    if (r.entities[static_cast<size_t>(entity)].mentions == 0)
      r.entities[static_cast<size_t>(entity)].type = type;
    // a company's type that only the tagger gave ("Deng Xiaoping" as ORG) takes no short forms
    if (entity >= static_cast<int>(typeByTagger.size())) typeByTagger.resize(static_cast<size_t>(entity) + 1, true);
    if (m.kind != MentionKind::Tagger || type != m.type || lexicon.entry(canonical))
      typeByTagger[static_cast<size_t>(entity)] = false;
    addMention(i, entity, m.kind == MentionKind::Demonym ? std::string() : surface);
    if (auto acronym = parentheticalAcronym(m, seg)) acronymOf.emplace(*acronym, entity);
  }
  // Pass 2: a surname goes to the first person whose name ends with it; a one-word name
  // that no person has to the first company whose name starts with it ("Household
  // International Inc said ... Household said", "Zentrix Corp ... Zentrix's profit").
  for (size_t i : deferred) {
    std::string surface = surfaceOf(mentions[i], text);
    std::vector<std::string> words = nameWords(surface);
    int best = -1;
    for (size_t e = 0; e < r.entities.size() && best < 0; ++e)
      if (mentions[i].type == EntityType::Person && r.entities[e].type == EntityType::Person &&
          isTrailingPart(words, nameWords(r.entities[e].name)))
        best = static_cast<int>(e);
    for (size_t e = 0; e < r.entities.size() && best < 0; ++e)
      if (r.entities[e].type == EntityType::Org && e < typeByTagger.size() && !typeByTagger[e] &&
          isLeadingWord(words, nameWords(r.entities[e].name)))
        best = static_cast<int>(e);
    if (best < 0) best = r.ensure(surface, mentions[i].type);
    addMention(i, best, surface);
  }
  for (Entity& e : r.entities) std::sort(e.aliases.begin(), e.aliases.end());
  return r;
}

}  // namespace newsgraph::resolve

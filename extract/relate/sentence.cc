#include "extract/relate/sentence.h"

#include "extract/relate/structural.h"

#include <algorithm>

namespace newsgraph::relate {

using namespace std::string_view_literals;
namespace {

// Candidates for "the country": states named earlier in this sentence (nearest first),
// then the states of the document by number of mentions so far. The relation picks the
// first one that is not its other argument ("the U.S. withdrawal from the country").
std::vector<int> candidateStates(const SentenceContext& ctx, const DocumentState& state,
                                 const std::vector<Slot>& slots, uint32_t before) {
  std::vector<int> out;
  for (auto it = slots.rbegin(); it != slots.rend(); ++it)
    if (!it->anaphor && it->first < before && isState(ctx, it->entity) &&
        std::find(out.begin(), out.end(), it->entity) == out.end())
      out.push_back(it->entity);
  std::vector<int> salient;
  for (size_t e = 0; e < state.mentionsSoFar.size(); ++e)
    if (state.mentionsSoFar[e] > 0 && isState(ctx, static_cast<int>(e)) &&
        std::find(out.begin(), out.end(), static_cast<int>(e)) == out.end())
      salient.push_back(static_cast<int>(e));
  std::stable_sort(salient.begin(), salient.end(), [&](int a, int b) {
    return state.mentionsSoFar[static_cast<size_t>(a)] > state.mentionsSoFar[static_cast<size_t>(b)];
  });
  out.insert(out.end(), salient.begin(), salient.end());
  return out;
}

// Index of the last slot unit among the n units before position `before` in view, or -1.
int antecedentUnit(const View& view, size_t before, size_t n) {
  for (size_t k = 0; k < n && k < before; ++k)
    if (view[before - 1 - k].slot >= 0) return static_cast<int>(before - 1 - k);
  return -1;
}

// "CALGARY, Alberta, March 6 - Borealis said ...", "KABUL: Russia's foreign minister ...":
// the dateline names where the story was filed, not an actor. Returns the first token after it.
uint32_t datelineEnd(const SentenceData& d, const SentenceContext& ctx) {
  int first = d.slotAt.empty() ? -1 : d.slotAt[0];
  if (first < 0 || ctx.resolution.entities[static_cast<size_t>(d.slots[static_cast<size_t>(first)].entity)].type != EntityType::Gpe)
    return d.first;
  for (uint32_t t = d.slots[static_cast<size_t>(first)].end; t < d.end && t < d.first + 10; ++t) {
    const std::string& w = d.word(t);
    if (w == ":"sv || w == "-"sv || w == "\u2013"sv || w == "\u2014"sv) return t + 1;
    const text::Token& token = ctx.seg.tokens[t];
    bool datelinePart = w == ","sv || token.has(text::kDigit) || token.has(text::kUpperInitial) ||
                        d.slotAt[t - d.first] >= 0;
    if (!datelinePart) break;
  }
  return d.first;
}

// "Acme Corp said it ...": "it" is the one who said; otherwise the sentence's first actor.
int saidBy(const SentenceData& d, const SentenceContext& ctx, const RelationRules::Impl& rules,
           uint32_t pronoun, int firstActor) {
  if (pronoun < d.first + 2 || !rules.has(WordList::ReportingVerbs, d.word(pronoun - 1))) return firstActor;
  for (const Slot& s : d.slots) {
    if (s.anaphor || s.end != pronoun - 1) continue;
    EntityType type = ctx.resolution.entities[static_cast<size_t>(s.entity)].type;
    if (type == EntityType::Org || type == EntityType::Gpe) return s.entity;
  }
  return firstActor;
}

}  // namespace

void buildSentence(SentenceContext& ctx, const RelationRules::Impl& rules, uint32_t sentence,
                   DocumentState& state, SentenceData& d) {
  const text::Sentence& s = ctx.seg.sentences[sentence];
  d.index = sentence;
  d.first = s.first_token;
  d.end = s.end_token;
  // Never shrunk: the strings keep their buffers for the next sentence.
  if (d.lower.size() < s.size()) d.lower.resize(s.size());
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    std::string& w = d.lower[t - s.first_token];
    text::lowerToken(ctx.seg.tokens[t].text, &w);
    if (w == "\u2019s"sv) w = "'s";
  }
  d.slots.clear();
  d.views.clear();
  d.types.clear();
  d.slotAt.assign(s.size(), -1);
  state.mentionsSoFar.resize(ctx.resolution.entities.size(), 0);

  // Real mentions of this sentence.
  auto& m = state.nextMention;
  while (m < ctx.mentions.size() && ctx.mentions[m].first_token < s.first_token) ++m;
  for (; m < ctx.mentions.size() && ctx.mentions[m].first_token < s.end_token; ++m) {
    int entity = ctx.resolution.entity_of_mention[m];
    if (entity < 0) continue;
    const mention::Mention& mention = ctx.mentions[m];
    // "Ohio-based Gencorp": a name inside a compound modifies; only "Taliban-led" and the
    // like (control_compounds) leave it an actor.
    const text::Token& last = ctx.seg.tokens[mention.end_token - 1];
    if (mention.span.end < last.span.end) {
      std::string suffix = text::lowerToken(ctx.text.substr(mention.span.end, last.span.end - mention.span.end));
      if (!rules.has(WordList::ControlCompounds, suffix)) continue;
    }
    Slot slot{entity, mention.first_token, std::min(mention.end_token, s.end_token), false,
              mention.kind == mention::MentionKind::Demonym, {}};
    d.slotAt[slot.first - d.first] = static_cast<int>(d.slots.size());
    d.slots.push_back(slot);
  }
  // Anaphora, resolved against what came before them.
  size_t realSlots = d.slots.size();
  size_t nextReal = 0;
  int lastOrg = state.lastOrg, lastPerson = state.lastPerson;
  int firstActor = -1;
  const uint32_t dateline = datelineEnd(d, ctx);
  for (uint32_t t = d.first; t < d.end; ++t) {
    while (nextReal < realSlots && d.slots[nextReal].first <= t) {
      const Slot& slot = d.slots[nextReal++];
      EntityType type = ctx.resolution.entities[static_cast<size_t>(slot.entity)].type;
      if (type == EntityType::Org) lastOrg = slot.entity;
      if (type == EntityType::Person) lastPerson = slot.entity;
      if (firstActor < 0 && slot.first >= dateline && (type == EntityType::Gpe || type == EntityType::Org))
        firstActor = slot.entity;
    }
    if (d.slotAt[t - d.first] >= 0) continue;
    bool insideSlot = false;
    for (size_t k = 0; k < realSlots; ++k)
      if (t >= d.slots[k].first && t < d.slots[k].end) insideSlot = true;
    if (insideSlot) continue;
    const std::string& w = d.word(t);
    // "the group", or "the African organisation" (an adjective between article and noun)
    bool afterThe = t > d.first && d.word(t - 1) == "the"sv;
    for (size_t k = 0; k < realSlots && !afterThe; ++k)
      afterThe = d.slots[k].end == t && d.slots[k].demonym && d.slots[k].first > d.first &&
                 d.word(d.slots[k].first - 1) == "the"sv;
    std::vector<int> candidates;
    if (afterThe && rules.has(WordList::AnaphoraGroup, w)) candidates = {lastOrg};
    else if (afterThe && rules.has(WordList::AnaphoraState, w)) candidates = candidateStates(ctx, state, d.slots, t);
    else if (rules.has(WordList::AnaphoraPerson, w)) candidates = {lastPerson};
    else if (rules.has(WordList::PronounGroup, w)) candidates = {lastOrg};  // "after they took over"
    else if (rules.has(WordList::PronounActor, w)) candidates = {saidBy(d, ctx, rules, t, firstActor)};
    if (candidates.empty() || candidates[0] < 0) continue;
    d.slotAt[t - d.first] = static_cast<int>(d.slots.size());
    d.slots.push_back({candidates[0], t, t + 1, true, false, std::move(candidates)});
  }
  for (size_t k = 0; k < realSlots; ++k) ++state.mentionsSoFar[static_cast<size_t>(d.slots[k].entity)];
  state.lastOrg = lastOrg;
  state.lastPerson = lastPerson;

  // Titles in front of persons and the state or body that holds them ("Argentine President
  // Javier Milei", "Pakistan caretaker Prime Minister Kakar") describe the person: the views
  // leave them out, so that the person is the argument and "Yoon and Prime Minister
  // Kishida" coordinates. The title relation itself is read from the tokens (structural.cc).
  d.titleWord.assign(s.size(), 0);
  std::vector<char> holderSlot(d.slots.size(), 0);
  for (size_t k = 0; k < realSlots; ++k) {
    const Slot& slot = d.slots[k];
    if (ctx.resolution.entities[static_cast<size_t>(slot.entity)].type != EntityType::Person) continue;
    for (uint32_t j = slot.first >= d.first + 5 ? slot.first - 5 : d.first; j < slot.first; ++j) {
      uint32_t len = 0;
      if (!ctx.lexicon.titleAt(ctx.seg, j, &len) || j + len != slot.first) continue;
      uint32_t from = j;
      while (from > d.first && rules.has(WordList::PositionModifiers, d.word(from - 1))) --from;
      for (size_t h = 0; h < realSlots; ++h)
        if (d.slots[h].end == from && d.slots[h].first < from) holderSlot[h] = 1;
      for (uint32_t t = from; t < slot.first; ++t) d.titleWord[t - d.first] = 1;
      break;
    }
  }

  for (const resolve::Entity& e : ctx.resolution.entities) d.types.push_back(e.type);

  // Views: the main clause, then each relative clause or parenthesis with its antecedent.
  View main;
  std::vector<View> side;
  for (uint32_t t = dateline; t < d.end;) {
    int slot = d.slotAt[t - d.first];
    if (slot >= 0 && holderSlot[static_cast<size_t>(slot)]) {
      t = d.slots[static_cast<size_t>(slot)].end;
      continue;
    }
    if (slot < 0 && d.titleWord[t - d.first]) {
      ++t;
      continue;
    }
    if (slot >= 0) {
      main.push_back({slot, t});
      t = d.slots[static_cast<size_t>(slot)].end;
      continue;
    }
    const std::string& w = d.word(t);
    bool relative = w == ","sv && t + 1 < d.end && rules.has(WordList::Relative, d.word(t + 1));
    bool paren = w == "("sv;
    if (relative || paren) {
      uint32_t close = t + 1;
      while (close < d.end && d.word(close) != (paren ? ")"sv : ","sv) && d.word(close) != ")"sv) ++close;
      View clause;
      int antecedent = antecedentUnit(main, main.size(), 3);
      if (antecedent >= 0) clause.assign(main.begin() + antecedent, main.end());
      for (uint32_t u = t; u < std::min(close + 1, d.end);) {
        int inner = d.slotAt[u - d.first];
        if (inner < 0 && d.word(u) == "the"sv && u + 1 < d.end && d.slotAt[u + 1 - d.first] >= 0) {
          ++u;
          continue;
        }
        clause.push_back({inner, u});
        u = inner >= 0 ? d.slots[static_cast<size_t>(inner)].end : u + 1;
      }
      side.push_back(std::move(clause));
      // A parenthesis ends at ")"; a relative clause keeps its closing comma in the main view.
      t = paren ? close + 1 : close;
      continue;
    }
    // "in the Russian Federation": the article is not part of the pattern
    bool articleBeforeSlot = w == "the"sv && t + 1 < d.end && d.slotAt[t + 1 - d.first] >= 0;
    if (!articleBeforeSlot) main.push_back({-1, t});
    ++t;
  }
  d.views.push_back(std::move(main));
  for (View& v : side) d.views.push_back(std::move(v));
}

}  // namespace newsgraph::relate

#include "extract/relate/structural.h"

#include <algorithm>
#include <cctype>

namespace newsgraph::relate {

using namespace std::string_view_literals;

bool isState(const SentenceContext& ctx, int entity) {
  const resolve::Entity& e = ctx.resolution.entities[static_cast<size_t>(entity)];
  if (e.type != EntityType::Gpe) return false;
  const mention::LexiconEntry* entry = ctx.lexicon.entry(e.name);
  return entry && !entry->capital.empty();
}

namespace {

class Structure {
 public:
  Structure(const SentenceData& d, SentenceContext& ctx, const RelationRules::Impl& rules,
            std::vector<StructuralFact>& out)
      : d_(d), ctx_(ctx), rules_(rules), out_(out) {}

  const std::string& word(uint32_t t) const { return d_.word(t); }
  bool inSentence(long t) const { return t >= static_cast<long>(d_.first) && t < static_cast<long>(d_.end); }
  EntityType typeOf(int entity) const {
    return ctx_.resolution.entities[static_cast<size_t>(entity)].type;
  }
  // The real (non-anaphor) slot ending just before token t, or nullptr.
  const Slot* slotEndingAt(uint32_t t) const {
    for (const Slot& s : d_.slots)
      if (!s.anaphor && s.end == t) return &s;
    return nullptr;
  }
  const Slot* slotStartingAt(uint32_t t) const {
    if (!inSentence(t)) return nullptr;
    int k = d_.slotAt[t - d_.first];
    if (k < 0 || d_.slots[static_cast<size_t>(k)].anaphor) return nullptr;
    return &d_.slots[static_cast<size_t>(k)];
  }
  bool lowerWord(uint32_t t) const {
    const std::string& w = word(t);
    return !w.empty() && std::islower(static_cast<unsigned char>(w[0])) &&
           ctx_.seg.tokens[t].has(text::kAlpha) && !ctx_.seg.tokens[t].has(text::kUpperInitial);
  }
  // A title ending exactly at token `end` ("Foreign Minister" before "Sergey"); its first token.
  std::optional<uint32_t> titleEndingAt(uint32_t end, bool* office) const {
    for (uint32_t j = end >= d_.first + 5 ? end - 5 : d_.first; j < end; ++j) {
      uint32_t len = 0;
      auto title = ctx_.lexicon.titleAt(ctx_.seg, j, &len);
      if (title && j + len == end) {
        *office = title->office;
        return j;
      }
    }
    return std::nullopt;
  }
  // Going left from token t (exclusive): the holder of a position, e.g. "Russian",
  // "Russia 's", "Kremlin foreign policy" before a title. Skips modifiers and up to three
  // lower-case words.
  const Slot* holderLeftOf(uint32_t t) const {
    int words = 0;
    while (t > d_.first) {
      if (const Slot* s = slotEndingAt(t)) return s;
      const std::string& w = word(t - 1);
      if (w == "'s"sv || rules_.has(WordList::PositionModifiers, w) || w == "his"sv || w == "her"sv) {
        --t;
        continue;
      }
      // a verb ("the Committee urged President Reagan") separates holder and title
      bool pastVerb = w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0;
      if (lowerWord(t - 1) && !rules_.has(WordList::HolderBlockers, w) && !pastVerb && ++words <= 3) {
        --t;
        continue;
      }
      return nullptr;
    }
    return nullptr;
  }
  // Going right from token t: "of the Russian foreign ministry's Second Asia Department" ->
  // the last slot of the possessive chain.
  const Slot* holderRightOf(uint32_t t) const {
    uint32_t limit = std::min(d_.end, t + 5);
    while (t < limit) {
      if (const Slot* s = slotStartingAt(t)) {
        const Slot* last = s;
        while (last->end + 1 < d_.end && word(last->end) == "'s"sv) {
          const Slot* next = slotStartingAt(last->end + 1);
          if (!next) break;
          last = next;
        }
        return last;
      }
      const std::string& w = word(t);
      if (w == "of"sv || w == "in"sv || w == "at"sv || w == "for"sv || w == "the"sv || w == "to"sv ||
          rules_.has(WordList::PositionModifiers, w) || lowerWord(t)) {
        ++t;
        continue;
      }
      return nullptr;
    }
    return nullptr;
  }
  void emit(int subject, int object, const char* relation, const char* rule, float confidence = 0.9f) {
    if (subject < 0 || object < 0 || subject == object) return;
    out_.push_back({subject, object, relation, rule, confidence});
  }
  bool orgOrState(int entity) const {
    EntityType t = typeOf(entity);
    return t == EntityType::Org || t == EntityType::Gpe;
  }

  // "The EU's foreign policy coordinator, Federica Mogherini," and "the president of the
  // Community of ... States (Celac), Ralph Gonsalves": the title comes before a comma.
  bool titleBeforeComma(const Slot& person) {
    if (person.first < d_.first + 2 || word(person.first - 1) != ","sv) return false;
    uint32_t end = person.first - 1;
    bool office = true;
    if (auto title = titleEndingAt(end, &office)) {
      const Slot* holder = holderLeftOf(*title);
      if (office && holder && orgOrState(holder->entity)) {
        emit(person.entity, holder->entity, "HOLDS_POSITION", "title.before-comma");
        return true;
      }
      return false;
    }
    if (word(end - 1) == ")"sv) {  // skip an acronym in brackets
      uint32_t open = end - 1;
      while (open > d_.first && word(open) != "("sv) --open;
      end = open;
    }
    const Slot* org = slotEndingAt(end);
    if (!org || !orgOrState(org->entity) || org->first < d_.first + 2) return false;
    uint32_t t = org->first;
    if (word(t - 1) == "the"sv) --t;
    if (t < d_.first + 2 || word(t - 1) != "of"sv) return false;
    if (titleEndingAt(t - 1, &office) && office) {
      emit(person.entity, org->entity, "HOLDS_POSITION", "title.of-before-comma");
      return true;
    }
    return false;
  }

  void titles(const Slot& person) {
    bool office = true;
    if (titleBeforeComma(person)) return;
    if (auto title = titleEndingAt(person.first, &office)) {
      if (!office) return;
      if (const Slot* holder = holderLeftOf(*title); holder && orgOrState(holder->entity)) {
        emit(person.entity, holder->entity, "HOLDS_POSITION", "title.before");
        return;
      }
      // "Foreign Minister of Iran Hossein Amir-Abdollahian"
      return;
    }
    // "the head of Russia's FSB security agency Alexander Bortnikov"
    if (const Slot* org = holderLeftOf(person.first); org && orgOrState(org->entity)) {
      long t = static_cast<long>(org->first);
      while (t - 2 >= static_cast<long>(d_.first) && word(static_cast<uint32_t>(t - 1)) == "'s"sv &&
             slotEndingAt(static_cast<uint32_t>(t - 1)))
        t = slotEndingAt(static_cast<uint32_t>(t - 1))->first;
      if (t - 1 >= static_cast<long>(d_.first) && word(static_cast<uint32_t>(t - 1)) == "the"sv) --t;
      bool ofTitle = false;
      if (t - 1 >= static_cast<long>(d_.first) && word(static_cast<uint32_t>(t - 1)) == "of"sv)
        ofTitle = titleEndingAt(static_cast<uint32_t>(t - 1), &office).has_value() && office;
      bool possessive = person.first >= 1 && word(person.first - 1) == "'s"sv &&
                        slotEndingAt(person.first - 1) == org && isState(ctx_, org->entity);
      if (ofTitle) emit(person.entity, org->entity, "HOLDS_POSITION", "title.of-chain");
      else if (possessive) emit(person.entity, org->entity, "HOLDS_POSITION", "title.possessive", 0.6f);
    }
    // "Zamir Kabulov, director of the ... Department", "Wang Yi, China's senior-most diplomat"
    uint32_t t = person.end;
    if (t >= d_.end || word(t) != ","sv) return;
    ++t;
    while (t < d_.end && rules_.has(WordList::PositionFillers, word(t))) ++t;
    const Slot* before = nullptr;
    if (const Slot* s = slotStartingAt(t)) {
      before = s;
      t = s->end;
      if (t < d_.end && word(t) == "'s"sv) ++t;
    }
    while (t < d_.end && rules_.has(WordList::PositionModifiers, word(t))) ++t;
    uint32_t len = 0;
    auto title = ctx_.lexicon.titleAt(ctx_.seg, t, &len);
    // lower-case words before the title: "senior-most diplomat"
    for (int skip = 0; !title && skip < 2 && t < d_.end && lowerWord(t); ++skip) {
      ++t;
      title = ctx_.lexicon.titleAt(ctx_.seg, t, &len);
    }
    if (!title || !title->office) return;
    const Slot* holder = before ? before : holderRightOf(t + len);
    if (holder && orgOrState(holder->entity))
      emit(person.entity, holder->entity, "HOLDS_POSITION", "title.apposition");
  }

  bool governmentBody(const Slot& org) const {
    for (uint32_t t = org.first; t < org.end; ++t)
      if (rules_.has(WordList::BodyHeads, word(t))) return true;
    return false;
  }

  void bodies(const Slot& org) {
    const resolve::Entity& e = ctx_.resolution.entities[static_cast<size_t>(org.entity)];
    // "Russian Ministry of Defense", "Pakistan Army", "AU Commission": the name starts with
    // the state (or organisation) it belongs to.
    if (org.end - org.first >= 2) {
      const mention::LexiconEntry* head = ctx_.lexicon.lookup(ctx_.seg.tokens[org.first].text);
      bool stateHead = head && head->type == EntityType::Gpe && !head->capital.empty();
      if (head && head->canonical != e.name && (stateHead || head->type == EntityType::Org) &&
          governmentBody(org)) {
        int owner = ctx_.resolution.ensure(head->canonical, head->type);
        emit(org.entity, owner, "PART_OF", "body.named-after");
        return;
      }
    }
    // "Russia's FSB", "Iran's Supreme National Security Council"
    if (org.first >= d_.first + 2 && word(org.first - 1) == "'s"sv) {
      const Slot* owner = slotEndingAt(org.first - 1);
      const mention::LexiconEntry* entry = ctx_.lexicon.entry(e.name);
      bool known = entry && owner &&
                   foldName(entry->part_of) == ctx_.resolution.entities[static_cast<size_t>(owner->entity)].key;
      if (owner && isState(ctx_, owner->entity) && (governmentBody(org) || known))
        emit(org.entity, owner->entity, "PART_OF", "body.possessive");
    }
  }

  void places(const Slot& place) {
    EntityType type = typeOf(place.entity);
    if (type != EntityType::Gpe && type != EntityType::Loc && type != EntityType::Fac) return;
    if (isState(ctx_, place.entity)) return;
    // "Astana, Kazakhstan", but not "France, England, Italy" (a list)
    bool listed = place.first > d_.first && (word(place.first - 1) == ","sv || word(place.first - 1) == "and"sv);
    if (!listed && place.end + 1 < d_.end && word(place.end) == ","sv) {
      const Slot* state = slotStartingAt(place.end + 1);
      if (state && !state->demonym && isState(ctx_, state->entity))
        emit(place.entity, state->entity, "LOCATED_IN", "place.comma");
    }
    // "Afghanistan's Mazar-e Sharif"
    if (place.first >= d_.first + 2 && word(place.first - 1) == "'s"sv) {
      const Slot* state = slotEndingAt(place.first - 1);
      if (state && isState(ctx_, state->entity))
        emit(place.entity, state->entity, "LOCATED_IN", "place.possessive");
    }
    // "the Uzbek border town of Termez", "the Pakistani city of Peshawar"
    if (place.first >= d_.first + 3 && word(place.first - 1) == "of"sv) {
      uint32_t t = place.first - 1;
      int words = 0;
      bool placeNoun = false;
      while (t > d_.first && words < 3 && lowerWord(t - 1)) {
        placeNoun = placeNoun || rules_.has(WordList::PlaceNouns, word(t - 1));
        --t;
        ++words;
      }
      if (!placeNoun) return;
      if (t > d_.first && word(t - 1) == "'s"sv) --t;
      const Slot* state = slotEndingAt(t);
      if (state && isState(ctx_, state->entity))
        emit(place.entity, state->entity, "LOCATED_IN", "place.noun-of");
    }
  }

  // "Taliban-led Afghanistan": the compound names who controls what follows it.
  void compounds() {
    for (uint32_t t = d_.first; t + 1 < d_.end; ++t) {
      const std::string& w = word(t);
      size_t dash = w.rfind('-');
      if (dash == std::string::npos || dash == 0 || !rules_.has(WordList::ControlCompounds, w.substr(dash)))
        continue;
      // "Taliban-led Afghanistan", or "Afghanistan's Taliban-led government"
      const Slot* controlled = slotStartingAt(t + 1);
      if (!controlled && t >= d_.first + 2 && word(t - 1) == "'s"sv) controlled = slotEndingAt(t - 1);
      if (!controlled || !orgOrState(controlled->entity)) continue;
      std::string_view surface = ctx_.seg.tokens[t].text.substr(0, dash);
      const mention::LexiconEntry* who = ctx_.lexicon.lookup(surface);
      if (!who) continue;
      int controller = ctx_.resolution.ensure(who->canonical, who->type);
      emit(controller, controlled->entity, "CONTROLS", "compound.led");
    }
  }

  void run() {
    for (const Slot& s : d_.slots) {
      if (s.anaphor) continue;
      switch (typeOf(s.entity)) {
        case EntityType::Person: titles(s); break;
        case EntityType::Org: bodies(s); break;
        default: places(s); break;
      }
    }
    compounds();
  }

 private:
  const SentenceData& d_;
  SentenceContext& ctx_;
  const RelationRules::Impl& rules_;
  std::vector<StructuralFact>& out_;
};

}  // namespace

std::vector<StructuralFact> structuralRelations(const SentenceData& d, SentenceContext& ctx,
                                                const RelationRules::Impl& rules) {
  std::vector<StructuralFact> out;
  Structure(d, ctx, rules, out).run();
  return out;
}

}  // namespace newsgraph::relate

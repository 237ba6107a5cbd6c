#include "extract/relate/matcher.h"

#include <algorithm>

namespace newsgraph::relate {

using namespace std::string_view_literals;
namespace {

struct Binding {
  int subject = -1, object = -1;  // view positions
  size_t end = 0;                 // one past the last matched unit
};

class Matcher {
 public:
  Matcher(const SentenceData& d, const View& view, const RelationRules::Impl& rules)
      : d_(d), view_(view), rules_(rules) {}

  bool plainToken(size_t u) const { return view_[u].slot < 0; }
  const std::string& word(size_t u) const { return d_.word(view_[u].token); }

  // A gap may hold plain words only: no entity (unless "*N"), no clause break, no reporting verb.
  bool gapToken(const Element& gap, size_t u) const {
    if (!plainToken(u)) return gap.gapOverSlots || locativePlace(u);
    const std::string& w = word(u);
    return !rules_.has(WordList::GapStop, w) && !rules_.has(WordList::ClauseBreaks, w);
  }

  // "meeting in Brussels": a place after "in"/"at" is where, not who.
  bool locativePlace(size_t u) const {
    if (plainToken(u) || u == 0 || !plainToken(u - 1) || !rules_.has(WordList::Locative, word(u - 1)))
      return false;
    EntityType type = d_.entityType(d_.slots[static_cast<size_t>(view_[u].slot)].entity);
    return type == EntityType::Gpe || type == EntityType::Loc || type == EntityType::Fac;
  }

  // Whether the word before unit u is one the pattern names just before element ei
  // ("in ~3 O" asks for "in"; "S ~ V" asks for nothing).
  bool askedFor(const Rule& rule, size_t ei, size_t u) const {
    if (u == 0 || !plainToken(u - 1)) return false;
    for (size_t k = ei; k-- > 0;) {
      const Element& prev = rule.elements[k];
      if (prev.kind == Element::Kind::Gap) continue;
      return prev.kind == Element::Kind::Words && prev.words.count(word(u - 1)) > 0;
    }
    return false;
  }

  // An argument slot: a subject never follows a preposition that the pattern did not ask
  // for ("sanctions over Russia's ..."), and a place after "in" is not an argument unless
  // the pattern names the preposition ("arrived in S").
  bool slotAllowed(const Element& e, size_t u, bool literalBefore) const {
    if (plainToken(u)) return false;
    if (literalBefore) return true;
    if (locativePlace(u)) return false;
    // "called on the West to lift": the object of "on" is the subject of "lift"
    bool controlled = u + 1 < view_.size() && plainToken(u + 1) && word(u + 1) == "to"sv;
    return !(e.kind == Element::Kind::Subject && u > 0 && plainToken(u - 1) &&
             rules_.has(WordList::SubjectBlockers, word(u - 1)) && !controlled);
  }

  bool elementAt(const Element& e, size_t u, Binding& b, bool literalBefore) const {
    switch (e.kind) {
      case Element::Kind::Subject:
      case Element::Kind::Object:
        if (!slotAllowed(e, u, literalBefore)) return false;
        (e.kind == Element::Kind::Subject ? b.subject : b.object) = static_cast<int>(u);
        return true;
      case Element::Kind::Words:
        return plainToken(u) && e.words.count(word(u)) > 0;
      case Element::Kind::Gap:
        return false;
    }
    return false;
  }

  bool right(const Rule& rule, size_t ei, size_t u, Binding& b) const {
    if (ei == rule.elements.size()) {
      b.end = u;
      return true;
    }
    const Element& e = rule.elements[ei];
    if (e.kind == Element::Kind::Gap) {
      for (int len = 0; len <= e.maxGap; ++len) {
        if (right(rule, ei + 1, u + static_cast<size_t>(len), b)) return true;
        if (u + static_cast<size_t>(len) >= view_.size() || !gapToken(e, u + static_cast<size_t>(len)))
          break;
      }
      return false;
    }
    if (u < view_.size() && elementAt(e, u, b, askedFor(rule, ei, u)) && right(rule, ei + 1, u + 1, b))
      return true;
    return e.optional && right(rule, ei + 1, u, b);
  }

  // Matches elements ei, ei-1, ... 0 leftwards, ending just before position `end`.
  bool left(const Rule& rule, int ei, size_t end, Binding& b) const {
    if (ei < 0) return true;
    const Element& e = rule.elements[static_cast<size_t>(ei)];
    if (e.kind == Element::Kind::Gap) {
      for (int len = 0; len <= e.maxGap; ++len) {
        if (static_cast<size_t>(len) > end) break;
        if (left(rule, ei - 1, end - static_cast<size_t>(len), b)) return true;
        if (static_cast<size_t>(len) == end || !gapToken(e, end - 1 - static_cast<size_t>(len))) break;
      }
      return false;
    }
    if (end > 0 && elementAt(e, end - 1, b, askedFor(rule, static_cast<size_t>(ei), end - 1)) &&
        left(rule, ei - 1, end - 1, b))
      return true;
    return e.optional && left(rule, ei - 1, end, b);
  }

  // "Lavrov said that Russia would soon dispatch aid": future in reported speech, a statement.
  bool reportedFuture(size_t u) const {
    if (word(u) != "would"sv) return false;
    for (size_t k = 0; k < u; ++k)
      if (plainToken(k) && rules_.has(WordList::ReportingVerbs, word(k))) return true;
    return false;
  }

  // Negation and modality: in the words between the first argument and the trigger, and
  // for nominal triggers also after the match ("recognition of X is not possible").
  void judge(const Rule& rule, size_t anchor, const Binding& b, Candidate& c) const {
    size_t from = anchor >= 3 ? anchor - 3 : 0;
    for (int slot : {b.subject, b.object})
      if (slot >= 0 && static_cast<size_t>(slot) < anchor)
        from = std::max(from, static_cast<size_t>(slot) + 1);
    for (size_t u = from; u < anchor; ++u) {
      if (!plainToken(u)) continue;
      const std::string& w = word(u);
      if (rules_.has(WordList::Negation, w) || rules_.has(WordList::NegatingVerbs, w)) c.negated = true;
      if (rules_.has(WordList::Modal, w) && !reportedFuture(u)) c.modality = Modality::Hypothetical;
      // "X plans to visit Y", "vowed to retaliate against", "urged X to recognise": the
      // outermost of these words governs the trigger.
      if (c.modality != Modality::Asserted) continue;
      if (rules_.has(WordList::PlanningWords, w)) c.modality = Modality::Planned;
      if (rules_.has(WordList::ThreateningWords, w)) c.modality = Modality::Threatened;
      if (rules_.has(WordList::DemandingWords, w)) c.modality = Modality::Demanded;
    }
    // "called on X not to host Y": an appeal, not a statement that X does not host Y.
    if (anchor >= 2 && plainToken(anchor - 1) && word(anchor - 1) == "to"sv && plainToken(anchor - 2) &&
        word(anchor - 2) == "not"sv)
      c.modality = Modality::Demanded;
    for (size_t u = 0; u < anchor; ++u)
      if (plainToken(u) && (word(u) == "whether"sv || word(u) == "if"sv)) c.modality = Modality::Hypothetical;
    if (!view_.empty() && plainToken(view_.size() - 1) && word(view_.size() - 1) == "?"sv)
      c.modality = Modality::Hypothetical;
    if (rule.elements[rule.anchor].noun) {
      for (size_t u = b.end; u < view_.size() && u < b.end + 12; ++u) {
        if (!plainToken(u)) continue;
        const std::string& w = word(u);
        if (rules_.has(WordList::ClauseBreaks, w) || w == ","sv || w == "."sv) break;
        if ((w == "not"sv || w == "n't"sv) && u > 0 && plainToken(u - 1) && rules_.has(WordList::Be, word(u - 1)))
          c.negated = true;
        if (rules_.has(WordList::Modal, w) || w == "depend"sv || w == "depends"sv)
          c.modality = Modality::Hypothetical;
      }
    }
  }

  // "Afghan students arrived" is not Afghanistan acting; "Uzbek officials met" is.
  // As an object, "Russian banks" still stands for Russia (demonym_targets); "the Korean Won" does not.
  bool actingDemonym(size_t u, bool object) const {
    const Slot& slot = d_.slots[static_cast<size_t>(view_[u].slot)];
    if (!slot.demonym) return true;
    // "Russian and Chinese leaders": the noun follows the last conjunct
    size_t next = u + 1;
    while (next + 1 < view_.size() && plainToken(next) && !plainToken(next + 1) &&
           (word(next) == "and"sv || word(next) == ","sv || word(next) == "or"sv))
      next += 2;
    if (next >= view_.size() || !plainToken(next)) return false;
    if (rules_.has(WordList::DemonymAgents, word(next))) return true;
    if (!object) return false;
    // "the Uzbek border town of Termez": a place of that state
    bool place = rules_.has(WordList::PlaceNouns, word(next)) ||
                 (next + 1 < view_.size() && plainToken(next + 1) && rules_.has(WordList::PlaceNouns, word(next + 1)));
    return place || rules_.has(WordList::DemonymTargets, word(next));
  }

  void run(std::vector<Candidate>& out) const {
    for (size_t u = 0; u < view_.size(); ++u) {
      if (!plainToken(u)) continue;
      auto hit = rules_.anchors.find(word(u));
      if (hit == rules_.anchors.end()) continue;
      for (size_t r : hit->second) {
        const Rule& rule = rules_.rules[r];
        Binding b;
        if (!right(rule, rule.anchor + 1, u + 1, b)) continue;
        if (!left(rule, static_cast<int>(rule.anchor) - 1, u, b)) continue;
        if (b.subject < 0 || b.object < 0) continue;
        if (!actingDemonym(static_cast<size_t>(b.subject), false) ||
            !actingDemonym(static_cast<size_t>(b.object), true))
          continue;
        // "X was received by Y", "Colombia was struck off the list": an active pattern must
        // not read a passive clause.
        bool active = static_cast<size_t>(b.subject) < u && static_cast<size_t>(b.object) > u;
        bool verb = rule.elements[rule.anchor].trigger && !rule.elements[rule.anchor].noun;
        bool progressive = word(u).size() > 4 && word(u).compare(word(u).size() - 3, 3, "ing") == 0;  // "is hosting"
        if (active && verb && !progressive &&
            ((u + 1 < view_.size() && plainToken(u + 1) && word(u + 1) == "by"sv) ||
             (u > 0 && plainToken(u - 1) && rules_.has(WordList::Be, word(u - 1)) && word(u - 1) != "'s"sv)))
          continue;
        Candidate c;
        c.subjectSlot = view_[static_cast<size_t>(b.subject)].slot;
        c.objectSlot = view_[static_cast<size_t>(b.object)].slot;
        c.rule = &rule;
        c.subjects = coordinated(d_, view_, static_cast<size_t>(b.subject));
        c.objects = coordinated(d_, view_, static_cast<size_t>(b.object));
        judge(rule, u, b, c);
        out.push_back(std::move(c));
      }
    }
  }

 private:
  const SentenceData& d_;
  const View& view_;
  const RelationRules::Impl& rules_;
};

bool isListSeparator(const std::string& w) { return w == ","sv || w == "and"sv || w == "or"sv || w == "&"sv; }

}  // namespace

std::vector<int> coordinated(const SentenceData& d, const View& view, size_t u) {
  std::vector<int> entities = {d.slots[static_cast<size_t>(view[u].slot)].entity};
  auto separatorRun = [&](size_t from, int step) {
    // Number of separator units (", and" is two) starting at from in direction step, plus
    // the title words in front of the next person ("Yoon and Prime Minister Kishida").
    size_t n = 0, separators = 0;
    for (size_t k = from; k < view.size() && view[k].slot < 0; k = static_cast<size_t>(static_cast<long>(k) + step)) {
      const std::string& w = d.word(view[k].token);
      if (isListSeparator(w) && separators < 2) {
        ++separators;
      } else if (!d.titleWord[view[k].token - d.first]) {
        break;
      }
      ++n;
    }
    return separators ? n : 0;
  };
  for (int step : {1, -1}) {
    size_t at = u;
    while (true) {
      long sep = static_cast<long>(at) + step;
      if (sep < 0 || static_cast<size_t>(sep) >= view.size()) break;
      size_t n = separatorRun(static_cast<size_t>(sep), step);
      long next = static_cast<long>(at) + step * static_cast<long>(n + 1);
      if (n == 0 || next < 0 || static_cast<size_t>(next) >= view.size() || view[static_cast<size_t>(next)].slot < 0)
        break;
      // "In Washington, Albright and Qian held talks": a place after "in" is not a conjunct
      size_t nextUnit = static_cast<size_t>(next);
      if (nextUnit > 0 && view[nextUnit - 1].slot < 0 && d.word(view[nextUnit - 1].token) == "in") break;
      int entity = d.slots[static_cast<size_t>(view[static_cast<size_t>(next)].slot)].entity;
      if (std::find(entities.begin(), entities.end(), entity) == entities.end()) entities.push_back(entity);
      at = static_cast<size_t>(next);
    }
  }
  return entities;
}

std::vector<Candidate> matchRules(const SentenceData& d, const RelationRules::Impl& rules) {
  std::vector<Candidate> out;
  for (const View& view : d.views) Matcher(d, view, rules).run(out);
  return out;
}

}  // namespace newsgraph::relate

#include "extract/relate/relate.h"

#include <algorithm>
#include <spdlog/spdlog.h>

#include <map>
#include <set>
#include <tuple>

#include "extract/relate/matcher.h"
#include "extract/relate/structural.h"

namespace newsgraph::relate {

using namespace std::string_view_literals;
namespace {

constexpr size_t kMaxCooccurringEntities = 12;

// Relations whose subject is an actor: a capital as subject stands for its state
// ("Moscow has fostered relations" -> Russia).
bool actorRelation(const std::string& relation) {
  return relation != "LOCATED_IN"sv && relation != "BORDERS"sv && relation != "HOLDS_POSITION"sv &&
         relation != "PART_OF"sv;
}

class DocumentRelations {
 public:
  DocumentRelations(SentenceContext& ctx, const RelationRules& rules, const RelateOptions& options)
      : ctx_(ctx), rules_(rules.impl()), options_(options), ontology_(Ontology::standard()) {}

  std::vector<Fact> run() {
    DocumentState state;
    SentenceData d;
    for (uint32_t s = 0; s < ctx_.seg.sentences.size(); ++s) {
      buildSentence(ctx_, rules_, s, state, d);
      if (d.slots.empty()) continue;
      for (const StructuralFact& f : structuralRelations(d, ctx_, rules_)) {
        if (std::string_view(f.relation) == "HOLDS_POSITION"sv) affiliation_.emplace(f.subject, f.object);
        add(f.subject, f.object, f.relation, false, Modality::Asserted, f.confidence, s, f.rule);
      }
      for (const Candidate& c : matchRules(d, rules_)) {
        for (int subject : c.subjects)
          for (int object : c.objects) {
            if (subject == object) object = nextAlternative(d, c.objectSlot, subject);
            add(subject, object, c.rule->relation, c.negated, c.modality, c.negated ? 0.8f : 0.85f,
                s, c.rule->id);
          }
      }
      if (options_.cooccurrence) cooccurrences(d);
    }
    return std::move(facts_);
  }

 private:
  EntityType typeOf(int entity) const {
    return ctx_.resolution.entities[static_cast<size_t>(entity)].type;
  }

  // "the country" bound to the relation's own subject: the anaphor's next candidate.
  static int nextAlternative(const SentenceData& d, int slot, int subject) {
    if (slot < 0) return subject;
    for (int candidate : d.slots[static_cast<size_t>(slot)].alternatives)
      if (candidate != subject) return candidate;
    return subject;
  }

  int governmentOfCapital(int entity) {
    const resolve::Entity& e = ctx_.resolution.entities[static_cast<size_t>(entity)];
    const mention::LexiconEntry* entry = ctx_.lexicon.entry(e.name);
    if (e.type != EntityType::Gpe || !entry || entry->capital_of.empty()) return entity;
    return government(entity);
  }

  // Moscow -> Russia when Moscow acts.
  int government(int entity) {
    const resolve::Entity& e = ctx_.resolution.entities[static_cast<size_t>(entity)];
    if (e.type != EntityType::Gpe && e.type != EntityType::Org && e.type != EntityType::Fac)
      return entity;
    const mention::LexiconEntry* state = ctx_.lexicon.governmentOf(e.name);
    if (!state || state->canonical == e.name) return entity;
    return ctx_.resolution.ensure(state->canonical, state->type);
  }

  void add(int subject, int object, const std::string& relation, bool negated, Modality modality,
           float confidence, uint32_t sentence, const std::string& rule) {
    const RelationInfo* info = ontology_.find(relation);
    if (!info || subject < 0 || object < 0) return;
    if (actorRelation(relation)) subject = government(subject);
    // "Beijing's foreign ministry": a body belongs to the state, not to its capital.
    if (relation == "PART_OF"sv || relation == "HOLDS_POSITION"sv) object = governmentOfCapital(object);
    // A person acting where only states and organisations can ("Lavrov removed X from the
    // list") acts for the body he holds a position in.
    if (typeOf(subject) == EntityType::Person && !ontology_.allows(*info, EntityType::Person, typeOf(object))) {
      auto it = affiliation_.find(subject);
      if (it == affiliation_.end()) return;
      subject = it->second;
    }
    if (subject == object || !ontology_.allows(*info, typeOf(subject), typeOf(object))) return;
    if (info->symmetric && object < subject) std::swap(subject, object);
    auto key = std::make_tuple(subject, object, relation, negated, modality, sentence);
    if (!seen_.insert(key).second) return;
    spdlog::trace("{} {}{} {}{} [{}, sentence {}]",
                  ctx_.resolution.entities[static_cast<size_t>(subject)].name, negated ? "NOT " : "",
                  relation, ctx_.resolution.entities[static_cast<size_t>(object)].name,
                  modality == Modality::Asserted ? "" : fmt::format(" ({})", toString(modality)),
                  rule, sentence);
    facts_.push_back({subject, object, relation, negated, confidence, sentence, rule, modality});
  }

  void cooccurrences(const SentenceData& d) {
    std::vector<int> entities;
    for (const Slot& s : d.slots)
      if (!s.anaphor && std::find(entities.begin(), entities.end(), s.entity) == entities.end())
        entities.push_back(s.entity);
    if (entities.size() > kMaxCooccurringEntities) entities.resize(kMaxCooccurringEntities);
    for (size_t i = 0; i < entities.size(); ++i)
      for (size_t j = i + 1; j < entities.size(); ++j) {
        int a = std::min(entities[i], entities[j]), b = std::max(entities[i], entities[j]);
        auto key = std::make_tuple(a, b, std::string(Ontology::kCooccurs), false, Modality::Asserted,
                                   d.index);
        if (seen_.insert(key).second)
          facts_.push_back({a, b, std::string(Ontology::kCooccurs), false, 0.5f, d.index, "cooccurrence"});
      }
  }

  SentenceContext& ctx_;
  const RelationRules::Impl& rules_;
  const RelateOptions& options_;
  const Ontology& ontology_;
  std::map<int, int> affiliation_;  // person -> first organisation or state he holds office in
  std::set<std::tuple<int, int, std::string, bool, Modality, uint32_t>> seen_;
  std::vector<Fact> facts_;
};

}  // namespace

std::vector<Fact> extractRelations(SentenceContext& ctx, const RelationRules& rules,
                                   const RelateOptions& options) {
  return DocumentRelations(ctx, rules, options).run();
}

}  // namespace newsgraph::relate

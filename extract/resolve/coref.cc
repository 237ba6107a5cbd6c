// Coreference within a document as a few deterministic passes, most precise first (the
// order of the Stanford sieve): identical mentions, names that repeat part of an earlier
// name, descriptions that repeat an earlier head noun or name the kind of a recent entity,
// then pronouns by agreement and salience. Each pass merges chains, so a later pass sees
// what earlier ones linked ("Dvořák ... the composer ... he").
#include <algorithm>
#include <array>
#include <numeric>
#include <string_view>

#include "extract/resolve/resolve.h"

namespace newsgraph::resolve {
namespace {

using namespace std::string_view_literals;

enum class Pronoun : uint8_t { None, Male, Female, Neuter, Plural, First, FirstPlural, Second };

struct PronounWord {
  std::string_view word;
  Pronoun kind;
};

constexpr std::array<PronounWord, 31> kPronouns = {{
    {"he", Pronoun::Male},         {"him", Pronoun::Male},          {"his", Pronoun::Male},
    {"himself", Pronoun::Male},    {"she", Pronoun::Female},        {"her", Pronoun::Female},
    {"hers", Pronoun::Female},     {"herself", Pronoun::Female},    {"it", Pronoun::Neuter},
    {"its", Pronoun::Neuter},      {"itself", Pronoun::Neuter},     {"they", Pronoun::Plural},
    {"them", Pronoun::Plural},     {"their", Pronoun::Plural},      {"theirs", Pronoun::Plural},
    {"themselves", Pronoun::Plural}, {"i", Pronoun::First},         {"me", Pronoun::First},
    {"my", Pronoun::First},        {"mine", Pronoun::First},        {"myself", Pronoun::First},
    {"we", Pronoun::FirstPlural},  {"us", Pronoun::FirstPlural},    {"our", Pronoun::FirstPlural},
    {"ours", Pronoun::FirstPlural}, {"ourselves", Pronoun::FirstPlural}, {"you", Pronoun::Second},
    {"your", Pronoun::Second},     {"yours", Pronoun::Second},      {"yourself", Pronoun::Second},
    {"yourselves", Pronoun::Second},
}};

Pronoun pronounOf(std::string_view word) {
  for (const PronounWord& p : kPronouns)
    if (p.word == word) return p.kind;
  return Pronoun::None;
}

// Head nouns that name the kind of an entity ("the country" for a state just mentioned).
struct KindNoun {
  std::string_view noun;
  EntityType type;
};

constexpr std::array<KindNoun, 24> kKindNouns = {{
    {"country", EntityType::Gpe},      {"nation", EntityType::Gpe},
    {"state", EntityType::Gpe},        {"republic", EntityType::Gpe},
    {"kingdom", EntityType::Gpe},      {"emirate", EntityType::Gpe},
    {"city", EntityType::Gpe},         {"capital", EntityType::Gpe},
    {"town", EntityType::Gpe},         {"province", EntityType::Gpe},
    {"group", EntityType::Org},        {"organisation", EntityType::Org},
    {"organization", EntityType::Org}, {"union", EntityType::Org},
    {"alliance", EntityType::Org},     {"company", EntityType::Org},
    {"firm", EntityType::Org},         {"party", EntityType::Org},
    {"movement", EntityType::Org},     {"regime", EntityType::Org},
    {"bloc", EntityType::Org},         {"agency", EntityType::Org},
    {"band", EntityType::Org},         {"team", EntityType::Org},
}};

std::optional<EntityType> kindOf(std::string_view noun) {
  for (const KindNoun& k : kKindNouns)
    if (k.noun == noun) return k.type;
  return std::nullopt;
}

// How far back (in sentences) each pass looks: names repeat across a document, pronouns and
// kind nouns refer to what was just said.
constexpr uint32_t kPronounWindow = 2;
constexpr uint32_t kKindWindow = 3;

class Chains {
 public:
  explicit Chains(const std::vector<CorefMention>& mentions)
      : m_(mentions), parent_(mentions.size()), pronouns_(mentions.size()) {
    std::iota(parent_.begin(), parent_.end(), 0);
    for (size_t i = 0; i < m_.size(); ++i) {
      Pronoun p = m_[i].form == MentionForm::Pronoun ? pronounOf(m_[i].head) : Pronoun::None;
      pronouns_[i] = p == Pronoun::None ? 0 : 1u << static_cast<unsigned>(p);
      if (m_[i].type) types_[i] = 1u << static_cast<unsigned>(*m_[i].type);
    }
  }

  std::vector<int> run() {
    linkIdentical();
    linkNames();
    linkDescriptions();
    linkPronouns();
    std::vector<int> out(m_.size());
    // The chain's id is its first mention.
    std::vector<int> first(m_.size(), -1);
    for (size_t i = 0; i < m_.size(); ++i) {
      size_t root = find(i);
      if (first[root] < 0) first[root] = static_cast<int>(i);
      out[i] = first[root];
    }
    return out;
  }

 private:
  size_t find(size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }

  // Merging keeps what the chain knows: the pronouns it holds and its entity types.
  void merge(size_t a, size_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
    pronouns_[a] |= pronouns_[b];
    types_[a] |= types_[b];
  }

  bool has(size_t chain, Pronoun p) const { return pronouns_[chain] & (1u << static_cast<unsigned>(p)); }
  bool typed(size_t chain, EntityType t) const { return types_[chain] & (1u << static_cast<unsigned>(t)); }
  bool untyped(size_t chain) const { return types_[chain] == 0; }

  bool compatibleTypes(size_t a, size_t b) {
    a = find(a);
    b = find(b);
    return untyped(a) || untyped(b) || (types_[a] & types_[b]) != 0;
  }

  void linkIdentical() {
    for (size_t i = 0; i < m_.size(); ++i) {
      if (m_[i].form == MentionForm::Pronoun || m_[i].words.empty()) continue;
      for (size_t j = i; j-- > 0;) {
        if (m_[j].form == MentionForm::Pronoun || m_[j].words != m_[i].words) continue;
        if (compatibleTypes(i, j)) merge(i, j);
        break;
      }
    }
  }

  // "Dvořák" after "Antonín Leopold Dvořák": every word of the shorter name is in the longer.
  static bool contains(const std::vector<std::string>& longer, const std::vector<std::string>& shorter) {
    for (const std::string& w : shorter)
      if (std::find(longer.begin(), longer.end(), w) == longer.end()) return false;
    return true;
  }

  void linkNames() {
    for (size_t i = 0; i < m_.size(); ++i) {
      if (m_[i].form != MentionForm::Name || m_[i].words.empty()) continue;
      for (size_t j = i; j-- > 0;) {
        if (m_[j].form != MentionForm::Name || m_[j].words.empty()) continue;
        const auto& a = m_[j].words;
        const auto& b = m_[i].words;
        bool sameHead = m_[i].head == m_[j].head;
        if (sameHead && (contains(a, b) || contains(b, a)) && compatibleTypes(i, j)) {
          merge(i, j);
          break;
        }
      }
    }
  }

  void linkDescriptions() {
    for (size_t i = 0; i < m_.size(); ++i) {
      const CorefMention& d = m_[i];
      if (d.form != MentionForm::Description || d.head.empty() || find(i) != i) continue;
      // "the composer ... the composer": the same head with no new modifier.
      bool linked = false;
      for (size_t j = i; j-- > 0 && !linked;) {
        const CorefMention& a = m_[j];
        if (a.form == MentionForm::Pronoun || a.head != d.head || a.plural != d.plural) continue;
        if (contains(a.words, d.words)) {
          merge(i, j);
          linked = true;
        }
      }
      if (linked) continue;
      // "the country" after "Uzbekistan": the nearest earlier name of that kind.
      std::optional<EntityType> kind = kindOf(d.head);
      if (!kind || d.plural || d.words.size() > 1) continue;
      for (size_t j = i; j-- > 0;) {
        const CorefMention& a = m_[j];
        if (d.sentence - a.sentence > kKindWindow) break;
        if (a.form != MentionForm::Name || !typed(find(j), *kind)) continue;
        merge(i, j);
        break;
      }
    }
  }

  bool agrees(Pronoun p, size_t candidate) {
    const CorefMention& a = m_[candidate];
    size_t c = find(candidate);
    bool person = typed(c, EntityType::Person) || has(c, Pronoun::Male) || has(c, Pronoun::Female);
    bool plural = a.form == MentionForm::Pronoun ? pronounOf(a.head) == Pronoun::Plural
                                                 : a.plural;
    switch (p) {
      case Pronoun::Male:
      case Pronoun::Female: {
        Pronoun other = p == Pronoun::Male ? Pronoun::Female : Pronoun::Male;
        if (has(c, other) || has(c, Pronoun::Neuter) || has(c, Pronoun::Plural) || plural) return false;
        // a name the tagger left untyped may still be a person
        return person || (untyped(c) && a.form == MentionForm::Name);
      }
      case Pronoun::Neuter:
        return !person && !plural && !has(c, Pronoun::Plural) &&
               (a.form != MentionForm::Pronoun || pronounOf(a.head) == Pronoun::Neuter);
      case Pronoun::Plural:
        // organisations are "they" as often as "it"
        return !person && (plural || typed(c, EntityType::Org) || has(c, Pronoun::Plural));
      case Pronoun::First:
      case Pronoun::FirstPlural:
      case Pronoun::Second:
        return a.form == MentionForm::Pronoun && pronounOf(a.head) == p && a.quoted == m_[candidate].quoted;
      case Pronoun::None:
        return false;
    }
    return false;
  }

  // Candidates: this sentence before the pronoun, then earlier sentences; within an earlier
  // sentence the subject first, then the mentions from the right.
  void linkPronouns() {
    for (size_t i = 0; i < m_.size(); ++i) {
      const CorefMention& p = m_[i];
      if (p.form != MentionForm::Pronoun) continue;
      Pronoun kind = pronounOf(p.head);
      if (kind == Pronoun::None) continue;
      uint32_t window = kind == Pronoun::First || kind == Pronoun::FirstPlural || kind == Pronoun::Second
                            ? UINT32_MAX
                            : kPronounWindow;
      std::optional<size_t> chosen;
      size_t j = i;
      while (j > 0 && !chosen) {
        uint32_t sentence = m_[j - 1].sentence;
        if (p.sentence - sentence > window) break;
        size_t begin = j;
        while (begin > 0 && m_[begin - 1].sentence == sentence) --begin;
        if (sentence != p.sentence)
          for (size_t k = begin; k < j && !chosen; ++k)
            if (m_[k].subject && agrees(kind, k)) chosen = k;
        for (size_t k = j; k-- > begin && !chosen;)
          if (agrees(kind, k)) chosen = k;
        j = begin;
      }
      if (chosen) merge(i, *chosen);
    }
  }

  const std::vector<CorefMention>& m_;
  std::vector<size_t> parent_;
  std::vector<uint32_t> pronouns_;
  std::vector<uint32_t> types_ = std::vector<uint32_t>(m_.size());
};

}  // namespace

std::vector<int> resolveCoreference(const std::vector<CorefMention>& mentions) {
  return Chains(mentions).run();
}

}  // namespace newsgraph::resolve

#pragma once
// Mention recognition: proposes spans that name a PERSON, ORG, GPE, LOC, EVENT or FAC.
// Recognizers: the gazetteer (lexicons in data/lexicons/, matched over folded token
// sequences through a hash table, longest match first), patterns (person names after
// titles such as "Foreign Minister Sergey Lavrov" or "Mr.", capitalised names next to
// person cues such as "said", "Ministry of X", "X Forum/Summit"), and the statistical
// tagger (extract/tagger, trained on CoNLL-2003) for names no lexicon or pattern knows.
// Overlaps are resolved by one rule: lexicon and pattern spans first, the longest span wins
// and at equal length the lexicon wins; a tagger span only fills tokens nobody else claimed.
//
//   const Lexicon& lexicon = Lexicon::standard();
//   MentionFinder finder(lexicon);
//   std::vector<Mention> mentions = finder.find(doc.text, segmentation);

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/core.h"
#include "extract/tagger/tagger.h"
#include "extract/text/text.h"

namespace newsgraph::mention {

enum class MentionKind : uint8_t {
  Name,     // a name of the entity ("Russia", "Sergey Lavrov", "NATO")
  Demonym,  // an adjective or people noun pointing at a state ("Russian", "Afghans")
  Pattern,  // found by a pattern, not in the lexicon (a new person, "Ministry of X")
  Tagger,   // proposed by the statistical tagger
};

struct Mention {
  uint32_t first_token = 0;  // token range [first_token, end_token) in the Segmentation
  uint32_t end_token = 0;
  Span span;                  // bytes in the document text
  EntityType type = EntityType::Org;
  MentionKind kind = MentionKind::Name;
  std::string canonical;  // the lexicon's canonical name ("Russia" for "Russian"), "" if unknown
  // For a body found by a pattern, the state or organisation qualifying it: "Russia" for
  // "Russian Defence Ministry" (canonical "Russian Defense Ministry"); "" otherwise.
  std::string part_of;
  float score = 1.0f;
};

// One known entity of the lexicons.
struct LexiconEntry {
  std::string canonical;             // "Sergey Lavrov", "Russia", "North Atlantic Treaty Organization"?
  EntityType type = EntityType::Org;
  std::vector<std::string> aliases;  // other names, acronyms, spellings ("NATO", "Sergei Lavrov")
  std::vector<std::string> demonyms; // "Russian", "Russians"
  std::string capital;               // for states: "Moscow"
  std::string capital_of;            // for capitals: "Russia" (metonymy: Moscow acting -> Russia)
  std::string part_of;               // for bodies: the state or organisation they belong to
  std::string located_in;            // for places
};

// Title words before a person's name ("Foreign Minister", "President", "Mr.").
struct TitleEntry {
  std::string title;        // "foreign minister" (folded)
  bool office = true;       // false for honorifics such as "Mr." (no HOLDS_POSITION)
};

class Lexicon {
 public:
  // Reads DATA_DIR/lexicons/*.tsv; throws Error (path:line) on a malformed line.
  static Lexicon load(const std::string& dataDir);
  // The lexicon of dataDir(), loaded once (thread-safe).
  static const Lexicon& standard();

  // Entry by canonical name or any alias/demonym (folded, see foldName); nullptr if unknown.
  const LexiconEntry* lookup(std::string_view name) const;
  // The entry an alias names at an ISO date when that depends on the date ("EC" in 1987 ->
  // European Community, data/lexicons/dated_aliases.tsv); nullptr otherwise or for "".
  const LexiconEntry* datedLookup(std::string_view alias, std::string_view date) const;
  // Entry by exact canonical name.
  const LexiconEntry* entry(std::string_view canonical) const;
  // The state a capital or a demonym stands for ("Moscow" -> Russia entry), else nullptr.
  const LexiconEntry* governmentOf(std::string_view canonical) const;
  // Longest title (folded tokens) starting at token i; nullopt if none. Sets *length in tokens.
  std::optional<TitleEntry> titleAt(const text::Segmentation& seg, uint32_t i,
                                    uint32_t* length) const;
  // The generic name of a state body that needs a state to name it ("the Foreign Ministry",
  // "Ministry of Foreign Affairs" -> "Foreign Ministry"); nullopt for anything else.
  std::optional<std::string> stateBody(std::string_view surface) const;
  // The type a name's last word gives it when that word is an organisation, event or
  // facility head ("Standard Oil Co", "Davos Forum"); nullopt for other words.
  std::optional<EntityType> headType(std::string_view lastWord) const;
  // A company's name without its legal form: "Microsoft Corp." -> "Microsoft", "Sony Corp
  // Ltd" -> "Sony"; nullopt when the name has none. *onlyIfKnown is set when the suffix
  // ("Group", "Holdings") may be dropped only if the rest is a name known elsewhere.
  std::optional<std::string> withoutCorporateSuffix(std::string_view name,
                                                    bool* onlyIfKnown = nullptr) const;
  // Every name of every entry (for benchmarks that compare with grep -F).
  std::vector<std::string> allNames() const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<const Impl> impl_;
};

class MentionFinder {
 public:
  // tagger may be null: lexicon and patterns only.
  explicit MentionFinder(const Lexicon& lexicon, const tagger::Tagger* tagger = nullptr);
  // Mentions in token order, without overlaps.
  std::vector<Mention> find(std::string_view text, const text::Segmentation& seg) const;

 private:
  const Lexicon& lexicon_;
  const tagger::Tagger* tagger_;
};

}  // namespace newsgraph::mention

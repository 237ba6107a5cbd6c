#pragma once
// Private to extract/mention: the tables behind Lexicon, shared by the gazetteer and patterns.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/mention/mention.h"

namespace newsgraph::mention {

// Lower-cased, accent-free form of one token (foldName's rules, ASCII fast path).
void foldToken(std::string_view token, std::string* out);
// Folded tokens of a phrase, as the text segmenter splits it, joined by single spaces.
std::string phraseKey(std::string_view phrase);

// A table keyed by folded token sequences ("foreign minister"); every proper prefix of a
// key is present too, so a scan can stop as soon as the sequence is no longer a prefix.
template <typename T>
class PhraseTable {
 public:
  struct Node {
    int32_t value = -1;  // index into values(), -1 for a prefix only
    bool prefix = false;
  };
  // Returns false when the key was already present (the first value stays).
  bool insert(const std::string& key, T value);
  const Node* find(std::string_view key) const {
    int32_t i = keys_.find(key);
    return i < 0 ? nullptr : &nodes_[static_cast<size_t>(i)];
  }
  const T& value(const Node& n) const { return values_[static_cast<size_t>(n.value)]; }
  T& mutableValue(const std::string& key) { return values_[static_cast<size_t>(node(key).value)]; }
  uint32_t maxTokens() const { return maxTokens_; }
  // First tokens of all keys ("foreign" for "foreign minister").
  const std::unordered_set<std::string>& firstTokens() const { return firstTokens_; }
  // Calls f(length, value) for every key that starts at token i of the folded tokens,
  // shortest first, not crossing end. `key` is scratch space reused across calls.
  template <typename F>
  void matchAt(const std::vector<std::string>& folded, uint32_t i, uint32_t end, std::string& key,
               F&& f) const;

 private:
  Node& node(std::string_view key) {
    uint32_t i = keys_.insert(key);
    if (i == nodes_.size()) nodes_.emplace_back();
    return nodes_[i];
  }

  StringIndex keys_;
  std::vector<Node> nodes_;  // per key of keys_
  std::vector<T> values_;
  std::unordered_set<std::string> firstTokens_;
  uint32_t maxTokens_ = 0;
};

// A gazetteer key: which entry, and the case rule learned from the surfaces that fold to it.
struct GazetteerName {
  uint32_t entry = 0;
  bool demonym = false;
  bool acronym = true;    // every surface is all capitals ("US", "WHO"): tokens must be too
  bool needUpper = true;  // every surface starts upper case ("Turkey"): so must the text
};

struct HeadInfo {
  EntityType type = EntityType::Org;
  std::string canonical;  // "Foreign Ministry", "" when a state does not qualify it
  bool anyCase = false;
};

struct CueInfo {
  bool after = false, before = false, apposition = false;
  bool single = false;  // a one-word name is accepted next to it
};

// What a folded token may start, so that one hash look-up per token skips most tables.
enum StartFlag : uint8_t { kStartsTitle = 1, kStartsCue = 2, kStartsHead = 4, kLowerGazetteer = 8 };

struct Lexicon::Impl {
  std::vector<LexiconEntry> entries;
  std::vector<bool> isState;                       // entry came from states.tsv
  std::unordered_map<std::string, uint32_t> byCanonical;
  std::unordered_map<std::string, uint32_t> byName;     // foldName of any name
  std::unordered_map<std::string, uint32_t> byDemonym;  // foldName of a demonym
  PhraseTable<GazetteerName> gazetteer;
  std::unordered_set<std::string> lowerInitialStarts;  // first tokens of keys allowing lower case
  PhraseTable<TitleEntry> titles;
  PhraseTable<HeadInfo> heads;
  PhraseTable<CueInfo> cues;
  std::unordered_set<std::string> stopwords, commonWords, particles;
  std::unordered_set<std::string> nameTitles;  // titles that also start names ("general")
  std::unordered_set<std::string> signoffs;
  struct Suffix {
    bool anyCase = false;  // written in lower case ("plc")
    bool always = true;    // false: only when the rest is a known name ("Group")
  };
  std::unordered_map<std::string, Suffix> corporateSuffixes;  // folded, without dots
  std::unordered_map<std::string, uint32_t> regionAbbreviations;  // "calif" -> entry
  struct DatedAlias {
    std::string from, until;  // ISO dates, inclusive; "" for open
    uint32_t entry = 0;
  };
  std::unordered_map<std::string, std::vector<DatedAlias>> datedAliases;  // foldName(alias)  // "REUTER": as written, case-sensitive
  StringIndex startTokens;             // first tokens of titles, cues, heads, lower-case names
  std::vector<uint8_t> startFlags;     // StartFlag bits per startTokens index
};

// "N.V." -> "nv", "Corp." -> "corp": the key of a corporate suffix or region abbreviation.
std::string suffixKey(std::string_view word);
// "Corp.", "Inc", "plc": a legal form that always ends a company's name (corporate_suffixes.tsv).
bool isCorporateSuffix(const Lexicon::Impl& lexicon, std::string_view word);

template <typename T>
bool PhraseTable<T>::insert(const std::string& key, T value) {
  uint32_t tokens = 1;
  for (size_t p = key.find(' '); p != std::string::npos; p = key.find(' ', p + 1)) {
    node(std::string_view(key).substr(0, p)).prefix = true;
    ++tokens;
  }
  Node& n = node(key);
  if (n.value >= 0) return false;
  firstTokens_.insert(key.substr(0, key.find(' ')));
  n.value = static_cast<int32_t>(values_.size());
  values_.push_back(std::move(value));
  if (tokens > maxTokens_) maxTokens_ = tokens;
  return true;
}

template <typename T>
template <typename F>
void PhraseTable<T>::matchAt(const std::vector<std::string>& folded, uint32_t i, uint32_t end,
                             std::string& key, F&& f) const {
  key.clear();
  for (uint32_t n = 0; n < maxTokens_ && i + n < end; ++n) {
    if (n) key.push_back(' ');
    key.append(folded[i + n]);
    const Node* node = find(key);
    if (!node) return;
    if (node->value >= 0) f(n + 1, values_[static_cast<size_t>(node->value)]);
    if (!node->prefix) return;
  }
}

}  // namespace newsgraph::mention

#pragma once
// Private: lemmas learned from a treebank's LEMMA column. A word seen in training gets its
// most frequent lemma for its UPOS; another word the edit ("strip 3, add 'y'") most often seen
// on its UPOS and longest known ending ("-ies" NOUN -> "-y"). Proper nouns keep their case,
// other words are lower-cased first.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "extract/syntax/features.h"

namespace newsgraph::syntax {

class Lemmatizer {
 public:
  struct Edit {
    uint8_t strip = 0;      // bytes removed from the end
    uint32_t append = 0;    // offset of the ending added, in pool()
    uint8_t appendSize = 0;
  };

  // Training: counts one word; build() then keeps the majority lemma and edits.
  void count(std::string_view form, int upos, bool properNoun, std::string_view lemma);
  void build();

  // Appends the lemma of form to *out. properNoun keeps the case.
  void lemmatize(std::string_view form, int upos, bool properNoun, std::string* out) const;

  // For the model file.
  const std::string& pool() const { return pool_; }
  const HashTable<Edit>& words() const { return words_; }
  const HashTable<Edit>& endings() const { return endings_; }
  void setTables(std::string pool, HashTable<Edit> words, HashTable<Edit> endings) {
    pool_ = std::move(pool);
    words_ = std::move(words);
    endings_ = std::move(endings);
  }

  static constexpr size_t kMaxEnding = 4;

 private:
  static uint64_t wordKey(std::string_view base, int upos);
  static uint64_t endingKey(std::string_view base, size_t length, int upos);
  Edit intern(const std::string& ending, uint8_t strip);

  // Training counts: (key, strip, ending) -> count, ordered so that ties break the same way.
  std::map<std::tuple<uint64_t, uint8_t, std::string>, uint32_t> wordCounts_, endingCounts_;
  std::string pool_;
  HashTable<Edit> words_, endings_;
};

}  // namespace newsgraph::syntax

#pragma once
// Private: what a syntax model holds (label names, word clusters, lemma tables, the three
// weight tables) and its file format.

#include <memory>
#include <string>
#include <vector>

#include "extract/syntax/features.h"
#include "extract/syntax/lemmatizer.h"
#include "extract/syntax/syntax.h"
#include "extract/syntax/weights.h"

namespace newsgraph::syntax {

struct SyntaxModel::Impl {
  // 1: first format.
  static constexpr uint32_t kVersion = 1;

  std::vector<std::string> upos, xpos, deprel;  // label names, by id
  int rootLabel = 0;       // deprel id of "root"
  int properNoun = -1;     // upos id of "PROPN" (its lemmas keep their case)
  HashTable<ClusterIds> clusters;  // by hash of the word
  Lemmatizer lemmatizer;
  // The tagger's XPOS columns, then its UPOS columns: both read the same rows at one look-up.
  SparseWeights tagWeights;
  SparseWeights actionWeights, labelWeights;

  // words: n views.
  void analyze(const std::string_view* words, size_t n, bool parse, SentenceParse* out) const;

  std::string serialize() const;
  // Throws Error (where = path) for a foreign, other-version, truncated or corrupt file.
  static std::unique_ptr<Impl> deserialize(std::string_view data, const std::string& path);
};

// Reads clusters.tsv (word TAB id TAB id TAB id; '#' comments) into a table by word hash;
// throws Error with path:line on a malformed line. An empty path gives no clusters.
HashTable<ClusterIds> loadClusters(const std::string& path);

// Index of the best-scoring label among `count`, skipping `excluded` (-1: none).
template <typename S>
int argmax(const S* scores, int count, int excluded = -1) {
  int best = excluded == 0 ? 1 : 0;
  for (int y = best + 1; y < count; ++y) {
    if (y != excluded && scores[y] > scores[best]) best = y;
  }
  return best;
}

}  // namespace newsgraph::syntax

#pragma once
// Private: labels, per-token feature extraction into hashed weight rows, and Viterbi.

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/tagger/tagger.h"

namespace newsgraph::tagger {

// BILOU over the four CoNLL types: 0 = O, then for type t: B = 1 + 4t, I, L, U.
constexpr int kLabels = 1 + 4 * kNerTypes;
constexpr int kMaxFeatures = 72;

inline int labelOf(int type, int part) { return 1 + 4 * type + part; }  // part: 0 B 1 I 2 L 3 U
inline int typeOfLabel(int label) { return (label - 1) / 4; }
inline int partOfLabel(int label) { return (label - 1) % 4; }

// Gold entities to BILOU labels; labels back to entities.
void labelsFromEntities(const std::vector<Entity>& entities, size_t n, uint8_t* labels);
std::vector<Entity> entitiesFromLabels(const uint8_t* labels, size_t n);

// Predecessors allowed by BILOU, per label; row kLabels of a transition table is "start".
struct TransitionRules {
  TransitionRules();
  uint8_t count[kLabels];
  uint8_t previous[kLabels][kLabels];
  bool canStart[kLabels];
  bool canEnd[kLabels];
};
const TransitionRules& transitionRules();

struct TokenInfo {
  uint64_t word, lower, shape, shortShape;
  uint64_t prefix[4], suffix[4];
  uint32_t flags;
  uint32_t gazetteer;  // bit (type * 4 + BILU part) for every lexicon name covering the token
  ClusterEntry cluster;
  uint8_t affixes;     // how many prefixes/suffixes exist (characters, at most 4)
};

// Per-thread scratch space: no allocation per token once it has grown.
struct Workspace {
  std::vector<std::string_view> words;
  std::vector<TokenInfo> tokens;
  std::vector<uint32_t> features;  // n * kMaxFeatures row indices
  std::vector<uint8_t> featureCount;
  std::vector<float> emissionF;
  std::vector<int32_t> emissionI;
  std::vector<float> deltaF;
  std::vector<int32_t> deltaI;
  std::vector<uint8_t> back;
  std::vector<uint8_t> labels;
};

class FeatureExtractor {
 public:
  FeatureExtractor(const Resources& resources, const ModelOptions& options);
  // Fills ws->tokens, ws->features and ws->featureCount for ws->words.
  void extract(const DocumentHistory* history, Workspace* ws) const;
  // Records the labels of ws->words into history (capitalised words only).
  void remember(const uint8_t* labels, Workspace* ws, DocumentHistory* history) const;

 private:
  void describe(std::string_view word, TokenInfo* info) const;
  void markNames(Workspace* ws) const;
  const Resources& resources_;
  ModelOptions options_;
  uint64_t mask_;
};

// Best label sequence under emission (n x kLabels) and transitions ((kLabels + 1) x kLabels,
// last row = start) with BILOU constraints.
template <typename S>
void viterbi(const S* emission, const S* transitions, size_t n, S* delta, uint8_t* back,
             uint8_t* out);

}  // namespace newsgraph::tagger

#pragma once
// Private: a trained model (quantised weights, transitions, the resources its features read)
// and its file format.

#include <memory>
#include <string>
#include <vector>

#include "extract/tagger/features.h"
#include "extract/tagger/tagger.h"
#include "extract/tagger/weights.h"

namespace newsgraph::tagger {

class Model {
 public:
  // 2: the name table also holds the proper prefixes of multi-token names (bits = 0).
  static constexpr uint32_t kVersion = 2;

  Model(const ModelOptions& options, Resources resources);
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  // Throws Error naming the path for a missing, truncated, foreign or newer file.
  static std::shared_ptr<Model> load(const std::string& path);
  std::string serialize() const;

  const ModelOptions& options() const { return options_; }
  const Resources& resources() const { return resources_; }
  const FeatureExtractor& extractor() const { return extractor_; }

  // Emission scores and Viterbi over ws->features; result in ws->labels.
  void decode(Workspace* ws) const;

  WeightTable weights;                // (1 << hash_bits) rows of kLabels, zero rows left out
  std::vector<int32_t> transitions;   // (kLabels + 1) x kLabels, last row = start

 private:
  ModelOptions options_;
  Resources resources_;
  FeatureExtractor extractor_;
};

// Averaged float weights to the int16 model (one scale for everything).
std::shared_ptr<Model> quantize(const ModelOptions& options, const Resources& resources,
                                const std::vector<float>& weights,
                                const std::vector<float>& transitions);

}  // namespace newsgraph::tagger

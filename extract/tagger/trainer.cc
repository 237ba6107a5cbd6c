#include <chrono>
#include <random>

#include <spdlog/spdlog.h>

#include "extract/tagger/model.h"
#include "extract/tagger/tagger.h"

namespace newsgraph::tagger {

namespace {

// Averaged perceptron with the usual lazy average: avg = w - u / c, where every update d at
// step c adds d to w and c * d to u.
class Perceptron {
 public:
  explicit Perceptron(int hashBits)
      : w_(size_t{kLabels} << hashBits), u_(w_.size()), tw_((kLabels + 1) * kLabels),
        tu_(tw_.size()) {}

  void emission(const Workspace& ws, std::vector<float>* out) const {
    const size_t n = ws.words.size();
    out->assign(n * kLabels, 0.0f);
    for (size_t i = 0; i < n; ++i) {
      float* e = out->data() + i * kLabels;
      const uint32_t* f = ws.features.data() + i * kMaxFeatures;
      for (int k = 0; k < ws.featureCount[i]; ++k) {
        const float* row = w_.data() + size_t{f[k]} * kLabels;
        for (int y = 0; y < kLabels; ++y) e[y] += row[y];
      }
    }
  }
  const float* transitions() const { return tw_.data(); }

  // Returns true when the prediction was wrong (and the weights were updated).
  bool update(const Workspace& ws, const uint8_t* gold, const uint8_t* pred) {
    const size_t n = ws.words.size();
    bool wrong = false;
    const float c = static_cast<float>(step_);
    for (size_t i = 0; i < n; ++i) {
      int prevGold = i == 0 ? kLabels : gold[i - 1];
      int prevPred = i == 0 ? kLabels : pred[i - 1];
      if (gold[i] != pred[i]) {
        wrong = true;
        const uint32_t* f = ws.features.data() + i * kMaxFeatures;
        for (int k = 0; k < ws.featureCount[i]; ++k) {
          size_t row = size_t{f[k]} * kLabels;
          bump(w_, u_, row + gold[i], 1, c);
          bump(w_, u_, row + pred[i], -1, c);
        }
      }
      if (gold[i] != pred[i] || prevGold != prevPred) {
        bump(tw_, tu_, prevGold * kLabels + gold[i], 1, c);
        bump(tw_, tu_, prevPred * kLabels + pred[i], -1, c);
      }
    }
    return wrong;
  }
  void nextStep() { ++step_; }

  std::shared_ptr<Model> averaged(const ModelOptions& options, const Resources& resources) const {
    const float c = static_cast<float>(step_);
    std::vector<float> w(w_.size()), t(tw_.size());
    for (size_t i = 0; i < w.size(); ++i) w[i] = w_[i] - u_[i] / c;
    for (size_t i = 0; i < t.size(); ++i) t[i] = tw_[i] - tu_[i] / c;
    return quantize(options, resources, w, t);
  }

 private:
  static void bump(std::vector<float>& w, std::vector<float>& u, size_t i, float d, float c) {
    w[i] += d;
    u[i] += c * d;
  }
  std::vector<float> w_, u_, tw_, tu_;
  uint64_t step_ = 1;
};

// std::shuffle's algorithm is unspecified; this one is the same everywhere.
template <typename T>
void shuffle(std::vector<T>* items, std::mt19937_64* rng) {
  for (size_t i = items->size(); i > 1; --i) {
    size_t j = static_cast<size_t>((*rng)() % i);
    std::swap((*items)[i - 1], (*items)[j]);
  }
}

}  // namespace

std::shared_ptr<const Model> train(const std::vector<Document>& train,
                                   const std::vector<Document>& dev, Resources resources,
                                   const TrainOptions& options,
                                   const std::function<void(const EpochReport&)>& progress) {
  NG_CHECK(!train.empty(), "", "no training documents");
  NG_CHECK(options.model.hash_bits >= 8 && options.model.hash_bits <= 26, "",
           "hash bits must be in 8..26");
  FeatureExtractor extractor(resources, options.model);
  Perceptron perceptron(options.model.hash_bits);
  std::mt19937_64 rng(options.seed);
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;

  Workspace ws;
  std::vector<uint8_t> gold;
  std::vector<float> delta;
  DocumentHistory history;
  std::shared_ptr<const Model> best;
  double bestF1 = -1;
  int sinceBest = 0;
  for (int epoch = 1; epoch <= options.max_epochs; ++epoch) {
    auto start = std::chrono::steady_clock::now();
    shuffle(&order, &rng);
    size_t wrong = 0, sentences = 0;
    for (size_t d : order) {
      history.clear();
      for (const Sentence& s : train[d].sentences) {
        const size_t n = s.words.size();
        if (n == 0) continue;
        ws.words.assign(s.words.begin(), s.words.end());
        extractor.extract(&history, &ws);
        perceptron.emission(ws, &ws.emissionF);
        ws.deltaF.resize(n * kLabels);
        ws.back.resize(n * kLabels);
        ws.labels.resize(n);
        viterbi<float>(ws.emissionF.data(), perceptron.transitions(), n, ws.deltaF.data(),
                       ws.back.data(), ws.labels.data());
        gold.resize(n);
        labelsFromEntities(s.entities, n, gold.data());
        wrong += perceptron.update(ws, gold.data(), ws.labels.data());
        extractor.remember(ws.labels.data(), &ws, &history);
        perceptron.nextStep();
        ++sentences;
      }
    }
    EpochReport report;
    report.epoch = epoch;
    report.train_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::shared_ptr<const Model> model = perceptron.averaged(options.model, resources);
    if (dev.empty()) {
      best = model;
      report.best = true;
    } else {
      report.dev_f1 = evaluate(Tagger(model), dev).overall.f1();
      if (report.dev_f1 > bestF1) {
        bestF1 = report.dev_f1;
        best = model;
        report.best = true;
        sinceBest = 0;
      } else {
        ++sinceBest;
      }
    }
    spdlog::debug("tagger: epoch {} wrong sentences {}/{}", epoch, wrong, sentences);
    if (progress) progress(report);
    if (!dev.empty() && sinceBest >= options.patience) break;
  }
  return best;
}

}  // namespace newsgraph::tagger

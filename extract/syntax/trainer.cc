// Training: one pass per epoch over the shuffled sentences. Each sentence is tagged greedily
// (the tagger learns from its errors), then parsed from the tags the tagger gave it before
// learning, so the parser trains on tags as noisy as it will meet. The parser follows the
// dynamic oracle and, after the first epoch, its own mistakes 90 % of the time.
#include <chrono>
#include <map>
#include <random>
#include <set>

#include "extract/syntax/model.h"
#include "extract/syntax/parser.h"

namespace newsgraph::syntax {

namespace {

constexpr double kExploreProbability = 0.9;
constexpr int kExploreFromEpoch = 1;

struct GoldSentence {
  std::vector<std::string_view> forms;
  std::vector<int> upos, xpos, deprel;
  std::vector<int> head;                  // 1-based, [0] unused
  std::vector<std::vector<int>> children;  // of 0..n
};

std::vector<std::string> labelSet(const std::vector<TreebankSentence>& data,
                                  std::string TreebankWord::*field, const char* what) {
  std::set<std::string> names;
  for (const TreebankSentence& s : data)
    for (const TreebankWord& w : s.words) names.insert(w.*field);
  NG_CHECK(!names.empty() && names.size() <= kMaxLabels, "",
           std::string("the training data has ") + std::to_string(names.size()) + " " + what +
               " labels (1 to " + std::to_string(kMaxLabels) + " supported)");
  return {names.begin(), names.end()};
}

int indexOf(const std::vector<std::string>& labels, const std::string& name) {
  auto it = std::lower_bound(labels.begin(), labels.end(), name);
  return it != labels.end() && *it == name ? static_cast<int>(it - labels.begin()) : -1;
}

// A model without weights: the label names (sorted), clusters.
SyntaxModel::Impl labelsOf(const std::vector<TreebankSentence>& train,
                           const std::string& clustersPath) {
  SyntaxModel::Impl base;
  base.upos = labelSet(train, &TreebankWord::upos, "UPOS");
  base.xpos = labelSet(train, &TreebankWord::xpos, "XPOS");
  base.deprel = labelSet(train, &TreebankWord::deprel, "relation");
  base.rootLabel = indexOf(base.deprel, "root");
  NG_CHECK(base.rootLabel >= 0, "", "the training data has no 'root' relation");
  base.properNoun = indexOf(base.upos, "PROPN");
  base.clusters = loadClusters(clustersPath);
  return base;
}

class Trainer {
 public:
  Trainer(const std::vector<TreebankSentence>& train, const std::string& clustersPath,
          const TrainOptions& options)
      : options_(options),
        rng_(options.seed),
        base_(labelsOf(train, clustersPath)),
        tag_(options.tagger_hash_bits, static_cast<int>(base_.xpos.size() + base_.upos.size())),
        action_(options.parser_hash_bits, kActions),
        label_(options.labeler_hash_bits, static_cast<int>(base_.deprel.size())) {
    for (const TreebankSentence& s : train) {
      if (s.words.empty()) continue;
      GoldSentence g = encode(s);
      for (size_t i = 0; i < s.words.size(); ++i) {
        base_.lemmatizer.count(s.words[i].form, g.upos[i], g.upos[i] == base_.properNoun,
                               s.words[i].lemma);
      }
      gold_.push_back(std::move(g));
    }
    base_.lemmatizer.build();
  }

  void epoch(int number) {
    std::vector<size_t> order(gold_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng_() % i]);
    for (size_t index : order) learn(gold_[index], number);
  }

  // The averaged weights as a model.
  std::shared_ptr<const SyntaxModel> snapshot() const {
    auto impl = std::make_unique<SyntaxModel::Impl>();
    impl->upos = base_.upos;
    impl->xpos = base_.xpos;
    impl->deprel = base_.deprel;
    impl->rootLabel = base_.rootLabel;
    impl->properNoun = base_.properNoun;
    impl->clusters = base_.clusters;
    impl->lemmatizer = base_.lemmatizer;
    impl->tagWeights = tag_.averaged();
    impl->actionWeights = action_.averaged();
    impl->labelWeights = label_.averaged();
    return std::make_shared<const SyntaxModel>(std::move(impl));
  }

 private:
  GoldSentence encode(const TreebankSentence& s) const {
    GoldSentence g;
    const size_t n = s.words.size();
    g.head.assign(n + 1, 0);
    g.children.assign(n + 1, {});
    for (size_t i = 0; i < n; ++i) {
      const TreebankWord& w = s.words[i];
      g.forms.push_back(w.form);
      g.upos.push_back(indexOf(base_.upos, w.upos));
      g.xpos.push_back(indexOf(base_.xpos, w.xpos));
      g.deprel.push_back(indexOf(base_.deprel, w.deprel));
      NG_CHECK(w.head <= n, "", "head out of range in a training sentence");
      g.head[i + 1] = static_cast<int>(w.head);
      g.children[w.head].push_back(static_cast<int>(i + 1));
    }
    return g;
  }

  void learn(const GoldSentence& g, int epochNumber) {
    const int n = static_cast<int>(g.forms.size());
    info_.resize(n);
    tagsX_.resize(n);
    tagsU_.resize(n);
    describeWords(g.forms.data(), g.forms.size(), base_.clusters, info_.data());
    const int xposCount = static_cast<int>(base_.xpos.size());
    float scores[2 * kMaxLabels];
    for (int i = 0; i < n; ++i) {
      const int count = taggerFeatures(info_.data(), n, i, tagsX_.data(), tagsU_.data(),
                                       options_.tagger_hash_bits, features_);
      std::fill(scores, scores + tag_.width(), 0.0f);
      tag_.score(features_, count, scores);
      const int x = argmax(scores, xposCount);
      const int u = argmax(scores + xposCount, tag_.width() - xposCount);
      tag_.tick();
      if (g.xpos[i] >= 0 && x != g.xpos[i]) tag_.update(features_, count, g.xpos[i], x);
      if (g.upos[i] >= 0 && u != g.upos[i]) {
        tag_.update(features_, count, xposCount + g.upos[i], xposCount + u);
      }
      tagsX_[i] = static_cast<uint8_t>(x);
      tagsU_[i] = static_cast<uint8_t>(u);
    }

    words_.resize(n + 1);
    words_[0] = ParserWord{0x600d5eedULL, 0x600d5eedULL, 0, 254, 254, 0xfffe};
    for (int i = 0; i < n; ++i) {
      words_[i + 1] = ParserWord{info_[i].lower, info_[i].form, info_[i].suffix[2], tagsU_[i],
                                 tagsX_[i], info_[i].cluster.ids[1]};
    }
    state_.reset(words_.data(), n);
    while (!state_.terminal()) {
      const int count = state_.features(options_.parser_hash_bits, features_);
      float actionScores[kActions] = {0, 0, 0};
      action_.score(features_, count, actionScores);
      int cost[kActions];
      state_.costs(g.head, g.children, cost);
      int predicted = -1, best = -1;
      for (int a = 0; a < kActions; ++a) {
        if (!state_.legal(Action(a))) continue;
        if (predicted < 0 || actionScores[a] > actionScores[predicted]) predicted = a;
        if (best < 0 || cost[a] < cost[best] ||
            (cost[a] == cost[best] && actionScores[a] > actionScores[best]))
          best = a;
      }
      action_.tick();
      int next = predicted;
      if (cost[predicted] > cost[best]) {
        action_.update(features_, count, best, predicted);
        const bool explore = epochNumber >= kExploreFromEpoch && uniform() < kExploreProbability;
        if (!explore) next = best;
      }
      const int dep = state_.apply(Action(next));
      if (dep >= 0) state_.setLabel(dep, static_cast<uint8_t>(chooseLabel(g, dep)));
    }
  }

  // The relation of the arc just made; learns from it when the arc is right.
  int chooseLabel(const GoldSentence& g, int dep) {
    if (state_.head(dep) == 0) return base_.rootLabel;
    const int count = state_.labelFeatures(dep, options_.labeler_hash_bits, features_);
    float scores[kMaxLabels] = {};
    label_.score(features_, count, scores);
    const int predicted = argmax(scores, label_.width(), base_.rootLabel);
    const int gold = g.deprel[dep - 1];
    if (state_.head(dep) == g.head[dep] && gold != base_.rootLabel && gold >= 0) {
      label_.tick();
      if (predicted != gold) label_.update(features_, count, gold, predicted);
    }
    return predicted;
  }

  // In [0, 1), the same on every platform (std::uniform_real_distribution is not).
  double uniform() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }


  TrainOptions options_;
  std::mt19937_64 rng_;
  SyntaxModel::Impl base_;  // label names, clusters, lemmas: all but the weights
  Perceptron tag_, action_, label_;  // tag_: XPOS columns, then UPOS
  std::vector<GoldSentence> gold_;
  std::vector<WordInfo> info_;
  std::vector<uint8_t> tagsX_, tagsU_;
  std::vector<ParserWord> words_;
  ParserState state_;
  uint32_t features_[kMaxParserFeatures];
};

}  // namespace

std::shared_ptr<const SyntaxModel> train(const std::vector<TreebankSentence>& train,
                                         const std::vector<TreebankSentence>& dev,
                                         const std::string& clustersPath,
                                         const TrainOptions& options,
                                         const std::function<void(const EpochReport&)>& progress) {
  Trainer trainer(train, clustersPath, options);
  std::shared_ptr<const SyntaxModel> best;
  double bestLas = -1;
  for (int e = 0; e < options.epochs; ++e) {
    const auto start = std::chrono::steady_clock::now();
    trainer.epoch(e);
    std::shared_ptr<const SyntaxModel> model = trainer.snapshot();
    EpochReport report;
    report.epoch = e + 1;
    if (!dev.empty()) {
      const SyntaxScores scores = evaluate(*model, dev);
      report.dev_upos = scores.percent(scores.upos);
      report.dev_las = scores.percent(scores.las);
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    report.best = dev.empty() || report.dev_las > bestLas;
    if (report.best) {
      bestLas = report.dev_las;
      best = model;
    }
    if (progress) progress(report);
  }
  NG_CHECK(best, "", "no training epochs");
  return best;
}

}  // namespace newsgraph::syntax

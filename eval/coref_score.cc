// The CoNLL-2012 coreference metrics (Pradhan et al. 2014, "Scoring coreference partitions of
// predicted mentions"): MUC (links), B3 (mentions) and CEAF-e (entities aligned one to one),
// summed over documents before the ratios are taken, as the reference scorer does.
#include <algorithm>
#include <limits>
#include <map>

#include "eval/eval.h"

namespace newsgraph::eval {
namespace {

// Chain index of each mention id.
std::map<int, size_t> chainOf(const CorefChains& chains) {
  std::map<int, size_t> out;
  for (size_t c = 0; c < chains.size(); ++c)
    for (int m : chains[c]) out[m] = c;
  return out;
}

// MUC over one direction: each chain of A needs |a| - 1 links; those kept are |a| minus the
// pieces B cuts it into (a mention B does not have is a piece of its own).
void mucCounts(const CorefChains& a, const CorefChains& b, double& kept, double& needed) {
  std::map<int, size_t> inB = chainOf(b);
  for (const std::vector<int>& chain : a) {
    if (chain.empty()) continue;
    std::vector<long> pieces;
    for (int m : chain) {
      auto it = inB.find(m);
      pieces.push_back(it == inB.end() ? -1 - static_cast<long>(m) : static_cast<long>(it->second));
    }
    std::sort(pieces.begin(), pieces.end());
    size_t partitions = static_cast<size_t>(std::unique(pieces.begin(), pieces.end()) - pieces.begin());
    kept += static_cast<double>(chain.size() - partitions);
    needed += static_cast<double>(chain.size() - 1);
  }
}

// B3 over one direction: sum over chains a of sum over chains b of |a ∩ b|^2 / |a|.
double b3Numerator(const CorefChains& a, const CorefChains& b) {
  std::map<int, size_t> inB = chainOf(b);
  double sum = 0;
  for (const std::vector<int>& chain : a) {
    if (chain.empty()) continue;
    std::map<size_t, double> overlap;
    for (int m : chain) {
      auto it = inB.find(m);
      if (it != inB.end()) overlap[it->second] += 1;
    }
    for (const auto& [_, n] : overlap) sum += n * n / static_cast<double>(chain.size());
  }
  return sum;
}

size_t mentionCount(const CorefChains& chains) {
  size_t n = 0;
  for (const auto& c : chains) n += c.size();
  return n;
}

// The largest total weight of a one-to-one assignment of rows to columns (Hungarian method,
// Kuhn-Munkres with potentials, O(n^3)), on the matrix padded to a square with zeros.
double maxAssignment(const std::vector<std::vector<double>>& weight, size_t columns) {
  size_t n = std::max(weight.size(), columns);
  if (n == 0) return 0;
  auto cost = [&](size_t i, size_t j) {  // 1-based; minimising the negated weight
    return i <= weight.size() && j <= columns ? -weight[i - 1][j - 1] : 0.0;
  };
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1), v(n + 1);
  std::vector<size_t> p(n + 1), way(n + 1);
  for (size_t i = 1; i <= n; ++i) {
    p[0] = i;
    size_t j0 = 0;
    std::vector<double> minv(n + 1, inf);
    std::vector<char> used(n + 1, 0);
    do {
      used[j0] = 1;
      size_t i0 = p[j0], j1 = 0;
      double delta = inf;
      for (size_t j = 1; j <= n; ++j) {
        if (used[j]) continue;
        double cur = cost(i0, j) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (size_t j = 0; j <= n; ++j) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  double total = 0;
  for (size_t j = 1; j <= n; ++j)
    if (p[j] >= 1 && p[j] <= weight.size() && j <= columns) total += weight[p[j] - 1][j - 1];
  return total;
}

CorefScore ratio(double recallNum, double recallDen, double precisionNum, double precisionDen) {
  CorefScore s;
  s.recall = recallDen > 0 ? recallNum / recallDen : 0;
  s.precision = precisionDen > 0 ? precisionNum / precisionDen : 0;
  s.f1 = s.recall + s.precision > 0 ? 2 * s.recall * s.precision / (s.recall + s.precision) : 0;
  return s;
}

}  // namespace

void CorefScorer::add(const CorefChains& key, const CorefChains& response) {
  mucCounts(key, response, mucRecall_[0], mucRecall_[1]);
  mucCounts(response, key, mucPrecision_[0], mucPrecision_[1]);
  b3Recall_[0] += b3Numerator(key, response);
  b3Recall_[1] += static_cast<double>(mentionCount(key));
  b3Precision_[0] += b3Numerator(response, key);
  b3Precision_[1] += static_cast<double>(mentionCount(response));
  // CEAF-e: phi4(k, r) = 2 |k ∩ r| / (|k| + |r|), best one-to-one alignment of the chains.
  std::map<int, size_t> inResponse = chainOf(response);
  std::vector<std::vector<double>> similarity(key.size(), std::vector<double>(response.size()));
  for (size_t k = 0; k < key.size(); ++k) {
    for (int m : key[k]) {
      auto it = inResponse.find(m);
      if (it != inResponse.end()) similarity[k][it->second] += 1;
    }
    for (size_t r = 0; r < response.size(); ++r)
      similarity[k][r] = 2 * similarity[k][r] / static_cast<double>(key[k].size() + response[r].size());
  }
  ceafSimilarity_ += maxAssignment(similarity, response.size());
  ceafKey_ += static_cast<double>(key.size());
  ceafResponse_ += static_cast<double>(response.size());
  ++documents_;
}

CorefReport CorefScorer::report() const {
  CorefReport r;
  r.documents = documents_;
  r.muc = ratio(mucRecall_[0], mucRecall_[1], mucPrecision_[0], mucPrecision_[1]);
  r.b3 = ratio(b3Recall_[0], b3Recall_[1], b3Precision_[0], b3Precision_[1]);
  r.ceafe = ratio(ceafSimilarity_, ceafKey_, ceafSimilarity_, ceafResponse_);
  r.conll = (r.muc.f1 + r.b3.f1 + r.ceafe.f1) / 3;
  return r;
}

}  // namespace newsgraph::eval

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <unordered_map>

#include <spdlog/spdlog.h>

#include "extract/tagger/hashing.h"
#include "extract/tagger/tagger.h"

namespace newsgraph::tagger {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool isOpening(char c) { return c == '"' || c == '(' || c == '[' || c == '{' || c == '`' || c == '\''; }
bool isClosing(char c) {
  return c == '"' || c == ')' || c == ']' || c == '}' || c == ',' || c == ';' || c == ':' ||
         c == '!' || c == '?' || c == '.' || c == '\'';
}
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Calls f(line) for every line of a plain or gzip file.
template <typename F>
void forEachLine(const std::string& path, F&& f) {
  gzFile in = gzopen(path.c_str(), "rb");
  NG_CHECK(in != nullptr, path, "cannot open text for clustering");
  gzbuffer(in, 1 << 20);
  std::string pending;
  std::vector<char> buf(1 << 20);
  while (true) {
    int got = gzread(in, buf.data(), static_cast<unsigned>(buf.size()));
    if (got < 0) {
      gzclose(in);
      NG_THROW(path, "cannot read (corrupt gzip?)");
    }
    if (got == 0) break;
    pending.append(buf.data(), static_cast<size_t>(got));
    size_t start = 0, nl;
    while ((nl = pending.find('\n', start)) != std::string::npos) {
      f(std::string_view(pending.data() + start, nl - start));
      start = nl + 1;
    }
    pending.erase(0, start);
  }
  if (!pending.empty()) f(std::string_view(pending));
  gzclose(in);
}

inline double xlogx(double x) { return x > 0 ? x * std::log(x) : 0.0; }

// f(x) = x log x through a table for the small counts that dominate.
class XLogX {
 public:
  XLogX() : table_(kSize) {
    for (size_t i = 0; i < kSize; ++i) table_[i] = xlogx(static_cast<double>(i));
  }
  double operator()(int64_t x) const {
    return static_cast<uint64_t>(x) < kSize ? table_[x] : xlogx(static_cast<double>(x));
  }

 private:
  static constexpr size_t kSize = 1 << 16;
  std::vector<double> table_;
};

struct Neighbour {
  uint32_t word;
  uint32_t count;
};

// Word bigram graph over the vocabulary; word V (the last) stands for line boundaries and
// rare words and keeps a class of its own.
struct BigramGraph {
  uint32_t words = 0;
  std::vector<int64_t> count;            // unigram counts
  std::vector<uint32_t> rightStart, leftStart;
  std::vector<Neighbour> right, left;    // CSR lists, no self loops
  std::vector<uint32_t> self;            // count(w, w)
};

// Two-sided class bigram exchange: moves each word to the class that most increases
// sum f(N(c,d)) - sum f(Nl(c)) - sum f(Nr(d)).
std::vector<uint16_t> exchange(const BigramGraph& g, int classes, int iterations) {
  const uint32_t V = g.words;  // word V - 1 is the boundary
  const int C = classes + 1;   // class `classes` is the boundary's
  std::vector<uint16_t> cls(V);
  for (uint32_t w = 0; w + 1 < V; ++w) cls[w] = static_cast<uint16_t>(w % classes);
  cls[V - 1] = static_cast<uint16_t>(classes);
  std::vector<int64_t> N(size_t(C) * C, 0), Nl(C, 0), Nr(C, 0);
  std::vector<int64_t> nl(V, 0), nr(V, 0);
  for (uint32_t w = 0; w < V; ++w) {
    for (uint32_t k = g.rightStart[w]; k < g.rightStart[w + 1]; ++k) {
      N[size_t(cls[w]) * C + cls[g.right[k].word]] += g.right[k].count;
      nl[w] += g.right[k].count;
    }
    for (uint32_t k = g.leftStart[w]; k < g.leftStart[w + 1]; ++k) nr[w] += g.left[k].count;
    N[size_t(cls[w]) * C + cls[w]] += g.self[w];
    nl[w] += g.self[w];
    nr[w] += g.self[w];
  }
  for (uint32_t w = 0; w < V; ++w) {
    Nl[cls[w]] += nl[w];
    Nr[cls[w]] += nr[w];
  }
  const XLogX f;
  std::vector<int64_t> R(C, 0), L(C, 0);
  std::vector<uint16_t> rList, lList;
  std::vector<int64_t> rVal, lVal;
  for (int it = 0; it < iterations; ++it) {
    size_t moved = 0;
    for (uint32_t w = 0; w + 1 < V; ++w) {
      rList.clear();
      lList.clear();
      for (uint32_t k = g.rightStart[w]; k < g.rightStart[w + 1]; ++k) {
        uint16_t d = cls[g.right[k].word];
        if (R[d] == 0) rList.push_back(d);
        R[d] += g.right[k].count;
      }
      for (uint32_t k = g.leftStart[w]; k < g.leftStart[w + 1]; ++k) {
        uint16_t c = cls[g.left[k].word];
        if (L[c] == 0) lList.push_back(c);
        L[c] += g.left[k].count;
      }
      const int a = cls[w];
      const int64_t s = g.self[w];
      // Take w out of its class.
      for (uint16_t d : rList) N[size_t(a) * C + d] -= R[d];
      for (uint16_t c : lList) N[size_t(c) * C + a] -= L[c];
      N[size_t(a) * C + a] -= s;
      Nl[a] -= nl[w];
      Nr[a] -= nr[w];
      rVal.resize(rList.size());
      lVal.resize(lList.size());
      for (size_t k = 0; k < rList.size(); ++k) rVal[k] = R[rList[k]];
      for (size_t k = 0; k < lList.size(); ++k) lVal[k] = L[lList[k]];
      int best = a;
      double bestGain = -1e300;
      for (int b = 0; b < classes; ++b) {
        const int64_t* row = N.data() + size_t(b) * C;
        double gain = 0;
        for (size_t k = 0; k < rList.size(); ++k) {
          int64_t v = row[rList[k]];
          gain += f(v + rVal[k]) - f(v);
        }
        for (size_t k = 0; k < lList.size(); ++k) {
          int64_t v = N[size_t(lList[k]) * C + b];
          gain += f(v + lVal[k]) - f(v);
        }
        // Cell (b, b) gets R(b) + L(b) + self at once; undo the two separate terms above.
        int64_t vbb = row[b];
        if (R[b]) gain -= f(vbb + R[b]) - f(vbb);
        if (L[b]) gain -= f(vbb + L[b]) - f(vbb);
        gain += f(vbb + R[b] + L[b] + s) - f(vbb);
        gain -= f(Nl[b] + nl[w]) - f(Nl[b]);
        gain -= f(Nr[b] + nr[w]) - f(Nr[b]);
        if (gain > bestGain + 1e-9) {
          bestGain = gain;
          best = b;
        }
      }
      for (uint16_t d : rList) N[size_t(best) * C + d] += R[d];
      for (uint16_t c : lList) N[size_t(c) * C + best] += L[c];
      N[size_t(best) * C + best] += s;
      Nl[best] += nl[w];
      Nr[best] += nr[w];
      if (best != a) ++moved;
      cls[w] = static_cast<uint16_t>(best);
      for (uint16_t d : rList) R[d] = 0;
      for (uint16_t c : lList) L[c] = 0;
    }
    spdlog::info("clusters: {} classes, iteration {}: {} words moved", classes, it + 1, moved);
    if (moved == 0) break;
  }
  return cls;
}

}  // namespace

void tokenizeLine(std::string_view line, std::vector<std::string_view>* tokens) {
  size_t pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && isSpace(line[pos])) ++pos;
    size_t end = pos;
    while (end < line.size() && !isSpace(line[end])) ++end;
    std::string_view w = line.substr(pos, end - pos);
    pos = end;
    while (w.size() > 1 && isOpening(w.front())) {
      tokens->push_back(w.substr(0, 1));
      w.remove_prefix(1);
    }
    std::vector<std::string_view> tail;
    while (w.size() > 1 && isClosing(w.back())) {
      // "U.S." and "Mr." keep their period; "said." does not.
      if (w.back() == '.') {
        std::string_view stem = w.substr(0, w.size() - 1);
        bool abbreviation = stem.find('.') != std::string_view::npos ||
                            (stem.size() <= 3 && isUpper(stem[0]) && stem.size() >= 1 &&
                             std::all_of(stem.begin() + 1, stem.end(),
                                         [](char c) { return c >= 'a' && c <= 'z'; }) &&
                             stem.size() >= 2) ||
                            (stem.size() == 1 && isUpper(stem[0]));
        if (abbreviation) break;
      }
      tail.push_back(w.substr(w.size() - 1));
      w.remove_suffix(1);
    }
    if (w.size() > 3 && w.substr(w.size() - 3) == "n't") {
      tokens->push_back(w.substr(0, w.size() - 3));
      tokens->push_back(w.substr(w.size() - 3));
    } else if (w.size() > 2 && (w.substr(w.size() - 2) == "'s" || w.substr(w.size() - 2) == "'S")) {
      tokens->push_back(w.substr(0, w.size() - 2));
      tokens->push_back(w.substr(w.size() - 2));
    } else if (!w.empty()) {
      tokens->push_back(w);
    }
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) tokens->push_back(*it);
  }
}

std::string induceClusters(const std::vector<std::string>& paths,
                           const ClusteringOptions& options) {
  NG_CHECK(!options.sizes.empty() && options.sizes.size() <= 3, "",
           "between 1 and 3 cluster granularities");
  for (int size : options.sizes) NG_CHECK(size >= 2 && size < 60000, "", "bad cluster count");
  // Pass 1: word counts.
  std::unordered_map<std::string, uint32_t> index;
  std::vector<int64_t> freq;
  std::vector<std::string> words;
  std::vector<uint32_t> stream;  // token ids, UINT32_MAX at line ends
  std::vector<std::string_view> tokens;
  for (const std::string& path : paths) {
    forEachLine(path, [&](std::string_view line) {
      tokens.clear();
      tokenizeLine(line, &tokens);
      for (std::string_view t : tokens) {
        auto [it, added] = index.try_emplace(std::string(t), static_cast<uint32_t>(words.size()));
        if (added) {
          words.emplace_back(t);
          freq.push_back(0);
        }
        ++freq[it->second];
        stream.push_back(it->second);
      }
      stream.push_back(UINT32_MAX);
    });
  }
  std::vector<uint32_t> byFreq(words.size());
  std::iota(byFreq.begin(), byFreq.end(), 0);
  std::sort(byFreq.begin(), byFreq.end(), [&](uint32_t a, uint32_t b) {
    return freq[a] != freq[b] ? freq[a] > freq[b] : words[a] < words[b];
  });
  const uint32_t V = static_cast<uint32_t>(
      std::min<size_t>(byFreq.size(), static_cast<size_t>(options.vocabulary)));
  std::vector<uint32_t> vocabId(words.size(), V);
  for (uint32_t r = 0; r < V; ++r) vocabId[byFreq[r]] = r;
  spdlog::info("clusters: {} tokens, {} word types, clustering the top {}", stream.size(),
               words.size(), V);

  // Pass 2: bigrams over vocabulary ids (V = boundary / rare word).
  std::unordered_map<uint64_t, uint32_t> bigrams;
  bigrams.reserve(stream.size() / 2);
  uint32_t prev = V;
  for (uint32_t id : stream) {
    uint32_t cur = id == UINT32_MAX ? V : vocabId[id];
    if (!(prev == V && cur == V)) ++bigrams[uint64_t(prev) << 32 | cur];
    prev = cur;
  }
  BigramGraph g;
  g.words = V + 1;
  g.count.assign(V + 1, 0);
  g.self.assign(V + 1, 0);
  g.rightStart.assign(V + 2, 0);
  g.leftStart.assign(V + 2, 0);
  std::vector<std::pair<uint64_t, uint32_t>> sorted(bigrams.begin(), bigrams.end());
  std::sort(sorted.begin(), sorted.end());
  for (const auto& [key, n] : sorted) {
    uint32_t a = key >> 32, b = key & 0xffffffffu;
    if (a == b) {
      g.self[a] += n;
      continue;
    }
    ++g.rightStart[a + 1];
    ++g.leftStart[b + 1];
  }
  for (uint32_t w = 0; w <= V; ++w) {
    g.rightStart[w + 1] += g.rightStart[w];
    g.leftStart[w + 1] += g.leftStart[w];
  }
  g.right.resize(g.rightStart[V + 1]);
  g.left.resize(g.leftStart[V + 1]);
  std::vector<uint32_t> rFill(g.rightStart.begin(), g.rightStart.end() - 1);
  std::vector<uint32_t> lFill(g.leftStart.begin(), g.leftStart.end() - 1);
  for (const auto& [key, n] : sorted) {
    uint32_t a = key >> 32, b = key & 0xffffffffu;
    if (a == b) continue;
    g.right[rFill[a]++] = {b, n};
    g.left[lFill[b]++] = {a, n};
  }
  spdlog::info("clusters: {} distinct bigrams", sorted.size());

  std::vector<std::vector<uint16_t>> results;
  for (int size : options.sizes) results.push_back(exchange(g, size, options.iterations));

  std::vector<uint32_t> order(V);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return words[byFreq[a]] < words[byFreq[b]]; });
  std::string out = "# word";
  for (int size : options.sizes) out += "\tcluster_of_" + std::to_string(size);
  out += "\n";
  for (uint32_t r : order) {
    const std::string& w = words[byFreq[r]];
    if (w.find('\t') != std::string::npos || w.empty() || w[0] == '#') continue;
    out += w;
    for (const auto& cls : results) out += "\t" + std::to_string(cls[r]);
    out += "\n";
  }
  return out;
}

}  // namespace newsgraph::tagger

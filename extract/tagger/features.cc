#include "extract/tagger/features.h"

#include <algorithm>
#include <limits>

#include "extract/tagger/hashing.h"

namespace newsgraph::tagger {

namespace {

enum Template : uint64_t {
  kBias = 1, kWord, kLower, kShape, kShortShape, kPrefix, kSuffix = kPrefix + 4,
  kFlag = kSuffix + 4, kLowerP, kLowerN, kLowerP2, kLowerN2, kShapeP, kShapeN, kShortShape3,
  kBigramP, kBigramN, kLowerPShort, kShortLowerN, kPosition, kFirstShape, kUpperSentence,
  kCluster, kClusterP = kCluster + 3, kClusterN = kClusterP + 3, kClusterP2 = kClusterN + 3,
  kClusterN2, kClusterShort, kGazetteer, kGazetteerP, kGazetteerN, kHistory, kHistoryMajor,
  kHistoryMajorFirst, kSuffixP, kSuffixN,
};

enum Flag : uint32_t {
  kInitCap = 1, kAllCaps = 2, kHasDigit = 4, kAllDigits = 8, kHasHyphen = 16, kHasPeriod = 32,
  kHasApostrophe = 64, kNoAlnum = 128, kMixedCaps = 256, kSingleChar = 512, kLong = 1024,
  kHasLower = 2048,
};
constexpr int kFlagCount = 12;

// Sentinel words outside the sentence.
constexpr uint64_t kBos = 0x5b0f5b0f5b0f5b0fULL;
constexpr uint64_t kEos = 0xe0fe0fe0fe0fe0f1ULL;

}  // namespace

void labelsFromEntities(const std::vector<Entity>& entities, size_t n, uint8_t* labels) {
  std::fill(labels, labels + n, 0);
  for (const Entity& e : entities) {
    int t = static_cast<int>(e.type);
    if (e.end - e.begin == 1) {
      labels[e.begin] = labelOf(t, 3);
      continue;
    }
    labels[e.begin] = labelOf(t, 0);
    for (uint32_t i = e.begin + 1; i + 1 < e.end; ++i) labels[i] = labelOf(t, 1);
    labels[e.end - 1] = labelOf(t, 2);
  }
}

std::vector<Entity> entitiesFromLabels(const uint8_t* labels, size_t n) {
  std::vector<Entity> out;
  for (size_t i = 0; i < n; ++i) {
    if (labels[i] == 0) continue;
    int part = partOfLabel(labels[i]);
    auto type = static_cast<NerType>(typeOfLabel(labels[i]));
    // Viterbi keeps BILOU well formed; a B/I run is still closed defensively.
    bool continues = (part == 1 || part == 2) && !out.empty() && out.back().end == i &&
                     out.back().type == type && i > 0 &&
                     (partOfLabel(labels[i - 1]) == 0 || partOfLabel(labels[i - 1]) == 1) &&
                     labels[i - 1] != 0;
    if (continues) {
      out.back().end = static_cast<uint32_t>(i + 1);
    } else {
      out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), type});
    }
  }
  return out;
}

TransitionRules::TransitionRules() {
  for (int to = 0; to < kLabels; ++to) {
    count[to] = 0;
    int toPart = to == 0 ? -1 : partOfLabel(to);
    canStart[to] = to == 0 || toPart == 0 || toPart == 3;
    canEnd[to] = to == 0 || toPart == 2 || toPart == 3;
    for (int from = 0; from < kLabels; ++from) {
      int fromPart = from == 0 ? -1 : partOfLabel(from);
      bool fromOpen = fromPart == 0 || fromPart == 1;
      bool ok = fromOpen ? (toPart == 1 || toPart == 2) && typeOfLabel(from) == typeOfLabel(to)
                         : canStart[to];
      if (ok) previous[to][count[to]++] = static_cast<uint8_t>(from);
    }
  }
}

const TransitionRules& transitionRules() {
  static const TransitionRules rules;
  return rules;
}

template <typename S>
void viterbi(const S* emission, const S* transitions, size_t n, S* delta, uint8_t* back,
             uint8_t* out) {
  if (n == 0) return;
  const TransitionRules& rules = transitionRules();
  constexpr S kNone = std::numeric_limits<S>::lowest() / 4;
  const S* start = transitions + kLabels * kLabels;
  for (int y = 0; y < kLabels; ++y) {
    delta[y] = rules.canStart[y] ? start[y] + emission[y] : kNone;
  }
  for (size_t i = 1; i < n; ++i) {
    const S* prev = delta + (i - 1) * kLabels;
    S* cur = delta + i * kLabels;
    const S* em = emission + i * kLabels;
    uint8_t* bp = back + i * kLabels;
    for (int y = 0; y < kLabels; ++y) {
      S best = kNone;
      uint8_t arg = 0;
      for (int k = 0; k < rules.count[y]; ++k) {
        int from = rules.previous[y][k];
        S v = prev[from] + transitions[from * kLabels + y];
        if (v > best) {
          best = v;
          arg = static_cast<uint8_t>(from);
        }
      }
      cur[y] = best + em[y];
      bp[y] = arg;
    }
  }
  const S* last = delta + (n - 1) * kLabels;
  int bestY = 0;
  S best = kNone;
  for (int y = 0; y < kLabels; ++y) {
    if (rules.canEnd[y] && last[y] > best) {
      best = last[y];
      bestY = y;
    }
  }
  out[n - 1] = static_cast<uint8_t>(bestY);
  for (size_t i = n - 1; i > 0; --i) out[i - 1] = back[i * kLabels + out[i]];
}

template void viterbi<float>(const float*, const float*, size_t, float*, uint8_t*, uint8_t*);
template void viterbi<int32_t>(const int32_t*, const int32_t*, size_t, int32_t*, uint8_t*,
                               uint8_t*);

FeatureExtractor::FeatureExtractor(const Resources& resources, const ModelOptions& options)
    : resources_(resources), options_(options), mask_((uint64_t{1} << options.hash_bits) - 1) {}

void FeatureExtractor::describe(std::string_view w, TokenInfo* t) const {
  t->word = hashBytes(w);
  uint64_t lower = kFnvBasis, shape = kFnvBasis, shortShape = kFnvBasis;
  uint64_t title = kFnvBasis;
  char lastClass = 0;
  int run = 0, chars = 0, upper = 0, lowerCount = 0, digits = 0, alnum = 0;
  uint32_t flags = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    auto c = static_cast<unsigned char>(w[i]);
    char cls;
    if (c >= 'A' && c <= 'Z') {
      cls = 'X';
      ++upper;
    } else if (c >= 'a' && c <= 'z') {
      cls = 'x';
      ++lowerCount;
    } else if (c >= '0' && c <= '9') {
      cls = 'd';
      ++digits;
    } else if (c >= 0x80) {
      cls = 'u';
      if ((c & 0xC0) == 0x80) cls = 0;  // continuation byte: same character
    } else {
      cls = static_cast<char>(c);
      if (c == '-') flags |= kHasHyphen;
      if (c == '.') flags |= kHasPeriod;
      if (c == '\'') flags |= kHasApostrophe;
    }
    char lc = asciiLower(static_cast<char>(c));
    lower = fnvByte(lower, static_cast<unsigned char>(lc));
    title = fnvByte(title, static_cast<unsigned char>(i == 0 ? (cls == 'x' ? c - 32 : c) : lc));
    if (cls == 0) continue;
    if (chars < 4) t->prefix[chars] = lower;  // prefix hash through this character
    ++chars;
    if (cls == 'X' || cls == 'x' || cls == 'd' || cls == 'u') ++alnum;
    run = cls == lastClass ? run + 1 : 1;
    if (run <= 4) shape = fnvByte(shape, static_cast<unsigned char>(cls));
    if (run == 1) shortShape = fnvByte(shortShape, static_cast<unsigned char>(cls));
    lastClass = cls;
  }
  t->lower = lower;
  t->shape = shape;
  t->shortShape = shortShape;
  t->affixes = static_cast<uint8_t>(std::min(chars, 4));
  // Suffixes: hash of the last k characters (UTF-8 aware), lower-cased.
  int k = 0;
  size_t end = w.size();
  for (size_t i = w.size(); i > 0 && k < 4; --i) {
    auto c = static_cast<unsigned char>(w[i - 1]);
    if ((c & 0xC0) == 0x80) continue;
    t->suffix[k++] = hashLower(w.substr(i - 1, end - (i - 1)));
  }
  if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') flags |= kInitCap;
  if (upper > 0 && lowerCount == 0) flags |= kAllCaps;
  if (lowerCount > 0) flags |= kHasLower;
  if (digits > 0) flags |= kHasDigit;
  if (digits > 0 && digits == chars) flags |= kAllDigits;
  if (alnum == 0) flags |= kNoAlnum;
  if (upper > 0 && lowerCount > 0 && !(flags & kInitCap)) flags |= kMixedCaps;
  if (upper > 1 && lowerCount > 0 && (flags & kInitCap)) flags |= kMixedCaps;
  if (chars == 1) flags |= kSingleChar;
  if (chars > 10) flags |= kLong;
  t->flags = flags;
  t->gazetteer = 0;
  t->cluster = ClusterEntry();
  if (options_.use_clusters) {
    const ClusterEntry* c = resources_.cluster(t->word);
    if (!c) c = resources_.cluster(title);
    if (!c) c = resources_.cluster(lower);
    if (c) t->cluster = *c;
  }
}

void FeatureExtractor::markNames(Workspace* ws) const {
  const size_t n = ws->words.size();
  const size_t maxLen = static_cast<size_t>(std::min(resources_.maxNameTokens(), 8));
  for (size_t i = 0; i < n; ++i) {
    uint64_t h = kFnvBasis;
    for (size_t len = 1; len <= maxLen && i + len <= n; ++len) {
      h = extendName(h, ws->words[i + len - 1], len == 1);
      const uint8_t* entry = resources_.nameEntry(h);
      if (!entry) break;  // no name starts with these tokens
      const uint8_t bits = *entry;
      if (!bits) continue;
      for (int type = 0; type < 8; ++type) {
        if (!(bits & (1u << type))) continue;
        if (len == 1) {
          ws->tokens[i].gazetteer |= 1u << (type * 4 + 3);
          continue;
        }
        ws->tokens[i].gazetteer |= 1u << (type * 4 + 0);
        for (size_t j = i + 1; j + 1 < i + len; ++j) ws->tokens[j].gazetteer |= 1u << (type * 4 + 1);
        ws->tokens[i + len - 1].gazetteer |= 1u << (type * 4 + 2);
      }
    }
  }
}

void FeatureExtractor::extract(const DocumentHistory* history, Workspace* ws) const {
  const size_t n = ws->words.size();
  ws->tokens.resize(n);
  ws->features.resize(n * kMaxFeatures);
  ws->featureCount.resize(n);
  bool upperSentence = true;
  for (size_t i = 0; i < n; ++i) {
    describe(ws->words[i], &ws->tokens[i]);
    if (ws->tokens[i].flags & kHasLower) upperSentence = false;
  }
  if (options_.use_lexicon && resources_.maxNameTokens() > 0) markNames(ws);
  const TokenInfo* tok = ws->tokens.data();
  static const TokenInfo kNoToken = [] {
    TokenInfo t{};
    t.word = t.lower = t.shape = t.shortShape = kBos;
    return t;
  }();
  static const TokenInfo kEndToken = [] {
    TokenInfo t{};
    t.word = t.lower = t.shape = t.shortShape = kEos;
    return t;
  }();
  auto at = [&](long j) -> const TokenInfo& {
    if (j < 0) return kNoToken;
    if (j >= static_cast<long>(n)) return kEndToken;
    return tok[j];
  };
  for (size_t i = 0; i < n; ++i) {
    uint32_t* f = ws->features.data() + i * kMaxFeatures;
    int count = 0;
    auto add = [&](uint64_t templ, uint64_t value) {
      if (count == kMaxFeatures) return;
      f[count++] = static_cast<uint32_t>(combine(templ, value) & mask_);
    };
    const TokenInfo& t = tok[i];
    const TokenInfo& p = at(static_cast<long>(i) - 1);
    const TokenInfo& nx = at(static_cast<long>(i) + 1);
    const TokenInfo& p2 = at(static_cast<long>(i) - 2);
    const TokenInfo& n2 = at(static_cast<long>(i) + 2);
    add(kBias, 0);
    add(kWord, t.word);
    add(kLower, t.lower);
    add(kShape, t.shape);
    add(kShortShape, t.shortShape);
    for (int k = 0; k < t.affixes; ++k) {
      add(kPrefix + k, t.prefix[k]);
      add(kSuffix + k, t.suffix[k]);
    }
    for (int b = 0; b < kFlagCount; ++b) {
      if (t.flags & (1u << b)) add(kFlag, static_cast<uint64_t>(b));
    }
    add(kLowerP, p.lower);
    add(kLowerN, nx.lower);
    add(kLowerP2, p2.lower);
    add(kLowerN2, n2.lower);
    add(kShapeP, p.shape);
    add(kShapeN, nx.shape);
    add(kShortShape3, combine(combine(p.shortShape, t.shortShape), nx.shortShape));
    add(kBigramP, combine(p.lower, t.lower));
    add(kBigramN, combine(t.lower, nx.lower));
    add(kLowerPShort, combine(p.lower, t.shortShape));
    add(kShortLowerN, combine(t.shortShape, nx.lower));
    add(kPosition, std::min<uint64_t>(i, 4));
    if (i == 0) add(kFirstShape, t.shortShape);
    if (upperSentence) add(kUpperSentence, t.lower);
    if (p.affixes >= 3) add(kSuffixP, p.suffix[2]);
    if (nx.affixes >= 3) add(kSuffixN, nx.suffix[2]);
    if (options_.use_clusters) {
      for (int k = 0; k < 3; ++k) {
        add(kCluster + k, t.cluster.ids[k]);
        add(kClusterP + k, p.cluster.ids[k] + (i == 0 ? 70000 : 0));
        add(kClusterN + k, nx.cluster.ids[k] + (i + 1 == n ? 70000 : 0));
      }
      add(kClusterP2, p2.cluster.ids[1]);
      add(kClusterN2, n2.cluster.ids[1]);
      add(kClusterShort, combine(t.cluster.ids[2], t.shortShape));
    }
    if (options_.use_lexicon) {
      for (uint32_t bits = t.gazetteer; bits; bits &= bits - 1) {
        add(kGazetteer, static_cast<uint64_t>(__builtin_ctz(bits)));
      }
      for (uint32_t bits = p.gazetteer; bits; bits &= bits - 1) {
        add(kGazetteerP, static_cast<uint64_t>(__builtin_ctz(bits)) / 4);
      }
      for (uint32_t bits = nx.gazetteer; bits; bits &= bits - 1) {
        add(kGazetteerN, static_cast<uint64_t>(__builtin_ctz(bits)) / 4);
      }
    }
    if (options_.use_history && history && (t.flags & (kInitCap | kAllCaps))) {
      if (const uint16_t* c = history->counts(t.word)) {
        int major = 0;
        for (int k = 0; k <= kNerTypes; ++k) {
          if (c[k]) add(kHistory, static_cast<uint64_t>(k));
          if (c[k] > c[major]) major = k;
        }
        add(kHistoryMajor, static_cast<uint64_t>(major));
        add(kHistoryMajorFirst, static_cast<uint64_t>(major) * 2 + (i == 0));
      }
    }
    ws->featureCount[i] = static_cast<uint8_t>(count);
  }
}

void FeatureExtractor::remember(const uint8_t* labels, Workspace* ws,
                                DocumentHistory* history) const {
  if (!history || !options_.use_history) return;
  for (size_t i = 0; i < ws->words.size(); ++i) {
    const TokenInfo& t = ws->tokens[i];
    if (!(t.flags & (kInitCap | kAllCaps))) continue;
    history->record(t.word, labels[i] == 0 ? kNerTypes : typeOfLabel(labels[i]));
  }
}

}  // namespace newsgraph::tagger

#include "extract/syntax/model.h"

#include <algorithm>
#include <charconv>
#include <mutex>

#include "extract/syntax/parser.h"

namespace newsgraph::syntax {

namespace {

// Per-thread scratch space of analyze(): grows to the longest sentence, then stays.
struct Workspace {
  std::vector<WordInfo> info;
  std::vector<uint8_t> upos, xpos;
  std::vector<ParserWord> parserWords;
  std::vector<uint32_t> lemmaEnd;
  ParserState state;
  uint32_t features[kMaxParserFeatures];
};

}  // namespace

void SyntaxModel::Impl::analyze(const std::string_view* words, size_t count, bool parse,
                                SentenceParse* out) const {
  thread_local Workspace ws;
  const int n = static_cast<int>(std::min<size_t>(count, text::kMaxSentenceTokens));
  const size_t size = static_cast<size_t>(n);
  if (ws.info.size() < size) {
    ws.info.resize(size);
    ws.upos.resize(size);
    ws.xpos.resize(size);
    ws.lemmaEnd.resize(size);
  }
  describeWords(words, size, clusters, ws.info.data());
  int32_t scores[2 * kMaxLabels];
  const int xposCount = static_cast<int>(xpos.size()), uposCount = static_cast<int>(upos.size());
  for (int i = 0; i < n; ++i) {
    const int count = taggerFeatures(ws.info.data(), n, i, ws.xpos.data(), ws.upos.data(),
                                     tagWeights.hashBits(), ws.features);
    std::fill(scores, scores + xposCount + uposCount, 0);
    tagWeights.score(ws.features, count, scores);
    ws.xpos[i] = static_cast<uint8_t>(argmax(scores, xposCount));
    ws.upos[i] = static_cast<uint8_t>(argmax(scores + xposCount, uposCount));
  }
  out->lemmaText.clear();
  for (int i = 0; i < n; ++i) {
    lemmatizer.lemmatize(words[i], ws.upos[i], ws.upos[i] == properNoun, &out->lemmaText);
    ws.lemmaEnd[i] = static_cast<uint32_t>(out->lemmaText.size());
  }
  out->words.resize(size);
  for (int i = 0; i < n; ++i) {
    WordAnalysis& w = out->words[i];
    w.upos = upos[ws.upos[i]];
    w.xpos = xpos[ws.xpos[i]];
    const uint32_t begin = i ? ws.lemmaEnd[i - 1] : 0;
    w.lemma = std::string_view(out->lemmaText).substr(begin, ws.lemmaEnd[i] - begin);
    w.head = 0;
    w.deprel = {};
  }
  if (!parse || n == 0) return;

  ws.parserWords.resize(size + 1);
  ws.parserWords[0] = ParserWord{0x600d5eedULL, 0x600d5eedULL, 0, 254, 254, 0xfffe};
  for (int i = 0; i < n; ++i) {
    const WordInfo& d = ws.info[i];
    ws.parserWords[i + 1] = ParserWord{d.lower, d.form, d.suffix[2], ws.upos[i], ws.xpos[i],
                                       d.cluster.ids[1]};
  }
  ParserState& state = ws.state;
  state.reset(ws.parserWords.data(), n);
  while (!state.terminal()) {
    const int count = state.features(actionWeights.hashBits(), ws.features);
    int32_t actionScores[4] = {0, 0, 0, 0};
    actionWeights.score(ws.features, count, actionScores);
    int best = -1;
    for (int a = 0; a < kActions; ++a) {
      if (state.legal(Action(a)) && (best < 0 || actionScores[a] > actionScores[best])) best = a;
    }
    const int dep = state.apply(Action(best));
    if (dep < 0) continue;
    int label = rootLabel;
    if (state.head(dep) != 0) {
      const int lc = state.labelFeatures(dep, labelWeights.hashBits(), ws.features);
      std::fill(scores, scores + kMaxLabels, 0);
      labelWeights.score(ws.features, lc, scores);
      label = argmax(scores, labelWeights.width(), rootLabel);
    }
    state.setLabel(dep, static_cast<uint8_t>(label));
  }
  for (int i = 0; i < n; ++i) {
    out->words[i].head = static_cast<uint32_t>(state.head(i + 1));
    out->words[i].deprel = deprel[state.label(i + 1)];
  }
}

HashTable<ClusterIds> loadClusters(const std::string& path) {
  HashTable<ClusterIds> clusters;
  if (path.empty()) return clusters;
  const std::string data = readFile(path);
  std::string_view rest(data);
  int line = 0;
  while (!rest.empty()) {
    const size_t eol = std::min(rest.find('\n'), rest.size());
    std::string_view l = rest.substr(0, eol);
    rest.remove_prefix(std::min(eol + 1, rest.size()));
    ++line;
    if (l.empty() || l[0] == '#') continue;
    const size_t tab = l.find('\t');
    NG_CHECK(tab != std::string_view::npos && tab > 0, path + ":" + std::to_string(line),
             "expected word TAB cluster ids");
    ClusterIds ids;
    std::string_view numbers = l.substr(tab + 1);
    for (int level = 0; level < 3 && !numbers.empty(); ++level) {
      const size_t end = std::min(numbers.find('\t'), numbers.size());
      unsigned value = 0;
      auto [ptr, ec] = std::from_chars(numbers.data(), numbers.data() + end, value);
      NG_CHECK(ec == std::errc() && ptr == numbers.data() + end && value < 0xfff0,
               path + ":" + std::to_string(line), "bad cluster id");
      ids.ids[level] = static_cast<uint16_t>(value + 1);  // 0 stays "no cluster"
      numbers.remove_prefix(std::min(end + 1, numbers.size()));
    }
    clusters[hashBytes(l.substr(0, tab))] = ids;
  }
  return clusters;
}

SyntaxModel::SyntaxModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SyntaxModel::~SyntaxModel() = default;

std::shared_ptr<const SyntaxModel> SyntaxModel::load(const std::string& path) {
  const std::string data = readFile(path);
  return std::make_shared<const SyntaxModel>(Impl::deserialize(data, path));
}

const SyntaxModel& SyntaxModel::standard() {
  static std::once_flag once;
  static std::shared_ptr<const SyntaxModel> model;
  std::call_once(once, [] { model = load(dataDir() + "/models/syntax.model"); });
  return *model;
}

void SyntaxModel::analyze(const std::vector<std::string_view>& words, SentenceParse* out) const {
  impl_->analyze(words.data(), words.size(), true, out);
}

void SyntaxModel::tag(const std::vector<std::string_view>& words, SentenceParse* out) const {
  impl_->analyze(words.data(), words.size(), false, out);
}

std::string SyntaxModel::serialize() const { return impl_->serialize(); }

void saveModel(const SyntaxModel& model, const std::string& path) {
  writeFileAtomically(path, model.serialize());
}

}  // namespace newsgraph::syntax

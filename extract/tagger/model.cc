#include "extract/tagger/model.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/byte_io.h"
#include "extract/tagger/hashing.h"

namespace newsgraph::tagger {

namespace {

constexpr char kMagic[8] = {'N', 'G', 'N', 'E', 'R', 'M', 'D', 'L'};

// Reads of the model body past its end.
ByteReader reader(std::string_view data, const std::string& path) {
  return ByteReader(data, path, "truncated NER model file");
}

}  // namespace

Model::Model(const ModelOptions& options, Resources resources)
    : weights(options.hash_bits),
      transitions((kLabels + 1) * kLabels, 0),
      options_(options),
      resources_(std::move(resources)),
      extractor_(resources_, options_) {}

void Model::decode(Workspace* ws) const {
  const size_t n = ws->words.size();
  ws->emissionI.assign(n * kLabels, 0);
  ws->deltaI.resize(n * kLabels);
  ws->back.resize(n * kLabels);
  ws->labels.resize(n);
  // Rows of token i + 1 are looked up and prefetched while token i's are summed: the rows
  // sit at random in a few MB, and a token needs some 50 of them.
  const int16_t* rows[2][kMaxFeatures];
  int rowCount[2] = {0, 0};
  auto gather = [&](size_t i, const int16_t** out) {
    const uint32_t* f = ws->features.data() + i * kMaxFeatures;
    int m = 0;
    for (int k = 0; k < ws->featureCount[i]; ++k) {
      if (const int16_t* row = weights.row(f[k])) {
        __builtin_prefetch(row);
        out[m++] = row;
      }
    }
    return m;
  };
  if (n > 0) rowCount[0] = gather(0, rows[0]);
  for (size_t i = 0; i < n; ++i) {
    const int cur = i & 1;
    if (i + 1 < n) rowCount[cur ^ 1] = gather(i + 1, rows[cur ^ 1]);
    int32_t* e = ws->emissionI.data() + i * kLabels;
    for (int k = 0; k < rowCount[cur]; ++k) {
      const int16_t* row = rows[cur][k];
      for (int y = 0; y < kLabels; ++y) e[y] += row[y];
    }
  }
  viterbi<int32_t>(ws->emissionI.data(), transitions.data(), n, ws->deltaI.data(),
                   ws->back.data(), ws->labels.data());
}

std::shared_ptr<Model> quantize(const ModelOptions& options, const Resources& resources,
                                const std::vector<float>& weights,
                                const std::vector<float>& transitions) {
  auto model = std::make_shared<Model>(options, resources);
  float maxAbs = 1e-6f;
  for (float v : weights) maxAbs = std::max(maxAbs, std::fabs(v));
  const float scale = 32000.0f / maxAbs;
  std::vector<int16_t> dense(weights.size());
  for (size_t i = 0; i < weights.size(); ++i) {
    dense[i] = static_cast<int16_t>(std::lround(weights[i] * scale));
  }
  model->weights = WeightTable::fromDense(options.hash_bits, dense);
  for (size_t i = 0; i < transitions.size(); ++i) {
    model->transitions[i] = static_cast<int32_t>(std::lround(transitions[i] * scale));
  }
  return model;
}

// Layout: magic, version, label count, hash bits, option flags, then a zlib block holding the
// transitions, the cluster and lexicon tables (by hash: no words, no sentences) and the
// non-zero rows (index, label mask, non-zero values), then the FNV hash of the block.
std::string Model::serialize() const {
  ByteWriter body;
  for (int32_t t : transitions) body.put<int32_t>(t);
  std::vector<std::pair<uint64_t, ClusterEntry>> clusters;
  for (const auto& slot : resources_.clusters().slots()) {
    if (slot.used) clusters.emplace_back(slot.key, slot.value);
  }
  std::sort(clusters.begin(), clusters.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  body.put<uint64_t>(clusters.size());
  for (const auto& [hash, entry] : clusters) {
    body.put<uint64_t>(hash);
    for (uint16_t id : entry.ids) body.put<uint16_t>(id);
  }
  std::vector<std::pair<uint64_t, uint8_t>> names;
  for (const auto& slot : resources_.names().slots()) {
    if (slot.used) names.emplace_back(slot.key, slot.value);
  }
  std::sort(names.begin(), names.end());
  body.put<uint64_t>(names.size());
  for (const auto& [hash, bits] : names) {
    body.put<uint64_t>(hash);
    body.put<uint8_t>(bits);
  }
  body.put<uint32_t>(static_cast<uint32_t>(resources_.maxNameTokens()));
  body.put<uint64_t>(weights.rowCount());
  uint32_t lastRow = 0;
  weights.forEachRow([&](uint32_t r, const int16_t* row) {
    uint32_t mask = 0;
    for (int y = 0; y < kLabels; ++y) mask |= (row[y] != 0) << y;
    body.put<uint32_t>(r - lastRow);  // deltas compress better
    lastRow = r;
    body.put<uint32_t>(mask);
    for (int y = 0; y < kLabels; ++y) {
      if (row[y]) body.put<int16_t>(row[y]);
    }
  });
  uLongf packedSize = compressBound(body.out.size());
  std::string packed(packedSize, '\0');
  int rc = compress2(reinterpret_cast<Bytef*>(packed.data()), &packedSize,
                     reinterpret_cast<const Bytef*>(body.out.data()), body.out.size(), 6);
  NG_CHECK(rc == Z_OK, "", "cannot compress the NER model");
  packed.resize(packedSize);

  ByteWriter head;
  head.out.append(kMagic, sizeof(kMagic));
  head.put<uint32_t>(kVersion);
  head.put<uint32_t>(kLabels);
  head.put<uint32_t>(static_cast<uint32_t>(options_.hash_bits));
  head.put<uint8_t>(static_cast<uint8_t>(options_.use_clusters | options_.use_lexicon << 1 |
                                         options_.use_history << 2));
  head.put<uint64_t>(body.out.size());
  head.put<uint64_t>(packed.size());
  head.out += packed;
  head.put<uint64_t>(hashBytes(body.out));
  return head.out;
}

std::shared_ptr<Model> Model::load(const std::string& path) {
  std::string data = readFile(path);
  NG_CHECK(data.size() >= sizeof(kMagic) && std::memcmp(data.data(), kMagic, sizeof(kMagic)) == 0,
           path, "not a newsgraph NER model (bad magic)");
  ByteReader head = reader(std::string_view(data).substr(sizeof(kMagic)), path);
  uint32_t version = head.get<uint32_t>();
  NG_CHECK(version <= kVersion, path,
           "NER model version " + std::to_string(version) + " is newer than this newsgraph (" +
               std::to_string(kVersion) + ")");
  NG_CHECK(version >= 1, path, "unsupported NER model version " + std::to_string(version));
  NG_CHECK(head.get<uint32_t>() == kLabels, path, "NER model has a different label set");
  ModelOptions options;
  options.hash_bits = static_cast<int>(head.get<uint32_t>());
  NG_CHECK(options.hash_bits >= 8 && options.hash_bits <= 26, path, "bad hash size in NER model");
  uint8_t flags = head.get<uint8_t>();
  options.use_clusters = flags & 1;
  options.use_lexicon = flags & 2;
  options.use_history = flags & 4;
  uint64_t rawSize = head.get<uint64_t>();
  uint64_t packedSize = head.get<uint64_t>();
  const size_t headerSize = sizeof(kMagic) + 4 * 3 + 1 + 8 * 2;
  NG_CHECK(data.size() == headerSize + packedSize + 8, path,
           "truncated NER model file (" + std::to_string(data.size()) + " bytes)");
  NG_CHECK(rawSize < (uint64_t{1} << 34), path, "corrupt NER model header");
  std::string body(rawSize, '\0');
  uLongf outSize = rawSize;
  int rc = uncompress(reinterpret_cast<Bytef*>(body.data()), &outSize,
                      reinterpret_cast<const Bytef*>(data.data() + headerSize), packedSize);
  NG_CHECK(rc == Z_OK && outSize == rawSize, path, "corrupt NER model (cannot decompress)");
  uint64_t checksum;
  std::memcpy(&checksum, data.data() + headerSize + packedSize, 8);
  NG_CHECK(checksum == hashBytes(body), path, "corrupt NER model (checksum mismatch)");

  ByteReader r = reader(body, path);
  std::vector<int32_t> transitions((kLabels + 1) * kLabels);
  for (int32_t& t : transitions) t = r.get<int32_t>();
  Resources resources;
  resources.setPrefixesKnown(version >= 2);
  uint64_t clusterCount = r.get<uint64_t>();
  NG_CHECK(clusterCount <= rawSize / 14, path, "corrupt NER model (cluster table)");
  for (uint64_t i = 0; i < clusterCount; ++i) {
    uint64_t hash = r.get<uint64_t>();
    ClusterEntry e;
    for (uint16_t& id : e.ids) id = r.get<uint16_t>();
    resources.addClusterHash(hash, e);
  }
  uint64_t nameCount = r.get<uint64_t>();
  NG_CHECK(nameCount <= rawSize / 9, path, "corrupt NER model (name table)");
  for (uint64_t i = 0; i < nameCount; ++i) {
    uint64_t hash = r.get<uint64_t>();
    resources.addNameHash(hash, r.get<uint8_t>());
  }
  resources.setMaxNameTokens(static_cast<int>(r.get<uint32_t>()));

  auto model = std::make_shared<Model>(options, std::move(resources));
  model->transitions = std::move(transitions);
  const uint64_t rows = uint64_t{1} << options.hash_bits;
  uint64_t nonZero = r.get<uint64_t>();
  uint64_t row = 0;
  int16_t values[kLabels];
  for (uint64_t i = 0; i < nonZero; ++i) {
    uint32_t delta = r.get<uint32_t>();
    row += delta;
    uint32_t mask = r.get<uint32_t>();
    NG_CHECK(row < rows && mask < (1u << kLabels) && (i == 0 || delta > 0), path,
             "corrupt NER model (weight rows)");
    for (int y = 0; y < kLabels; ++y) values[y] = mask & (1u << y) ? r.get<int16_t>() : 0;
    if (mask) model->weights.append(static_cast<uint32_t>(row), values);
  }
  NG_CHECK(r.done(), path, "corrupt NER model (trailing data)");
  return model;
}

void saveModel(const Model& model, const std::string& path) {
  writeFileAtomically(path, model.serialize());
}

}  // namespace newsgraph::tagger

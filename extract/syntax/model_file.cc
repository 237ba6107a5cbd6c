// The syntax model file: magic, version, sizes, a zlib block, the FNV hash of the block.
// The block holds the label names, the clusters and lemma tables by hash (sorted, so the
// same model gives the same bytes) and the non-zero weight rows.
#include <spdlog/spdlog.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>

#include "core/byte_io.h"
#include "extract/syntax/model.h"

namespace newsgraph::syntax {

namespace {

constexpr char kMagic[8] = {'N', 'G', 'S', 'Y', 'N', 'T', 'A', 'X'};
constexpr size_t kHeaderSize = sizeof(kMagic) + 4 + 8 + 8;

ByteReader reader(std::string_view data, const std::string& path) {
  return ByteReader(data, path, "corrupt syntax model (short block)");
}

template <typename V>
std::vector<std::pair<uint64_t, V>> sortedEntries(const HashTable<V>& table) {
  std::vector<std::pair<uint64_t, V>> entries;
  for (const auto& slot : table.slots()) {
    if (slot.used) entries.emplace_back(slot.key, slot.value);
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return entries;
}

void putLabels(ByteWriter& w, const std::vector<std::string>& labels) {
  w.put<uint32_t>(static_cast<uint32_t>(labels.size()));
  for (const std::string& l : labels) w.putString(l);
}

std::vector<std::string> getLabels(ByteReader& r, const std::string& path) {
  const uint32_t count = r.get<uint32_t>();
  NG_CHECK(count >= 1 && count <= kMaxLabels, path, "corrupt syntax model (label table)");
  std::vector<std::string> labels(count);
  for (std::string& l : labels) l = r.getString();
  return labels;
}

void putEdits(ByteWriter& w, const HashTable<Lemmatizer::Edit>& table) {
  const auto entries = sortedEntries(table);
  w.put<uint64_t>(entries.size());
  for (const auto& [key, e] : entries) {
    w.put<uint64_t>(key);
    w.put<uint8_t>(e.strip);
    w.put<uint32_t>(e.append);
    w.put<uint8_t>(e.appendSize);
  }
}

HashTable<Lemmatizer::Edit> getEdits(ByteReader& r, size_t poolSize, const std::string& path) {
  HashTable<Lemmatizer::Edit> table;
  const uint64_t count = r.get<uint64_t>();
  for (uint64_t i = 0; i < count; ++i) {
    const uint64_t key = r.get<uint64_t>();
    Lemmatizer::Edit e;
    e.strip = r.get<uint8_t>();
    e.append = r.get<uint32_t>();
    e.appendSize = r.get<uint8_t>();
    NG_CHECK(size_t(e.append) + e.appendSize <= poolSize, path, "corrupt syntax model (lemmas)");
    table[key] = e;
  }
  return table;
}

// Rows as (index delta, mask of non-zero columns, the non-zero values): deltas and masks
// compress well.
void putWeights(ByteWriter& w, const SparseWeights& table) {
  w.put<uint32_t>(static_cast<uint32_t>(table.hashBits()));
  w.put<uint32_t>(static_cast<uint32_t>(table.width()));
  w.put<uint64_t>(table.rowCount());
  uint32_t last = 0;
  table.forEachRow([&](uint32_t index, const int16_t* values) {
    uint64_t mask[2] = {0, 0};
    for (int y = 0; y < table.width(); ++y) mask[y / 64] |= uint64_t(values[y] != 0) << (y % 64);
    w.put<uint32_t>(index - last);
    last = index;
    w.put<uint64_t>(mask[0]);
    if (table.width() > 64) w.put<uint64_t>(mask[1]);
    for (int y = 0; y < table.width(); ++y) {
      if (values[y]) w.put<int16_t>(values[y]);
    }
  });
}

SparseWeights getWeights(ByteReader& r, const std::string& path) {
  const uint32_t bits = r.get<uint32_t>();
  const uint32_t width = r.get<uint32_t>();
  NG_CHECK(bits >= 4 && bits <= 26 && width >= 1 && width <= SparseWeights::kMaxStride, path,
           "corrupt syntax model (weight table header)");
  SparseWeights table(static_cast<int>(bits), static_cast<int>(width));
  const uint64_t rows = r.get<uint64_t>();
  NG_CHECK(rows <= (uint64_t{1} << bits), path, "corrupt syntax model (weight rows)");
  int16_t values[SparseWeights::kMaxStride];
  uint64_t index = 0;
  for (uint64_t i = 0; i < rows; ++i) {
    const uint32_t delta = r.get<uint32_t>();
    index += delta;
    uint64_t mask[2] = {r.get<uint64_t>(), width > 64 ? r.get<uint64_t>() : 0};
    NG_CHECK(index < (uint64_t{1} << bits) && (i == 0 || delta > 0) && (mask[0] | mask[1]) != 0,
             path, "corrupt syntax model (weight rows)");
    for (uint32_t y = 0; y < width; ++y) {
      values[y] = mask[y / 64] >> (y % 64) & 1 ? r.get<int16_t>() : 0;
    }
    table.append(static_cast<uint32_t>(index), values);
  }
  return table;
}

}  // namespace

std::string SyntaxModel::Impl::serialize() const {
  ByteWriter body;
  putLabels(body, upos);
  putLabels(body, xpos);
  putLabels(body, deprel);
  body.put<int32_t>(rootLabel);
  body.put<int32_t>(properNoun);
  const auto clusterEntries = sortedEntries(clusters);
  body.put<uint64_t>(clusterEntries.size());
  for (const auto& [key, ids] : clusterEntries) {
    body.put<uint64_t>(key);
    for (uint16_t id : ids.ids) body.put<uint16_t>(id);
  }
  body.putString(lemmatizer.pool());
  putEdits(body, lemmatizer.words());
  putEdits(body, lemmatizer.endings());
  for (const SparseWeights* table : {&tagWeights, &actionWeights, &labelWeights}) {
    putWeights(body, *table);
  }

  uLongf packedSize = compressBound(body.out.size());
  std::string packed(packedSize, '\0');
  const int rc = compress2(reinterpret_cast<Bytef*>(packed.data()), &packedSize,
                           reinterpret_cast<const Bytef*>(body.out.data()), body.out.size(), 9);
  NG_CHECK(rc == Z_OK, "", "cannot compress the syntax model");
  packed.resize(packedSize);
  ByteWriter file;
  file.out.append(kMagic, sizeof(kMagic));
  file.put<uint32_t>(kVersion);
  file.put<uint64_t>(body.out.size());
  file.put<uint64_t>(packed.size());
  file.out += packed;
  file.put<uint64_t>(hashBytes(body.out));
  return file.out;
}

std::unique_ptr<SyntaxModel::Impl> SyntaxModel::Impl::deserialize(std::string_view data,
                                                                  const std::string& path) {
  // A file cut inside the magic is truncated, not foreign.
  NG_CHECK(std::memcmp(data.data(), kMagic, std::min(data.size(), sizeof(kMagic))) == 0, path,
           "not a newsgraph syntax model (bad magic)");
  NG_CHECK(data.size() >= kHeaderSize, path, "truncated syntax model file");
  ByteReader head = reader(data.substr(sizeof(kMagic), kHeaderSize - sizeof(kMagic)), path);
  const uint32_t version = head.get<uint32_t>();
  NG_CHECK(version == kVersion, path,
           "syntax model version " + std::to_string(version) + ", but this newsgraph reads version " +
               std::to_string(kVersion) + " (retrain it with train-syntax)");
  const uint64_t rawSize = head.get<uint64_t>();
  const uint64_t packedSize = head.get<uint64_t>();
  NG_CHECK(data.size() == kHeaderSize + packedSize + 8, path,
           "truncated syntax model file (" + std::to_string(data.size()) + " bytes)");
  NG_CHECK(rawSize < (uint64_t{1} << 32), path, "corrupt syntax model header");
  std::string body(rawSize, '\0');
  uLongf outSize = rawSize;
  const int rc = uncompress(reinterpret_cast<Bytef*>(body.data()), &outSize,
                            reinterpret_cast<const Bytef*>(data.data() + kHeaderSize), packedSize);
  NG_CHECK(rc == Z_OK && outSize == rawSize, path, "corrupt syntax model (cannot decompress)");
  uint64_t checksum;
  std::memcpy(&checksum, data.data() + kHeaderSize + packedSize, 8);
  NG_CHECK(checksum == hashBytes(body), path, "corrupt syntax model (checksum mismatch)");

  ByteReader r = reader(body, path);
  auto impl = std::make_unique<Impl>();
  impl->upos = getLabels(r, path);
  impl->xpos = getLabels(r, path);
  impl->deprel = getLabels(r, path);
  impl->rootLabel = r.get<int32_t>();
  impl->properNoun = r.get<int32_t>();
  NG_CHECK(impl->rootLabel >= 0 && size_t(impl->rootLabel) < impl->deprel.size(), path,
           "corrupt syntax model (root label)");
  const uint64_t clusterCount = r.get<uint64_t>();
  for (uint64_t i = 0; i < clusterCount; ++i) {
    const uint64_t key = r.get<uint64_t>();
    ClusterIds ids;
    for (uint16_t& id : ids.ids) id = r.get<uint16_t>();
    impl->clusters[key] = ids;
  }
  std::string pool = r.getString();
  HashTable<Lemmatizer::Edit> words = getEdits(r, pool.size(), path);
  HashTable<Lemmatizer::Edit> endings = getEdits(r, pool.size(), path);
  impl->lemmatizer.setTables(std::move(pool), std::move(words), std::move(endings));
  impl->tagWeights = getWeights(r, path);
  impl->actionWeights = getWeights(r, path);
  impl->labelWeights = getWeights(r, path);
  NG_CHECK(impl->tagWeights.width() == int(impl->xpos.size() + impl->upos.size()) &&
               impl->actionWeights.width() == 3 &&
               impl->labelWeights.width() == int(impl->deprel.size()) && r.done(),
           path, "corrupt syntax model (tables do not match)");
  spdlog::debug("{}: weight rows tags {}, transitions {}, relations {}; {} clusters, {} "
                "lemma words, {} lemma endings", path, impl->tagWeights.rowCount(),
                impl->actionWeights.rowCount(),
                impl->labelWeights.rowCount(), impl->clusters.size(),
                impl->lemmatizer.words().size(), impl->lemmatizer.endings().size());
  return impl;
}

}  // namespace newsgraph::syntax

#include <algorithm>
#include <chrono>

#include "extract/tagger/model.h"
#include "extract/tagger/tagger.h"

namespace newsgraph::tagger {

namespace {

Workspace& threadWorkspace() {
  thread_local Workspace ws;
  return ws;
}

std::vector<Entity> tagWorkspace(const Model& model, Workspace& ws, DocumentHistory* history) {
  if (ws.words.empty()) return {};
  model.extractor().extract(history, &ws);
  model.decode(&ws);
  model.extractor().remember(ws.labels.data(), &ws, history);
  return entitiesFromLabels(ws.labels.data(), ws.words.size());
}

}  // namespace

Tagger::Tagger(std::shared_ptr<const Model> model) : model_(std::move(model)) {}

Tagger Tagger::load(const std::string& path) { return Tagger(Model::load(path)); }

const Tagger& Tagger::standard() {
  static const Tagger tagger = load(dataDir() + "/models/ner.model");
  return tagger;
}

std::vector<Entity> Tagger::tag(const std::vector<std::string_view>& words,
                                DocumentHistory* history) const {
  Workspace& ws = threadWorkspace();
  ws.words.assign(words.begin(), words.end());
  return tagWorkspace(*model_, ws, history);
}

std::vector<Entity> Tagger::tag(const std::vector<std::string>& words,
                                DocumentHistory* history) const {
  Workspace& ws = threadWorkspace();
  ws.words.assign(words.begin(), words.end());
  return tagWorkspace(*model_, ws, history);
}

std::vector<std::vector<Entity>> Tagger::tagDocument(const Document& doc) const {
  DocumentHistory history;
  std::vector<std::vector<Entity>> out;
  out.reserve(doc.sentences.size());
  for (const Sentence& s : doc.sentences) out.push_back(tag(s.words, &history));
  return out;
}

Evaluation evaluate(const Tagger& tagger, const std::vector<Document>& docs, double* seconds) {
  auto start = std::chrono::steady_clock::now();
  std::vector<std::vector<std::vector<Entity>>> found;
  found.reserve(docs.size());
  for (const Document& doc : docs) found.push_back(tagger.tagDocument(doc));
  if (seconds) {
    *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  Evaluation eval;
  for (size_t d = 0; d < docs.size(); ++d) {
    for (size_t s = 0; s < docs[d].sentences.size(); ++s) {
      const Sentence& sentence = docs[d].sentences[s];
      eval.add(sentence.entities, found[d][s], sentence.words.size());
    }
  }
  return eval;
}

double taggingSpeed(const Tagger& tagger, const std::vector<Document>& docs, double minSeconds) {
  uint64_t tokens = 0;
  for (const Document& doc : docs) {
    for (const Sentence& s : doc.sentences) tokens += s.words.size();
  }
  std::vector<double> passes;
  double total = 0;
  while (passes.size() < 3 || total < minSeconds) {
    auto start = std::chrono::steady_clock::now();
    size_t found = 0;
    for (const Document& doc : docs) found += tagger.tagDocument(doc).size();
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    passes.push_back(s);
    total += s;
    if (found == SIZE_MAX) break;  // keeps the work observable
  }
  std::nth_element(passes.begin(), passes.begin() + passes.size() / 2, passes.end());
  double median = passes[passes.size() / 2];
  return median > 0 ? tokens / median : 0.0;
}

}  // namespace newsgraph::tagger

#pragma once
// Runs the per-document pipeline over a corpus: read -> extract -> hand the facts of each
// document, in input order, to a sink (a KnowledgeGraph, a store). Problems with single
// documents are counted and logged, never fatal.
//
//   graph::KnowledgeGraph kg;
//   BuildStats stats = runPipeline({"corpus/"}, BuildOptions{}, [&](extract::DocumentFacts&& f) {
//     kg.addDocument(f);
//   });

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "extract/extract.h"

namespace newsgraph::pipeline {

struct BuildOptions {
  bool cooccurrence = true;
  bool progress = false;  // report progress through spdlog every few seconds
};

struct BuildStats {
  uint64_t documents = 0;  // documents extracted
  uint64_t skipped = 0;    // documents or inputs dropped (empty, binary, unreadable, malformed)
  uint64_t repaired = 0;   // documents with invalid UTF-8 that were repaired
  uint64_t bytes = 0;
  uint64_t tokens = 0;
  double seconds = 0;
  std::map<std::string, uint64_t> problems;  // problem message -> count
};

using FactsSink = std::function<void(extract::DocumentFacts&&)>;

// Throws Error only for what stops the run (data files); per-document problems are counted.
BuildStats runPipeline(const std::vector<std::string>& inputs, const BuildOptions& options,
                       const FactsSink& sink);

}  // namespace newsgraph::pipeline

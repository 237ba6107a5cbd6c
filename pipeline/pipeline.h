#pragma once
// Runs the per-document pipeline over a corpus: read -> extract -> hand the facts of each
// document, in input order, to a sink (a KnowledgeGraph, a store). Extraction runs on
// `jobs` threads; the input is streamed (at most a few documents per thread are in memory)
// and the sink always sees the documents in input order, so every output is the same at
// any number of jobs. Problems with single documents are counted and logged, never fatal.
//
//   graph::KnowledgeGraph kg;
//   BuildStats stats = runPipeline({"corpus/"}, BuildOptions{}, [&](extract::DocumentFacts&& f) {
//     kg.addDocument(f);
//   });

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"

namespace newsgraph::pipeline {

// One of `count` disjoint shares of a corpus. `index` is 1-based, as in `--shard 2/3` and in
// Slurm's array task ids 1..N: a document belongs to shard I of N when
// documentHash(id) % N == I - 1. The share depends only on the document id, never on input
// order or on how the input is split into files.
struct Shard {
  int index = 1;
  int count = 1;
};

// Parses "I/N" with 1 <= I <= N; throws Error (where = the text) otherwise.
Shard parseShard(std::string_view text);

// FNV-1a 64 of the id's bytes (offset basis 14695981039346656037, prime 1099511628211):
// stable across platforms, releases and runs.
uint64_t documentHash(std::string_view id);

bool inShard(std::string_view id, const Shard& shard);

// Cores this process may run on (its CPU affinity, so a Slurm or cgroup limit counts);
// at least 1.
int availableCores();

// The most extraction threads a run starts (kJobsPerCore per available core): more only
// cost memory (each holds a window of documents) and, far past it, threads that cannot start.
inline constexpr int kJobsPerCore = 4;
int maxJobs();

struct Progress {
  uint64_t documents = 0;   // extracted and handed to the sink
  uint64_t failed = 0;      // extraction failed
  uint64_t skipped = 0;     // inputs or records the reader dropped
  uint64_t otherShards = 0; // documents left to other shards
  uint64_t bytes = 0;       // text bytes of the documents read (all shards)
  uint64_t inputBytes = 0;       // estimated input bytes consumed (uncompressed)
  uint64_t inputBytesTotal = 0;  // uncompressed size of all inputs; 0 when unknown (stdin)
  double seconds = 0;
};

struct BuildOptions {
  bool cooccurrence = true;
  bool tagger = true;          // the statistical NER tagger beside lexicons and patterns
  bool parser = false;         // parse sentences with two or more mentions (extract::ExtractOptions)
  int jobs = 0;                // extraction threads; 0 = availableCores(), at most maxJobs()
  std::optional<Shard> shard;  // keep only this shard's documents
  corpus::ReadOptions read;    // date field and day/month order; largest document and line
  // Called on the calling thread about every progressInterval (and not at all when empty).
  std::function<void(const Progress&)> onProgress;
  std::chrono::milliseconds progressInterval{3000};
  // Polled about every 100 ms; when it becomes true the run stops as soon as the threads
  // finish their current document, and BuildStats::interrupted is set.
  const std::atomic<bool>* stop = nullptr;
};

struct BuildStats {
  uint64_t documents = 0;    // documents extracted and handed to the sink
  uint64_t skipped = 0;      // inputs or records dropped by the reader (unreadable, malformed)
  uint64_t failed = 0;       // documents whose extraction failed
  uint64_t otherShards = 0;  // documents that belong to other shards (not a problem)
  uint64_t repaired = 0;     // documents with invalid UTF-8 that were repaired and kept
  uint64_t undatedRecords = 0;  // records kept undated: their date field was not understood
  uint64_t bytes = 0;        // text bytes of the documents extracted
  uint64_t tokens = 0;
  double seconds = 0;
  int jobs = 1;              // extraction threads used
  bool interrupted = false;  // stopped through BuildOptions::stop; the sink missed documents
  std::map<std::string, uint64_t> problems;  // problem message -> count
};

using FactsSink = std::function<void(extract::DocumentFacts&&)>;

// Throws Error only for what stops the run (data files, or an Error from the sink); other
// exceptions from worker threads are rethrown here. Per-document problems are counted and
// logged (spdlog, from the calling thread only).
BuildStats runPipeline(const std::vector<std::string>& inputs, const BuildOptions& options,
                       const FactsSink& sink);

// Uncompressed size of the inputs in bytes (a gzip file's size from its trailer), or 0
// when unknown (stdin, or an unreadable input).
uint64_t estimateInputBytes(const std::vector<std::string>& inputs);

}  // namespace newsgraph::pipeline

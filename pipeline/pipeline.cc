#include "pipeline/pipeline.h"

#include <sched.h>
#include <spdlog/spdlog.h>

#include <thread>

#include "pipeline/input_meter.h"
#include "pipeline/ordered_executor.h"

namespace newsgraph::pipeline {

namespace {

// What the reader hands on, in input order: a document to extract, a document of another
// shard (only its size travels, for progress), or a problem to count and log. Problems
// travel in the stream too, so that all logging happens on the calling thread, in order.
struct Item {
  enum class Kind { Document, OtherShard, Problem };
  Kind kind = Kind::Document;
  corpus::Document doc;
  uint64_t bytes = 0;
  std::optional<Error> problem;
};

struct Result {
  Item::Kind kind = Item::Kind::Document;
  std::string id, source;
  uint64_t bytes = 0;
  std::optional<extract::DocumentFacts> facts;
  std::optional<Error> problem;  // the reader's problem, or why extraction failed
};

}  // namespace

int availableCores() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) == 0) return std::max(CPU_COUNT(&set), 1);
  return std::max(static_cast<int>(std::thread::hardware_concurrency()), 1);
}

int maxJobs() { return kJobsPerCore * availableCores(); }

uint64_t estimateInputBytes(const std::vector<std::string>& inputs) {
  return InputMeter(inputs).total();
}

BuildStats runPipeline(const std::vector<std::string>& inputs, const BuildOptions& options,
                       const FactsSink& sink) {
  using Clock = std::chrono::steady_clock;
  extract::ExtractOptions extractOptions;
  extractOptions.cooccurrence = options.cooccurrence;
  extractOptions.tagger = options.tagger;
  extractOptions.parser = options.parser;
  const extract::Extractor extractor(extractOptions);
  BuildStats stats;
  stats.jobs = options.jobs > 0 ? options.jobs : availableCores();
  if (stats.jobs > maxJobs()) {
    spdlog::warn("-j {}: this machine runs at most {} extraction threads ({} per core); using {}",
                 stats.jobs, maxJobs(), kJobsPerCore, maxJobs());
    stats.jobs = maxJobs();
  }
  InputMeter meter(inputs);
  Progress progress;
  progress.inputBytesTotal = meter.total();
  auto start = Clock::now();
  auto lastReport = start;

  corpus::CorpusReader reader(inputs, options.read, options.stop);
  auto produce = [&](const std::function<void(Item&&)>& push) {
    reader.read(
        [&](corpus::Document&& doc) {
          if (options.stop && options.stop->load()) throw StopProducing{};
          Item item;
          item.bytes = doc.text.size();
          if (options.shard && !inShard(doc.id, *options.shard)) {
            item.kind = Item::Kind::OtherShard;
            item.doc.source = std::move(doc.source);
          } else {
            item.doc = std::move(doc);
          }
          push(std::move(item));
        },
        [&](const Error& e) {
          Item item;
          item.kind = Item::Kind::Problem;
          item.problem = e;
          push(std::move(item));
        });
  };

  auto work = [&](Item& item) {
    Result result;
    result.kind = item.kind;
    result.bytes = item.bytes;
    result.problem = std::move(item.problem);
    if (item.kind == Item::Kind::Document) {
      try {
        result.facts = extractor.extract(item.doc);
      } catch (const Error& e) {
        result.problem = e;
      } catch (const std::bad_alloc&) {  // this document fails, the run goes on
        result.problem = Error("out of memory while extracting this document", item.doc.id,
                               __FILE__, __LINE__);
      }
    }
    result.id = std::move(item.doc.id);
    result.source = std::move(item.doc.source);
    return result;
  };

  auto consume = [&](Result&& result) {
    switch (result.kind) {
      case Item::Kind::Problem: {
        const Error& e = *result.problem;
        if (corpus::isRepair(e)) {
          ++stats.repaired;
        } else if (corpus::isDateWarning(e)) {
          stats.undatedRecords += e.message() == corpus::kUnreadableDate;
        } else {
          ++stats.skipped;
        }
        ++stats.problems[e.message()];
        spdlog::warn("{}", e.oneLine());
        return;
      }
      case Item::Kind::OtherShard:
        ++stats.otherShards;
        break;
      case Item::Kind::Document:
        if (result.facts) {
          ++stats.documents;
          stats.bytes += result.facts->bytes;
          stats.tokens += result.facts->tokens;
          sink(std::move(*result.facts));
        } else {
          ++stats.failed;
          ++stats.problems[result.problem->message()];
          spdlog::warn("{}: failed: {}", result.id, result.problem->oneLine());
        }
        break;
    }
    progress.bytes += result.bytes;
    meter.add(result.source, result.bytes);
  };

  auto tick = [&] {
    if (options.stop && options.stop->load()) return false;
    auto now = Clock::now();
    if (options.onProgress && now - lastReport >= options.progressInterval) {
      progress.documents = stats.documents;
      progress.failed = stats.failed;
      progress.skipped = stats.skipped;
      progress.otherShards = stats.otherShards;
      progress.inputBytes = meter.done();
      progress.seconds = std::chrono::duration<double>(now - start).count();
      options.onProgress(progress);
      lastReport = now;
    }
    return true;
  };

  // A window of 16 documents per thread keeps every thread busy while the slowest document
  // in flight holds up delivery, and bounds memory to a few MB of text.
  OrderedExecutor<Item, Result> executor(stats.jobs, static_cast<size_t>(stats.jobs) * 16);
  bool finished = executor.run(produce, work, consume, tick);
  stats.interrupted = !finished || (options.stop && options.stop->load());
  stats.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return stats;
}

}  // namespace newsgraph::pipeline

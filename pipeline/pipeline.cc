#include "pipeline/pipeline.h"

#include <spdlog/spdlog.h>

#include <chrono>

namespace newsgraph::pipeline {

BuildStats runPipeline(const std::vector<std::string>& inputs, const BuildOptions& options,
                       const FactsSink& sink) {
  using Clock = std::chrono::steady_clock;
  extract::ExtractOptions extractOptions;
  extractOptions.cooccurrence = options.cooccurrence;
  extract::Extractor extractor(extractOptions);
  BuildStats stats;
  auto start = Clock::now();
  auto lastReport = start;
  corpus::CorpusReader reader(inputs);
  reader.read(
      [&](corpus::Document&& doc) {
        extract::DocumentFacts facts;
        try {
          facts = extractor.extract(doc);
        } catch (const Error& e) {
          ++stats.skipped;
          ++stats.problems[e.message()];
          spdlog::warn("{}: skipped: {}", doc.id, e.message());
          return;
        }
        ++stats.documents;
        stats.bytes += facts.bytes;
        stats.tokens += facts.tokens;
        sink(std::move(facts));
        auto now = Clock::now();
        if (options.progress && now - lastReport > std::chrono::seconds(3)) {
          double secs = std::chrono::duration<double>(now - start).count();
          spdlog::info("{} documents, {:.1f} MB, {:.1f} MB/s", stats.documents,
                       stats.bytes / 1e6, stats.bytes / 1e6 / secs);
          lastReport = now;
        }
      },
      [&](const Error& e) {
        // Invalid UTF-8 is repaired and the document kept; everything else drops it.
        if (e.message().find("invalid UTF-8") != std::string::npos) {
          ++stats.repaired;
        } else {
          ++stats.skipped;
        }
        ++stats.problems[e.message()];
        spdlog::warn("{}", e.oneLine());
      });
  stats.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return stats;
}

}  // namespace newsgraph::pipeline

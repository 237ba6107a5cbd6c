#include "cli/build_command.h"

#include <fmt/format.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <mutex>
#include <sstream>

#include "cli/filter_options.h"
#include "cli/store_commands.h"
#include "export/export.h"
#include "pipeline/pipeline.h"

namespace newsgraph::cli {

namespace {

// --- Ctrl-C and scancel: the first SIGINT/SIGTERM asks the pipeline to stop; nothing is
// written then. A second one ends the process at once, after deleting the temporary output
// (PATH.tmp.<pid>, the name writeFileAtomically and the store use).
std::atomic<bool> gInterrupted{false};
char gTempPath[4096] = "";
char gJournalPath[4096] = "";

extern "C" void onInterrupt(int signal) {
  if (!gInterrupted.exchange(true)) return;
  if (gTempPath[0]) ::unlink(gTempPath);
  if (gJournalPath[0]) ::unlink(gJournalPath);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

class InterruptGuard {
 public:
  explicit InterruptGuard(const std::string& output) {
    gInterrupted = false;
    if (output != "-") {
      std::string temp = output + ".tmp." + std::to_string(::getpid());
      std::snprintf(gTempPath, sizeof gTempPath, "%s", temp.c_str());
      std::snprintf(gJournalPath, sizeof gJournalPath, "%s-journal", temp.c_str());
    }
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, &oldInt_);
    sigaction(SIGTERM, &action, &oldTerm_);
  }
  ~InterruptGuard() {
    sigaction(SIGINT, &oldInt_, nullptr);
    sigaction(SIGTERM, &oldTerm_, nullptr);
    gTempPath[0] = gJournalPath[0] = '\0';
  }

 private:
  struct sigaction oldInt_ {}, oldTerm_ {};
};

// --- stderr: log lines and a progress bar that stays below them. All of it goes through one
// multi-threaded spdlog sink, so a warning clears the bar, prints, and redraws it.
class ProgressSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  void showBar(std::string bar) {
    std::lock_guard<std::mutex> lock(mutex_);
    bar_ = std::move(bar);
    std::fprintf(stderr, "\r\033[K%s", bar_.c_str());
    std::fflush(stderr);
  }
  void clearBar() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!bar_.empty()) std::fputs("\r\033[K", stderr);
    bar_.clear();
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t line;
    formatter_->format(msg, line);
    if (!bar_.empty()) std::fputs("\r\033[K", stderr);
    std::fwrite(line.data(), 1, line.size(), stderr);
    if (!bar_.empty()) std::fputs(bar_.c_str(), stderr);
    std::fflush(stderr);
  }
  void flush_() override { std::fflush(stderr); }

 private:
  std::string bar_;
};

// Replaces the default logger while a build runs: worker threads may log (at trace level),
// so the sink must be thread-safe, and the bar must be cleared before each line.
class BuildLogger {
 public:
  BuildLogger() : previous_(spdlog::default_logger()), sink_(std::make_shared<ProgressSink>()) {
    auto logger = std::make_shared<spdlog::logger>("newsgraph", sink_);
    logger->set_pattern("newsgraph: %l: %v");
    logger->set_level(previous_->level());
    spdlog::set_default_logger(logger);
  }
  ~BuildLogger() {
    sink_->clearBar();
    spdlog::set_default_logger(previous_);
  }
  ProgressSink& sink() { return *sink_; }

 private:
  std::shared_ptr<spdlog::logger> previous_;
  std::shared_ptr<ProgressSink> sink_;
};

std::string formatDuration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

std::string progressBar(const pipeline::Progress& p) {
  double secs = std::max(p.seconds, 1e-3);
  std::string rates = fmt::format("{} docs  {:.0f} docs/s  {:.1f} MB/s",
                                  p.documents + p.otherShards, (p.documents + p.otherShards) / secs,
                                  p.bytes / 1e6 / secs);
  if (p.inputBytesTotal == 0 || p.inputBytes == 0) {
    return fmt::format("{}  {}", rates, formatDuration(p.seconds));
  }
  double fraction = std::min(1.0, static_cast<double>(p.inputBytes) / p.inputBytesTotal);
  constexpr int kWidth = 24;
  int filled = static_cast<int>(fraction * kWidth);
  std::string bar = "[";
  for (int i = 0; i < kWidth; ++i) bar += i < filled ? "#" : "-";
  bar += "]";
  double eta = p.seconds * (1 - fraction) / std::max(fraction, 1e-6);
  return fmt::format("{} {:3.0f}%  {}  ETA {}", bar, fraction * 100, rates, formatDuration(eta));
}

std::string progressLine(const pipeline::Progress& p) {
  double secs = std::max(p.seconds, 1e-3);
  std::string line = fmt::format("{} documents, {:.1f} MB, {:.0f} docs/s, {:.1f} MB/s",
                                 p.documents + p.otherShards, p.bytes / 1e6,
                                 (p.documents + p.otherShards) / secs, p.bytes / 1e6 / secs);
  if (p.inputBytesTotal > 0 && p.inputBytes > 0) {
    double fraction = std::min(1.0, static_cast<double>(p.inputBytes) / p.inputBytesTotal);
    line += fmt::format(", {:.0f}%, ETA {}", fraction * 100,
                        formatDuration(p.seconds * (1 - fraction) / std::max(fraction, 1e-6)));
  }
  return line;
}

void logSummary(const pipeline::BuildStats& stats, size_t entities, size_t relations) {
  double secs = std::max(stats.seconds, 1e-3);
  spdlog::info("{} documents extracted ({:.1f} MB) in {:.2f} s on {} thread{}: {:.1f} MB/s, "
               "{:.0f} docs/s",
               stats.documents, stats.bytes / 1e6, stats.seconds, stats.jobs,
               stats.jobs == 1 ? "" : "s", stats.bytes / 1e6 / secs, stats.documents / secs);
  spdlog::info("{} skipped, {} failed, {} repaired (invalid UTF-8){}{}; {} entities, {} typed "
               "relations",
               stats.skipped, stats.failed, stats.repaired,
               stats.undatedRecords
                   ? fmt::format(", {} undated (date not understood)", stats.undatedRecords)
                   : "",
               stats.otherShards ? fmt::format(", {} in other shards", stats.otherShards) : "",
               entities, relations);
  for (const auto& [problem, count] : stats.problems) {
    spdlog::info("  {} x {}", count, problem);
  }
}

}  // namespace

void addBuildCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<BuildOptions>();
  CLI::App* cmd = app.add_subcommand("build", "Extract a knowledge graph from news articles");
  cmd->footer(
      "Inputs: files, directories (read recursively in sorted order), JSONL files with one\n"
      "{\"id\",\"date\",\"text\"} record per line, .gz files, or - for stdin.\n\n"
      "A shard I/N keeps the documents whose FNV-1a 64 hash of the id, modulo N, is I-1;\n"
      "the N shard builds together hold every document exactly once.\n"
      "Ctrl-C stops the build and writes nothing (exit status 130).\n\n"
      "Examples:\n"
      "  newsgraph build ../shared/corpus/seeds -o seeds.graphml\n"
      "  newsgraph build articles.jsonl -o world.dot --no-cooccurrence -j 4\n"
      "  newsgraph build news.jsonl.gz --shard 2/8 -o shard-2.graphml\n"
      "  cat article.txt | newsgraph build - -o - --format dot | dot -Tsvg > graph.svg");
  cmd->add_option("inputs", options->inputs, "Articles: files, directories, JSONL, - for stdin")
      ->required();
  cmd->add_option("-o,--output", options->output, "Output file (- for stdout)")->required();
  cmd->add_option("--format", options->format, "Output format (default: from the extension)")
      ->check(CLI::IsMember({"graphml", "dot", "gexf", "json"}));
  cmd->add_flag("--no-cooccurrence", options->noCooccurrence,
                "Leave out CO_OCCURS edges (entities in the same sentence)");
  cmd->add_flag("--no-tagger", options->noTagger,
                "Lexicons and patterns only, without the statistical NER tagger (faster)");
  cmd->add_flag("--parser,!--no-parser", options->parser,
                "Parse the sentences with two or more entity mentions for the relation stage "
                "(default: off, as no relation rule reads the parse yet)");
  cmd->add_option("--modality", options->modalities,
                  "Relations a graph file shows: asserted (default: facts only), planned, "
                  "hypothetical, demanded, threatened, or all (a store keeps every modality)")
      ->delimiter(',');
  cmd->add_option("-j,--jobs", options->jobs,
                  "Extraction threads (default: every core this process may use)")
      ->check(CLI::NonNegativeNumber);
  addInputLimitOptions(*cmd, *options);
  cmd->add_option("--shard", options->shard,
                  "Build only shard I of N (1-based), chosen by a hash of the document id");
  cmd->add_flag("--progress,!--no-progress", options->progress,
                "Progress on stderr: a bar on a terminal, else a line every 5 s (default: on)");
  cmd->add_flag("--force", options->force,
                "Replace an existing store (without it, build refuses: use add to extend one)");
  addDateOptions(*cmd, *options);
  cmd->add_option("--aliases", options->aliases,
                  "Entity corrections (merge, rename, drop, split; docs/aliases.md)");
  cmd->callback([options, &exitCode] { exitCode = runBuild(*options); });
}

void addDateOptions(CLI::App& cmd, BuildOptions& options) {
  cmd.add_option("--date-field", options.dateField,
                 "JSONL field that holds the date (default: date, published, published_at)");
  cmd.add_option("--date-order", options.dateOrder,
                 "Order of 03/04/2023-style dates: dmy or mdy (default: dmy, with a warning)")
      ->check(CLI::IsMember({"dmy", "mdy"}));
}

void addInputLimitOptions(CLI::App& cmd, BuildOptions& options) {
  cmd.add_option("--max-document-mb", options.maxDocumentMb,
                 "Skip (with a warning) documents larger than this many MiB (default: 16)")
      ->check(CLI::Range(1, 4096));
  cmd.add_option("--max-line-mb", options.maxLineMb,
                 "Skip (with a warning) JSONL lines and .json files larger than this (default: 32)")
      ->check(CLI::Range(1, 4096));
}

int runBuild(const BuildOptions& options) {
  if (options.format.empty() && isStorePath(options.output)) return runBuildStore(options);
  std::optional<exporter::Format> format = options.format.empty()
                                               ? exporter::formatFromPath(options.output)
                                               : exporter::parseFormat(options.format);
  NG_CHECK(format, options.output,
           "cannot tell the output format from the file name; use .db, .graphml, .dot, .gexf or "
           ".json, or --format");
  query::Filter shown;
  shown.modalities = modalityFilter(options.modalities);
  graph::KnowledgeGraph kg;
  return runBuildWith(
      options, [&](extract::DocumentFacts&& facts) { kg.addDocument(facts); },
      [&](const pipeline::BuildStats&) {
        kg = graph::linkShortForms(kg);  // as export does after loading the store
        if (query::dropsModalities(kg, shown)) kg = query::applyFilter(kg, shown);
        if (options.output == "-") {
          exporter::write(kg, *format, std::cout);
          std::cout << std::flush;
        } else {
          writeFileAtomically(options.output, [&](std::ostream& out) { exporter::write(kg, *format, out); });
        }
        return OutputCounts{num_vertices(kg.graph()), kg.typedRelationCount()};
      });
}

int runBuildWith(const BuildOptions& options, const pipeline::FactsSink& sink,
                 const std::function<OutputCounts(const pipeline::BuildStats&)>& finish) {
  pipeline::BuildOptions buildOptions;
  buildOptions.cooccurrence = !options.noCooccurrence;
  buildOptions.tagger = !options.noTagger;
  buildOptions.parser = options.parser;
  buildOptions.jobs = options.jobs;
  buildOptions.read.limits.maxDocumentBytes = static_cast<size_t>(options.maxDocumentMb) << 20;
  buildOptions.read.limits.maxLineBytes = static_cast<size_t>(options.maxLineMb) << 20;
  if (!options.shard.empty()) buildOptions.shard = pipeline::parseShard(options.shard);
  buildOptions.read.dateField = options.dateField;
  buildOptions.read.dateOrder = options.dateOrder == "mdy"   ? corpus::DateOrder::MonthFirst
                                : options.dateOrder == "dmy" ? corpus::DateOrder::DayFirst
                                                             : corpus::DateOrder::Unspecified;

  // read before any document, so that a bad line stops the run with nothing written
  graph::AliasOverlay overlay;
  if (!options.aliases.empty()) overlay = graph::AliasOverlay::load(options.aliases);
  pipeline::FactsSink corrected = [&](extract::DocumentFacts&& facts) {
    overlay.apply(facts);
    sink(std::move(facts));
  };

  BuildLogger logger;
  InterruptGuard interruptGuard(options.output);
  buildOptions.stop = &gInterrupted;
  if (options.progress && spdlog::should_log(spdlog::level::info)) {
    if (isatty(STDERR_FILENO)) {
      buildOptions.progressInterval = std::chrono::milliseconds(250);
      buildOptions.onProgress = [&logger](const pipeline::Progress& p) {
        logger.sink().showBar(progressBar(p));
      };
    } else {
      buildOptions.progressInterval = std::chrono::seconds(5);
      buildOptions.onProgress = [](const pipeline::Progress& p) {
        spdlog::info("{}", progressLine(p));
      };
    }
  }

  pipeline::BuildStats stats =
      pipeline::runPipeline(options.inputs, buildOptions, overlay.empty() ? sink : corrected);
  logger.sink().clearBar();
  if (stats.interrupted || gInterrupted) {
    spdlog::error("interrupted after {} documents; nothing was written", stats.documents);
    return 130;
  }
  NG_CHECK(stats.documents > 0 || stats.otherShards > 0, "",
           "no documents could be read from the inputs");
  OutputCounts counts = finish(stats);
  if (gInterrupted) {  // during finish: the output is complete, but say so
    spdlog::warn("interrupt received while writing {}; the output is complete", options.output);
  }
  logSummary(stats, counts.entities, counts.relations);
  // Bad inputs were reported one per line; the graph of the others is written, but the
  // exit status tells scripts that something was left out.
  return stats.skipped || stats.failed ? 1 : 0;
}

}  // namespace newsgraph::cli

#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace newsgraph::cli {

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string output;
  std::string format;  // "" = from the output's extension
  bool noCooccurrence = false;
  bool noTagger = false;
  bool parser = false;
  int jobs = 0;         // extraction threads; 0 = every core this process may use
  std::string shard;    // "I/N" (1-based), "" = every document
  bool progress = true; // progress on stderr (a bar on a terminal, else a line every 5 s)
  std::string dateField;  // JSONL field with the date, "" = date, published or published_at
  std::string dateOrder;  // "dmy", "mdy" or "" (day first, warned when it matters)
  bool force = false;     // build: replace an existing store
  // Modalities a graph file shows (a store keeps them all): facts only by default.
  std::vector<std::string> modalities = {"asserted"};
  int maxDocumentMb = 16;  // larger documents are skipped with a warning
  int maxLineMb = 32;     // larger JSONL lines (and .json files) are skipped with a warning
  std::string aliases;  // --aliases FILE: the user's entity corrections, "" for none
};

// --date-field and --date-order, shared by build and add.
void addDateOptions(CLI::App& cmd, BuildOptions& options);

// --max-document-mb and --max-line-mb, shared by build and add.
void addInputLimitOptions(CLI::App& cmd, BuildOptions& options);

// `newsgraph build INPUT... -o OUT`: extract a graph from articles and write it.
void addBuildCommand(CLI::App& app, int& exitCode);
// Returns the exit code: 0, 1 when documents were skipped or failed, 130 when interrupted
// (SIGINT/SIGTERM; nothing is written then). Throws Error for what stops the run.
int runBuild(const BuildOptions& options);

// What the output holds, for the summary.
struct OutputCounts {
  size_t entities = 0;
  size_t relations = 0;  // typed relations
};

// The body of `build` for any output: runs the pipeline over options.inputs with its jobs,
// shard and progress into SINK, then FINISH (which writes options.output and returns what it
// holds), then logs the summary. The first SIGINT/SIGTERM stops the pipeline and skips
// FINISH (the caller's temporary output must be deleted by its destructor); a second one
// deletes OUTPUT.tmp.<pid> and ends the process. Returns the exit code as runBuild does.
int runBuildWith(const BuildOptions& options, const pipeline::FactsSink& sink,
                 const std::function<OutputCounts(const pipeline::BuildStats&)>& finish);

}  // namespace newsgraph::cli

#pragma once
#include <CLI/CLI.hpp>
#include <string>

namespace newsgraph::cli {

struct EvalNerOptions {
  std::string model;  // "" = dataDir()/models/ner.model
  std::string file;
  bool json = false;
};

// `newsgraph eval-ner [--model M] FILE [--json]`: conlleval-style scores on a CoNLL file.
void addEvalNerCommand(CLI::App& app);
void runEvalNer(const EvalNerOptions& options);

}  // namespace newsgraph::cli

#pragma once
#include <CLI/CLI.hpp>

namespace newsgraph::cli {

// `newsgraph eval-coref FILE.conllu`: MUC, B3, CEAF-e and the CoNLL F1 of the document
// coreference on GUM's Entity= chains.
void addEvalCorefCommand(CLI::App& app);

}  // namespace newsgraph::cli

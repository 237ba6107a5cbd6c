#include "cli/eval_ner_command.h"

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "extract/tagger/tagger.h"

namespace newsgraph::cli {

namespace {

std::string countsJson(const tagger::ChunkCounts& c) {
  return fmt::format(
      "{{\"precision\": {:.4f}, \"recall\": {:.4f}, \"f1\": {:.4f}, \"gold\": {}, \"found\": {}, "
      "\"correct\": {}}}",
      c.precision(), c.recall(), c.f1(), c.gold, c.found, c.correct);
}

}  // namespace

void addEvalNerCommand(CLI::App& app) {
  auto options = std::make_shared<EvalNerOptions>();
  CLI::App* cmd = app.add_subcommand("eval-ner", "Score the NER tagger on a CoNLL-2003 file");
  cmd->footer("Example:\n  newsgraph eval-ner ../shared/data/conll2003/test.txt --json");
  cmd->add_option("file", options->file, "CoNLL-2003 file with gold tags (IOB1)")->required();
  cmd->add_option("--model", options->model, "Model (default: DATA_DIR/models/ner.model)");
  cmd->add_flag("--json", options->json, "One JSON object instead of the conlleval table");
  cmd->callback([options] { runEvalNer(*options); });
}

void runEvalNer(const EvalNerOptions& options) {
  tagger::Tagger tagger = options.model.empty() ? tagger::Tagger::standard()
                                                : tagger::Tagger::load(options.model);
  std::vector<tagger::Document> docs = tagger::readConll(options.file);
  double seconds = 0;
  tagger::Evaluation eval = tagger::evaluate(tagger, docs, &seconds);
  double speed = tagger::taggingSpeed(tagger, docs);
  if (!options.json) {
    std::cout << tagger::formatConlleval(eval);
    std::cout << fmt::format("tagging: {:.0f} tokens/s\n", speed);
    return;
  }
  std::string perType;
  for (int t = 0; t < tagger::kNerTypes; ++t) {
    if (t) perType += ", ";
    perType += fmt::format("\"{}\": {}", tagger::toString(static_cast<tagger::NerType>(t)),
                           countsJson(eval.per_type[t]));
  }
  std::cout << fmt::format(
      "{{\"overall\": {}, \"per_type\": {{{}}}, \"tokens\": {}, \"accuracy\": {:.4f}, "
      "\"first_pass_seconds\": {:.6f}, \"tokens_per_second\": {:.0f}}}\n",
      countsJson(eval.overall), perType, eval.tokens, eval.accuracy(), seconds, speed);
}

}  // namespace newsgraph::cli

#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>

#include "cli/syntax_commands.h"
#include "extract/clean/clean.h"
#include "extract/corpus/corpus.h"
#include "extract/syntax/syntax.h"

namespace newsgraph::cli {

void addParseCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<ParseOptions>();
  CLI::App* cmd = app.add_subcommand(
      "parse", "Print articles as CoNLL-U: our sentences and tokens, tags, lemmas, parse");
  cmd->footer("Example:\n  newsgraph parse ../shared/corpus/seeds/000_c20c7cfb17df6241.txt | less");
  cmd->add_option("inputs", options->inputs, "Files, directories, JSONL, or - for stdin")
      ->required();
  cmd->add_option("--model", options->model, "Model (default: DATA_DIR/models/syntax.model)");
  cmd->callback([options, &exitCode] { exitCode = runParse(*options); });
}

int runParse(const ParseOptions& options) {
  std::shared_ptr<const syntax::SyntaxModel> loaded;
  if (!options.model.empty()) loaded = syntax::SyntaxModel::load(options.model);
  const syntax::SyntaxModel& model = loaded ? *loaded : syntax::SyntaxModel::standard();
  const clean::BoilerplateRules rules = clean::BoilerplateRules::load(dataDir());
  int problems = 0;
  corpus::CorpusReader(options.inputs)
      .read(
          [&](corpus::Document&& doc) {
            const std::vector<Span> body = clean::findBody(doc.text, rules);
            const text::Segmentation seg = text::segment(doc.text, body);
            syntax::writeConllu(doc.id, doc.text, seg, model, std::cout);
          },
          [&](const Error& e) {
            if (corpus::isRepair(e) || corpus::isDateWarning(e)) {
              spdlog::warn("{}", e.oneLine());
              return;
            }
            spdlog::error("{}", e.oneLine());
            ++problems;
          });
  return problems ? 1 : 0;
}

}  // namespace newsgraph::cli

#include "cli/eval_coref_command.h"

#include <iostream>
#include <memory>
#include <string>

#include "eval/eval.h"

namespace newsgraph::cli {

void addEvalCorefCommand(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "eval-coref", "Score coreference on CoNLL-U with GUM's Entity= chains (MUC, B3, CEAF-e)");
  cmd->footer("Mentions keep their gold boundaries; the resolver links them.\n\n"
              "Example:\n  newsgraph eval-coref ../shared/data/ud/en_gum-wiki-test.conllu");
  cmd->add_option("file", *file, "CoNLL-U file whose MISC column holds Entity= brackets")
      ->required();
  cmd->callback([file] { std::cout << eval::formatCorefText(eval::evaluateCoreference(*file)); });
}

}  // namespace newsgraph::cli

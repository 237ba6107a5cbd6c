#include "cli/build_command.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <sstream>

#include "export/export.h"
#include "pipeline/pipeline.h"

namespace newsgraph::cli {

void addBuildCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<BuildOptions>();
  CLI::App* cmd = app.add_subcommand("build", "Extract a knowledge graph from news articles");
  cmd->footer(
      "Inputs: files, directories (read recursively in sorted order), JSONL files with one\n"
      "{\"id\",\"date\",\"text\"} record per line, .gz files, or - for stdin.\n\n"
      "Examples:\n"
      "  newsgraph build ../shared/corpus/seeds -o seeds.graphml\n"
      "  newsgraph build articles.jsonl -o world.dot --no-cooccurrence\n"
      "  cat article.txt | newsgraph build - -o - --format dot | dot -Tsvg > graph.svg");
  cmd->add_option("inputs", options->inputs, "Articles: files, directories, JSONL, - for stdin")
      ->required();
  cmd->add_option("-o,--output", options->output, "Output file (- for stdout)")->required();
  cmd->add_option("--format", options->format, "Output format (default: from the extension)")
      ->check(CLI::IsMember({"graphml", "dot"}));
  cmd->add_flag("--no-cooccurrence", options->noCooccurrence,
                "Leave out CO_OCCURS edges (entities in the same sentence)");
  cmd->callback([options, &exitCode] { exitCode = runBuild(*options); });
}

int runBuild(const BuildOptions& options) {
  std::optional<exporter::Format> format = options.format.empty()
                                               ? exporter::formatFromPath(options.output)
                                               : exporter::parseFormat(options.format);
  NG_CHECK(format, options.output,
           "cannot tell the output format from the file name; use .graphml or .dot, or --format");
  pipeline::BuildOptions buildOptions;
  buildOptions.cooccurrence = !options.noCooccurrence;
  buildOptions.progress = isatty(STDERR_FILENO);
  graph::KnowledgeGraph kg;
  pipeline::BuildStats stats = pipeline::runPipeline(
      options.inputs, buildOptions, [&](extract::DocumentFacts&& facts) { kg.addDocument(facts); });
  NG_CHECK(stats.documents > 0, "", "no documents could be read from the inputs");

  std::ostringstream out;
  exporter::write(kg, *format, out);
  if (options.output == "-") {
    std::cout << out.str();
  } else {
    writeFileAtomically(options.output, out.str());
  }
  spdlog::info("{} documents ({} skipped), {} entities, {} typed relations, {:.2f} MB in {:.2f} s",
               stats.documents, stats.skipped, num_vertices(kg.graph()), kg.typedRelationCount(),
               stats.bytes / 1e6, stats.seconds);
  // Bad inputs were reported one per line; the graph of the others is written, but the
  // exit status tells scripts that something was left out.
  return stats.skipped ? 1 : 0;
}

}  // namespace newsgraph::cli

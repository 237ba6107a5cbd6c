#include "cli/filter_options.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "extract/corpus/corpus.h"

namespace newsgraph::cli {
namespace {

const CLI::Validator kIsoDate(
    [](std::string& value) -> std::string {
      return corpus::normalizeDate(value) == value ? "" : "'" + value + "' is not a date YYYY-MM-DD";
    },
    "YYYY-MM-DD");

const CLI::Validator kWeight(
    [](std::string& value) -> std::string {
      char* end = nullptr;
      double weight = std::strtod(value.c_str(), &end);
      if (value.empty() || *end != '\0' || !std::isfinite(weight) || weight < 0)
        return "'" + value + "' is not a weight (a number >= 0)";
      return "";
    },
    "NUMBER>=0");

void checkRange(const FilterOptions& o) {
  NG_CHECK(o.since.empty() || o.until.empty() || o.since <= o.until, "--since " + o.since,
           "the range is empty: --since is after --until " + o.until);
}

}  // namespace

void addFilterOptions(CLI::App& cmd, FilterOptions& o) {
  cmd.add_option("--relation", o.relations, "Keep these relations (repeat or comma-separate)")
      ->delimiter(',')
      ->group("Filters");
  cmd.add_option("--type", o.types, "Keep entities of these types (PERSON, ORG, GPE, ...)")
      ->delimiter(',')
      ->group("Filters");
  cmd.add_option("--since", o.since, "Keep what is dated on or after this ISO date")
      ->check(kIsoDate)
      ->group("Filters");
  cmd.add_option("--until", o.until, "Keep what is dated on or before this ISO date")
      ->check(kIsoDate)
      ->group("Filters");
  cmd.add_option("--min-weight", o.minWeight, "Keep relations with at least this much evidence")
      ->check(kWeight)
      ->group("Filters");
  cmd.add_flag("--no-cooccurrence", o.noCooccurrence, "Leave out CO_OCCURS edges")
      ->group("Filters");
  cmd.add_option("--modality", o.modalities,
                 "Keep relations stated so: asserted (default: facts only), planned, "
                 "hypothetical, demanded, threatened, or all")
      ->delimiter(',')
      ->group("Filters");
  cmd.add_option("--ego", o.ego, "Keep only what lies around this entity")->group("Filters");
  cmd.add_option("--depth", o.depth, "Relations away from --ego (default 1)")
      ->check(CLI::PositiveNumber)
      ->group("Filters");
}

query::Filter toFilter(const FilterOptions& o) {
  checkRange(o);
  query::Filter f;
  for (std::string name : o.relations) {
    for (char& c : name) c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    NG_CHECK(name == Ontology::kCooccurs || Ontology::standard().find(name), name,
             "unknown relation (see data/ontology.json)");
    f.relations.insert(name);
  }
  for (std::string name : o.types) {
    for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::optional<EntityType> type = parseEntityType(name);
    NG_CHECK(type, name, "unknown entity type; use PERSON, ORG, GPE, LOC, EVENT or FAC");
    f.types.insert(*type);
  }
  f.since = o.since;
  f.until = o.until;
  f.minWeight = o.minWeight;
  f.noCooccurrence = o.noCooccurrence;
  f.ego = o.ego;
  f.depth = o.depth;
  f.modalities = modalityFilter(o.modalities);
  return f;
}

std::set<Modality> modalityFilter(const std::vector<std::string>& names) {
  std::set<Modality> out;
  for (const std::string& name : names) {
    if (name == "all") return {};
    std::optional<Modality> modality = parseModality(name);
    NG_CHECK(modality, name,
             "unknown modality; use asserted, planned, hypothetical, demanded, threatened or all");
    out.insert(*modality);
  }
  return out;
}

graph::KnowledgeGraph filtered(graph::KnowledgeGraph kg, const FilterOptions& o) {
  query::Filter f = toFilter(o);
  checkRange(o);
  bool any = !o.relations.empty() || !o.types.empty() || !o.since.empty() || !o.until.empty() ||
             o.minWeight > 0 || o.noCooccurrence || !o.ego.empty() || query::dropsModalities(kg, f);
  return any ? query::applyFilter(kg, f) : kg;
}

}  // namespace newsgraph::cli

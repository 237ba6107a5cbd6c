// The text and JSON reports of score_graphml.py, and its threshold checks.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cstdarg>
#include <cstdio>

#include "eval/eval.h"

namespace newsgraph::eval {
namespace {

std::string format(const char* pattern, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char* pattern, ...) {
  va_list args;
  va_start(args, pattern);
  va_list copy;
  va_copy(copy, args);
  int n = std::vsnprintf(nullptr, 0, pattern, copy);
  va_end(copy);
  std::string out(static_cast<size_t>(n), '\0');
  std::vsnprintf(out.data(), out.size() + 1, pattern, args);
  va_end(args);
  return out;
}

// Python's "%-Ns": pads to N characters, not bytes.
std::string padRight(const std::string& text, size_t width) {
  size_t characters = 0;
  for (unsigned char c : text) characters += (c & 0xC0) != 0x80;
  return characters >= width ? text : text + std::string(width - characters, ' ');
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : "; ") + item;
  return out;
}

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void writeString(Writer& w, const std::string& s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void writeScore(Writer& w, const char* name, const Score& s) {
  w.Key(name);
  w.StartObject();
  w.Key("precision");
  w.Double(s.precision);
  w.Key("recall");
  w.Double(s.recall);
  w.Key("f1");
  w.Double(s.f1);
  w.Key("tp");
  w.Int(s.tp);
  w.Key("fp");
  w.Int(s.fp);
  w.Key("fn");
  w.Int(s.fn);
  w.EndObject();
}

void writeList(Writer& w, const char* name, const std::vector<std::string>& items) {
  w.Key(name);
  w.StartArray();
  for (const std::string& item : items) writeString(w, item);
  w.EndArray();
}

}  // namespace

std::string formatText(const Report& report) {
  std::string out;
  for (const DocumentReport& d : report.documents) {
    out += padRight(d.file, 32) + format(" entities F1 %.3f  relations F1 %.3f  leaks %zu\n",
                                         d.entities.f1, d.relations.f1, d.boilerplateLeaks.size());
    const std::pair<const char*, const std::vector<std::string>*> lists[] = {
        {"missed entities", &d.missedEntities},
        {"spurious entities", &d.spuriousEntities},
        {"boilerplate leaks", &d.boilerplateLeaks},
        {"missed relations", &d.missedRelations},
        {"spurious relations", &d.spuriousRelations}};
    for (const auto& [name, items] : lists)
      if (!items->empty()) out += std::string("    ") + name + ": " + joined(*items) + "\n";
  }
  const std::pair<const char*, const Score*> totals[] = {{"entities", &report.entities},
                                                         {"typed_entities", &report.typedEntities},
                                                         {"relations", &report.relations}};
  for (const auto& [name, s] : totals)
    out += padRight(name, 15) + format(" P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)\n", s->precision,
                                       s->recall, s->f1, s->tp, s->fp, s->fn);
  out += format("boilerplate leaks: %d\n", report.boilerplateLeaks);
  return out;
}

std::string formatJson(const Report& report) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("documents");
  w.StartArray();
  for (const DocumentReport& d : report.documents) {
    w.StartObject();
    w.Key("file");
    writeString(w, d.file);
    writeScore(w, "entities", d.entities);
    writeScore(w, "typed_entities", d.typedEntities);
    writeScore(w, "relations", d.relations);
    writeList(w, "missed_entities", d.missedEntities);
    writeList(w, "spurious_entities", d.spuriousEntities);
    writeList(w, "boilerplate_leaks", d.boilerplateLeaks);
    writeList(w, "missed_relations", d.missedRelations);
    writeList(w, "spurious_relations", d.spuriousRelations);
    w.EndObject();
  }
  w.EndArray();
  writeScore(w, "entities", report.entities);
  writeScore(w, "typed_entities", report.typedEntities);
  writeScore(w, "relations", report.relations);
  w.Key("boilerplate_leaks");
  w.Int(report.boilerplateLeaks);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::vector<std::string> shortfalls(const Report& report, const Thresholds& thresholds) {
  std::vector<std::string> out;
  const std::tuple<const char*, const std::optional<double>*, const Score*> checks[] = {
      {"entities", &thresholds.minEntityF1, &report.entities},
      {"typed_entities", &thresholds.minTypedEntityF1, &report.typedEntities},
      {"relations", &thresholds.minRelationF1, &report.relations}};
  for (const auto& [name, want, s] : checks)
    if (*want && s->f1 < **want) out.push_back(format("%s F1 %.3f < %.3f", name, s->f1, **want));
  if (thresholds.maxBoilerplate && report.boilerplateLeaks > *thresholds.maxBoilerplate)
    out.push_back(
        format("boilerplate leaks %d > %d", report.boilerplateLeaks, *thresholds.maxBoilerplate));
  return out;
}

}  // namespace newsgraph::eval

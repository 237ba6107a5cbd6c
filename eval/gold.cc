// newsgraph-gold/1 reader (../shared/eval/GUIDELINES.md).
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <unordered_map>

#include "core/core.h"
#include "eval/eval.h"

namespace newsgraph::eval {
namespace {

using rapidjson::Value;

constexpr std::string_view kFormat = "newsgraph-gold/1";

// The last member of that name, as Python's json keeps the last of repeated keys.
const Value* member(const Value& object, const char* name) {
  const Value* found = nullptr;
  for (const auto& m : object.GetObject())
    if (std::string_view(m.name.GetString(), m.name.GetStringLength()) == name) found = &m.value;
  return found;
}

std::string str(const Value& v) { return std::string(v.GetString(), v.GetStringLength()); }

// Python truthiness of a JSON value ("negated": 1 counts as true).
bool truthy(const Value& v) {
  if (v.IsBool()) return v.GetBool();
  if (v.IsNumber()) return v.GetDouble() != 0;
  if (v.IsString()) return v.GetStringLength() > 0;
  if (v.IsArray()) return !v.Empty();
  if (v.IsObject()) return v.MemberCount() > 0;
  return false;
}

class GoldParser {
 public:
  explicit GoldParser(std::string where) : where_(std::move(where)) {}

  std::string requireString(const Value& object, const char* name, const std::string& context) {
    const Value* v = member(object, name);
    NG_CHECK(v && v->IsString(), where_, context + ": \"" + name + "\" must be a string");
    return str(*v);
  }

  std::vector<std::string> strings(const Value& object, const char* name,
                                   const std::string& context, bool required) {
    std::vector<std::string> out;
    const Value* v = member(object, name);
    if (!v && !required) return out;
    bool ok = v && v->IsArray() &&
              std::all_of(v->Begin(), v->End(), [](const Value& x) { return x.IsString(); });
    NG_CHECK(ok, where_, context + ": \"" + name + "\" must be a list of strings");
    for (const Value& x : v->GetArray()) out.push_back(str(x));
    return out;
  }

  std::vector<GoldRelation> relations(const Value& doc, const char* name,
                                      const std::string& context) {
    std::vector<GoldRelation> out;
    const Value* v = member(doc, name);
    if (!v) return out;
    NG_CHECK(v->IsArray(), where_, context + ": \"" + name + "\" must be a list");
    for (const Value& r : v->GetArray()) {
      std::string what =
          context + ": relation " + std::to_string(out.size() + 1) + " of \"" + name + "\"";
      NG_CHECK(r.IsObject(), where_, what + " must be an object");
      GoldRelation rel;
      rel.subject = requireString(r, "s", what);
      rel.relation = requireString(r, "r", what);
      rel.object = requireString(r, "o", what);
      const Value* negated = member(r, "negated");
      rel.negated = negated && truthy(*negated);
      out.push_back(std::move(rel));
    }
    return out;
  }

  Gold parse(const Value& root) {
    NG_CHECK(root.IsObject(), where_, "the gold file must hold a JSON object");
    const Value* format = member(root, "format");
    NG_CHECK(!format || (format->IsString() && str(*format) == kFormat), where_,
             "unsupported gold format (expected \"newsgraph-gold/1\")");
    Gold gold;
    const Value* entities = member(root, "entities");
    NG_CHECK(entities && entities->IsObject(), where_, "\"entities\" must be an object");
    std::unordered_map<std::string, size_t> position;
    for (const auto& m : entities->GetObject()) {
      std::string context = "entity '" + str(m.name) + "'";
      NG_CHECK(m.value.IsObject(), where_, context + " must be an object");
      GoldEntity e;
      e.name = str(m.name);
      const Value* type = member(m.value, "type");
      NG_CHECK(!type || type->IsString(), where_, context + ": \"type\" must be a string");
      std::string types = type ? str(*type) : "";
      for (size_t start = 0;;) {
        size_t bar = types.find('|', start);
        e.types.push_back(types.substr(start, bar - start));
        if (bar == std::string::npos) break;
        start = bar + 1;
      }
      e.aliases = strings(m.value, "aliases", context, false);
      auto [it, added] = position.emplace(e.name, gold.entities.size());
      if (added) {
        gold.entities.push_back(std::move(e));
      } else {
        gold.entities[it->second] = std::move(e);
      }
    }
    const Value* documents = member(root, "documents");
    NG_CHECK(documents && documents->IsArray(), where_, "\"documents\" must be a list");
    for (const Value& d : documents->GetArray()) {
      std::string context = "document " + std::to_string(gold.documents.size() + 1);
      NG_CHECK(d.IsObject(), where_, context + " must be an object");
      GoldDocument doc;
      doc.file = requireString(d, "file", context);
      context += " (" + doc.file + ")";
      doc.entities = strings(d, "entities", context, true);
      doc.optionalEntities = strings(d, "optional_entities", context, false);
      doc.absentEntities = strings(d, "absent_entities", context, false);
      doc.relations = relations(d, "relations", context);
      doc.optionalRelations = relations(d, "optional_relations", context);
      gold.documents.push_back(std::move(doc));
    }
    return gold;
  }

 private:
  std::string where_;
};

}  // namespace

Gold parseGold(std::string_view json, const std::string& name) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNanAndInfFlag>(json.data(),
                                                                                    json.size());
  if (doc.HasParseError()) {
    size_t offset = std::min(doc.GetErrorOffset(), json.size());
    size_t line = 1 + static_cast<size_t>(std::count(json.begin(), json.begin() + offset, '\n'));
    NG_THROW(
        name + ":" + std::to_string(line),
        std::string("malformed gold JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()));
  }
  return GoldParser(name).parse(doc);
}

Gold readGold(const std::string& path) { return parseGold(readFile(path), path); }

}  // namespace newsgraph::eval

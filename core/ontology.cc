#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>

#include "core/core.h"

namespace newsgraph {
namespace {

std::vector<EntityType> parseTypes(const rapidjson::Value& v, const std::string& where) {
  std::vector<EntityType> types;
  NG_CHECK(v.IsArray(), where, "argument types must be an array of entity type names");
  for (const auto& t : v.GetArray()) {
    NG_CHECK(t.IsString(), where, "entity type must be a string");
    auto type = parseEntityType(t.GetString());
    NG_CHECK(type, where, std::string("unknown entity type '") + t.GetString() + "'");
    types.push_back(*type);
  }
  return types;
}

std::string stringField(const rapidjson::Value& v, const char* name) {
  auto it = v.FindMember(name);
  return it != v.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

}  // namespace

Ontology Ontology::load(const std::string& path) {
  std::string text = readFile(path);
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseCommentsFlag>(text.c_str(), text.size());
  if (doc.HasParseError())
    NG_THROW(path + ":" + std::to_string(lineOfOffset(text, doc.GetErrorOffset())),
             rapidjson::GetParseError_En(doc.GetParseError()));
  NG_CHECK(doc.IsObject() && doc.HasMember("relations") && doc["relations"].IsArray(), path,
           "expected an object with a \"relations\" array");
  Ontology ontology;
  for (const auto& r : doc["relations"].GetArray()) {
    std::string where = path;
    NG_CHECK(r.IsObject(), where, "each relation must be an object");
    RelationInfo info;
    info.name = stringField(r, "name");
    NG_CHECK(!info.name.empty(), where, "relation without a \"name\"");
    where += " (" + info.name + ")";
    NG_CHECK(!ontology.index_.count(info.name), where, "relation defined twice");
    info.label = stringField(r, "label");
    NG_CHECK(!info.label.empty(), where, "relation without a \"label\"");
    if (r.HasMember("symmetric")) {
      NG_CHECK(r["symmetric"].IsBool(), where, "\"symmetric\" must be true or false");
      info.symmetric = r["symmetric"].GetBool();
    }
    if (r.HasMember("subject")) info.subject_types = parseTypes(r["subject"], where);
    if (r.HasMember("object")) info.object_types = parseTypes(r["object"], where);
    info.cameo = stringField(r, "cameo");
    info.wikidata = stringField(r, "wikidata");
    info.description = stringField(r, "description");
    ontology.index_.emplace(info.name, ontology.relations_.size());
    ontology.relations_.push_back(std::move(info));
  }
  return ontology;
}

const Ontology& Ontology::standard() {
  static const Ontology ontology = load(dataDir() + "/ontology.json");
  return ontology;
}

const RelationInfo* Ontology::find(std::string_view name) const {
  auto it = index_.find(std::string(name));
  return it == index_.end() ? nullptr : &relations_[it->second];
}

std::string_view Ontology::label(std::string_view name) const {
  if (name == kCooccurs) return "co-occurs with";
  const RelationInfo* info = find(name);
  return info ? std::string_view(info->label) : name;
}

bool Ontology::symmetric(std::string_view name) const {
  if (name == kCooccurs) return true;
  const RelationInfo* info = find(name);
  return info && info->symmetric;
}

bool Ontology::allows(const RelationInfo& info, EntityType subject, EntityType object) const {
  auto ok = [](const std::vector<EntityType>& allowed, EntityType t) {
    return allowed.empty() || std::find(allowed.begin(), allowed.end(), t) != allowed.end();
  };
  return ok(info.subject_types, subject) && ok(info.object_types, object);
}

}  // namespace newsgraph

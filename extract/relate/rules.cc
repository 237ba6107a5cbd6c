#include "extract/relate/rules.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <mutex>
#include <sstream>

namespace newsgraph::relate {
namespace {

bool isVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Irregular past forms of verbs that news uses for relations.
const std::unordered_map<std::string, std::vector<std::string>>& irregularVerbs() {
  static const std::unordered_map<std::string, std::vector<std::string>> table = {
      {"meet", {"met"}},        {"hold", {"held"}},      {"take", {"took", "taken"}},
      {"fight", {"fought"}},    {"send", {"sent"}},      {"give", {"gave", "given"}},
      {"come", {"came"}},       {"lead", {"led"}},       {"strike", {"struck", "stricken"}},
      {"leave", {"left"}},      {"fly", {"flew", "flown"}}, {"rise", {"rose", "risen"}},
      {"seek", {"sought"}},     {"speak", {"spoke", "spoken"}}, {"withdraw", {"withdrew", "withdrawn"}},
      {"shake", {"shook", "shaken"}}, {"sweep", {"swept"}}, {"have", {"had", "has"}},
      {"overrun", {"overran"}}, {"undertake", {"undertook", "undertaken"}},
      {"win", {"won"}},         {"bring", {"brought"}},  {"buy", {"bought"}},
      {"sell", {"sold"}},       {"draw", {"drew", "drawn"}}, {"quit", {"quit"}},
      {"put", {"put"}},         {"set", {"set"}},        {"shut", {"shut"}},
  };
  return table;
}

}  // namespace

namespace {

std::vector<std::string> regularVerbForms(const std::string& lemma) {
  std::vector<std::string> forms = {lemma};
  if (lemma.empty()) return forms;
  char last = lemma.back();
  size_t n = lemma.size();
  bool consonantY = last == 'y' && n > 1 && !isVowel(lemma[n - 2]);
  auto endsWith = [&](const char* s) {
    std::string suffix(s);
    return n >= suffix.size() && lemma.compare(n - suffix.size(), suffix.size(), suffix) == 0;
  };
  // third person
  if (endsWith("s") || endsWith("x") || endsWith("z") || endsWith("ch") || endsWith("sh"))
    forms.push_back(lemma + "es");
  else if (consonantY)
    forms.push_back(lemma.substr(0, n - 1) + "ies");
  else
    forms.push_back(lemma + "s");
  // past and -ing
  if (last == 'e') {
    forms.push_back(lemma + "d");
    forms.push_back(endsWith("ee") ? lemma + "ing" : lemma.substr(0, n - 1) + "ing");
  } else if (consonantY) {
    forms.push_back(lemma.substr(0, n - 1) + "ied");
    forms.push_back(lemma + "ing");
  } else {
    forms.push_back(lemma + "ed");
    forms.push_back(lemma + "ing");
    // consonant-vowel-consonant endings may double ("ban" -> "banned", "plan" -> "planning")
    if (n >= 3 && !isVowel(last) && isVowel(lemma[n - 2]) && !isVowel(lemma[n - 3]) &&
        last != 'w' && last != 'x' && last != 'y') {
      forms.push_back(lemma + last + "ed");
      forms.push_back(lemma + last + "ing");
    }
  }
  return forms;
}

}  // namespace

std::vector<std::string> verbForms(const std::string& lemma) {
  std::vector<std::string> forms = regularVerbForms(lemma);
  size_t n = lemma.size();
  // British and American spellings: recognise / recognize
  if (n > 3 && (lemma.compare(n - 3, 3, "ise") == 0 || lemma.compare(n - 3, 3, "ize") == 0)) {
    std::string other = lemma.substr(0, n - 2) + (lemma[n - 2] == 's' ? "ze" : "se");
    std::vector<std::string> otherForms = regularVerbForms(other);
    forms.insert(forms.end(), otherForms.begin(), otherForms.end());
  }
  auto irregular = irregularVerbs().find(lemma);
  if (irregular != irregularVerbs().end())
    forms.insert(forms.end(), irregular->second.begin(), irregular->second.end());
  return forms;
}

std::vector<std::string> nounForms(const std::string& noun) {
  std::vector<std::string> forms = {noun};
  size_t n = noun.size();
  if (n && noun.back() == 's') return forms;
  if (n > 1 && noun.back() == 'y' && !isVowel(noun[n - 2]))
    forms.push_back(noun.substr(0, n - 1) + "ies");
  else
    forms.push_back(noun + "s");
  return forms;
}

namespace {

// In the order of WordList.
constexpr std::array<const char*, static_cast<size_t>(WordList::Count)> kWordListNames = {
    "be", "negation", "negating_verbs", "modal", "relative", "clause_breaks", "anaphora_group", "anaphora_state", "anaphora_person", "pronoun_group", "pronoun_actor", "place_nouns", "body_heads", "control_compounds", "position_modifiers", "position_fillers", "holder_blockers", "demonym_agents", "demonym_targets", "reporting_verbs", "locative", "subject_blockers", "gap_stop",
    "planning_words", "threatening_words", "demanding_words"};

std::vector<std::string> splitAlternatives(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, '|'))
    if (!item.empty()) out.push_back(item);
  return out;
}

std::string normaliseApostrophe(std::string word) {
  size_t at;
  while ((at = word.find("\u2019")) != std::string::npos) word.replace(at, 3, "'");
  return word;
}

Rule compileRule(const std::string& id, const std::string& relation, const std::string& pattern,
                 const std::string& where) {
  Rule rule;
  rule.id = id;
  rule.relation = relation;
  std::stringstream in(pattern);
  std::string item;
  bool haveSubject = false, haveObject = false, haveAnchor = false;
  while (in >> item) {
    Element e;
    if (item == "S" || item == "O") {
      e.kind = item == "S" ? Element::Kind::Subject : Element::Kind::Object;
      NG_CHECK(!(item == "S" ? haveSubject : haveObject), where, "pattern has two " + item + " slots");
      (item == "S" ? haveSubject : haveObject) = true;
    } else if (item[0] == '~' || item[0] == '*') {
      e.kind = Element::Kind::Gap;
      e.gapOverSlots = item[0] == '*';
      e.maxGap = item.size() == 1 ? 4 : std::atoi(item.c_str() + 1);
      NG_CHECK(e.maxGap > 0 && e.maxGap <= 20, where, "gap '" + item + "' must be ~1..~20");
    } else if (item.size() > 2 && item[1] == ':' && (item[0] == 'V' || item[0] == 'N' || item[0] == 'W')) {
      for (const std::string& w : splitAlternatives(item.substr(2))) {
        std::vector<std::string> forms = item[0] == 'V'   ? verbForms(w)
                                         : item[0] == 'N' ? nounForms(w)
                                                          : std::vector<std::string>{w};
        for (std::string& f : forms) e.words.insert(normaliseApostrophe(f));
      }
      e.trigger = item[0] != 'W';
      e.noun = item[0] == 'N';
    } else if (item == "BE") {
      e.words = {"am", "are", "be", "been", "being", "is", "was", "were", "'s"};
    } else if (item.front() == '[' && item.back() == ']' && item.size() > 2) {
      e.optional = true;
      e.words.insert(normaliseApostrophe(item.substr(1, item.size() - 2)));
    } else {
      NG_CHECK(item.find_first_of("[]~:") == std::string::npos, where,
               "cannot read pattern element '" + item + "'");
      e.words.insert(normaliseApostrophe(item));
    }
    if (!haveAnchor && e.trigger) {
      rule.anchor = rule.elements.size();
      haveAnchor = true;
    }
    rule.elements.push_back(std::move(e));
  }
  NG_CHECK(haveSubject && haveObject, where, "pattern needs both an S and an O slot");
  if (!haveAnchor) {
    for (size_t i = 0; i < rule.elements.size(); ++i)
      if (rule.elements[i].kind == Element::Kind::Words && !rule.elements[i].optional) {
        rule.anchor = i;
        haveAnchor = true;
        break;
      }
  }
  NG_CHECK(haveAnchor, where, "pattern needs a trigger (V:, N:) or a word");
  return rule;
}

}  // namespace

RelationRules RelationRules::load(const std::string& dataDir, const Ontology& ontology) {
  std::string path = dataDir + "/relations.json";
  std::string text = readFile(path);
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  if (doc.HasParseError())
    NG_THROW(path + ":" + std::to_string(lineOfOffset(text, doc.GetErrorOffset())),
             rapidjson::GetParseError_En(doc.GetParseError()));
  NG_CHECK(doc.IsObject() && doc.HasMember("rules") && doc["rules"].IsArray(), path,
           "expected an object with a \"rules\" array");
  auto impl = std::make_shared<Impl>();
  NG_CHECK(doc.HasMember("words") && doc["words"].IsObject(), path, "expected a \"words\" object");
  for (size_t i = 0; i < kWordListNames.size(); ++i) {
    auto list = doc["words"].FindMember(kWordListNames[i]);
    NG_CHECK(list != doc["words"].MemberEnd() && list->value.IsArray(), path,
             std::string("words.") + kWordListNames[i] + " must be a list of words");
    for (const auto& w : list->value.GetArray())
      if (w.IsString()) impl->words[i].insert(normaliseApostrophe(w.GetString()));
  }
  // Rules are one per line in the file; find each rule's line by its id for messages.
  for (const auto& r : doc["rules"].GetArray()) {
    NG_CHECK(r.IsObject() && r.HasMember("id") && r["id"].IsString(), path, "rule without an \"id\"");
    std::string id = r["id"].GetString();
    size_t at = text.find("\"" + id + "\"");
    int line = at == std::string::npos ? 0 : lineOfOffset(text, at);
    std::string where = path + ":" + std::to_string(line);
    NG_CHECK(r.HasMember("relation") && r["relation"].IsString(), where, "rule without a \"relation\"");
    NG_CHECK(r.HasMember("pattern") && r["pattern"].IsString(), where, "rule without a \"pattern\"");
    std::string relation = r["relation"].GetString();
    NG_CHECK(ontology.find(relation), where, "unknown relation '" + relation + "'");
    Rule rule = compileRule(id, relation, r["pattern"].GetString(), where);
    rule.line = line;
    size_t index = impl->rules.size();
    for (const std::string& w : rule.elements[rule.anchor].words) impl->anchors[w].push_back(index);
    impl->rules.push_back(std::move(rule));
  }
  RelationRules rules;
  rules.impl_ = std::move(impl);
  return rules;
}

const RelationRules& RelationRules::standard() {
  static const RelationRules rules = load(dataDir(), Ontology::standard());
  return rules;
}

}  // namespace newsgraph::relate

#pragma once
// Private to graph/store/: reading the values of stored rows back, each checked, so that a
// store edited by hand or damaged says where instead of giving a wrong graph.

#include <string>
#include <string_view>

#include "core/core.h"

namespace newsgraph::store {

// Calls visit(item) for each SEPARATOR-separated item of LIST (none for an empty list).
template <typename F>
void forEachItem(std::string_view list, char separator, F&& visit) {
  while (!list.empty()) {
    size_t end = list.find(separator);
    visit(list.substr(0, end));
    if (end == std::string_view::npos) break;
    list.remove_prefix(end + 1);
  }
}

// Each throws Error (PATH: "the store is corrupted (...)") for a value no writer stores.
EntityType parseType(std::string_view name, const std::string& path);
Modality parseStoredModality(std::string_view name, const std::string& path);
// An ontology relation name or CO_OCCURS.
std::string_view checkRelation(std::string_view name, const std::string& path);
// '' or an ISO date YYYY-MM-DD.
std::string_view checkDate(std::string_view date, const std::string& path);

}  // namespace newsgraph::store

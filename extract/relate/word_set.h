#pragma once
// Private to relate/: the set behind rule words and word lists, asked several times per token
// of every sentence: core's flat StringIndex, with set semantics.

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/core.h"

namespace newsgraph::relate {

class WordSet {
 public:
  WordSet() = default;
  WordSet(std::initializer_list<std::string> words) {
    for (const std::string& w : words) insert(w);
  }

  // Returns false when the word was present already.
  bool insert(std::string_view word) {
    size_t before = index_.size();
    index_.insert(word);
    return index_.size() > before;
  }
  size_t count(std::string_view word) const { return index_.find(word) >= 0 ? 1 : 0; }
  size_t size() const { return index_.size(); }
  bool empty() const { return index_.size() == 0; }
  // Iterates in insertion order.
  std::vector<std::string>::const_iterator begin() const { return index_.keys().begin(); }
  std::vector<std::string>::const_iterator end() const { return index_.keys().end(); }

 private:
  StringIndex index_;
};

}  // namespace newsgraph::relate

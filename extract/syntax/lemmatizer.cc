#include "extract/syntax/lemmatizer.h"

#include <algorithm>

namespace newsgraph::syntax {

namespace {

void appendBase(std::string_view form, bool properNoun, std::string* out) {
  for (char c : form) out->push_back(!properNoun && c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
}

}  // namespace

uint64_t Lemmatizer::wordKey(std::string_view base, int upos) {
  return feature(301, hashBytes(base), static_cast<uint64_t>(upos));
}

uint64_t Lemmatizer::endingKey(std::string_view base, size_t length, int upos) {
  return feature(302 + length, hashBytes(base.substr(base.size() - length)),
                 static_cast<uint64_t>(upos));
}

void Lemmatizer::count(std::string_view form, int upos, bool properNoun, std::string_view lemma) {
  std::string base;
  appendBase(form, properNoun, &base);
  size_t common = 0;
  while (common < base.size() && common < lemma.size() && base[common] == lemma[common]) ++common;
  if (base.size() - common > 255) return;
  const uint8_t strip = static_cast<uint8_t>(base.size() - common);
  const std::string ending(lemma.substr(common));
  ++wordCounts_[{wordKey(base, upos), strip, ending}];
  // Endings are learned from word types: each word's first sighting counts once per length.
  if (wordCounts_[{wordKey(base, upos), strip, ending}] == 1) {
    for (size_t k = 1; k <= kMaxEnding && k < base.size(); ++k) {
      ++endingCounts_[{endingKey(base, k, upos), strip, ending}];
    }
  }
}

Lemmatizer::Edit Lemmatizer::intern(const std::string& ending, uint8_t strip) {
  Edit e;
  e.strip = strip;
  e.appendSize = static_cast<uint8_t>(std::min<size_t>(ending.size(), 255));
  const size_t at = pool_.find(ending);
  if (ending.empty()) {
    e.append = 0;
  } else if (at != std::string::npos) {
    e.append = static_cast<uint32_t>(at);
  } else {
    e.append = static_cast<uint32_t>(pool_.size());
    pool_ += ending;
  }
  return e;
}

void Lemmatizer::build() {
  // The majority edit of each key; on a tie the first in (strip, ending) order.
  auto majority = [](const auto& counts, uint32_t minimum) {
    std::vector<std::tuple<uint64_t, uint8_t, std::string>> best;
    uint64_t key = 0;
    uint32_t bestCount = 0;
    bool open = false;
    for (const auto& [k, n] : counts) {
      if (!open || std::get<0>(k) != key) {
        open = true;
        key = std::get<0>(k);
        bestCount = 0;
      }
      if (n > bestCount && n >= minimum) {
        if (bestCount > 0) best.pop_back();
        best.push_back(k);
        bestCount = n;
      }
    }
    return best;
  };
  for (const auto& [key, strip, ending] : majority(endingCounts_, 2)) {
    endings_[key] = intern(ending, strip);
  }
  // Every known word is kept, also when its lemma is the form: "glass" is not "glas".
  for (const auto& [key, strip, ending] : majority(wordCounts_, 1)) {
    words_[key] = intern(ending, strip);
  }
  wordCounts_.clear();
  endingCounts_.clear();
}

void Lemmatizer::lemmatize(std::string_view form, int upos, bool properNoun,
                           std::string* out) const {
  const size_t start = out->size();
  appendBase(form, properNoun, out);
  const std::string_view base(out->data() + start, out->size() - start);
  const Edit* edit = words_.find(wordKey(base, upos));
  for (size_t k = std::min(kMaxEnding, base.size() - (base.empty() ? 0 : 1)); !edit && k >= 1; --k) {
    edit = endings_.find(endingKey(base, k, upos));
  }
  if (!edit || edit->strip > base.size()) return;
  out->resize(out->size() - edit->strip);
  out->append(pool_, edit->append, edit->appendSize);
}

}  // namespace newsgraph::syntax

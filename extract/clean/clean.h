#pragma once
// Boilerplate removal: finds the article body in a news page. Navigation, lists of
// unrelated headlines ("Explore" blocks), photo credits, bylines, "Related" teasers,
// share widgets and site footers are dropped by rules from data/boilerplate.json plus
// structural cues (runs of short title-case lines). The result is a list of body spans
// into the original text, so later offsets still point into the document.
//
//   BoilerplateRules rules = BoilerplateRules::load(dataDir());
//   std::vector<Span> body = findBody(doc.text, rules);

#include <string>
#include <string_view>
#include <vector>

#include "core/core.h"

namespace newsgraph::clean {

class BoilerplateRules {
 public:
  // Reads DATA_DIR/boilerplate.json; throws Error (path:line) when it is malformed.
  static BoilerplateRules load(const std::string& dataDir);
  // The rules in newsgraph::dataDir(), loaded once (thread-safe); throws like load().
  static const BoilerplateRules& standard();
  struct Impl;
  const Impl& impl() const { return *impl_; }
  BoilerplateRules(const BoilerplateRules&);
  BoilerplateRules& operator=(const BoilerplateRules&);
  BoilerplateRules(BoilerplateRules&&) noexcept;
  ~BoilerplateRules();

 private:
  BoilerplateRules();
  Impl* impl_;
};

// Body spans in text order, each a line or a trimmed part of a line (e.g. a caption with
// its "/ Photo: Reuters" credit cut off). Headlines and the lead are kept.
std::vector<Span> findBody(std::string_view text, const BoilerplateRules& rules);

}  // namespace newsgraph::clean

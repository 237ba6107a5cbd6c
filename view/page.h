#pragma once
// Private to view/: the slots of data/view/view.html and the escaping of what fills them.
#include <string>
#include <string_view>

namespace newsgraph::view {

// The template's slots, each present exactly once: the title (HTML text), the style, the
// graph data (JSON in a <script type="application/json">), d3 and the viewer's script.
constexpr std::string_view kSlots[] = {"{{title}}", "{{style}}", "{{data}}", "{{d3}}",
                                       "{{script}}"};

// Throws Error naming WHERE when a slot is missing or repeated.
void checkTemplate(std::string_view page, const std::string& where);

// A JSON string that is also safe inside <script>: '<', '>', '&', U+2028 and U+2029 as
// \u escapes besides JSON's own, so "</script>" or "<!--" in a sentence stay text.
void appendScriptJson(std::string& out, std::string_view text);
// HTML text: & < > " ' as character references.
void appendHtml(std::string& out, std::string_view text);

}  // namespace newsgraph::view

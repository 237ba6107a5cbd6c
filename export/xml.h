#pragma once
// Private to export/: XML text and attribute escaping for the GraphML and GEXF writers.

#include <ostream>
#include <string_view>

namespace newsgraph::exporter {

// Escapes markup (& < > ") and drops the characters XML 1.0 forbids; tabs and newlines
// become character references so attribute values keep them.
inline void writeXmlEscaped(std::ostream& out, std::string_view text) {
  size_t plain = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    const char* replacement = nullptr;
    switch (c) {
      case '&': replacement = "&amp;"; break;
      case '<': replacement = "&lt;"; break;
      case '>': replacement = "&gt;"; break;
      case '"': replacement = "&quot;"; break;
      case '\t': replacement = "&#9;"; break;
      case '\n': replacement = "&#10;"; break;
      case '\r': replacement = "&#13;"; break;
      default:
        if (c < 0x20) replacement = "";
    }
    if (replacement) {
      out.write(text.data() + plain, static_cast<std::streamsize>(i - plain));
      out << replacement;
      plain = i + 1;
    }
  }
  out.write(text.data() + plain, static_cast<std::streamsize>(text.size() - plain));
}

}  // namespace newsgraph::exporter

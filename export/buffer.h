#pragma once
// Private to export/: the text a writer produces, appended to a string and handed to the
// ostream in large chunks. Appending is a bounds check and a memcpy; an ostream operator<<
// per piece (sentry, locale, virtual call) cost more than the rest of the GraphML writer.

#include <charconv>
#include <ostream>
#include <string>
#include <string_view>

#include "export/ordering.h"
#include "export/xml.h"

namespace newsgraph::exporter {

class OutputBuffer {
 public:
  static constexpr size_t kChunk = size_t{1} << 20;

  explicit OutputBuffer(std::ostream& out) : out_(out) { text_.reserve(kChunk + kChunk / 4); }
  // Writes what is left, as a stream does when it goes out of scope.
  ~OutputBuffer() { flush(); }
  OutputBuffer(const OutputBuffer&) = delete;
  OutputBuffer& operator=(const OutputBuffer&) = delete;

  OutputBuffer& append(std::string_view text) {
    text_.append(text);
    return spill();
  }
  OutputBuffer& append(char c) {
    text_.push_back(c);
    return spill();
  }
  OutputBuffer& appendInteger(unsigned long long value) {
    char digits[24];
    char* end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    text_.append(digits, static_cast<size_t>(end - digits));
    return spill();
  }
  OutputBuffer& appendInteger(long long value) {
    char digits[24];
    char* end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    text_.append(digits, static_cast<size_t>(end - digits));
    return spill();
  }
  // The same text as formatNumber(value).
  OutputBuffer& appendNumber(double value) {
    appendFormattedNumber(text_, value);
    return spill();
  }
  OutputBuffer& appendXml(std::string_view text) {
    appendXmlEscaped(text_, text);
    return spill();
  }
  void flush() {
    out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
    text_.clear();
  }

 private:
  OutputBuffer& spill() {
    if (text_.size() >= kChunk) flush();
    return *this;
  }

  std::ostream& out_;
  std::string text_;
};

}  // namespace newsgraph::exporter

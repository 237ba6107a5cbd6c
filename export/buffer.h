#pragma once
// Private to export/: the text a writer produces, appended to a string and handed to the
// ostream in large chunks. Appending is a bounds check and a memcpy; an ostream operator<<
// per piece (sentry, locale, virtual call) cost more than the rest of the GraphML writer.

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
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
  OutputBuffer& appendInteger(uint64_t value) {
    char digits[24];
    char* end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    text_.append(digits, static_cast<size_t>(end - digits));
    return spill();
  }
  OutputBuffer& appendInteger(int64_t value) {
    char digits[24];
    char* end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    text_.append(digits, static_cast<size_t>(end - digits));
    return spill();
  }
  // The same text as formatNumber(value). Graphs repeat a few values (rule confidences,
  // small counts) a million times, and a non-integral one costs three conversions to format,
  // so the last value per slot of a small direct-mapped table is kept with its text.
  OutputBuffer& appendNumber(double value) {
    uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    CachedNumber& slot = numbers_[(bits * 0x9E3779B97F4A7C15ULL) >> (64 - kNumberSlotBits)];
    if (slot.size == 0 || slot.bits != bits) {
      slot.bits = bits;
      slot.size = static_cast<uint8_t>(formatNumber(value, slot.text));
    }
    text_.append(slot.text, slot.size);
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

  static constexpr int kNumberSlotBits = 8;
  struct CachedNumber {
    uint64_t bits = 0;
    uint8_t size = 0;  // 0: empty, as no number formats to ""
    char text[kMaxNumberChars];
  };

  std::ostream& out_;
  std::string text_;
  std::array<CachedNumber, size_t{1} << kNumberSlotBits> numbers_;
};

}  // namespace newsgraph::exporter

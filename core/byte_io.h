#pragma once
// Fixed-size values and length-prefixed strings in and out of a byte buffer, in the
// machine's byte order: the body of the tagger's and the syntax models' files. A read past
// the end throws Error (path: the reader's message).

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/core.h"

namespace newsgraph {

class ByteWriter {
 public:
  template <typename T>
  void put(T value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof(T));
  }
  void putString(std::string_view s) {
    put<uint32_t>(static_cast<uint32_t>(s.size()));
    out += s;
  }
  std::string out;
};

class ByteReader {
 public:
  // SHORT_MESSAGE: what a read past the end says ("truncated NER model file").
  ByteReader(std::string_view data, const std::string& path, std::string shortMessage)
      : data_(data), path_(path), shortMessage_(std::move(shortMessage)) {}
  template <typename T>
  T get() {
    NG_CHECK(pos_ + sizeof(T) <= data_.size(), path_, shortMessage_);
    T value;
    std::memcpy(&value, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return value;
  }
  std::string getString() {
    const uint32_t size = get<uint32_t>();
    NG_CHECK(pos_ + size <= data_.size(), path_, shortMessage_);
    std::string s(data_.substr(pos_, size));
    pos_ += size;
    return s;
  }
  bool done() const { return pos_ == data_.size(); }

 private:
  std::string_view data_;
  const std::string& path_;
  std::string shortMessage_;
  size_t pos_ = 0;
};

}  // namespace newsgraph

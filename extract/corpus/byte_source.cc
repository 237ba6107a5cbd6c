#include "extract/corpus/byte_source.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

#include "core/core.h"

namespace newsgraph::corpus {
namespace {

constexpr size_t kChunk = 1 << 18;

class FileSource : public ByteSource {
 public:
  FileSource(std::FILE* file, std::string path) : file_(file), path_(std::move(path)) {}
  ~FileSource() override { std::fclose(file_); }
  size_t read(char* buffer, size_t n) override {
    size_t got = std::fread(buffer, 1, n, file_);
    if (got == 0 && std::ferror(file_))
      NG_THROW(path_, std::string("cannot read file: ") + std::strerror(errno));
    return got;
  }

 private:
  std::FILE* file_;
  std::string path_;
};

class IstreamSource : public ByteSource {
 public:
  IstreamSource(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}
  size_t read(char* buffer, size_t n) override {
    if (!in_) return 0;
    in_.read(buffer, static_cast<std::streamsize>(n));
    if (in_.bad()) NG_THROW(name_, "cannot read input stream");
    return static_cast<size_t>(in_.gcount());
  }

 private:
  std::istream& in_;
  std::string name_;
};

// Inflates gzip data (several concatenated members too) from `prefix` then `source`.
class InflateSource : public ByteSource {
 public:
  InflateSource(std::unique_ptr<ByteSource> source, std::string prefix, std::string name)
      : source_(std::move(source)), in_(std::move(prefix)), name_(std::move(name)) {
    std::memset(&zs_, 0, sizeof zs_);
    if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) NG_THROW(name_, "cannot initialise zlib");
    zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
    zs_.avail_in = static_cast<uInt>(in_.size());
    compressed_ = in_.size();
  }
  ~InflateSource() override { inflateEnd(&zs_); }

  size_t read(char* buffer, size_t n) override {
    zs_.next_out = reinterpret_cast<Bytef*>(buffer);
    zs_.avail_out = static_cast<uInt>(n);
    while (zs_.avail_out == n) {
      if (zs_.avail_in == 0) {
        if (eof_) break;
        in_.resize(kChunk);
        size_t got = source_->read(in_.data(), in_.size());
        compressed_ += got;
        if (got == 0) {
          eof_ = true;
          if (!done_) NG_THROW(name_, "truncated gzip data");
          break;
        }
        zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
        zs_.avail_in = static_cast<uInt>(got);
      }
      if (done_) {  // another gzip member follows
        inflateReset(&zs_);
        done_ = false;
      }
      int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        done_ = true;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        NG_THROW(name_, std::string("corrupt gzip data: ") + (zs_.msg ? zs_.msg : "inflate failed"));
      }
    }
    size_t produced = n - zs_.avail_out;
    inflated_ += produced;
    if (inflated_ > kInflateRatioFreeBytes && inflated_ / kMaxInflateRatio > compressed_)
      NG_THROW(name_, "gzip data inflates more than " + std::to_string(kMaxInflateRatio) +
                          " times its size (a decompression bomb?); stopped after " +
                          std::to_string(inflated_ >> 20) + " MiB");
    return produced;
  }

 private:
  std::unique_ptr<ByteSource> source_;
  std::string in_;
  std::string name_;
  z_stream zs_;
  bool done_ = false;
  bool eof_ = false;
  uint64_t compressed_ = 0;  // bytes read from source_ (and the prefix)
  uint64_t inflated_ = 0;    // bytes handed out
};

bool isSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::unique_ptr<ByteSource> openFileSource(const std::string& path, const std::atomic<bool>* stop) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0 || !S_ISFIFO(status.st_mode)) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) NG_THROW(path, std::string("cannot open file: ") + std::strerror(errno));
    return std::make_unique<FileSource>(file, path);
  }
  // A plain open() of a pipe blocks until a writer appears, deaf to the stop flag.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) NG_THROW(path, std::string("cannot open named pipe: ") + std::strerror(errno));
  pollfd ready{fd, POLLIN, 0};
  for (;;) {
    int rc = ::poll(&ready, 1, 100);
    if (rc > 0) break;
    if ((rc < 0 && errno != EINTR) || (stop && stop->load())) {
      ::close(fd);
      NG_THROW(path, "stopped while waiting for a writer to the named pipe");
    }
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::FILE* file = ::fdopen(fd, "rb");
  if (!file) {
    ::close(fd);
    NG_THROW(path, std::string("cannot open named pipe: ") + std::strerror(errno));
  }
  return std::make_unique<FileSource>(file, path);
}

std::unique_ptr<ByteSource> istreamSource(std::istream& in, std::string name) {
  return std::make_unique<IstreamSource>(in, std::move(name));
}

BufferedReader::BufferedReader(std::unique_ptr<ByteSource> source, std::string name)
    : source_(std::move(source)), name_(std::move(name)) {
  // Sniff the gzip magic in the first bytes.
  while (buf_.size() < 2 && fill()) {
  }
  if (buf_.size() >= 2 && static_cast<unsigned char>(buf_[0]) == 0x1f &&
      static_cast<unsigned char>(buf_[1]) == 0x8b) {
    source_ = std::make_unique<InflateSource>(std::move(source_), std::move(buf_), name_);
    buf_.clear();
    pos_ = 0;
  }
}

BufferedReader::~BufferedReader() = default;

bool BufferedReader::fill() {
  if (pos_ > 0 && pos_ == buf_.size()) {
    buf_.clear();
    pos_ = 0;
  }
  size_t old = buf_.size();
  buf_.resize(old + kChunk);
  size_t got = source_->read(buf_.data() + old, kChunk);
  buf_.resize(old + got);
  return got > 0;
}

int BufferedReader::peekNonSpace(size_t maxBytes) {
  for (size_t i = pos_;; ++i) {
    if (i - pos_ > maxBytes) return -1;
    if (i == buf_.size()) {
      size_t skipped = i - pos_;  // fill() appends, or restarts the buffer when all was consumed
      if (!fill()) return -1;
      i = pos_ + skipped;
    }
    auto c = static_cast<unsigned char>(buf_[i]);
    if (isSpace(c)) continue;
    if (c == 0xEF && i + 2 < buf_.size() && buf_.compare(i, 3, "\xEF\xBB\xBF") == 0) {
      i += 2;
      continue;
    }
    return c;
  }
}

std::string_view BufferedReader::peek(size_t n) {
  while (buf_.size() - pos_ < n && fill()) {
  }
  return std::string_view(buf_).substr(pos_, n);
}

bool BufferedReader::readLine(std::string& line, size_t maxBytes) {
  line.clear();
  tooLong_ = false;
  bool any = false;
  for (;;) {
    if (pos_ == buf_.size() && !fill()) {
      if (!any) return false;
      break;
    }
    any = true;
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start, '\n', buf_.size() - pos_);
    size_t len = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : buf_.size() - pos_;
    if (!tooLong_ && line.size() + len > maxBytes) {
      tooLong_ = true;  // skip the rest of the line without keeping it
      line.clear();
      line.shrink_to_fit();
    }
    if (!tooLong_) line.append(start, len);
    pos_ += nl ? len + 1 : len;
    if (nl) break;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  ++line_;
  return true;
}

bool BufferedReader::readAll(std::string& out, size_t maxBytes) {
  out.assign(buf_, pos_, std::string::npos);
  buf_.clear();
  pos_ = 0;
  char chunk[1 << 16];
  while (out.size() <= maxBytes) {
    size_t got = source_->read(chunk, sizeof chunk);
    if (got == 0) return true;
    out.append(chunk, got);
  }
  out.resize(maxBytes + 1);
  return false;
}

}  // namespace newsgraph::corpus

// Encoding detection and conversion (see text_encoding.h).
#include "text_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <array>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace fahras {
namespace {

// ICU's confidence (0-100) below which a guess is not taken.
constexpr int32_t kMinConfidence = 30;

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_converter(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  Converter c(ucnv_open(name, &status));
  if (U_FAILURE(status)) throw std::runtime_error(std::string("no converter for ") + name);
  return c;
}

TextEncoding encoding_called(const char* name) {
  for (TextEncoding e : {TextEncoding::kUtf8, TextEncoding::kUtf16LE, TextEncoding::kUtf16BE,
                         TextEncoding::kWindows1256, TextEncoding::kIso8859_6})
    if (std::strcmp(name, encoding_name(e)) == 0) return e;
  return TextEncoding::kUnknown;
}

// A stream buffer that reads a file in another encoding and hands out UTF-8.
class Utf8DecodingBuffer : public std::streambuf {
 public:
  Utf8DecodingBuffer(const std::filesystem::path& path, const char* encoding)
      : file_(path, std::ios::binary),
        source_(open_converter(encoding)),
        utf8_(open_converter("UTF-8")) {
    if (!file_) throw std::runtime_error("cannot open");
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    char* target = out_.data();
    while (target == out_.data() && !done_) {
      if (in_begin_ == in_end_ && !eof_) {
        file_.read(in_.data(), static_cast<std::streamsize>(in_.size()));
        in_begin_ = in_.data();
        in_end_ = in_.data() + file_.gcount();
        if (file_.bad()) throw std::runtime_error("read error");
        eof_ = !file_;
      }
      const char* source = in_begin_;
      UErrorCode status = U_ZERO_ERROR;
      ucnv_convertEx(utf8_.get(), source_.get(), &target, out_.data() + out_.size(), &source,
                     in_end_, pivot_.data(), &pivot_source_, &pivot_target_,
                     pivot_.data() + pivot_.size(), first_, eof_, &status);
      first_ = false;
      in_begin_ = source;
      if (status == U_BUFFER_OVERFLOW_ERROR) break;  // out_ is full
      if (U_FAILURE(status)) throw std::runtime_error(u_errorName(status));
      if (eof_ && in_begin_ == in_end_) done_ = true;
    }
    setg(out_.data(), out_.data(), target);
    return gptr() < egptr() ? traits_type::to_int_type(*gptr()) : traits_type::eof();
  }

 private:
  std::ifstream file_;
  Converter source_, utf8_;
  std::array<char, 64 * 1024> in_{};
  std::array<char, 64 * 1024> out_{};
  std::array<UChar, 16 * 1024> pivot_{};
  UChar* pivot_source_ = pivot_.data();
  UChar* pivot_target_ = pivot_.data();
  const char* in_begin_ = nullptr;
  const char* in_end_ = nullptr;
  bool first_ = true, eof_ = false, done_ = false;
};

// An istream that owns its decoding buffer.
class Utf8DecodingStream : public std::istream {
 public:
  Utf8DecodingStream(const std::filesystem::path& path, const char* encoding)
      : std::istream(nullptr), buffer_(path, encoding) {
    rdbuf(&buffer_);
  }

 private:
  Utf8DecodingBuffer buffer_;
};

}  // namespace

const char* encoding_name(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8:
      return "UTF-8";
    case TextEncoding::kUtf16LE:
      return "UTF-16LE";
    case TextEncoding::kUtf16BE:
      return "UTF-16BE";
    case TextEncoding::kWindows1256:
      return "windows-1256";
    case TextEncoding::kIso8859_6:
      return "ISO-8859-6";
    case TextEncoding::kUnknown:
      break;
  }
  return "unknown";
}

TextEncoding detect_encoding(std::string_view start, bool markup) {
  start = start.substr(0, kEncodingSampleBytes);
  if (start.substr(0, 3) == "\xEF\xBB\xBF") return TextEncoding::kUtf8;
  if (start.substr(0, 2) == "\xFF\xFE") return TextEncoding::kUtf16LE;
  if (start.substr(0, 2) == "\xFE\xFF") return TextEncoding::kUtf16BE;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return TextEncoding::kUnknown;
  ucsdet_enableInputFilter(detector.get(), markup);
  ucsdet_setText(detector.get(), start.data(), static_cast<int32_t>(start.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  if (U_FAILURE(status)) return TextEncoding::kUnknown;
  // The most confident of the encodings taken, if ICU is confident enough
  // (random bytes look a little like any 8-bit encoding); ICU ranks them.
  for (int32_t i = 0; i < count; ++i) {
    const char* name = ucsdet_getName(matches[i], &status);
    int32_t confidence = ucsdet_getConfidence(matches[i], &status);
    if (U_FAILURE(status) || confidence < kMinConfidence) return TextEncoding::kUnknown;
    TextEncoding e = encoding_called(name);
    if (e != TextEncoding::kUnknown) return e;
  }
  return TextEncoding::kUnknown;
}

std::unique_ptr<std::istream> utf8_stream(const std::filesystem::path& path,
                                          TextEncoding encoding) {
  if (encoding == TextEncoding::kUtf8)
    return std::make_unique<std::ifstream>(path, std::ios::binary);
  return std::make_unique<Utf8DecodingStream>(path, encoding_name(encoding));
}

}  // namespace fahras

// Which encoding a text file is in, and the file as a stream of UTF-8.
//
// Arabic text comes as UTF-8, as UTF-16 saved by Windows tools, and in older
// files as Windows-1256 or ISO-8859-6. detect_encoding() looks at a file's
// first bytes: a byte order mark decides; otherwise ICU's charset detector
// is asked, and only these encodings are taken (anything else is not text
// the indexer reads). utf8_stream() gives a file as UTF-8, converted by ICU
// a block at a time (memory bounded by a constant, whatever the file).
#pragma once

#include <filesystem>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

namespace fahras {

enum class TextEncoding { kUtf8, kUtf16LE, kUtf16BE, kWindows1256, kIso8859_6, kUnknown };

// Bytes detect_encoding() needs of a file's start, at most.
inline constexpr size_t kEncodingSampleBytes = 64 * 1024;

// The encoding of a text whose first bytes are `start` (at most
// kEncodingSampleBytes of them), or kUnknown; `markup`: HTML, whose tags
// the detector leaves out.
TextEncoding detect_encoding(std::string_view start, bool markup = false);

// "UTF-8", "UTF-16LE", "windows-1256", ...: ICU's name, for messages.
const char* encoding_name(TextEncoding encoding);

// The file as UTF-8 (a byte order mark kept as U+FEFF, which the passage
// reader drops); a UTF-8 file is read as it is. Bytes that are invalid in
// the encoding become U+FFFD.
std::unique_ptr<std::istream> utf8_stream(const std::filesystem::path& path, TextEncoding encoding);

}  // namespace fahras

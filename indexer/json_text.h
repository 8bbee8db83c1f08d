// JSON text written directly, byte for byte as nlohmann::json writes it.
//
// The search answer (result_format.h) and the stored passage data
// (passage_document.h) are written without building a JSON tree: strings as
// nlohmann::json dumps valid UTF-8 with ensure_ascii off (the two-character
// escapes, \u00xx for the other control characters, every other byte as it
// is), integers in decimal. Invalid UTF-8 is the caller's to route to
// nlohmann::json, which replaces it. Header-only: the public-API programs
// (searcher/CMakeLists.txt, fahras_cli) use it beside libfahras.
#pragma once

#include <simdjson.h>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace fahras {

namespace json_text_detail {

// Whether any of the eight bytes of `word` may need escaping in JSON (a
// control character, '"' or '\\'). Never misses one; may report one where
// none is (a borrow after a byte that needs it), which costs a byte-by-byte
// look only.
inline bool may_need_escape(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101, kHighs = 0x8080808080808080;
  auto has_zero_byte = [](uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; };
  bool control = ((word - kOnes * 0x20) & ~word & kHighs) != 0;
  return control || has_zero_byte(word ^ (kOnes * '"')) || has_zero_byte(word ^ (kOnes * '\\'));
}

}  // namespace json_text_detail

// Appends `text` as a JSON string, quotes included. `text` must be valid UTF-8.
inline void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t plain_from = 0;
  auto escape = [&](size_t i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') return;
    out.append(text, plain_from, i - plain_from);
    plain_from = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  };
  size_t i = 0;
  // Eight bytes at a time: passages have no byte to escape in most words.
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (json_text_detail::may_need_escape(word))
      for (size_t k = i; k < i + 8; ++k) escape(k);
  }
  for (; i < text.size(); ++i) escape(i);
  out.append(text, plain_from, text.size() - plain_from);
  out += '"';
}

template <typename Integer>
void append_integer(std::string& out, Integer value) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

// Writes an object's members in order, separated by commas: braces at
// construction and destruction.
class JsonObjectWriter {
 public:
  explicit JsonObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
  ~JsonObjectWriter() { out_ += '}'; }
  JsonObjectWriter(const JsonObjectWriter&) = delete;
  JsonObjectWriter& operator=(const JsonObjectWriter&) = delete;
  // Writes the member's name; the caller writes its value.
  std::string& member(std::string_view name) {
    if (!first_) out_ += ',';
    first_ = false;
    append_json_string(out_, name);
    out_ += ':';
    return out_;
  }
  void string_member(std::string_view name, std::string_view value) {
    append_json_string(member(name), value);
  }

 private:
  std::string& out_;
  bool first_ = true;
};

// Whether `text` is valid UTF-8.
inline bool is_valid_utf8(std::string_view text) {
  return simdjson::validate_utf8(text.data(), text.size());
}

}  // namespace fahras

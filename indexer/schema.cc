// Out-of-line helpers of include/fahras/schema.h.
#include "fahras/schema.h"

#include <xxhash.h>

#include <cstdio>

namespace fahras::schema {

std::string bounded_term(std::string_view prefix, std::string_view id) {
  std::string term(prefix);
  if (prefix.size() + id.size() <= kMaxTermBytes) return term.append(id);
  char hash[20];
  std::snprintf(hash, sizeof hash, "#%016llx",
                static_cast<unsigned long long>(XXH3_64bits(id.data(), id.size())));
  size_t keep = kMaxTermBytes - prefix.size() - 17;
  while (keep > 0 && (static_cast<unsigned char>(id[keep]) & 0xC0) == 0x80)
    --keep;  // UTF-8 boundary
  return term.append(id.substr(0, keep)).append(hash);
}

std::string article_key(std::string_view file) {
  uint64_t hash = XXH3_64bits(file.data(), file.size());
  std::string key(8, '\0');
  for (int i = 0; i < 8; ++i) key[i] = static_cast<char>((hash >> (8 * (7 - i))) & 0xFF);
  return key;
}

std::string location_value(std::string_view file, uint32_t line) {
  std::string value(4, '\0');
  for (int i = 0; i < 4; ++i) value[i] = static_cast<char>((line >> (8 * (3 - i))) & 0xFF);
  return value.append(file);
}

bool parse_location_value(std::string_view value, std::string& file, uint32_t& line) {
  if (value.size() < 5) return false;  // a file name has at least one byte
  line = 0;
  for (int i = 0; i < 4; ++i) line = (line << 8) | static_cast<unsigned char>(value[i]);
  file.assign(value.substr(4));
  return true;
}

}  // namespace fahras::schema

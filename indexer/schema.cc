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

}  // namespace fahras::schema

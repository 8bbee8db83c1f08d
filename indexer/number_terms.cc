// Number terms of a passage (see number_terms.h).
#include "number_terms.h"

#include "fahras/schema.h"

namespace fahras {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool joins_digits(std::string_view text, size_t i) {
  return i < text.size() && (text[i] == '.' || text[i] == ',') && i + 1 < text.size() &&
         is_digit(text[i + 1]);
}

}  // namespace

std::vector<std::string> number_terms(std::string_view text) {
  bool number = false, year = false;
  for (size_t i = 0; i < text.size() && !year;) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    number = true;
    size_t begin = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    bool joined_before = begin >= 2 && (text[begin - 1] == '.' || text[begin - 1] == ',') &&
                         is_digit(text[begin - 2]);
    size_t length = i - begin;
    if (length >= 3 && length <= 4 && !joined_before && !joins_digits(text, i)) year = true;
    // A run joined to the next (3.5, 80.300) is one number: skip its rest.
    while (joins_digits(text, i)) {
      ++i;
      while (i < text.size() && is_digit(text[i])) ++i;
    }
  }
  std::vector<std::string> terms;
  if (number) terms.emplace_back(schema::kHoldsNumberTerm);
  if (year) terms.emplace_back(schema::kHoldsYearTerm);
  return terms;
}

}  // namespace fahras

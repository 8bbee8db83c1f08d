// One-letter variants of a word (see letter_variants.h).
#include "letter_variants.h"

#include <algorithm>

#include "utf8.h"

namespace fahras {

std::vector<std::string> one_letter_variants(std::string_view normalized_word,
                                             LetterAlternatives alternatives) {
  std::u32string word = to_utf32(normalized_word);
  std::vector<std::string> out;
  for (size_t i = 0; i < word.size(); ++i) {
    for (char32_t other : alternatives(word[i])) {
      std::u32string variant = word;
      variant[i] = other;
      std::string v = to_utf8(variant);
      if (v != normalized_word && std::find(out.begin(), out.end(), v) == out.end())
        out.push_back(std::move(v));
    }
  }
  return out;
}

}  // namespace fahras

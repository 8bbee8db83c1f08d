// Sound-alike letter readings (see sound_alike_letters.h).
#include "sound_alike_letters.h"

#include <algorithm>

#include "arabic_letters.h"
#include "utf8.h"

namespace fahras {

using namespace letters;

namespace {

// The letters typed for a letter by those who say it alike.
std::vector<char32_t> sounding_alike(char32_t c) {
  switch (c) {
    case kTeh:
      return {kTah, kTheh};
    case kTah:
      return {kTeh};
    case kTheh:
      return {kTeh, kSeen};
    case kSeen:
      return {kSad, kTheh};
    case kSad:
      return {kSeen};
    case kDal:
      return {kDad, kThal};
    case kDad:
      return {kDal, kZah};
    case kThal:
      return {kDal, kZain, kZah};
    case kZain:
      return {kThal, kZah};
    case kZah:
      return {kDad, kThal, kZain};
    default:
      return {};
  }
}

}  // namespace

std::vector<std::string> sound_alike_variants(std::string_view normalized_word) {
  std::u32string word = to_utf32(normalized_word);
  std::vector<std::string> out;
  for (size_t i = 0; i < word.size(); ++i) {
    for (char32_t other : sounding_alike(word[i])) {
      std::u32string variant = word;
      variant[i] = other;
      std::string v = to_utf8(variant);
      if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(std::move(v));
    }
  }
  return out;
}

}  // namespace fahras

// Sound-alike letter readings (see sound_alike_letters.h).
#include "sound_alike_letters.h"

#include "arabic_letters.h"
#include "letter_variants.h"

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
  return one_letter_variants(normalized_word, sounding_alike);
}

}  // namespace fahras

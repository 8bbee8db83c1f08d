// Hamza seat readings (see hamza_seats.h).
#include "hamza_seats.h"

#include <algorithm>

#include "arabic_letters.h"
#include "letter_variants.h"
#include "utf8.h"

namespace fahras {

using namespace letters;

namespace {

// What a letter may stand for instead of itself: a bare yeh or waw typed
// for a seated hamza (which the normalizer makes the bare hamza), or a hamza
// typed where the text has the bare letter.
std::vector<char32_t> other_seats(char32_t c) {
  switch (c) {
    case kYeh:
    case kWaw:
      return {kHamza};
    case kHamza:
      return {kYeh, kWaw};
    default:
      return {};
  }
}

}  // namespace

std::vector<std::string> hamza_seat_variants(std::string_view normalized_word) {
  std::vector<std::string> out = one_letter_variants(normalized_word, other_seats);
  std::u32string all_seated = to_utf32(normalized_word);
  for (char32_t& c : all_seated) {
    if (c == kYeh || c == kWaw) c = kHamza;
  }
  std::string v = to_utf8(all_seated);
  if (v != normalized_word && std::find(out.begin(), out.end(), v) == out.end())
    out.push_back(std::move(v));
  return out;
}

}  // namespace fahras

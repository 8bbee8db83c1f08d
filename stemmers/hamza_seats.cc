// Hamza seat readings (see hamza_seats.h).
#include "hamza_seats.h"

#include <algorithm>

#include "arabic_letters.h"
#include "letter_variants.h"
#include "utf8.h"

namespace fahras {

using namespace letters;

namespace {

// The seats a letter may stand for instead of itself.
std::vector<char32_t> other_seats(char32_t c) {
  switch (c) {
    case kYeh:
      return {kYehWithHamzaAbove};
    case kYehWithHamzaAbove:
      return {kYeh, kWawWithHamzaAbove};
    case kWaw:
      return {kWawWithHamzaAbove};
    case kWawWithHamzaAbove:
      return {kWaw, kYehWithHamzaAbove};
    default:
      return {};
  }
}

}  // namespace

std::vector<std::string> hamza_seat_variants(std::string_view normalized_word) {
  std::vector<std::string> out = one_letter_variants(normalized_word, other_seats);
  std::u32string all_seated = to_utf32(normalized_word);
  for (char32_t& c : all_seated) {
    if (c == kYeh) c = kYehWithHamzaAbove;
    if (c == kWaw) c = kWawWithHamzaAbove;
  }
  std::string v = to_utf8(all_seated);
  if (v != normalized_word && std::find(out.begin(), out.end(), v) == out.end())
    out.push_back(std::move(v));
  return out;
}

}  // namespace fahras

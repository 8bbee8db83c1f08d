// Hamza seat readings (see hamza_seats.h).
#include "hamza_seats.h"

#include <algorithm>

#include "arabic_letters.h"
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
  std::u32string word = to_utf32(normalized_word);
  std::vector<std::string> out;
  auto add = [&](const std::u32string& variant) {
    std::string v = to_utf8(variant);
    if (v != normalized_word && std::find(out.begin(), out.end(), v) == out.end())
      out.push_back(std::move(v));
  };
  std::u32string all_seated = word;
  for (size_t i = 0; i < word.size(); ++i) {
    for (char32_t seat : other_seats(word[i])) {
      std::u32string variant = word;
      variant[i] = seat;
      add(variant);
    }
    if (word[i] == kYeh) all_seated[i] = kYehWithHamzaAbove;
    if (word[i] == kWaw) all_seated[i] = kWawWithHamzaAbove;
  }
  add(all_seated);
  return out;
}

}  // namespace fahras

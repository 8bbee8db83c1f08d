// Spellings of a word with one letter replaced: the mechanism behind the
// readings of a typed word as the index may write it (hamza_seats.h,
// sound_alike_letters.h), each with its own letters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fahras {

// The letters that may stand for a letter instead of it (none: {}).
using LetterAlternatives = std::vector<char32_t> (*)(char32_t);

// The word with one of its letters replaced by one of its alternatives, in
// the order of the letters and then of the alternatives; without duplicates
// or the word itself. Input: a normalized word.
std::vector<std::string> one_letter_variants(std::string_view normalized_word,
                                             LetterAlternatives alternatives);

}  // namespace fahras

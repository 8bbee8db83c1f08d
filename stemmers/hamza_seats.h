// Other hamza seats of a word, for query words the index does not know.
//
// Writers disagree on the seat of a hamza (مسئول and مسؤول, شئون and شؤون),
// which the normalizer settles (every seat is the bare hamza, ء, or alef for
// أ إ آ); people also type it with no hamza at all: الرقايق for الرقائق,
// مسوول for مسؤول. The searcher tries these readings of a word it does not
// know and follows the ones the index knows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fahras {

// The word with one of its letters ي و read as a hamza (ء, as the normalizer
// writes every seat) or a hamza read as ي or و, and with every ي and و of it
// read as hamzas at once; without duplicates or the word itself. Input: a
// normalized word.
std::vector<std::string> hamza_seat_variants(std::string_view normalized_word);

}  // namespace fahras

// Other hamza seats of a word, for query words the index does not know.
//
// Writers disagree on the seat of a hamza, and people type it bare: مسئول and
// مسؤول, الرقايق for الرقائق, شئون and شؤون. The normalizer folds only the
// alef forms (أ إ آ → ا); the seats on yeh and waw are letters of their own,
// so a word typed with another seat matches nothing. The searcher tries these
// readings of a word it does not know and follows the ones the index knows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fahras {

// The word with one of its letters ي ئ و ؤ changed to another seat
// (ي ↔ ئ, و ↔ ؤ, ؤ ↔ ئ), and with every ي or و of the word seated at once;
// without duplicates or the word itself. Input: a normalized word.
std::vector<std::string> hamza_seat_variants(std::string_view normalized_word);

}  // namespace fahras

// Reads the quantities of a query as the articles write them.
//
// One quantity has many writings: 700,000 (normalized to 700000), 700.000
// (dots grouping thousands), 700 ألف, 700 thousand; 14 مليار is
// 14000000000; 1.5 مليون is 1500000; مليوني is two million; خمسمائة ألف is
// 500000, ثلاثة آلاف 3000, مائتا 200 (numbers in words: hundreds, tens, and
// units before a scale word, joined by و). A query that
// types one writing should find the passages that use another. Each quantity
// of the query (a number, a number and a scale word, a dual scale word) is
// replaced by the writings the index holds: as written when it holds only
// that one, by an OR of them when it holds several, kept as typed when it
// holds none. Quantities inside quoted phrases are left alone.
#pragma once

#include <string>
#include <vector>

#include "term_statistics.h"

namespace fahras {

// The writings of the quantity with decimal digits `value` (no leading
// zeros): each as the words of one writing, in normalized form ("700000";
// "700", "الف"; "1.5", "مليون"; "مليوني"). Empty when value has no digits.
std::vector<std::vector<std::string>> quantity_writings(const std::string& value);

// Whether a normalized word is part of how quantities are written: a number
// or a scale word (الف, الاف, مليون, مليوني, billion...). Such a word is no
// misspelling of another, though the index may not hold it.
bool is_quantity_word(const std::string& word);

// The normalized query text with its quantities written as the index writes
// them (see above); other tokens as they are.
std::string read_quantities(const std::string& normalized_text, TermStatistics& index);

}  // namespace fahras

// Sound-alike letters, for query words the index does not know as typed.
//
// Arabic writes apart sounds that many speakers say alike, and people type
// one for the other: the emphatic and the plain (الصرطان for السرطان,
// موريطانيا for موريتانيا), the interdentals as their dialect says them
// (تامر for ثامر, الاظطراب for الاضطراب, زكرى for ذكرى). The searcher tries
// these readings of a word and follows the ones the index knows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fahras {

// The word with one of its letters replaced by one that sounds alike:
// ت ط ث, س ص ث, د ض ذ, ذ ز ظ, ض ظ. Without duplicates or the word itself.
// Input: a normalized word.
std::vector<std::string> sound_alike_variants(std::string_view normalized_word);

}  // namespace fahras

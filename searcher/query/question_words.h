// Words a question asks with rather than asks about.
//
// Questions open with interrogatives (ما، ماذا، متى، كم، ماهو...) that name
// no topic; the analysis chain's stop words cover most of them, these the
// rest. A question that opens by asking for a name or a count (ما اسم X،
// كم عدد X) names what it asks for with a word of most paragraphs: اسم and
// عدد there name no topic either, and matching them ranked passages about
// other things first.
#pragma once

#include <string>

namespace fahras {

// A normalized word that asks and is no stop word of the analysis chain
// (كم is also the abbreviation of kilometre in the text, so it is not one).
bool is_question_word(const std::string& word);

// Normalized query text without the word that names what a question asks
// for, right after its opener: اسم or الاسم (a name) after ما، ما هو، ما هي،
// ماهو، ماهي (and مااسم، ماالاسم, the same written without a space); عدد (a
// count) after those or كم. Other text, and a question of the opener and
// that word alone, are returned as they are.
std::string drop_asked_attribute(const std::string& normalized_text);

// The number term (schema.h) the answer to a question holds: kHoldsYearTerm
// for one that asks when (متى، في أي عام، في أي سنة), kHoldsNumberTerm for one
// that asks how many (كم); "" for any other text. Normalized text.
std::string asked_number_term(const std::string& normalized_text);

}  // namespace fahras

// Words a question asks with rather than asks about.
//
// Questions open with interrogatives (ما، ماذا، متى، كم، ماهو...) that name
// no topic; the analysis chain's stop words cover most of them, these the
// rest. "ما اسم X" (what is X called) asks for a name: its اسم names no topic
// either, and matching it (a word of most Wikipedia paragraphs, أسماء by its
// variants) ranked passages about other namesakes first.
#pragma once

#include <string>

namespace fahras {

// A normalized word that asks and is no stop word of the analysis chain
// (كم is also the abbreviation of kilometre in the text, so it is not one).
bool is_question_word(const std::string& word);

// Normalized query text without the اسم (or الاسم) of a question that opens
// by asking for a name: ما اسم، ما هو اسم، ما هي الاسم، ماهو اسم، ماالاسم
// (the same question written without a space). Other text is returned as is.
std::string drop_asked_name(const std::string& normalized_text);

}  // namespace fahras

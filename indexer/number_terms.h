// Which kinds of number a passage holds, as boolean terms.
//
// A question that asks when (متى) is answered by a passage that holds a year,
// one that asks how many (كم) by a passage that holds a number; the ranker
// reads these terms for the questions' candidates (QueryPlan::asked_number).
// Read from the normalized text, where every digit is ASCII (normalizer.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fahras {

// schema::kHoldsNumberTerm when the text holds a digit, and
// schema::kHoldsYearTerm besides when it holds a run of three or four
// digits with no digit, '.' or ',' joined to it (1958, 622; not 80.300).
std::vector<std::string> number_terms(std::string_view normalized_text);

}  // namespace fahras

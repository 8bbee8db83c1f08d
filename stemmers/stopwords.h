// Fahras's Arabic stop-word list.
//
// The words are written as people type them and normalized once, by the same
// normalize() as documents and queries, so a stop word matches whatever
// spelling a text uses (لأن and لان, إلى and الى). Stop words are still indexed
// with positions, so phrases that contain them match; they get no stemmed
// term, so they neither match nor score on their own.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace fahras {

// The normalized stop words.
const std::unordered_set<std::string>& arabic_stopwords();

// True if a normalized word is a stop word.
bool is_stopword(std::string_view normalized_word);

}  // namespace fahras

// Test helper: the Xapian documents of an article's passages after its title,
// as the indexer builds them, for tests that write through a BatchWriter.
#pragma once

#include <string>
#include <vector>

#include "passage_document.h"
#include "passages.h"

namespace fahras::testing {

inline std::vector<PassageDocument> article_documents(const std::string& file,
                                                      const std::string& text) {
  Article parsed = split_article(text);
  PassageDocumentBuilder builder;
  size_t long_words = 0;
  std::vector<PassageDocument> out;
  for (size_t i = 1; i < parsed.passages.size(); ++i)
    out.push_back(builder.build(file, parsed, parsed.passages[i], long_words));
  return out;
}

}  // namespace fahras::testing

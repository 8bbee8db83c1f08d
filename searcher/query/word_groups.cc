// Groups of words matched as written (see word_groups.h).
#include "word_groups.h"

#include <algorithm>
#include <regex>

namespace fahras {
namespace {

bool is_unstemmed_word(const std::string& term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

// The window of a PHRASE or NEAR query, which Xapian 1.4 shows only in its
// description: "Query((a@1 PHRASE 3 b@2))". 0 when it cannot be read.
size_t window_of(const Xapian::Query& query) {
  static const std::regex window(R"( (?:PHRASE|NEAR) ([0-9]+) )");
  std::smatch m;
  std::string description = query.get_description();
  return std::regex_search(description, m, window) ? std::stoul(m[1]) : 0;
}

}  // namespace

void collect_word_groups(const Xapian::Query& query, std::set<WordGroup>& groups) {
  if (query.get_type() == Xapian::Query::LEAF_TERM) {
    std::string term = *query.get_terms_begin();
    if (is_unstemmed_word(term)) groups.insert({{term}});
    return;
  }
  bool phrase = query.get_type() == Xapian::Query::OP_PHRASE;
  if (phrase || query.get_type() == Xapian::Query::OP_NEAR) {
    WordGroup group{{}, window_of(query), phrase};
    for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
      Xapian::Query member = query.get_subquery(i);
      if (member.get_type() != Xapian::Query::LEAF_TERM) break;
      group.words.push_back(*member.get_terms_begin());
    }
    if (group.window >= group.words.size() && group.words.size() == query.get_num_subqueries() &&
        std::all_of(group.words.begin(), group.words.end(), is_unstemmed_word)) {
      groups.insert(std::move(group));
      return;
    }
  }
  for (size_t i = 0; i < query.get_num_subqueries(); ++i)
    collect_word_groups(query.get_subquery(i), groups);
}

}  // namespace fahras

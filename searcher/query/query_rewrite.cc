// In-place query expansion (see query_rewrite.h).
#include "query_rewrite.h"

#include <vector>

namespace fahras {
namespace {

// Operators whose subqueries can be rebuilt with Query(op, begin, end) and
// no other parameter.
bool rebuildable(Xapian::Query::op op) {
  switch (op) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
      return true;
    default:
      return false;
  }
}

}  // namespace

Xapian::Query attach_expansions(const Xapian::Query& query,
                                const std::map<std::string, Xapian::Query>& expansion_of) {
  Xapian::Query::op op = query.get_type();
  if (op == Xapian::Query::LEAF_TERM) {
    auto term = query.get_terms_begin();
    if (term == query.get_terms_end()) return query;
    auto found = expansion_of.find(*term);
    if (found == expansion_of.end()) return query;
    return Xapian::Query(Xapian::Query::OP_OR, query, found->second);
  }
  if (!rebuildable(op)) return query;
  std::vector<Xapian::Query> parts;
  parts.reserve(query.get_num_subqueries());
  // Only the positive side of an exclusion or filter is expanded.
  bool first_only = op == Xapian::Query::OP_AND_NOT || op == Xapian::Query::OP_FILTER;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
    const Xapian::Query sub = query.get_subquery(i);
    parts.push_back(i == 0 || !first_only ? attach_expansions(sub, expansion_of) : sub);
  }
  return Xapian::Query(op, parts.begin(), parts.end());
}

}  // namespace fahras

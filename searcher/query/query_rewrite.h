// Attaches expansions to the terms of a parsed query, inside its structure.
//
// The QueryParser's tree carries the user's constraints: file: filters, NOT
// and '-' exclusions, AND. An expansion (a phonetic key, a synonym) must live
// under the same constraints as the term it stands for, so each leaf term with
// expansions becomes (term OR expansion), in place. Phrases, NEAR, wildcards,
// value ranges and scaled subqueries are kept as they are: their words match
// only as written.
#pragma once

#include <xapian.h>

#include <map>
#include <string>

namespace fahras {

// `expansion_of`: leaf term -> the query to OR beside it (already weighted).
// Leaf terms without an entry, and every term under a kept operator, are
// unchanged.
Xapian::Query attach_expansions(const Xapian::Query& query,
                                const std::map<std::string, Xapian::Query>& expansion_of);

}  // namespace fahras

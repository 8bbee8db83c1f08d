// Test helper: documents made of given index terms, for tests of the ranking
// machinery that need an index of known postings rather than analysed text.
#pragma once

#include <xapian.h>

#include <initializer_list>

namespace fahras::testing {

// Adds a document holding each term once and commits; returns its docid.
inline Xapian::docid add_terms(Xapian::WritableDatabase& db,
                               std::initializer_list<const char*> terms) {
  Xapian::Document doc;
  for (const char* t : terms) doc.add_term(t);
  Xapian::docid id = db.add_document(doc);
  db.commit();
  return id;
}

}  // namespace fahras::testing

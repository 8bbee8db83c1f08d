// Posting-list membership of candidate documents (see term_matches.h).
#include "term_matches.h"

#include <algorithm>

namespace fahras {

TermMatches::TermMatches(const Xapian::Database& db, std::vector<Xapian::docid> docids,
                         const std::set<std::string>& terms, PostingsCache* decoded,
                         const DecodeAdmission* admission) {
  add(db, std::move(docids), terms, decoded, admission);
}

void TermMatches::add(const Xapian::Database& db, std::vector<Xapian::docid> docids,
                      const std::set<std::string>& terms, PostingsCache* decoded,
                      const DecodeAdmission* admission) {
  std::sort(docids.begin(), docids.end());
  docids.erase(std::unique(docids.begin(), docids.end()), docids.end());
  for (Xapian::docid d : docids) matched_[d];
  if (docids.empty()) return;
  for (const std::string& term : terms) {
    if (term.empty()) continue;
    PostingsPtr held = decoded ? decoded->find(term) : nullptr;
    if (!held && decoded && admission && admission->seen &&
        (admission->frequency ? admission->frequency(term) : db.get_termfreq(term)) <=
            kMaxDecodedForMatches &&
        admission->seen->seen_all_then_note({&term}))
      held = decoded->postings(db, term);
    if (held) {
      const std::vector<Posting>* list = &held->list;
      auto from = list->begin();
      for (Xapian::docid d : docids) {
        from = std::lower_bound(from, list->end(), d,
                                [](const Posting& p, Xapian::docid id) { return p.docid < id; });
        if (from == list->end()) break;
        if (from->docid == d) matched_[d].emplace(term, from->wdf);
      }
      continue;
    }
    Xapian::PostingIterator posting = db.postlist_begin(term);
    const Xapian::PostingIterator end = db.postlist_end(term);
    for (Xapian::docid d : docids) {
      posting.skip_to(d);
      if (posting == end) break;
      if (*posting == d) matched_[d].emplace(term, posting.get_wdf());
    }
  }
}

const TermMatches::Found& TermMatches::of(Xapian::docid docid) const {
  auto found = matched_.find(docid);
  return found == matched_.end() ? none_ : found->second;
}

}  // namespace fahras

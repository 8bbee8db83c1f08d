// What a search could see of a Fahras index, as one comparable value: tests
// compare two indexes (an incremental build and a clean one, an index before
// and after compaction) with it.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <map>
#include <string>

#include "fahras/schema.h"
#include "passage_dictionary.h"
#include "passage_document.h"

namespace fahras::testing {

// Per passage id: its data, and its terms with their wdf and positions; each
// metadata value (file states without their mtime, which differs between two
// builds of the same files; not the count of changes since compaction or
// the last commit's deleted articles, which are bookkeeping, nor the passage
// dictionary, which says how stored data is compressed: an index built
// incrementally keeps the one it began with, a clean build trains its own,
// nor the last --watch batch, which is about the process); the spelling
// table; the synonym table.
inline std::map<std::string, std::string> index_contents(const std::filesystem::path& db) {
  Xapian::Database d(db.string());
  load_passage_dictionary(d);
  std::map<std::string, std::string> out;
  for (auto t = d.allterms_begin("Q"); t != d.allterms_end("Q"); ++t) {
    Xapian::Document doc = d.get_document(*d.postlist_begin(*t));
    std::string terms;
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
      terms += *term + ":" + std::to_string(term.get_wdf());
      for (auto p = term.positionlist_begin(); p != term.positionlist_end(); ++p)
        terms += "@" + std::to_string(*p);
      terms += " ";
    }
    out[*t] = passage_data_of(doc).to_json() + "\n" + terms;
  }
  for (auto k = d.metadata_keys_begin(); k != d.metadata_keys_end(); ++k) {
    if (*k == schema::kMetaChangedSinceCompaction || *k == schema::kMetaLastDeletedArticles ||
        *k == schema::kMetaPassageDictionary || *k == schema::kMetaWatchBatch)
      continue;
    std::string value = d.get_metadata(*k);
    if ((*k).rfind(std::string(schema::kMetaFileStatePrefix), 0) == 0)
      value = value.substr(value.find(' ', 3));
    out["meta " + *k] = value;
  }
  std::string spelling;
  for (auto s = d.spellings_begin(); s != d.spellings_end(); ++s)
    spelling += *s + ":" + std::to_string(s.get_termfreq()) + " ";
  out["spelling"] = spelling;
  std::string synonyms;
  for (auto k = d.synonym_keys_begin(); k != d.synonym_keys_end(); ++k)
    for (auto s = d.synonyms_begin(*k); s != d.synonyms_end(*k); ++s)
      synonyms += *k + "=" + *s + " ";
  out["synonyms"] = synonyms;
  return out;
}

}  // namespace fahras::testing

// One Xapian handle per shard of a database spec.
//
// Xapian opens a sharded index (a stub file listing shards, a directory
// holding one) as a single database, but answers get_metadata() from its
// first shard only. What each shard keeps in metadata for itself (the key
// vocabulary, indexer/key_vocabulary.h) is read through these handles.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace fahras {

// The shards of `spec` (see open_database in searcher.h), each opened on its
// own: the lines of a stub file (or of a directory's XAPIANDB stub) that name
// a local database ("auto", "glass" or "chert" PATH, relative to the stub) or
// a xapian-tcpsrv ("remote HOST:PORT" or ":PORT"); any other spec, or a
// stub with another kind of line, is one handle on the whole.
std::vector<Xapian::Database> open_each_shard(const std::string& spec);

}  // namespace fahras

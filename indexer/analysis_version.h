// Which version of the analysis chain made an index's terms.
//
// The indexer records kAnalysisVersion (analyzer.h) under
// schema::kMetaAnalysisVersion; an index without it was made before versions
// were recorded, by version "1".
#pragma once

#include <xapian.h>

#include <string>

namespace fahras {

std::string analysis_version_of(const Xapian::Database& db);

}  // namespace fahras

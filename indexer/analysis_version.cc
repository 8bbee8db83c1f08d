// The analysis version an index records (see analysis_version.h).
#include "analysis_version.h"

#include "fahras/schema.h"

namespace fahras {

std::string analysis_version_of(const Xapian::Database& db) {
  std::string version = db.get_metadata(std::string(schema::kMetaAnalysisVersion));
  return version.empty() ? "1" : version;
}

}  // namespace fahras

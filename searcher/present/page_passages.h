// The stored data of the passages a page of results shows.
//
// A page's passages lie apart in the index. Read one by one
// (Document::get_value), each value is a B-tree descent of its own from a
// fresh cursor: two table blocks copied for the passage's data and two more
// for its location, about 37 a page of ten on the Wikipedia collection. Read
// in docid order through one value stream, a cursor that moves only forward
// keeps the blocks above the leaves it has passed; and a location the
// revision's column already holds (location_column.h) is not read at all.
#pragma once

#include <xapian.h>

#include <vector>

#include "location_column.h"
#include "passage_document.h"

namespace fahras {

// What passage_data_of() gives for each of `docids`, in their order.
// `column` (may be null): the locations known without reading.
std::vector<PassageData> read_page_passages(const Xapian::Database& db,
                                            const std::vector<Xapian::docid>& docids,
                                            const LocationColumn* column);

}  // namespace fahras

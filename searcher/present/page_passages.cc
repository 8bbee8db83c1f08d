// Reading a page's passages in docid order (see page_passages.h).
#include "page_passages.h"

#include <algorithm>
#include <numeric>
#include <optional>

#include "fahras/schema.h"

namespace fahras {

namespace {

// The value of the stream's slot in `docid`, moving the stream forward to it
// (docids asked for in ascending order); empty for a document without one.
std::string value_at(Xapian::ValueIterator& stream, const Xapian::ValueIterator& end,
                     Xapian::docid docid) {
  if (stream == end) return {};
  stream.skip_to(docid);
  if (stream == end || stream.get_docid() != docid) return {};
  return *stream;
}

}  // namespace

std::vector<PassageData> read_page_passages(const Xapian::Database& db,
                                            const std::vector<Xapian::docid>& docids,
                                            const LocationColumn* column) {
  std::vector<size_t> order(docids.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return docids[a] < docids[b]; });
  std::vector<PassageData> out(docids.size());
  Xapian::ValueIterator passages = db.valuestream_begin(schema::kSlotPassageData);
  const Xapian::ValueIterator passages_end = db.valuestream_end(schema::kSlotPassageData);
  for (size_t i : order)
    out[i] = passage_data_from(value_at(passages, passages_end, docids[i]), [&] {
      return db.get_document(docids[i], Xapian::DOC_ASSUME_VALID).get_data();
    });
  // The column holds the location values, parsed; the others are read (a
  // stream reads its first entry when opened: opened only when needed).
  std::optional<Xapian::ValueIterator> locations;
  const Xapian::ValueIterator locations_end = db.valuestream_end(schema::kSlotLocation);
  for (size_t i : order) {
    std::string_view file;
    uint32_t line = 0;
    if (column && column->find(docids[i], file, line)) {
      out[i].file = file;
      continue;
    }
    if (!locations) locations = db.valuestream_begin(schema::kSlotLocation);
    take_location_file(out[i], value_at(*locations, locations_end, docids[i]));
  }
  return out;
}

}  // namespace fahras

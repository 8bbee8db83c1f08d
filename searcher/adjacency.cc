// Adjacent query words in a passage, from positions (see adjacency.h).
#include "adjacency.h"

#include <algorithm>

namespace fahras {

unsigned count_together(const std::vector<Xapian::termpos>& first,
                        const std::vector<Xapian::termpos>& second) {
  unsigned together = 0;
  auto next = second.begin();
  for (Xapian::termpos p : first) {
    next = std::upper_bound(next, second.end(), p);
    if (next == second.end()) break;
    if (*next - p <= kAdjacencyWindow) ++together;
  }
  return together;
}

}  // namespace fahras

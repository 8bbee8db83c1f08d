// Arabic-aware text normalization with a map back to the original bytes.
//
// normalize() is the first stage of the analysis chain. It is applied to whole
// documents before Xapian tokenizes them, to queries before QueryParser sees
// them, and to single words inside the stemmer adapter, so all three agree.
// Stages, in order (order matters: NFKC composes decomposed hamza before the
// alef forms are folded, and digits are folded before separators are judged):
//   1. UTF-8 decoding; an invalid byte becomes a space (a word boundary).
//   2. ICU NFKC_Casefold: presentation forms and ligatures to base letters,
//      decomposed hamza/madda composed, Latin case folded, and default-ignorable
//      characters (zero-width and bidi controls, soft hyphen, ALM) removed.
//   3. Arabic folding: harakat, superscript alef, Quranic annotation marks and
//      tatweel removed; alef forms to bare alef; hamza on waw or yeh to the
//      bare hamza (ؤ ئ → ء: مسئولية and مسؤولية are one word); alef maksura
//      to yeh; teh marbuta to heh; Persian/Urdu kaf, yeh and heh variants to
//      Arabic ones;
//      every decimal digit (Arabic-Indic, Persian, ...) to ASCII; the Arabic
//      decimal separator to '.'.
//   4. Thousands separators between digit groups removed (700,000 -> 700000).
//
// Contract: normalize(normalize(x)) == normalize(x) for every input, and the
// result is valid UTF-8. Teh marbuta is folded to heh as Lucene, Larkey and
// Elasticsearch do: users type either, and the measured effect on the
// development queries is documented in docs/analysis.md.
#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fahras {

// An allocator whose vectors leave new elements uninitialized when grown by
// resize(): the normalizer sizes its offset arrays ahead and writes every
// element it keeps (zero-filling them first was 2% of a search).
template <typename T>
struct UninitializedAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <typename U>
  UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}
  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

// Normalized text plus, for every normalized byte, the original byte range of
// the input segment (a base character with its combining marks) it came from.
struct NormalizedText {
  using Offsets = std::vector<uint32_t, UninitializedAllocator<uint32_t>>;
  std::string text;
  Offsets origin_begin;  // size == text.size()
  Offsets origin_end;    // size == text.size()

  // The original byte range [first, second) that normalized bytes
  // [begin, end) came from. Requires begin < end <= text.size().
  std::pair<size_t, size_t> original_range(size_t begin, size_t end) const {
    return {origin_begin[begin], origin_end[end - 1]};
  }
};

NormalizedText normalize_with_offsets(std::string_view utf8);

// The normalized text alone (cheaper: no offset arrays).
std::string normalize(std::string_view utf8);

// Whether NFKC_Casefold has a segment boundary before the code point (ICU's
// hasBoundaryBefore, answered without ICU for ASCII, letters and harakat).
bool nfkc_boundary_before(char32_t c);

}  // namespace fahras

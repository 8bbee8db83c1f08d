// PDF text extraction (see pdf_text.h).
#include "pdf_text.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <map>
#include <set>

#include "extracted_arabic.h"

namespace fahras {
namespace {

// A gap between words wider than this share of their font size is a space.
constexpr double kSpaceShareOfFont = 0.12;
// A line starting further below the one above than this many times the
// page's usual line spacing (for its font size) starts a paragraph.
constexpr double kParagraphGapShare = 1.15;
// A gap between words wider than this many font sizes separates table cells.
constexpr double kTableGapShareOfFont = 1.5;
// Font sizes differing by more than this share are different kinds of text.
constexpr double kFontSizeTolerance = 0.15;
// The top and bottom bands of a page where headers and footers stand.
constexpr double kMarginBandShare = 0.08;
// Margin lines remembered to recognize repeated headers and footers.
constexpr size_t kMaxMarginLines = 1024;

struct Word {
  std::string text;
  double left, right, top, bottom, font_size;
};

struct Line {
  std::string text;
  double left = 0, right = 0, top = 0, bottom = 0, font_size = 0;
  double first_word_width = 0;  // of the word read first (the rightmost in Arabic)
  double widest_gap = 0;        // between its words: wide in a table's row
  double width() const { return right - left; }
};

std::string utf8_of(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

bool same_font_size(double a, double b) {
  return std::abs(a - b) <= kFontSizeTolerance * std::max(a, b);
}

// Poppler reports its parsing errors through this function; they would go to
// stderr as lines without the file's name. The caller reports failures.
void ignore_poppler_message(const std::string&, void*) {}

void quiet_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(ignore_poppler_message, nullptr); });
}

// The words of a line in visual order, a word of no width drawn inside
// another put before it (a ligature's second letter).
void order_visually(std::vector<Word>& words) {
  std::stable_sort(words.begin(), words.end(),
                   [](const Word& a, const Word& b) { return a.left < b.left; });
  for (size_t i = 1; i < words.size(); ++i) {
    const Word& w = words[i];
    const Word& before = words[i - 1];
    if (w.right - w.left < 0.5 && w.left >= before.left && w.left < before.right)
      std::swap(words[i], words[i - 1]);
  }
}

Line line_of(std::vector<Word> words, bool& reversed_lam_alef) {
  order_visually(words);
  Line line;
  line.left = words.front().left;
  line.right = words.front().right;
  line.top = words.front().top;
  line.bottom = words.front().bottom;
  std::string visual;
  double right_so_far = words.front().left;
  double word_left = words.front().left;  // of the word being read, left to right
  double leftmost_word_width = -1, word_width = 0;
  for (const Word& w : words) {
    if (!visual.empty()) line.widest_gap = std::max(line.widest_gap, w.left - right_so_far);
    if (!visual.empty() && w.left - right_so_far > kSpaceShareOfFont * w.font_size) {
      visual.push_back(' ');
      if (leftmost_word_width < 0) leftmost_word_width = right_so_far - word_left;
      word_left = w.left;
    }
    visual += w.text;
    right_so_far = std::max(right_so_far, w.right);
    word_width = right_so_far - word_left;
    line.left = std::min(line.left, w.left);
    line.right = std::max(line.right, w.right);
    line.top = std::min(line.top, w.top);
    line.bottom = std::max(line.bottom, w.bottom);
    line.font_size = std::max(line.font_size, w.font_size);
  }
  if (leftmost_word_width < 0) leftmost_word_width = word_width;
  line.first_word_width = is_mostly_arabic(visual) ? word_width : leftmost_word_width;
  line.text = repair_extracted_arabic(logical_from_visual(visual), &reversed_lam_alef);
  return line;
}

// The page's words gathered into lines, in poppler's reading order.
std::vector<Line> lines_of(poppler::page& page, bool& reversed_lam_alef) {
  std::vector<Line> lines;
  std::vector<Word> current;
  double center = 0, half_height = 0;
  for (const poppler::text_box& box : page.text_list(poppler::page::text_list_include_font)) {
    poppler::rectf r = box.bbox();
    Word w{utf8_of(box.text()), r.left(), r.right(), r.top(), r.bottom(),
           box.has_font_info() ? box.get_font_size() : r.height()};
    if (w.text.empty()) continue;
    double c = (w.top + w.bottom) / 2;
    if (!current.empty() && std::abs(c - center) > std::max(half_height, r.height() / 2)) {
      lines.push_back(line_of(std::move(current), reversed_lam_alef));
      current.clear();
    }
    if (current.empty()) {
      center = c;
      half_height = r.height() / 2;
    }
    current.push_back(std::move(w));
  }
  if (!current.empty()) lines.push_back(line_of(std::move(current), reversed_lam_alef));
  std::erase_if(lines, [](const Line& l) {
    return l.text.find_first_not_of(" \t") == std::string::npos;
  });
  return lines;
}

bool ends_sentence(std::string_view text) {
  for (std::string_view end : {".", "!", "?", ":", "؟", "۔", "…"})
    if (text.ends_with(end)) return true;
  return false;
}

bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_letter(char c) { return is_ascii_lower(c) || (c >= 'A' && c <= 'Z'); }

// `paragraph` continued by `line`: a Latin word hyphenated at the line end
// joined, else a space between.
void continue_paragraph(std::string& paragraph, const std::string& line) {
  size_t n = paragraph.size();
  if (n >= 2 && paragraph[n - 1] == '-' && is_ascii_letter(paragraph[n - 2]) && !line.empty() &&
      is_ascii_lower(line[0])) {
    paragraph.pop_back();
  } else if (!paragraph.empty()) {
    paragraph.push_back(' ');
  }
  paragraph += line;
}

// A title that names the document: not empty, not a file name, not a
// program's default ("Untitled", "Microsoft Word - ...").
bool is_real_title(const std::string& title) {
  if (title.find_first_not_of(" \t") == std::string::npos) return false;
  for (std::string_view generic : {"untitled", "Untitled", "Microsoft Word", "Document", "Slide"})
    if (title.starts_with(generic)) return false;
  for (std::string_view extension : {".doc", ".docx", ".pdf", ".odt", ".txt", ".rtf", ".html"})
    if (title.ends_with(extension)) return false;
  return true;
}

// Builds the document's paragraphs page by page.
class ParagraphBuilder {
 public:
  explicit ParagraphBuilder(DocumentText& text) : text_(text) {}

  // Remembers the lines in the margins of page `number` (headers, footers)
  // before the page is read: a line seen there on two pages is left out of
  // every page, the first included.
  void note_margins(int number, const std::vector<Line>& all, double page_height) {
    for (const Line& line : all) in_margin_of_pages(line, page_height, number);
  }

  void add_page(int number, const std::vector<Line>& all, double page_height) {
    std::vector<const Line*> body;
    for (const Line& line : all)
      if (!is_header_or_footer(line, page_height, number)) body.push_back(&line);
    if (body.empty()) return;
    double pitch = usual_pitch(body);
    // The column text runs in: the extent of the lines, a table's rows
    // (cells far apart, often wider than the text) aside when there are others.
    double column_left = 0, column_right = 0;
    bool any = false;
    for (bool rows_too : {false, true}) {
      for (const Line* l : body) {
        if (!rows_too && l->widest_gap > kTableGapShareOfFont * l->font_size) continue;
        column_left = any ? std::min(column_left, l->left) : l->left;
        column_right = any ? std::max(column_right, l->right) : l->right;
        any = true;
      }
      if (any) break;
    }
    column_ = std::max(column_, column_right - column_left);
    for (size_t i = 0; i < body.size(); ++i) {
      const Line& line = *body[i];
      bool continues;
      if (i == 0) {
        continues = !open_.empty() && same_font_size(last_.font_size, line.font_size) &&
                    !ends_sentence(last_.text) && !ended_before_edge(last_, line);
      } else {
        const Line& above = *body[i - 1];
        double step = line.top - above.top;
        continues = same_font_size(above.font_size, line.font_size) && step > 0 &&
                    step <= kParagraphGapShare * pitch * line.font_size &&
                    !ended_before_edge(above, line);
      }
      if (!continues) {
        flush();
        open_page_ = number;
      }
      continue_paragraph(open_, line.text);
      last_ = line;
    }
  }

  void finish() { flush(); }
  bool full() const { return full_; }

 private:
  // Whether `above` ended before the column's far edge though the first
  // word of `below` would have fitted there: its paragraph ended.
  bool ended_before_edge(const Line& above, const Line& below) const {
    // The column is known only as the widest lines span it; a line may end
    // short of it by a little for its alignment or indent.
    double room = column_ - above.width();
    return below.first_word_width + kSpaceShareOfFont * below.font_size <
           room - std::max(0.03 * column_, 0.3 * below.font_size);
  }

  // Notes that `line` is in the top or bottom margin of page `number`;
  // the number of pages its text (digits aside) was seen in the margin of,
  // or 0 when the line is not in a margin.
  size_t in_margin_of_pages(const Line& line, double page_height, int number) {
    if (page_height <= 0) return 0;
    bool in_margin = line.bottom < kMarginBandShare * page_height ||
                     line.top > (1 - kMarginBandShare) * page_height;
    if (!in_margin) return 0;
    std::string key;
    for (char c : line.text)
      if (!(c >= '0' && c <= '9') && c != ' ' && c != '-' && c != '/') key.push_back(c);
    auto seen = margin_lines_.find(key);
    if (seen == margin_lines_.end()) {
      if (margin_lines_.size() >= kMaxMarginLines) return 1;
      seen = margin_lines_.emplace(key, std::set<int>()).first;
    }
    seen->second.insert(number);
    return key.empty() ? kMaxMarginLines : seen->second.size();  // a page number
  }

  bool is_header_or_footer(const Line& line, double page_height, int number) {
    return in_margin_of_pages(line, page_height, number) >= 2;
  }

  // The distance between the tops of consecutive lines of the same size,
  // in font sizes: the median, or 1.25 when the page has too few lines.
  static double usual_pitch(const std::vector<const Line*>& body) {
    std::vector<double> steps;
    for (size_t i = 1; i < body.size(); ++i) {
      double step = body[i]->top - body[i - 1]->top;
      if (step > 0 && body[i]->font_size > 0 &&
          same_font_size(body[i]->font_size, body[i - 1]->font_size))
        steps.push_back(step / body[i]->font_size);
    }
    if (steps.size() < 2) return 1.25;
    std::nth_element(steps.begin(), steps.begin() + steps.size() / 2, steps.end());
    return steps[steps.size() / 2];
  }

  void flush() {
    if (open_.empty() || full_) {
      open_.clear();
      return;
    }
    if (title_.empty() || open_ != title_) {
      uint32_t line = line_count(text_) + 1;
      if (!append_paragraph(text_, open_)) {
        full_ = true;
      } else if (open_page_ != section_page_) {
        text_.sections.push_back({line, std::string(1, 'p').append(std::to_string(open_page_))});
        section_page_ = open_page_;
      }
    }
    title_.clear();  // only the first paragraph may repeat the title
    open_.clear();
  }

  DocumentText& text_;
  std::map<std::string, std::set<int>> margin_lines_;  // text -> pages
  std::string open_;  // the paragraph being built
  Line last_;         // its last line
  int open_page_ = 0, section_page_ = 0;
  double column_ = 1;  // the widest column of text seen
  bool full_ = false;

 public:
  std::string title_;  // the metadata title, when line 1 holds it
};

}  // namespace

bool is_pdf_file_name(std::string_view name) { return has_extension(name, ".pdf"); }

DocumentText pdf_as_lines(const std::filesystem::path& file) {
  quiet_poppler();
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(file.string()));
  if (!doc) throw DocumentError("not a readable PDF (damaged, or not a PDF)");
  if (doc->is_locked()) throw DocumentError("encrypted PDF: cannot be read without its password");
  DocumentText text;
  ParagraphBuilder builder(text);
  std::string title = utf8_of(doc->info_key("Title"));
  if (is_real_title(title)) {
    title = repair_extracted_arabic(title);  // metadata is not drawn: not evidence
    append_paragraph(text, title);
    builder.title_ = title;
  }
  int pages = doc->pages();
  for (int i = 1; i < std::min(pages, 3); ++i) {  // pages 2 and 3: their headers and footers
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (page)
      builder.note_margins(i + 1, lines_of(*page, text.reversed_lam_alef),
                           page->page_rect().height());
  }
  for (int i = 0; i < pages && !builder.full(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    builder.add_page(i + 1, lines_of(*page, text.reversed_lam_alef), page->page_rect().height());
  }
  builder.finish();
  if (builder.full())
    text.warnings.push_back("text beyond " + std::to_string(kMaxDocumentTextBytes >> 20) +
                            " MB not indexed");
  if (text.sections.empty())
    throw DocumentError(pages == 0 ? "PDF without pages" : "no text: scanned image?");
  return text;
}

}  // namespace fahras

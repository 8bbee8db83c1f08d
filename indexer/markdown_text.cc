// Markdown to lines of text (see markdown_text.h).
#include "markdown_text.h"

#include <cmark.h>

#include <memory>
#include <vector>

namespace fahras {
namespace {

struct NodeFree {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};

// The text a reader sees of an inline subtree, appended to `out`.
void append_inline_text(cmark_node* node, std::string& out) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* literal = cmark_node_get_literal(child)) out += literal;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      case CMARK_NODE_HTML_INLINE:
        break;  // tags are not text
      default:  // emphasis, strong, link, image (its description): their text
        append_inline_text(child, out);
        break;
    }
  }
}

}  // namespace

bool is_markdown_file_name(std::string_view name) {
  return (name.size() > 3 && name.ends_with(".md")) ||
         (name.size() > 9 && name.ends_with(".markdown"));
}

std::string markdown_as_lines(std::string_view markdown) {
  std::unique_ptr<cmark_node, NodeFree> document(
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT));
  std::vector<std::string> lines;
  std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(document.get()),
                                                               &cmark_iter_free);
  for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter.get());
    cmark_node_type type = cmark_node_get_type(node);
    if (type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING) continue;
    std::string text;
    append_inline_text(node, text);
    for (char& c : text)
      if (c == '\n' || c == '\r') c = ' ';
    int line = cmark_node_get_start_line(node);
    if (line < 1 || text.empty()) continue;
    if (lines.size() < static_cast<size_t>(line)) lines.resize(static_cast<size_t>(line));
    std::string& at = lines[static_cast<size_t>(line) - 1];
    at += (at.empty() ? "" : " ") + text;
  }
  std::string out;
  for (const std::string& l : lines) out += l + '\n';
  return out;
}

}  // namespace fahras

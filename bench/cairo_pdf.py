# Lays out a text file (first line the title) as an A4 PDF with Pango and
# cairo, as GTK applications print: paragraphs wrapped, pages broken, the
# title in the PDF's metadata. A PDF producer for bench/formats.sh that the
# tests do not use. Needs Debian's python3-gi-cairo and gir1.2-pango-1.0.
# Usage: /usr/bin/python3 cairo_pdf.py TEXT_FILE OUT.pdf
import sys
import gi
gi.require_version("Pango", "1.0")
gi.require_version("PangoCairo", "1.0")
import cairo
from gi.repository import Pango, PangoCairo

src, out = sys.argv[1], sys.argv[2]
lines = [l.strip() for l in open(src, encoding="utf-8") if l.strip()]
width, height, margin = 595, 842, 56
surface = cairo.PDFSurface(out, width, height)
surface.set_metadata(cairo.PDFMetadata.TITLE, lines[0])
ctx = cairo.Context(surface)
y = margin
for i, text in enumerate(lines):
    layout = PangoCairo.create_layout(ctx)
    layout.set_width((width - 2 * margin) * Pango.SCALE)
    layout.set_wrap(Pango.WrapMode.WORD)
    layout.set_alignment(Pango.Alignment.RIGHT)
    layout.set_font_description(Pango.FontDescription("Noto Naskh Arabic %d" % (18 if i == 0 else 11)))
    layout.set_text(text, -1)
    for n in range(layout.get_line_count()):
        line = layout.get_line_readonly(n)
        ink, logical = line.get_pixel_extents()
        if y + logical.height > height - margin:
            ctx.show_page()
            y = margin
        ctx.move_to(margin + (width - 2 * margin - logical.width), y - logical.y)
        PangoCairo.show_layout_line(ctx, line)
        y += logical.height
    y += 8
surface.finish()

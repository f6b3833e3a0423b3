#!/usr/bin/env python3
"""Makes the LibreOffice and Chromium PDFs of corpus/pdf/ (called by make_pdfs.py).

Usage:
    apt-get install libreoffice-writer-nogui chromium fonts-ipafont-gothic \
        fonts-ipafont-mincho qpdf
    python3 corpus/pdf/make_pdfs.py     # makes these too, and writes the manifest

Kinds (each the way real notices reach us):
  lo        LibreOffice Writer (headless --convert-to pdf) from generated HTML: horizontal
            text with a table; TrueType subsets with ToUnicode maps
  chrome    headless Chromium --print-to-pdf of generated HTML: horizontal, with a table
  chrome-v  headless Chromium of HTML with CSS `writing-mode: vertical-rl` (vertical Japanese,
            right-to-left columns)
  lo-v      LibreOffice Writer from a generated flat ODT whose page writing mode is tb-rl
            (vertical, like Word's 縦書き; half-width digits and Latin set sideways)

The HTML holds the text of the source lines and nothing else: Markdown markup of .md notices
(`#` headings, `- ` items, `|` table rows) becomes HTML elements; in plain text, a timeline
(a date cell, spaces, then the event; deeper-indented continuation lines) becomes a
two-column table, and 3+ lines of cells set apart by 2+ spaces a table with a header row. tests/pdf.rs strips the same markup from the source lines before comparing.

Reproducibility: the dates the tools write (/CreationDate, /ModDate, xmp dates), LibreOffice's
/DocChecksum and the /ID are replaced by fixed bytes of the same length, then qpdf rewrites
the file with a content-derived /ID (--deterministic-id). The fonts are subset by the tools; the bytes depend on the tool versions
(LibreOffice 7.4, Chromium 156 when these were made).
"""
import html
import os
import re
import shutil
import subprocess
import tempfile

FIXED_DATE = b"20250101000000"  # replaces the 14 digits of every D:YYYYMMDDHHmmSS date
GOTHIC = "'IPAGothic', 'IPAゴシック', sans-serif"
MINCHO = "'IPAMincho', 'IPA明朝', serif"

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-pdf-header-footer", "--print-to-pdf-no-header", "--hide-scrollbars",
]


# ---- HTML from source lines ----

TABLE_ROW = re.compile(r"^\|(.*)\|\s*$")
TABLE_RULE = re.compile(r"^\|[\s:|-]+\|\s*$")
# A timeline line: a date cell (with 月 or 翌), spaces (ASCII or ideographic), the event.
TIMELINE_ROW = re.compile(r"^[ \u3000]{0,4}(\S.{0,10}?日\S*)[ \u3000]+(\S.*)$")
# Cells of a plain-text table row are set apart by two or more spaces.
CELL_GAP = re.compile(r"[ \u3000]{2,}")
CONTINUATION = re.compile(r"^[ \u3000]{8,}(\S.*)$")
# A line pushed far right (a date or the issuer above the title) stays right-aligned.
RIGHT = re.compile(r"^[ \u3000]{20,}\S")


def esc(text):
    return html.escape(text, quote=False)


def markdown_blocks(lines):
    """HTML for Markdown lines: headings, list items, tables, paragraphs."""
    out, rows, items = [], [], []

    def flush():
        if items:
            out.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>")
            items.clear()
        if rows:
            out.append(table(rows[0], rows[1:]))
            rows.clear()

    for line in lines:
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        item = re.match(r"^-\s+(.*)$", line)
        if TABLE_RULE.match(line):
            continue
        if TABLE_ROW.match(line):
            if items:
                flush()
            rows.append([c.strip() for c in TABLE_ROW.match(line).group(1).split("|")])
            continue
        if item:
            if rows:
                flush()
            items.append(item.group(1))
            continue
        flush()
        if heading:
            level = min(len(heading.group(1)) + 1, 6)
            out.append(f"<h{level}>{esc(heading.group(2))}</h{level}>")
        elif line.strip():
            out.append(f"<p>{esc(line.strip())}</p>")
    flush()
    return out


def spaced_cells(line):
    """The cells of a line whose cells are set apart by 2+ spaces, else None."""
    cells = [c for c in CELL_GAP.split(line.strip()) if c]
    return cells if len(cells) >= 2 else None


def spaced_tables(lines):
    """{first line index: (line count, rows)} for runs of 3+ lines of spaced cells; short
    rows (「計  9,731名」) keep their first cell first and their last cells last."""
    found, i = {}, 0
    while i < len(lines):
        j = i
        while j < len(lines) and spaced_cells(lines[j]):
            j += 1
        if j - i >= 3:
            rows = [spaced_cells(l) for l in lines[i:j]]
            width = max(len(r) for r in rows)
            rows = [r[:1] + [""] * (width - len(r)) + r[1:] for r in rows]
            found[i] = (j - i, rows)
        i = max(j, i + 1)
    return found


def text_blocks(lines):
    """HTML for plain-text lines: a timeline (date, spaces, event) and a run of 3+ lines of
    cells set apart by 2+ spaces (its first line the header) become tables."""
    out, rows = [], []
    tables = spaced_tables(lines)
    skip = 0
    for i, line in enumerate(lines):
        if skip:
            skip -= 1
            continue
        if i in tables:
            if rows:
                out.append(table(["日時", "経過"], rows, header=False))
                rows = []
            count, cells = tables[i]
            out.append(table(cells[0], cells[1:]))
            skip = count - 1
            continue
        row = TIMELINE_ROW.match(line)
        more = CONTINUATION.match(line)
        if rows and more:
            rows[-1][1] += more.group(1)
            continue
        if row and ("月" in row.group(1) or "翌" in row.group(1)):
            rows.append([row.group(1), row.group(2)])
            continue
        if rows:
            out.append(table(["日時", "経過"], rows, header=False))
            rows = []
        if RIGHT.match(line):
            out.append(f"<p class=\"r\" align=\"right\">{esc(line.strip())}</p>")
        elif line.strip():
            out.append(f"<p>{esc(line.strip())}</p>")
    if rows:
        out.append(table(["日時", "経過"], rows, header=False))
    return out


def table(head, rows, header=True):
    """A bordered table (HTML attributes too: LibreOffice ignores most table CSS) whose first
    column is wide enough for its longest cell; `head` is written only when it is part of the
    source."""
    first = max(len(r[0]) for r in [head, *rows] if r)
    width = f' width="{min(first * 3 + 3, 40)}%"'  # ~3 % of the text width per character
    parts = ['<table border="1" cellspacing="0" cellpadding="3" width="100%">']
    cells = [(head, "th")] if header else []
    cells += [(r, "td") for r in rows]
    for i, (r, tag) in enumerate(cells):
        attrs = [(width if (i == 0 and j == 0) else "") + ' valign="top"' for j in range(len(r))]
        row = "".join(f"<{tag}{a}>{esc(c)}</{tag}>" for a, c in zip(attrs, r))
        parts.append(f"<tr>{row}</tr>")
    parts.append("</table>")
    return "".join(parts)


def page(blocks, font, vertical=False):
    """A complete HTML page; vertical pages use `writing-mode: vertical-rl`."""
    writing = "writing-mode: vertical-rl; text-orientation: mixed;" if vertical else ""
    style = (
        "@page { size: A4; margin: 18mm; }"
        f"html {{ {writing} }}"
        f"body {{ font-family: {font}; font-size: 10.5pt; line-height: 1.6; margin: 0; }}"
        # No bold: IPA fonts have none, and Chromium draws fake bold as Type 3 glyph
        # outlines (large files). OpenType-CFF fonts (Noto CJK) come out as Type 3 too.
        "h1, h2, h3, h4, th { font-size: 12pt; font-weight: normal; margin: 0.6em 0 0.3em; }"
        "p { margin: 0 0 0.3em; } p.r { text-align: end; } ul { margin: 0 0 0.3em; }"
        "table { border-collapse: collapse; margin: 0.4em 0; }"
        "th, td { border: 1px solid #444; padding: 2pt 4pt; vertical-align: top;"
        " text-align: left; }"
    )
    return (
        "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">"
        f"<title>jpnotice test notice</title><style>{style}</style></head>\n<body>\n"
        + "\n".join(blocks)
        + "\n</body></html>\n"
    )


def html_for(name, lines, font, vertical=False):
    blocks = markdown_blocks(lines) if name.endswith(".md") else text_blocks(lines)
    return page(blocks, font, vertical)


# ---- flat ODT (LibreOffice's HTML import has no vertical writing) ----

FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>jpnotice test notice</dc:title></office:meta>
 <office:font-face-decls><style:font-face style:name="IPAMincho" svg:font-family="IPAMincho"/>
 </office:font-face-decls>
 <office:styles><style:default-style style:family="paragraph">
  <style:text-properties style:font-name="IPAMincho" fo:font-size="10.5pt"
   style:font-name-asian="IPAMincho" style:font-size-asian="10.5pt" fo:language="ja"
   fo:country="JP" style:language-asian="ja" style:country-asian="JP"/>
 </style:default-style></office:styles>
 <office:automatic-styles>
  <style:style style:name="R" style:family="paragraph">
   <style:paragraph-properties fo:text-align="end"/></style:style>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="297mm" fo:page-height="210mm"
    style:print-orientation="landscape" style:writing-mode="{mode}" fo:margin-top="18mm"
    fo:margin-bottom="18mm" fo:margin-left="18mm" fo:margin-right="18mm"/>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
 <office:body><office:text>
{body}
 </office:text></office:body>
</office:document>
"""


def fodt_for(lines, vertical=True):
    """A flat ODT: one paragraph per non-blank source line, far-right lines aligned to the end;
    A4 landscape written top to bottom, right to left when `vertical`."""
    paragraphs = []
    for line in lines:
        if not line.strip():
            continue
        style = ' text:style-name="R"' if RIGHT.match(line) else ""
        paragraphs.append(f"  <text:p{style}>{esc(line.strip())}</text:p>")
    return FODT.format(mode="tb-rl" if vertical else "lr-tb", body="\n".join(paragraphs))


# ---- converters ----

def fix_volatile(data):
    """Replaces what changes from run to run by fixed bytes of the same length (so that the
    cross-reference offsets stay right): PDF dates (D:YYYYMMDDHHmmSS), xmp dates,
    LibreOffice's /DocChecksum and the file /ID."""
    data = re.sub(rb"D:\d{14}", b"D:" + FIXED_DATE, data)
    data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", b"2025-01-01T00:00:00", data)
    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]+", lambda m: zero_hex(m[0], rb"/\w+$"), data)
    return re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]",
                  lambda m: zero_hex(m[0], rb"<[0-9A-Fa-f]*>"), data)


def zero_hex(found, part):
    """`found` with the hex digits of each match of `part` turned into zeros."""
    return re.sub(part, lambda p: re.sub(rb"[0-9A-Fa-f]", b"0", p[0]), found)


def finish(raw, path):
    """Fixes the dates, then lets qpdf rewrite with a content-derived /ID."""
    with open(raw, "rb") as f:
        data = fix_volatile(f.read())
    with open(raw, "wb") as f:
        f.write(data)
    subprocess.run(["qpdf", "--deterministic-id", "--object-streams=generate",
                    "--compress-streams=y", "--recompress-flate", raw, path], check=True)


def libreoffice(document, path, suffix="html"):
    """Converts an HTML (`suffix` "html") or flat ODT ("fodt") document with Writer."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "notice." + suffix)
        with open(src, "w", encoding="utf-8") as f:
            f.write(document)
        infilter = ["--infilter=HTML (StarWriter)"] if suffix == "html" else []
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        *infilter, "--convert-to", "pdf:writer_pdf_Export",
                        "--outdir", tmp, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        finish(os.path.join(tmp, "notice.pdf"), path)


def chromium(html_text, path):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "notice.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(html_text)
        raw = os.path.join(tmp, "raw.pdf")
        profile = os.path.join(tmp, "profile")
        os.mkdir(profile)
        browser = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
        subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                        f"--print-to-pdf={raw}", "file://" + src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        finish(raw, path)


def make(kind, path, name, lines):
    """Makes one PDF of `kind` (lo, chrome, chrome-v) from the lines of notice `name`."""
    if kind == "lo":
        libreoffice(html_for(name, lines, GOTHIC), path)
    elif kind == "chrome":
        chromium(html_for(name, lines, GOTHIC), path)
    elif kind == "chrome-v":
        chromium(html_for(name, lines, MINCHO, vertical=True), path)
    elif kind == "lo-v":
        libreoffice(fodt_for(lines), path, suffix="fodt")
    else:
        raise ValueError(kind)


KINDS = ("lo", "chrome", "chrome-v", "lo-v")

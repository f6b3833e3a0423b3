#!/usr/bin/env python3
"""Makes the small Japanese PDFs of corpus/pdf/ from the team's own notices.

Usage:
    pip install reportlab==4.* ; apt-get install fonts-ipafont-gothic qpdf
    apt-get install libreoffice-writer-nogui chromium fonts-ipafont-mincho  # lo, chrome*
    python3 corpus/pdf/make_pdfs.py            # rewrites corpus/pdf/*.pdf and manifest.tsv
    python3 corpus/pdf/make_pdfs.py --bench DIR [NOTICES]
        # every notice (of corpus/notices, or of the folder NOTICES) in every kind whose
        # tool is installed, for examples/pdf_bench.rs; nothing is written to the repo

Kinds (each the way real notices reach us):
  ttf     TrueType subset embedded with a ToUnicode map (like Word/LibreOffice output)
  cid-h   non-embedded HeiseiMin-W3 with the predefined CMap UniJIS-UCS2-H, no ToUnicode
  cid-v   the same font written vertically (UniJIS-UCS2-V, right-to-left columns)
  enc     cid-h encrypted with an owner password and an EMPTY user password (opens anywhere)
  locked  cid-h encrypted with a non-empty user password (cannot be read without it)
  trunc   the first 60% of a cid-h file (broken: no xref, no trailer)
  lo, chrome, chrome-v, lo-v   LibreOffice and headless Chromium output of generated HTML or
          ODT (tables, vertical text): made by make_html_pdfs.py beside this file, see there

The manifest records, per PDF, the source notice and the line range typeset, so that
tests can compare the extracted text with the source without copying it.
"""
import os
import shutil
import subprocess
import sys
import unicodedata

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab import rl_config

import make_html_pdfs

rl_config.invariant = 1  # reproducible bytes (fixed dates and ids)

HERE = os.path.dirname(os.path.abspath(__file__))
# Deliberately unreadable PDFs go beside the tests, outside the corpus.
INVALID = os.path.join(HERE, "..", "..", "tests", "data", "invalid-pdf")
NOTICES = os.path.join(HERE, "..", "notices")
TTF = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"
ENCODINGS = {".sjis.txt": "cp932", ".eucjp.txt": "euc_jis_2004"}


def use_cid_font(vertical):
    """Registers HeiseiMin-W3 horizontal or vertical (ReportLab names both alike)."""
    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3", isVertical=vertical))


def read_notice(name):
    encoding = next((e for suffix, e in ENCODINGS.items() if name.endswith(suffix)), "utf-8")
    with open(os.path.join(NOTICES, name), encoding=encoding) as f:
        return f.read().splitlines()


def source_lines(name, first, last):
    """Lines first..last (1-based, inclusive) with layout indentation removed."""
    lines = read_notice(name)
    last = min(last, len(lines))
    return [l.strip() for l in lines[first - 1:last]]


def wrap(line, font, size, width):
    """Splits a line into pieces no wider than `width` points."""
    pieces, current = [], ""
    for ch in line:
        if current and pdfmetrics.stringWidth(current + ch, font, size) > width:
            pieces.append(current)
            current = ""
        current += ch
    pieces.append(current)
    return pieces


def horizontal(path, lines, font, size=10.5, encrypt=None):
    c = canvas.Canvas(path, pagesize=A4, encrypt=encrypt)
    c.setTitle("jpnotice test notice")
    width, height = A4
    margin = 56
    y = height - margin
    c.setFont(font, size)
    for line in lines:
        for piece in wrap(line, font, size, width - 2 * margin):
            if y < margin:
                c.showPage()
                c.setFont(font, size)
                y = height - margin
            c.drawString(margin, y, piece)
            y -= size * 1.6
    c.showPage()
    c.save()


def vertical(path, lines, size=10.5):
    """Right-to-left columns of top-to-bottom text."""
    font = "HeiseiMin-W3"
    c = canvas.Canvas(path, pagesize=A4)
    width, height = A4
    margin = 56
    column = size  # characters per column from the vertical advance (1 em each)
    per_column = int((height - 2 * margin) // column)
    x = width - margin
    c.setFont(font, size)
    for line in lines:
        for start in range(0, max(len(line), 1), per_column):
            if x < margin:
                c.showPage()
                c.setFont(font, size)
                x = width - margin
            c.drawString(x, height - margin, line[start:start + per_column])
            x -= size * 1.8
    c.showPage()
    c.save()


def make(kind, path, name, first, last):
    if kind in make_html_pdfs.KINDS:
        # Lines as they are: the HTML keeps the layout of plain-text timelines.
        lines = read_notice(name)[first - 1:last]
        make_html_pdfs.make(kind, path, name, lines)
        return
    lines = source_lines(name, first, last)
    use_cid_font(kind == "cid-v")
    if kind in ("ttf",):
        if "IPAGothic" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("IPAGothic", TTF))
        horizontal(path, lines, "IPAGothic")
    elif kind == "cid-h":
        horizontal(path, lines, "HeiseiMin-W3")
    elif kind == "cid-v":
        vertical(path, lines)
    elif kind in ("enc", "locked"):
        # ReportLab's own encryption garbles CID font dictionaries: encrypt with qpdf.
        plain = path + ".plain.pdf"
        horizontal(plain, lines, "HeiseiMin-W3")
        user = "" if kind == "enc" else "jpnotice-user"
        # --static-id and --static-aes-iv: the same bytes on every run.
        subprocess.run(["qpdf", "--static-id", "--static-aes-iv", "--encrypt", user,
                        "jpnotice-owner", "128", "--use-aes=y", "--", plain, path], check=True)
        os.remove(plain)
    else:
        raise ValueError(kind)


# pdf file, kind, source notice, first line, last line
CORPUS = [
    ("usb-memory.cid-h.pdf", "cid-h", "school-lost-usb-memory.txt", 1, 999),
    ("sql-injection.ttf.pdf", "ttf", "music-school-sql-injection.txt", 1, 12),
    ("fax-misdelivery.cid-v.pdf", "cid-v", "city-welfare-fax-misdelivery-2nd.sjis.txt", 1, 22),
    ("roster.encrypted-empty-user.pdf", "enc", "npo-volunteer-roster-stolen-bag.eucjp.txt", 1, 999),
    ("locked.encrypted-user-password.pdf", "locked", "school-lost-usb-memory.txt", 1, 3),
    ("water-failure.lo.pdf", "lo", "water-utility-system-failure-2nd.txt", 1, 999),
    ("hospital-ransomware.chrome.pdf", "chrome",
     "archive-shape-hospital-ransomware-vpn.md", 1, 999),
    ("contractor-pc.lo.pdf", "lo", "city-cover-letter-plus-contractor-stolen-pc.txt", 1, 999),
    ("email-misdelivery.lo-v.pdf", "lo-v", "foundation-email-to-cc-misdelivery.txt", 1, 999),
    ("health-insurance.chrome-v.pdf", "chrome-v",
     "health-insurance-kanji-era-misdelivered-letters.txt", 1, 999),
]


def main():
    if len(sys.argv) in (3, 4) and sys.argv[1] == "--bench":
        global NOTICES
        out = sys.argv[2]
        if len(sys.argv) == 4:
            NOTICES = sys.argv[3]
        os.makedirs(out, exist_ok=True)
        kinds = ["ttf", "cid-h", "cid-v"]
        if shutil.which("soffice"):
            kinds += ["lo", "lo-v"]
        if shutil.which("chromium") or shutil.which("chromium-browser"):
            kinds += ["chrome", "chrome-v"]
        for name in sorted(os.listdir(NOTICES)):
            stem = name.split(".")[0]
            lines = source_lines(name, 1, 99999)
            with open(os.path.join(out, stem + ".source.txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            for kind in kinds:
                make(kind, os.path.join(out, f"{stem}.{kind}.pdf"), name, 1, 99999)
        return
    rows = []
    for pdf, kind, name, first, last in CORPUS:
        out_dir = INVALID if kind == "locked" else HERE
        make(kind, os.path.join(out_dir, pdf), name, first, last)
        last = min(last, len(read_notice(name)))
        rows.append(f"{pdf}\t{kind}\t{name}\t{first}\t{last}")
    with open(os.path.join(HERE, "usb-memory.cid-h.pdf"), "rb") as f:
        data = f.read()
    with open(os.path.join(INVALID, "truncated.broken.pdf"), "wb") as f:
        f.write(data[: len(data) * 6 // 10])
    rows.append("truncated.broken.pdf\ttrunc\t-\t0\t0")
    with open(os.path.join(HERE, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("pdf\tkind\tsource\tfirst_line\tlast_line\n" + "\n".join(rows) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Makes the tiny PDFs of tests/data/cmap/: one per predefined CMap family, written byte by byte.

Usage:
    apt-get install poppler-data      # only for identity-*.pdf: Adobe's UniJIS-UCS2-H gives the CIDs
    pip install fonttools             # only for truetype-cmap.pdf: a two-line TrueType font made here
    python3 corpus/pdf/make_cmap_pdfs.py

Each PDF shows the same two lines (LINES) through one encoding, with a non-embedded font
(Ryumin-Light, Adobe-Japan1) and no ToUnicode map, so a reader must know the CMap:
  h, v                 7-bit JIS X 0208 (CMap H / V)
  euc-h, euc-v         EUC-JP (EUC-H / EUC-V)
  rksj-h, rksj-v       Shift_JIS (90ms-RKSJ-H / 90ms-RKSJ-V)
  ucs2-h, ucs2-v       UTF-16 BMP (UniJIS-UCS2-H / UniJIS-UCS2-V)
  utf16-h              UTF-16 (UniJIS-UTF16-H)
  identity-h, -v       Adobe-Japan1 CIDs (Identity-H / -V), CIDs looked up in poppler-data's
                       copy of Adobe's UniJIS-UCS2-H (not in jpnotice's own table)
  truetype-cmap        a TrueType font made here whose only map is its cmap table (Identity-H,
                       glyph ids as codes, no ToUnicode)
  crop-box             the h text inside the crop box, a slug line outside it
  unmapped             h text plus glyphs of a font that maps nothing (must be dropped)
Vertical files set the lines as two columns, right to left. Bytes are fixed: no dates, no ids.
"""
import io
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "tests", "data", "cmap")
LINES = ["個人情報漏えいのお知らせ", "不正アクセスについて"]
SLUG = "ＳＬＵＧ　ｐ４６"
UCS2_CMAP = "/usr/share/poppler/cMap/Adobe-Japan1/UniJIS-UCS2-H"


def jis(text):
    """7-bit JIS X 0208 bytes (ISO-2022-JP without the escapes)."""
    raw = text.encode("iso2022_jp")
    return re.sub(rb"\x1b[\$\(][@BJ]", b"", raw)


def cids(text):
    """Adobe-Japan1 CIDs of each character, from Adobe's UniJIS-UCS2-H (poppler-data)."""
    table = {}
    with open(UCS2_CMAP, encoding="latin-1") as f:
        data = f.read()
    for block in re.findall(r"begincidchar(.*?)endcidchar", data, re.S):
        for code, cid in re.findall(r"<([0-9a-fA-F]+)>\s+(\d+)", block):
            table[int(code, 16)] = int(cid)
    for block in re.findall(r"begincidrange(.*?)endcidrange", data, re.S):
        for lo, hi, cid in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s+(\d+)", block):
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                table.setdefault(code, int(cid) + i)
    return b"".join(table[ord(c)].to_bytes(2, "big") for c in text)


ENCODERS = {
    "h": ("H", jis),
    "v": ("V", jis),
    "euc-h": ("EUC-H", lambda t: t.encode("euc_jp")),
    "euc-v": ("EUC-V", lambda t: t.encode("euc_jp")),
    "rksj-h": ("90ms-RKSJ-H", lambda t: t.encode("cp932")),
    "rksj-v": ("90ms-RKSJ-V", lambda t: t.encode("cp932")),
    "ucs2-h": ("UniJIS-UCS2-H", lambda t: t.encode("utf-16-be")),
    "ucs2-v": ("UniJIS-UCS2-V", lambda t: t.encode("utf-16-be")),
    "utf16-h": ("UniJIS-UTF16-H", lambda t: t.encode("utf-16-be")),
    "identity-h": ("Identity-H", cids),
    "identity-v": ("Identity-V", cids),
}


def pdf(objects):
    """A PDF file from object bodies (object i+1 = objects[i]); object 1 is the catalog."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def cid_font(encoding, ordering=b"Japan1"):
    """Type0 Ryumin-Light (not embedded) on a predefined CMap: objects 5, 6, 7."""
    return [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Ryumin-Light /Encoding /%s "
        b"/DescendantFonts [6 0 R] >>" % encoding.encode(),
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Ryumin-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (%s) /Supplement 2 >> "
        b"/FontDescriptor 7 0 R /DW 1000 >>" % ordering,
        b"<< /Type /FontDescriptor /FontName /Ryumin-Light /Flags 4 /FontBBox [-170 -331 1024 903] "
        b"/ItalicAngle 0 /Ascent 723 /Descent -241 /CapHeight 709 /StemV 69 >>",
    ]


def page(content, fonts, boxes=b"/MediaBox [0 0 300 200]"):
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R %s /Resources << /Font << %s >> >> /Contents 4 0 R >>"
        % (boxes, fonts),
        stream(content),
    ]


def shows(encode, vertical, lines=LINES):
    """Content showing each line, horizontally top-down or as columns right to left."""
    parts = [b"BT /F1 12 Tf"]
    for i, line in enumerate(lines):
        x, y = (250 - 20 * i, 185) if vertical else (20, 160 - 20 * i)
        parts.append(b"1 0 0 1 %d %d Tm <%s> Tj" % (x, y, encode(line).hex().encode()))
    parts.append(b"ET")
    return b"\n".join(parts)


def truetype_font():
    """A TrueType font with one empty glyph per character of LINES, mapped only by its cmap."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    chars = sorted(set("".join(LINES)))
    names = [".notdef"] + [f"g{i}" for i in range(1, len(chars) + 1)]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({ord(c): f"g{i}" for i, c in enumerate(chars, start=1)})
    pen = TTGlyphPen(None)
    pen.moveTo((100, 0)), pen.lineTo((100, 800)), pen.lineTo((900, 800)), pen.closePath()
    glyph = pen.glyph()
    fb.setupGlyf({n: glyph for n in names})
    fb.setupHorizontalMetrics({n: (1000, 100) for n in names})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "JpnoticeTest", "styleName": "Regular"})
    fb.setupOS2()
    fb.setupPost()
    # Fixed timestamps (2024-01-01, seconds since 1904), so the bytes do not change from run to run.
    fb.font.recalcTimestamp = False
    fb.font["head"].created = fb.font["head"].modified = 3786912000
    buf = io.BytesIO()
    fb.font.save(buf)
    gid = {c: i for i, c in enumerate(chars, start=1)}
    return buf.getvalue(), lambda text: b"".join(gid[c].to_bytes(2, "big") for c in text)


def make(name):
    if name in ENCODERS:
        encoding, encode = ENCODERS[name]
        content = shows(encode, encoding.endswith("V"))
        return pdf(page(content, b"/F1 5 0 R") + cid_font(encoding))
    if name == "crop-box":
        content = shows(jis, False) + b"\nBT /F1 8 Tf 20 230 Td <%s> Tj ET" % jis(SLUG).hex().encode()
        boxes = b"/MediaBox [0 0 300 260] /CropBox [0 0 300 200]"
        return pdf(page(content, b"/F1 5 0 R", boxes) + cid_font("H"))
    if name == "unmapped":
        # F2: an Identity-H font of no known collection and no ToUnicode: its glyphs map to nothing.
        content = shows(jis, False) + b"\nBT /F2 12 Tf 20 100 Td <00010002> Tj ET"
        objs = page(content, b"/F1 5 0 R /F2 8 0 R") + cid_font("H")
        objs += [
            b"<< /Type /Font /Subtype /Type0 /BaseFont /Marks /Encoding /Identity-H /DescendantFonts [9 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Marks /CIDSystemInfo << /Registry (Adobe) "
            b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R >>",
        ]
        return pdf(objs)
    if name == "truetype-cmap":
        program, encode = truetype_font()
        content = shows(encode, False)
        objs = page(content, b"/F1 5 0 R") + [
            b"<< /Type /Font /Subtype /Type0 /BaseFont /JpnoticeTest /Encoding /Identity-H "
            b"/DescendantFonts [6 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /JpnoticeTest /CIDSystemInfo << /Registry "
            b"(Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 "
            b"/CIDToGIDMap /Identity >>",
            b"<< /Type /FontDescriptor /FontName /JpnoticeTest /Flags 4 /FontBBox [0 -120 1000 880] "
            b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 /FontFile2 8 0 R >>",
            stream(program, b"/Length1 %d " % len(program)),
        ]
        return pdf(objs)
    raise SystemExit(f"unknown kind {name}")


KINDS = list(ENCODERS) + ["crop-box", "unmapped", "truetype-cmap"]


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in sys.argv[1:] or KINDS:
        data = make(name)
        with open(os.path.join(OUT, f"{name}.pdf"), "wb") as f:
            f.write(data)
        print(f"{name}.pdf {len(data)} bytes")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Runs jpnotice and the Python peer ja-timex side by side on the same texts.

Prints, for the dates field, both F1 scores on the dev gold (scored the same
way as `jpnotice eval`: values of kind date, month, fiscal year) and both
throughputs on the shared archive, with their ratio.

    pip install ja-timex
    cargo build --release
    python3 benches/peer_ja_timex.py [--shared ../shared] [--bin target/release/jpnotice]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path


def load_texts(root: Path):
    paths = sorted(p for p in root.rglob("*") if p.suffix in (".md", ".txt") and p.is_file())
    return [(p, p.read_text(encoding="utf-8", errors="replace")) for p in paths]


def timex_values(parser, text, ref_year):
    """Dates found by ja-timex, as the gold writes them."""
    out = set()
    for t in parser.parse(text):
        if t.type != "DATE":
            continue
        m = re.fullmatch(r"(\d{4}|XXXX)-(\d{2}|XX)-(\d{2}|XX)", t.value or "")
        if not m:
            continue
        y, mo, d = m.groups()
        if y == "XXXX":
            if mo == "XX":
                continue
            y = str(ref_year)
        if mo == "XX":
            continue  # a bare year; the gold scores only days, months and fiscal years
        out.add(f"{y}-{mo}" if d == "XX" else f"{y}-{mo}-{d}")
    return out


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--bin", default="target/release/jpnotice")
    args = ap.parse_args()
    try:
        from ja_timex import TimexParser
    except ImportError:
        sys.exit("ja-timex is not installed: pip install ja-timex")
    corpus = Path(args.shared) / "corpus"
    gold = [json.loads(l) for l in (corpus / "gold/dev.jsonl").read_text().splitlines() if l.strip()]

    # Accuracy on the dev gold.
    tp = fp = fn = 0
    for g in gold:
        path = corpus / g["source"]
        if not path.is_file():
            path = corpus / "archive" / g["source"]
        text = path.read_text(encoding="utf-8", errors="replace")
        ref_year = int(str(g.get("published") or "2025")[:4])
        got = timex_values(TimexParser(reference=None), text, ref_year)
        want = set(g.get("dates", []))
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
    peer_f1 = f1(tp, fp, fn)
    ours = subprocess.run(
        [args.bin, "eval", "--gold", str(corpus / "gold/dev.jsonl"), "--root", str(corpus),
         "--fields", "dates", "--json"],
        check=True, capture_output=True, text=True)
    our_f1 = json.loads(ours.stdout)["fields"][0]["f1"]

    # Throughput on the archive: the peer's date parser vs jpnotice's full pipeline.
    texts = load_texts(corpus / "archive")
    size_mb = sum(len(t.encode("utf-8")) for _, t in texts) / 1e6
    peer = TimexParser()
    t0 = time.perf_counter()
    for _, t in texts:
        peer.parse(t)
    peer_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    subprocess.run([args.bin, "extract", "-j", "1", str(corpus / "archive")], check=True,
                   stdout=subprocess.DEVNULL)
    our_s = time.perf_counter() - t0

    print(f"dates F1 on dev gold:  jpnotice {our_f1:.3f}   ja-timex {peer_f1:.3f}")
    print(f"archive ({size_mb:.1f} MB, {len(texts)} files, one thread):")
    print(f"  jpnotice extract (all fields) {size_mb / our_s:6.2f} MB/s")
    print(f"  ja-timex (dates only)         {size_mb / peer_s:6.2f} MB/s")
    print(f"  ratio                         {peer_s / our_s:6.1f}x")


if __name__ == "__main__":
    main()

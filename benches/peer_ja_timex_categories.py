#!/usr/bin/env python3
"""Scores jpnotice and ja-timex in one run on a category test set.

The cases are data (benches/data/timex_categories.tsv: category, text, expected values),
invented for this repository; the categories follow ja-timex's own (absolute dates,
times, ranges, Japanese eras, abbreviated forms). Both tools read every text with the same
reference date (2024-06-01) and their outputs are mapped to the same atoms:

    dates YYYY-MM-DD, months YYYY-MM, years YYYY, times HH:MM.

jpnotice (`jpnotice dates --lines --reference-date 2024-06-01`, one JSON array per line):
    kind date / month / year / time: the value as printed; kind datetime
    (YYYY-MM-DDTHH:MM): split into its date and its time. Range ends are kept as two
    values; the "range" field itself is scored apart ("ends marked"). Other kinds keep
    their value as printed (and count as extra values unless expected).
ja-timex (TimexParser(reference=2024-06-01 Asia/Tokyo)), Timex .type/.value:
    DATE YYYY-MM-DD / YYYY-MM-XX / YYYY-XX-XX: date / month / year; an unknown year
    (XXXX) takes the reference year (ja-timex leaves it open; every year-less case of the
    set lies on or before the reference date in its year, so this mapping is the right
    year for every case, never a guess against the tool). Week forms (XXXX-WXX-2, the
    weekday of 「（火）」) are dropped: weekdays are not scored for either tool.
    TIME THH-MM-SS: HH:MM, minutes XX -> 00. DURATION and SET are not dates: dropped.
    range_start / range_end attributes: scored as "ends marked", like jpnotice's range.
Lossy for both: a date with a time becomes two atoms, so which time belongs to which date
is not checked; weekdays and seconds are not scored.

Per category: accuracy = share of cases whose expected values were all found; exact =
share whose found values equal the expected ones (nothing extra); precision / recall of
values over the category.

    pip install ja-timex
    python3 benches/peer_ja_timex_categories.py [--bin target/release/jpnotice] [--show-misses]
"""
import argparse
import json
import re
import subprocess
import sys
from collections import OrderedDict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REFERENCE = "2024-06-01"


def load_cases(path):
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cat, text, expected = line.split("\t")
        cases.append((cat, text, set(expected.split())))
    return cases


def jpnotice_values(bin_path, texts):
    """One jpnotice process for all texts; returns (values, ends marked) per text."""
    out = subprocess.run(
        [bin_path, "dates", "--lines", "--reference-date", REFERENCE],
        input="\n".join(texts) + "\n", capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert len(lines) == len(texts), (len(lines), len(texts))
    results = []
    for line in lines:
        vals, marked = set(), 0
        for item in json.loads(line):
            v = item["value"]
            if item["kind"] == "datetime" and "T" in v:
                d, t = v.split("T", 1)
                vals.update((d, t[:5]))
            else:
                vals.add(v)
            if item.get("range") in ("start", "end"):
                marked += 1
        results.append((vals, marked))
    return results


def timex_values(parser, text, ref_year):
    vals, marked = set(), 0
    for t in parser.parse(text):
        v = t.value or ""
        if t.type == "DATE":
            m = re.fullmatch(r"(\d{4}|XXXX)-(\d{2}|XX)-(\d{2}|XX)", v)
            if not m:
                continue  # week forms: the weekday of a date, not scored
            y, mo, d = m.groups()
            if y == "XXXX":
                if mo == "XX":
                    continue
                y = str(ref_year)
            vals.add(y if mo == "XX" else f"{y}-{mo}" if d == "XX" else f"{y}-{mo}-{d}")
        elif t.type == "TIME":
            m = re.fullmatch(r"T(\d{2}|XX)-(\d{2}|XX)-(\d{2}|XX)", v)
            if not m or m.group(1) == "XX":
                continue
            h, mi = m.group(1), m.group(2)
            vals.add(f"{h}:{'00' if mi == 'XX' else mi}")
        else:
            continue
        if getattr(t, "range_start", None) or getattr(t, "range_end", None):
            marked += 1
    return vals, marked


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/jpnotice")
    ap.add_argument("--cases", default=str(HERE / "data" / "timex_categories.tsv"))
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    try:
        import pendulum
        from ja_timex import TimexParser
        from importlib.metadata import version
    except ImportError:
        sys.exit("ja-timex is not installed: pip install ja-timex")
    cases = load_cases(Path(args.cases))
    texts = [t for _, t, _ in cases]
    ours = jpnotice_values(args.bin, texts)
    y, m, d = map(int, REFERENCE.split("-"))
    parser = TimexParser(reference=pendulum.datetime(y, m, d, tz="Asia/Tokyo"))
    peers = [timex_values(parser, t, y) for t in texts]

    tools = OrderedDict([("jpnotice", ours), ("ja-timex", peers)])
    cats = list(OrderedDict.fromkeys(c for c, _, _ in cases))
    stats = {}
    misses = {name: [] for name in tools}
    for name, results in tools.items():
        for cat in cats + ["all"]:
            stats[(name, cat)] = dict(n=0, ok=0, exact=0, tp=0, fp=0, fn=0, marked=0, ends=0)
        for (cat, text, want), (got, marked) in zip(cases, results):
            for key in (cat, "all"):
                s = stats[(name, key)]
                s["n"] += 1
                s["ok"] += want <= got
                s["exact"] += want == got
                s["tp"] += len(want & got)
                s["fp"] += len(got - want)
                s["fn"] += len(want - got)
                if cat == "ranges":
                    s["ends"] += 2
                    s["marked"] += min(marked, 2)
            if want != got:
                misses[name].append((cat, text, sorted(want), sorted(got)))

    print(f"reference date {REFERENCE}; ja-timex {version('ja-timex')}; {len(cases)} cases")
    print(f"{'category':14} {'cases':>5}  {'tool':9} {'accuracy':>9} {'exact':>6} "
          f"{'P':>6} {'R':>6}")
    for cat in cats + ["all"]:
        for name in tools:
            s = stats[(name, cat)]
            p = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 0.0
            r = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 0.0
            print(f"{cat:14} {s['n']:5}  {name:9} {s['ok']:4}/{s['n']:<4} {s['exact']:6} "
                  f"{p:6.3f} {r:6.3f}")
    for name in tools:
        s = stats[(name, "ranges")]
        print(f"range ends marked as such, {name}: {s['marked']}/{s['ends']}")
    if args.show_misses:
        for name, rows in misses.items():
            print(f"\n{name}: cases not exactly right")
            for cat, text, want, got in rows:
                print(f"  [{cat}] {text}  want {' '.join(want)}  got {' '.join(got) or '-'}")


if __name__ == "__main__":
    main()

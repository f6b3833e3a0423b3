#!/usr/bin/env python3
"""An independent implementation of SCHEMA.md's gold scoring, to check
`jpnotice eval` against: reads the gold file and `jpnotice extract` output
(JSON Lines) and prints the same table.

    python3 scripts/independent_score.py --list GOLD ROOT | tr "\n" "\0" | xargs -0 jpnotice extract > pred.jsonl
    python3 scripts/independent_score.py GOLD ROOT pred.jsonl
"""
import json
import sys
import unicodedata
from pathlib import Path

SETS = ["dates", "record_counts", "data_items", "data_items_not_affected", "phones",
        "incident_types", "issuers"]
EXACT = ["title", "published", "notice_kind", "leak_status"]


def resolve(root, source):
    for p in (Path(root) / source, Path(root) / "archive" / source):
        if p.is_file():
            return str(p)
    return None


def predicted(field, n):
    if field == "dates":
        out = set()
        for d in n.get("dates", []):
            if d["kind"] in ("date", "month", "fiscal_year"):
                out.add(d["value"])
            elif d["kind"] == "datetime":
                out.add(d["value"][:10])
        return out
    if field == "record_counts":
        return {str(int(c["value"])) for c in n.get("record_counts", [])}
    if field in ("data_items", "data_items_not_affected"):
        want = field == "data_items"
        return {d["key"] for d in n.get("data_items", []) if d["affected"] == want}
    if field == "phones":
        return {c["phone"] for c in n.get("contacts", []) if c.get("phone")}
    return {str(v) for v in n.get(field, [])}


def exact(field, value):
    if isinstance(value, dict):
        value = value.get("value")
    if value is None:
        return None
    if field == "title":
        return "".join(c for c in unicodedata.normalize("NFKC", value) if not c.isspace())
    return value.strip()


def main():
    if sys.argv[1] == "--list":
        gold, root = sys.argv[2], sys.argv[3]
        for line in open(gold, encoding="utf-8"):
            if line.strip():
                print(resolve(root, json.loads(line)["source"]))
        return
    gold, root, pred = sys.argv[1:4]
    by_path = {}
    for line in open(pred, encoding="utf-8"):
        n = json.loads(line)
        by_path[n["source"]] = n
    tallies = {f: [0, 0, 0, 0, 0] for f in SETS + EXACT}  # docs tp fp fn correct
    for line in open(gold, encoding="utf-8"):
        if not line.strip():
            continue
        g = json.loads(line)
        n = by_path.get(resolve(root, g["source"]), {})
        for f in SETS + EXACT:
            if f not in g:
                continue
            t = tallies[f]
            t[0] += 1
            if f in SETS:
                want = {str(v).strip() for v in g[f]}
                got = predicted(f, n)
                t[1] += len(want & got)
                t[2] += len(got - want)
                t[3] += len(want - got)
            else:
                t[4] += exact(f, g[f]) == exact(f, n.get(f))
    for f, (docs, tp, fp, fn, correct) in tallies.items():
        if f in SETS:
            p = tp / (tp + fp) if tp + fp else float("nan")
            r = tp / (tp + fn) if tp + fn else float("nan")
            f1 = 2 * p * r / (p + r) if (p + r) else 0.0
            print(f"{f:<24} {docs:>5} {p:7.3f} {r:7.3f} {f1:7.3f}")
        else:
            print(f"{f:<24} {docs:>5} {'':7} {'':7} {'':7} {correct / docs:9.3f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Splits ../shared/corpus/gold/dev-2.jsonl into the tuning part and the
held-out part used to check whether a rule generalizes (README, Accuracy),
and writes the dev + dev-2 union, all under OUT (default target/gold; the
gold stays outside the repository).

Held out: the notices at line indices 3, 6 and 9 modulo 10 (30 of 100).
Usage: python3 scripts/holdout_split.py [OUT]
"""
import json
import os
import sys

root = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "gold")
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "target", "gold")
os.makedirs(out, exist_ok=True)
with open(os.path.join(root, "dev-2.jsonl"), encoding="utf-8") as f:
    lines = [l for l in f.read().splitlines() if l.strip()]
tune = [l for i, l in enumerate(lines) if i % 10 not in (3, 6, 9)]
hold = [l for i, l in enumerate(lines) if i % 10 in (3, 6, 9)]
for name, part in (("dev2-tune.jsonl", tune), ("dev2-hold.jsonl", hold)):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write("\n".join(part) + "\n")
# The union, with dev-2 sources made relative to ../shared/corpus like dev's.
with open(os.path.join(out, "all.jsonl"), "w", encoding="utf-8") as f:
    with open(os.path.join(root, "dev.jsonl"), encoding="utf-8") as dev:
        for l in dev.read().splitlines():
            if l.strip():
                f.write(l + "\n")
    for l in lines:
        d = json.loads(l)
        d["source"] = "archive/" + d["source"]
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
print(f"{len(tune)} tuning and {len(hold)} held-out notices, and the union, in {out}")

"""The GIL is released while parsing: Python threads keep running, and parses overlap."""

from __future__ import annotations

import threading
import time

import jpnotice
from conftest import NOTICES


def test_parsing_releases_the_gil() -> None:
    # One large notice (about 1.5 MB): a parse takes a good fraction of a second.
    text = (NOTICES / "music-school-sql-injection.txt").read_text(encoding="utf-8") * 300
    expected = jpnotice.parse(text)  # also warms up the dictionary and patterns

    ticks: list[float] = []
    stop = threading.Event()

    def tick() -> None:  # a pure-Python thread: it runs only while it can take the GIL
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    spans: list[tuple[float, float]] = []
    results: list[dict] = []

    def work() -> None:
        start = time.perf_counter()
        results.append(jpnotice.parse(text))
        spans.append((start, time.perf_counter()))

    ticker = threading.Thread(target=tick)
    ticker.start()
    time.sleep(0.05)
    workers = [threading.Thread(target=work) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    stop.set()
    ticker.join()

    assert results == [expected, expected]
    begin = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    parse_time = end - begin
    during = [t for t in ticks if begin <= t <= end]
    gaps = [b - a for a, b in zip(during, during[1:])]
    # Held GIL: the ticker would stop for a whole parse (one long gap, few ticks).
    assert parse_time > 0.1, f"the parse is too short to tell ({parse_time:.3f} s)"
    assert len(during) >= 10, f"only {len(during)} ticks in {parse_time:.3f} s of parsing"
    assert max(gaps) < parse_time / 3, f"the ticker stalled {max(gaps):.3f} s of {parse_time:.3f} s"
    # The two parses ran at the same time (each began before the other ended).
    (s1, e1), (s2, e2) = spans
    assert s1 < e2 and s2 < e1

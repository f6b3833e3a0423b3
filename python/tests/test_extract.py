"""extract: directories expanded as the command line does, input order, errors in place."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import jpnotice
from conftest import NOTICES, snapshot

EXTENSIONS = {".txt", ".text", ".md", ".pdf"}


def test_a_directory_is_expanded_sorted_and_matches_the_snapshots(at_root) -> None:
    batch = jpnotice.extract("corpus/notices", jobs=2)  # one path, not an iterable of characters
    names = sorted(p.name for p in NOTICES.iterdir() if p.suffix in EXTENSIONS)
    assert len(batch) == len(names)
    results = list(batch)
    assert [r["source"] for r in results] == [f"corpus/notices/{n}" for n in names]
    for name, result in zip(names, results):
        assert result == snapshot(name)


def test_input_order_is_kept_whatever_the_jobs(tmp_path: Path) -> None:
    files = sorted(NOTICES.glob("*.txt"))
    # Large and small files interleaved, in an order unlike the sorted one, plus repeats.
    order = files[::-1] + files[::2] + [files[0]] * 5
    expected = [str(p) for p in order]
    for jobs in (1, 2, 4, 16):
        got = [n["source"] for n in jpnotice.extract(order, jobs=jobs)]
        assert got == expected, f"jobs={jobs}"
    # Results do not depend on the thread count.
    one = list(jpnotice.extract(order[:8], jobs=1))
    four = list(jpnotice.extract(order[:8], jobs=4))
    assert one == four


def test_a_long_batch_with_a_slow_consumer_stays_in_order() -> None:
    # More inputs than the workers' look-ahead window (64), consumed lazily.
    paths = [NOTICES / "school-lost-usb-memory.txt", NOTICES / "music-school-sql-injection.txt"] * 100
    batch = jpnotice.extract(paths, jobs=3)
    first = next(batch)
    assert first["source"].endswith("school-lost-usb-memory.txt")
    rest = list(batch)
    assert len(rest) == 199
    assert [r["source"] for r in rest] == [str(p) for p in paths[1:]]
    with pytest.raises(StopIteration):
        next(batch)


def test_an_unread_batch_can_be_dropped_or_closed() -> None:
    batch = jpnotice.extract([NOTICES] * 20, jobs=2)
    assert next(batch)["source"]
    batch.close()
    del batch  # the workers stop; nothing hangs


def test_a_bad_file_gives_an_error_result_in_its_place(tmp_path: Path) -> None:
    good = NOTICES / "school-lost-usb-memory.txt"
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n%truncated")
    missing = tmp_path / "missing.txt"
    results = list(jpnotice.extract([good, broken, missing, good], jobs=2))
    assert [r["source"] for r in results] == [str(good), str(broken), str(missing), str(good)]
    assert "error" not in results[0] and "error" not in results[3]
    assert results[1]["error"].startswith("cannot read PDF")
    assert results[2] == {"source": str(missing), "error": "cannot read: No such file or directory (os error 2)"}


def test_errors_raise_mode_raises_and_resumes(tmp_path: Path) -> None:
    good = NOTICES / "school-lost-usb-memory.txt"
    missing = tmp_path / "missing.txt"
    batch = jpnotice.extract([good, missing, good], errors="raise")
    assert next(batch)["source"] == str(good)
    with pytest.raises(jpnotice.Error, match="missing.txt: cannot read"):
        next(batch)
    assert next(batch)["source"] == str(good)  # the rest of the batch is not lost
    with pytest.raises(ValueError, match="errors"):
        jpnotice.extract([good], errors="ignore")


def test_directory_walk_problems_are_reported_in_order(tmp_path: Path) -> None:
    shutil.copy(NOTICES / "school-lost-usb-memory.txt", tmp_path / "a.txt")
    (tmp_path / "b.md").write_text("令和６年５月\n不正アクセスに関するお知らせ\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("not a notice\n", encoding="utf-8")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "c.txt")  # dangling
    results = list(jpnotice.extract([tmp_path]))
    assert [Path(r["source"]).name for r in results] == ["a.txt", "b.md", "c.txt"]
    assert "error" in results[2] and "error" not in results[1]


def test_pathlike_and_empty_inputs() -> None:
    assert list(jpnotice.extract([])) == []
    (result,) = jpnotice.extract(NOTICES / "school-lost-usb-memory.txt")
    assert result["incident_types"] == ["lost_or_stolen"]


def test_ctrl_c_interrupts_a_waiting_next(tmp_path: Path) -> None:
    import _thread
    import threading

    big = tmp_path / "big.txt"
    big.write_text((NOTICES / "music-school-sql-injection.txt").read_text(encoding="utf-8") * 600, encoding="utf-8")
    batch = jpnotice.extract([big], jobs=1)
    timer = threading.Timer(0.05, _thread.interrupt_main)
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        next(batch)  # parsing 3 MB takes far longer than the 0.05 s before the interrupt
    timer.join()
    assert next(batch)["source"] == str(big)  # the result is still delivered afterwards

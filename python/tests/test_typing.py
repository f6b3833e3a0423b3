"""The stubs and TypedDicts type-check a typical use under mypy --strict."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy", reason="mypy is not installed: pip install mypy to check the type stubs")

SAMPLE = '''
import datetime
from pathlib import Path
from typing import List

import jpnotice
from jpnotice import Notice, RecordCount

n: Notice = jpnotice.parse("不正アクセスに関するお知らせ", reference_date=datetime.date(2024, 5, 31))
counts: List[RecordCount] = n["record_counts"]
values: List[int] = [c["value"] for c in counts]
title: str = n["title"] or ""
m = jpnotice.parse_bytes(b"abc", max_bytes=10)
f = jpnotice.parse_file(Path("x.txt"), year_policy="forward")
for r in jpnotice.extract([Path("a"), "b"], jobs=2, errors="raise"):
    if "error" in r:
        print(r["source"])
print(len(jpnotice.extract("corpus")), jpnotice.char_span("abc", 0, 1), jpnotice.__version__)
try:
    pass
except jpnotice.Error as e:
    print(e)
'''

WRONG = '''
import jpnotice
n = jpnotice.parse("お知らせ", year_policy="backward")
x: int = n["title"]
'''


def mypy(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "sample.py"
    path.write_text(source, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(path)],
        capture_output=True, text=True, cwd=tmp_path,
    )


def test_typical_use_type_checks(tmp_path: Path) -> None:
    result = mypy(tmp_path, SAMPLE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_misuse_is_caught(tmp_path: Path) -> None:
    result = mypy(tmp_path, WRONG)
    assert result.returncode == 1
    assert "year_policy" in result.stdout or "backward" in result.stdout
    assert 'incompatible types in assignment' in result.stdout.lower()

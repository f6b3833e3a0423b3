"""Shared paths: the repository root and its corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTICES = ROOT / "corpus" / "notices"
PDFS = ROOT / "corpus" / "pdf"
SNAPSHOTS = ROOT / "tests" / "snapshots"


def snapshot(name: str, prefix: str = "snapshots") -> dict:
    """The JSON of an insta snapshot (the library's own `extract` output)."""
    text = (SNAPSHOTS / f"{prefix}__{name}.snap").read_text(encoding="utf-8")
    return json.loads(text.split("---\n", 2)[2])


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Runs the test from the repository root, where snapshot sources are relative."""
    monkeypatch.chdir(ROOT)
    return ROOT

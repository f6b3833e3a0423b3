"""The Dask example, run on a local cluster of two worker processes."""

from __future__ import annotations

import sys
from collections import Counter

import pytest

import jpnotice
from conftest import NOTICES, ROOT

distributed = pytest.importorskip(
    "distributed",
    reason="dask[distributed] is not installed: pip install 'dask[distributed]' to run the Dask example test",
)
sys.path.insert(0, str(ROOT / "python" / "examples"))
import dask_incident_counts  # noqa: E402


def test_incident_counts_on_a_two_worker_local_cluster() -> None:
    expected = Counter()
    for notice in jpnotice.extract(NOTICES):
        expected.update(notice["incident_types"])
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        client.wait_for_workers(2, timeout=60)
        assert len(client.scheduler_info()["workers"]) == 2
        summary = dask_incident_counts.incident_counts(str(NOTICES), npartitions=12)
    assert summary["errors"] == []
    assert summary["notices"] == len(dask_incident_counts.notice_paths(str(NOTICES))) == 23
    assert summary["incident_types"] == dict(expected)
    assert summary["workers"] == 2

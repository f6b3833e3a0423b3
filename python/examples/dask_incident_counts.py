"""Counts incident types over a folder of notices on a Dask cluster.

For corpora beyond one machine: the file list is cut into partitions, each
partition is parsed by ``jpnotice.extract`` on a Dask worker, and the
incident types are counted with ``dask.bag``. Here the cluster is a
``LocalCluster`` of two worker processes with one thread each; point
``--scheduler`` at a real ``dask.distributed`` scheduler to spread the same
job over many machines (every worker needs ``pip install jpnotice`` and the
files at the same paths, e.g. on a shared file system).

    pip install ./python "dask[distributed]"
    python python/examples/dask_incident_counts.py corpus/notices

prints, for the bundled corpus,

    23 notices, 0 errors, parsed by 2 worker processes
    system_failure        15
    unauthorized_access   12
    ransomware            5
    ...
"""

from __future__ import annotations

import argparse
import os
from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional

EXTENSIONS = {".txt", ".text", ".md", ".pdf"}


def notice_paths(folder: str) -> List[str]:
    """The notices under ``folder``, as ``jpnotice extract`` finds them (recursive, sorted)."""
    return sorted(
        str(p) for p in Path(folder).rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS
    )


def parse_partition(paths: List[str]) -> List[dict]:
    """Runs on a worker: parses one partition's files, one result per file, in order.

    ``jobs=1``: the cluster already runs one task per worker thread.
    A file that cannot be read gives ``{"source", "error"}``, so one bad file
    does not fail the task. Each result is tagged with the worker's process id.
    """
    import jpnotice

    pid = os.getpid()
    return [{**result, "worker_pid": pid} for result in jpnotice.extract(paths, jobs=1)]


def incident_counts(folder: str, npartitions: Optional[int] = None) -> Dict[str, object]:
    """Counts incident types over ``folder`` on the current Dask client's cluster.

    Returns ``{"incident_types": {type: count}, "notices": n, "errors": [...], "workers": k}``,
    ``workers`` being the number of distinct worker processes that parsed.
    """
    import dask.bag as db

    paths = notice_paths(folder)
    if not paths:
        return {"incident_types": {}, "notices": 0, "errors": [], "workers": 0}
    if npartitions is None:
        npartitions = max(4, len(paths) // 200)  # about 200 files a task on large corpora
    results = db.from_sequence(paths, npartitions=min(npartitions, len(paths))).map_partitions(
        parse_partition
    )
    parsed = results.filter(lambda r: "error" not in r)
    types = parsed.map(lambda r: r["incident_types"]).flatten().frequencies()
    errors = results.filter(lambda r: "error" in r).map(lambda r: (r["source"], r["error"]))
    pids = results.map(lambda r: r["worker_pid"]).distinct()
    import dask

    types, count, errors, pids = dask.compute(types, parsed.count(), errors, pids)
    return {
        "incident_types": dict(sorted(types, key=lambda kv: (-kv[1], kv[0]))),
        "notices": count,
        "errors": list(errors),
        "workers": len(set(pids)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="a folder of notices (.txt .md .pdf), searched recursively")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    args = parser.parse_args()

    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        summary = incident_counts(args.folder)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print(
        f"{summary['notices']} notices, {len(summary['errors'])} errors, "
        f"parsed by {summary['workers']} worker processes"
    )
    for kind, n in summary["incident_types"].items():
        print(f"{kind:<22}{n}")
    for source, error in summary["errors"]:
        print(f"error: {source}: {error}")


if __name__ == "__main__":
    main()

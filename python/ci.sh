#!/usr/bin/env bash
# Builds the Python package and runs its tests, on a fresh machine with
# CPython >= 3.9, pip, and PyPI + crates.io reachable.
#
#   bash python/ci.sh            # from anywhere
#
# The venv lives in target/python-venv (reused when present). The extension
# is built by maturin through `pip install ./python` in the release profile
# into the workspace's target/ directory, so library dependencies already
# compiled by a `cargo build --release` are reused.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"

python="${PYTHON:-python3}"
venv="${JPNOTICE_VENV:-$root/target/python-venv}"
if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
# shellcheck disable=SC1091
source "$venv/bin/activate"

# Pinned build and test tools (maturin builds the wheel; no build isolation,
# so it is not downloaded a second time into a throw-away environment).
python -m pip install --quiet --disable-pip-version-check \
    "maturin==1.16.0" "pytest==9.2.0" "dask[distributed]==2026.8.0" "mypy==1.20.2"

export CARGO_TARGET_DIR="$root/target"
# The same dependency versions as the workspace's Cargo.lock (as `cargo test --locked`).
export MATURIN_PEP517_ARGS="${MATURIN_PEP517_ARGS:---locked}"
start=$(date +%s)
python -m pip install --quiet --disable-pip-version-check --no-build-isolation --force-reinstall --no-deps ./python
echo "python/ci.sh: pip install ./python took $(( $(date +%s) - start )) s"

# Run from outside the source tree, so the installed package (not
# python/jpnotice without its native module) is imported.
cd "$root/python/tests"
python -m pytest -q -p no:cacheprovider "$@" .

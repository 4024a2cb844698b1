#!/usr/bin/env bash
# CI of the Python binding: a fresh venv, `pip install ./bindings-python` (builds the wheel with
# cargo through maturin), stub and type checks, then pytest (its summary line comes last).
# Run from anywhere; needs python3 (≥ 3.9, with venv), cargo, and PyPI + crates.io.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-python3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target/python}

echo "== venv ($("$PYTHON" --version))"
"$PYTHON" -m venv "$WORK/venv"
PY="$WORK/venv/bin/python"
"$PY" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$PY" -m pip install --quiet --disable-pip-version-check maturin pytest pandas pyarrow mypy nbclient nbformat ipykernel openpyxl

echo "== pip install ./bindings-python"
"$PY" -m pip install --quiet --disable-pip-version-check ./bindings-python
"$PY" -c 'import sifasuo; print("sifasuo", sifasuo.__version__, "from", sifasuo.__file__)'

echo "== stubtest and mypy"
# stubtest checks _native.pyi (and the inline types of __init__.py) against the installed module
(cd "$WORK" && "$PY" -m mypy.stubtest sifasuo --allowlist "$ROOT/bindings-python/stubtest-allowlist.txt")
"$PY" -m mypy --strict --no-incremental --cache-dir "$WORK/mypy-cache" \
    bindings-python/python/sifasuo bindings-python/tests/typing_usage.py
"$PY" bindings-python/tests/typing_usage.py > /dev/null

echo "== pytest"
"$PY" -m pytest -q -p no:cacheprovider bindings-python/tests

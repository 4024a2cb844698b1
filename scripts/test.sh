#!/usr/bin/env bash
# Runs every test of sifasuo: Rust (fmt, clippy, unit, integration, doc, property tests),
# the sample job and its HTML report in headless Chromium, the Python package and the
# WebAssembly package (with its browser demo). Installs what it needs on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

step() { printf '\n== %s\n' "$*"; }

step "rust: format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings

step "rust: tests"
cargo test
# the wasm binding's own unit tests (its JSON writer against serde_json), run natively
cargo test -p sifasuo-wasm --lib

step "main job: score the bundled sample and write the report"
mkdir -p test-output
cargo run --release --quiet --bin sifasuo -- report data/sample/*.jsonl -o test-output/report.html \
  --note "合成示例数据，非真实数据（synthetic sample data）"

step "browser: the report in headless Chromium"
bash scripts/ensure-chromium.sh
(cd tests/browser && npm install --no-audit --no-fund --silent && SIFASUO_REPORT=../../test-output/report.html node --test)

if [ -f scripts/ci-python.sh ]; then
  step "python package"
  bash scripts/ci-python.sh
fi

if [ -f scripts/ci-wasm.sh ]; then
  step "webassembly package"
  bash scripts/ci-wasm.sh
fi

step "sample generator"
python3 tests/test_gen_sample.py

printf '\nall test suites passed\n'

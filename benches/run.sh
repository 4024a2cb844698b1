#!/usr/bin/env bash
# Benchmarks of sifasuo against what users would pick instead, and the cost of scoring at scale.
# Not a test and not run by CI. Prints a table of medians and ratios (paste it into
# docs/performance.md with the machine and the date).
#
# Needs what the README set-up needs (cargo, python3 ≥ 3.9 with venv, node ≥ 18 + npm, the
# wasm toolchain of scripts/ci-wasm.sh), plus /usr/bin/time for peak memory. Creates its own venv
# and node_modules under $BENCH_DIR. About 10 minutes on 2 cores.
#
# Knobs: N_PY (records for Python, default 10000), N_NODE (records for Node, default 2000), N_BATCH (CLI batch, default 20000),
# N_MEM (peak-memory run, default 0 = skipped; 1000000 takes ~4 min of 2 cores and 6 GB disk).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target/bench}
BENCH_DIR=${BENCH_DIR:-$CARGO_TARGET_DIR/bench-work}
N_PY=${N_PY:-10000}
N_BATCH=${N_BATCH:-20000}
N_MEM=${N_MEM:-0}
N_NODE=${N_NODE:-2000}
mkdir -p "$BENCH_DIR"
RESULTS="$BENCH_DIR/results.tsv"
: > "$RESULTS"
note() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$RESULTS"; }   # name, median s, records/s
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "== records" >&2
[ -s "$BENCH_DIR/py.jsonl" ] || python3 scripts/gen_sample.py --count "$N_PY" --out "$BENCH_DIR/py.jsonl"
[ -s "$BENCH_DIR/batch.jsonl" ] || python3 scripts/gen_sample.py --count "$N_BATCH" --out "$BENCH_DIR/batch.jsonl"

echo "== Rust: criterion (343 realistic records of data/sample/offices-2024.jsonl)" >&2
cargo bench -p sifasuo --bench score -- --noplot 2>&1 | tee "$BENCH_DIR/criterion.txt" | grep -E "^per_record|time:" >&2
# criterion's middle estimate is the point estimate of the mean of one iteration (343 records)
for b in a_serde_parse b_parse_validate c_parse_validate_score d_score_only; do
  est="$CARGO_TARGET_DIR/criterion/per_record/$b/new/estimates.json"
  s=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['median']['point_estimate']/1e9)" "$est")
  note "rust $b (343 records)" "$s" "$(python3 -c "print(round(343/$s))")"
done

echo "== Rust: CLI batch, $N_BATCH records, 1 and 2 threads (median of 3)" >&2
cargo build --release -p sifasuo >&2
BIN="$CARGO_TARGET_DIR/release/sifasuo"
for t in 1 2; do
  s=$(for _ in 1 2 3; do
        /usr/bin/env python3 - "$BIN" "$BENCH_DIR/batch.jsonl" "$t" <<'PY'
import subprocess, sys, time
t0 = time.perf_counter()
subprocess.run([sys.argv[1], "score", sys.argv[2], "--format", "csv", "--threads", sys.argv[3], "-o", "/dev/null", "--quiet"], check=True)
print(time.perf_counter() - t0)
PY
      done | median)
  note "cli score --threads $t ($N_BATCH records)" "$s" "$(python3 -c "print(round($N_BATCH/$s))")"
done
if [ "$N_MEM" -gt 0 ] && [ -x /usr/bin/time ]; then
  echo "== peak memory, $N_MEM records" >&2
  python3 scripts/gen_sample.py --count "$N_MEM" --out "$BENCH_DIR/mem.jsonl"
  /usr/bin/time -v "$BIN" score "$BENCH_DIR/mem.jsonl" --format csv -o /dev/null --quiet 2> "$BENCH_DIR/mem.time"
  rss=$(awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}' "$BENCH_DIR/mem.time")
  note "cli score max RSS MB ($N_MEM records)" "$(python3 -c "print(round($rss/1024,1))")" "-"
  rm -f "$BENCH_DIR/mem.jsonl"
fi

echo "== Python: venv, wheel, pydantic models from the JSON Schema" >&2
VENV="$BENCH_DIR/venv"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
PY="$VENV/bin/python"
"$PY" -m pip install --quiet --disable-pip-version-check maturin pydantic pyarrow datamodel-code-generator
"$PY" -m pip install --quiet --disable-pip-version-check ./bindings-python
"$BIN" schema office > "$BENCH_DIR/office.schema.json"
"$VENV/bin/datamodel-codegen" --input "$BENCH_DIR/office.schema.json" --input-file-type jsonschema \
  --output-model-type pydantic_v2.BaseModel \
  --output "$BENCH_DIR/office_models.py" 2>/dev/null
echo "== Python: $N_PY records (median of 5)" >&2
"$PY" benches/python/bench.py "$BENCH_DIR/py.jsonl" "$BENCH_DIR/office_models.py" --repeat 5 | tee -a "$RESULTS" >&2

echo "== Node: wasm scoreMany vs ajv, $N_NODE records (median of 3)" >&2
head -n "$N_NODE" "$BENCH_DIR/py.jsonl" > "$BENCH_DIR/node.jsonl"
if [ "${SKIP_WASM_BUILD:-0}" != 1 ]; then
  rustup target add wasm32-unknown-unknown >&2
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen 0.2.130" ]; then
    cargo install wasm-bindgen-cli --version 0.2.130 >&2
  fi
  bash bindings-wasm/scripts/build.sh >&2
fi
(cd benches/node && npm install --no-audit --no-fund --silent >&2 && node bench.mjs "$BENCH_DIR/node.jsonl" 3) | tee -a "$RESULTS" >&2

echo
echo "## sifasuo benchmarks — $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
python3 benches/table.py "$RESULTS"

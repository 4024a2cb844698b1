#!/usr/bin/env bash
# Fuzzes the JSON entry points with cargo-fuzz (libFuzzer). Not part of CI.
#
#   scripts/fuzz.sh [MINUTES] [TARGET...]     # default: 5 minutes each for validate_json, score_json, sheet_import
#
# Installs cargo-fuzz when missing, seeds fuzz/corpus/<target>/ from the shared test vectors
# (tests/vectors, tests/examples, tests/adversarial), then runs each target for MINUTES.
# A crash leaves its input in fuzz/artifacts/<target>/; turn it into a case in tests/adversarial/.
#
# Toolchain: cargo-fuzz passes nightly-only flags (-Zsanitizer, sancov). On a stable toolchain
# the script sets RUSTC_BOOTSTRAP=1 to allow them. The sanitizer is off by default (`-s none`):
# the code has no `unsafe` (forbidden in the workspace), so ASan only costs speed; set
# FUZZ_SANITIZER=address to turn it on. Build output goes to $CARGO_TARGET_DIR (default
# fuzz/target).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
minutes="${1:-5}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(validate_json score_json sheet_import)
sanitizer="${FUZZ_SANITIZER:-none}"

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked
fi
if ! rustc --version | grep -q nightly; then
  export RUSTC_BOOTSTRAP=1
fi

# the spreadsheet layout and a small workbook, for the sheet_import seeds
(cd "$here" && cargo run --quiet --release --bin sifasuo -- template --columns > fuzz/corpus/.layout.json \
  && cargo run --quiet --release --bin sifasuo -- export tests/examples/*.json -o fuzz/corpus/.seed-examples.xlsx) || true
cd "$here/fuzz"
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
done
# Seed: every record of the vectors (the `input` / `input_text` of each vector), the examples,
# and the small literal adversarial cases.
python3 - "$here" "${targets[@]}" <<'PY'
import hashlib, json, pathlib, sys
root = pathlib.Path(sys.argv[1])
seeds = []
for p in sorted((root / "tests/vectors").rglob("*.json")):
    v = json.loads(p.read_text(encoding="utf-8"))
    if "input" in v:
        seeds.append(json.dumps(v["input"], ensure_ascii=False, indent=1).encode())
    if isinstance(v.get("input_text"), str):
        seeds.append(v["input_text"].encode("utf-8", "surrogatepass"))
    for r in v.get("records") or []:
        seeds.append(json.dumps(r, ensure_ascii=False).encode())
seeds += [p.read_bytes() for p in sorted((root / "tests/examples").glob("*.json"))]
adv = root / "tests/adversarial/files"
if adv.is_dir():
    seeds += [p.read_bytes() for p in sorted(adv.iterdir()) if p.is_file() and p.stat().st_size < 65536]
# spreadsheet seeds: the examples as CSV rows in the layout (header of ids), and as a workbook
sheet_seeds = []
layout_file = root / "fuzz/corpus/.layout.json"
if layout_file.exists():
    layout = json.loads(layout_file.read_text(encoding="utf-8"))
    def get(r, ptr):
        for t in ptr.strip("/").split("/"):
            r = r.get(t) if isinstance(r, dict) else None
        return r
    def cell(v):
        if v is None: return ""
        if isinstance(v, bool): return "是" if v else "否"
        s = str(v)
        return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\n') else s
    for p in sorted((root / "tests/examples").glob("office-*.json")):
        r = json.loads(p.read_text(encoding="utf-8"))
        head = ",".join(c["id"] for c in layout["offices"])
        row = ",".join(cell(get(r, c["pointer"])) for c in layout["offices"])
        units = [",".join(c["id"] for c in layout["units"])]
        for u in r.get("units", []):
            units.append(",".join(cell(get(u if c["id"].startswith("units.") else r, c["pointer"])) for c in layout["units"]))
        sheet_seeds.append((head + "\n" + row + "\n").encode())
        sheet_seeds.append(("\n".join(units) + "\n").encode())
for x in (root / "fuzz/corpus").glob(".seed-*.xlsx"):
    sheet_seeds.append(x.read_bytes())
for t in sys.argv[2:]:
    d = root / "fuzz/corpus" / t
    for s in (sheet_seeds if t == "sheet_import" else seeds):
        (d / hashlib.sha1(s).hexdigest()).write_bytes(s)
print(f"seeded {len(seeds)} inputs into {len(sys.argv) - 2} corpora", file=sys.stderr)
PY

status=0
for t in "${targets[@]}"; do
  echo "== fuzzing $t for $minutes minute(s)" >&2
  cargo fuzz run --sanitizer "$sanitizer" "$t" "corpus/$t" -- \
    -max_total_time="$((minutes * 60))" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="artifacts/$t/" -print_final_stats=1 || status=$?
done
ls -l artifacts/*/ 2>/dev/null | grep -v '^total' || true
exit "$status"

#!/usr/bin/env bash
# CI for the WebAssembly binding (bindings-wasm): build web + node packages, node tests,
# TypeScript check, browser test of the demo, gzipped size. Run from the repo root.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION="0.2.130" # must equal `wasm-bindgen = "=…"` in the root Cargo.toml
MAX_GZ_BYTES=$((250 * 1024))

rustup target add wasm32-unknown-unknown
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

cargo clippy -p sifasuo-wasm --target wasm32-unknown-unknown -- -D warnings
(cd bindings-wasm && npm install --no-audit --no-fund)
bash bindings-wasm/scripts/build.sh

if [ ! -x /usr/bin/chromium ]; then
  apt-get update && apt-get install -y chromium
fi
# CJK glyphs for a readable screenshot (optional)
if ! fc-list 2>/dev/null | grep -qiE "wqy|noto.*cjk"; then
  apt-get install -y fonts-wqy-zenhei || echo "note: no CJK font; the screenshot will show boxes"
fi

(cd bindings-wasm && node --test test/*.test.mjs)
(cd bindings-wasm && npx tsc -p tsconfig.json)
(cd bindings-wasm && node test/browser/demo-browser.mjs)

gz=$(gzip -9 -c bindings-wasm/pkg-web/sifasuo_wasm_bg.wasm | wc -c)
echo "sifasuo_wasm_bg.wasm: $(wc -c < bindings-wasm/pkg-web/sifasuo_wasm_bg.wasm) bytes, gzip -9: $gz bytes (limit $MAX_GZ_BYTES)"
[ "$gz" -le "$MAX_GZ_BYTES" ]

#!/usr/bin/env bash
# Builds bindings-wasm/pkg-web (ES module for browsers) and bindings-wasm/pkg-node (Node.js).
# Needs: rustup target wasm32-unknown-unknown, wasm-bindgen-cli of the pinned version.
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
cd "$ROOT"
[ "${SKIP_CARGO:-0}" = 1 ] || cargo build -p sifasuo-wasm --target wasm32-unknown-unknown --profile wasm-release
WASM="$TARGET_DIR/wasm32-unknown-unknown/wasm-release/sifasuo_wasm.wasm"
rm -rf "$HERE/pkg-web" "$HERE/pkg-node"
BG="--no-typescript --remove-name-section --remove-producers-section"
wasm-bindgen --target web --out-dir "$HERE/pkg-web" $BG "$WASM"
wasm-bindgen --target nodejs --out-dir "$HERE/pkg-node" $BG "$WASM"
# pkg-node is CommonJS: turn the ES-module snippet (src/convert.js) into CommonJS there
node "$HERE/scripts/snippet-to-cjs.cjs" "$HERE/pkg-node"
echo '{ "type": "commonjs" }' > "$HERE/pkg-node/package.json"
echo '{ "type": "module" }' > "$HERE/pkg-web/package.json"
# optional: shrink further with binaryen's wasm-opt when it is installed (npm `binaryen`)
OPT="$HERE/node_modules/.bin/wasm-opt"
if [ -x "$OPT" ]; then
  for d in pkg-web pkg-node; do
    "$OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      "$HERE/$d/sifasuo_wasm_bg.wasm" -o "$HERE/$d/sifasuo_wasm_bg.wasm.opt"
    mv "$HERE/$d/sifasuo_wasm_bg.wasm.opt" "$HERE/$d/sifasuo_wasm_bg.wasm"
  done
fi
cp "$HERE/index.d.ts" "$HERE/pkg-web/sifasuo_wasm.d.ts"
cp "$HERE/index.d.ts" "$HERE/pkg-node/sifasuo_wasm.d.ts"
echo "gzip -9 size of sifasuo_wasm_bg.wasm: $(gzip -9 -c "$HERE/pkg-web/sifasuo_wasm_bg.wasm" | wc -c) bytes"

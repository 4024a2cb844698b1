// Rewrites the ES-module snippets of a `wasm-bindgen --target nodejs` output as CommonJS
// (the generated glue `require`s them). Only `export function name` is used in src/convert.js.
const fs = require('fs');
const path = require('path');
function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith('.js')) {
      const src = fs.readFileSync(p, 'utf8');
      const names = [...src.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
      if (/^export (?!function )/m.test(src)) throw new Error(`${p}: only 'export function' is supported`);
      const out = src.replace(/^export function /gm, 'function ') + `\nmodule.exports = { ${names.join(', ')} };\n`;
      fs.writeFileSync(p, out);
    }
  }
}
walk(path.join(process.argv[2], 'snippets'));

// The README's Node.js snippet runs as written (package self-reference resolves `sifasuo`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { repoRoot } from './load.mjs';

test('README Node.js snippet', () => {
  const md = readFileSync(join(repoRoot, 'bindings-wasm/README.md'), 'utf8');
  const snippet = md.match(/```js\n([\s\S]*?)```/)[1];
  const file = join(repoRoot, 'bindings-wasm/.readme-snippet.cjs');
  writeFileSync(file, snippet);
  try {
    const out = execFileSync(process.execPath, [file], { encoding: 'utf8' });
    assert.match(out, /type_error \/year/);
    assert.match(out, /BJ-2022-42\/custom/);
  } finally {
    rmSync(file, { force: true });
  }
});

// The shared ledger vectors (tests/vectors/ledger/*), run through the wasm front door: the
// records go through scoreMany as one batch (invalid rows must be exactly `invalid_rows`) and
// through ledger (must be exactly `expected`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sifasuo, repoRoot } from './load.mjs';

/** JSON text with object keys sorted (arrays keep their order). */
function canonical(v) {
  return JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x)
    ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]]))
    : x));
}

const dir = join(repoRoot, 'tests', 'vectors', 'ledger');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

test('ledger vectors exist', () => {
  assert.ok(files.length >= 6, `only ${files.length} ledger vectors`);
});

for (const f of files) {
  const v = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  test(`ledger vector ${f}`, () => {
    assert.deepStrictEqual(Object.keys(v).sort(), ['description', 'expected', 'invalid_rows', 'params', 'records']);
    const options = v.params == null ? undefined : { params: v.params };
    const rows = sifasuo.scoreMany(v.records, options);
    assert.equal(rows.length, v.records.length);
    const invalid = rows.filter((r) => r.kind === 'invalid').map((r) => ({ index: r.index, codes: r.errors.map((e) => e.code) }));
    assert.deepStrictEqual(invalid, v.invalid_rows);
    const got = sifasuo.ledger(v.records, options);
    assert.deepStrictEqual(got, v.expected);
    assert.equal(canonical(got), canonical(v.expected));
  });
}

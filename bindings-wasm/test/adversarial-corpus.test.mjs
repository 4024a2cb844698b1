// The adversarial corpus (tests/adversarial/cases.json), run through the wasm front door.
//
// The wasm API takes JS values, not JSON text or bytes: a case whose input a JS value cannot
// carry (bad UTF-8, NaN tokens, duplicate keys, …) has a `js` reason and is skipped here (core
// and Python run it). The others are JSON.parse'd and given to validate, score and scoreMany;
// they must give the case's errors (`js_expect` where the JS value differs from the text, e.g.
// nesting refused by the binding at its path), quickly, echoing no personal number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sifasuo, repoRoot } from './load.mjs';

const adv = join(repoRoot, 'tests', 'adversarial');
const spec = JSON.parse(readFileSync(join(adv, 'cases.json'), 'utf8'));
const PLACEHOLDER = '\u0001generated\u0001';

function generate(g) {
  switch (g.kind) {
    case 'deep_array': return '['.repeat(g.size) + ']'.repeat(g.size);
    case 'deep_object': return '{"a":'.repeat(g.size) + '0' + '}'.repeat(g.size);
    case 'string': return `"${g.unit.repeat(g.size)}"`;
    case 'array': return `[${new Array(g.size).fill(g.item).join(',')}]`;
    default: throw new Error(`unknown generator ${g.kind}`);
  }
}

function put(record, pointer, value) {
  const tokens = pointer.split('/').slice(1).map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
  let at = record;
  for (const t of tokens.slice(0, -1)) at = at[t];
  at[tokens[tokens.length - 1]] = value;
}

function inputText(c) {
  if (c.file) return readFileSync(join(adv, c.file), 'utf8');
  if (!c.at) return generate(c.gen);
  const record = JSON.parse(readFileSync(join(repoRoot, spec.base), 'utf8'));
  if (c.gen) {
    put(record, c.at, PLACEHOLDER);
    return JSON.stringify(record).replace(JSON.stringify(PLACEHOLDER), () => generate(c.gen));
  }
  put(record, c.at, c.value);
  return JSON.stringify(record);
}

const pairs = (errors) => errors.map((e) => [e.code, e.path]).sort((a, b) => (`${a}` < `${b}` ? -1 : `${a}` > `${b}` ? 1 : 0));

for (const c of spec.cases) {
  test(`adversarial ${c.name}`, { skip: c.js ?? false }, () => {
    const value = JSON.parse(inputText(c));
    const expect = c.js_expect ?? c.expect;
    const start = performance.now();
    const errors = sifasuo.validate(value);
    assert.deepStrictEqual(pairs(errors), expect);
    const out = sifasuo.score(value);
    if (expect.length) {
      assert.equal(out.kind, 'invalid');
      assert.deepStrictEqual(pairs(out.errors), expect);
    } else {
      assert.notEqual(out.kind, 'invalid');
    }
    const rows = sifasuo.scoreMany([value]);
    assert.equal(rows.length, 1);
    if (expect.length) assert.deepStrictEqual(pairs(rows[0].errors), expect);
    const took = (performance.now() - start) / 1000;
    assert.ok(took < spec.max_seconds * 3, `took ${took.toFixed(1)} s`);
    const shown = JSON.stringify([errors, out, rows]);
    for (const n of spec.personal_numbers) assert.ok(!shown.includes(n), `\`${n}\` is echoed`);
    for (const e of errors) assert.ok(e.message.length < 2000 && e.message_en.length < 2000);
  });
}

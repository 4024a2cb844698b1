// One module instance takes hundreds of hostile inputs, then still scores the example exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sifasuo, repoRoot } from './load.mjs';

const example = () => JSON.parse(readFileSync(join(repoRoot, 'tests/examples/office-street-2023.json'), 'utf8'));
const baseline = JSON.stringify(sifasuo.score(example()));

function deep(n, leaf = {}) {
  let v = leaf;
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}
function deepArray(n) {
  let v = [];
  for (let i = 0; i < n; i++) v = [v];
  return v;
}

const weird = [
  undefined, null, NaN, Infinity, -Infinity, 0, -0, 1e308, -1e308, 2 ** 53 + 1, 10n, true, false, '', 'x',
  Symbol('s'), () => 1, function named() {}, [], {}, new Map([[1, 2]]), new Set([1]), new Uint8Array(4),
  new Date(0), /re/, new Error('e'), Object.create(null), new Number(3), new String('s'), Promise.resolve(1),
  new ArrayBuffer(8), new Proxy({}, {}),
];

function hostileRecords() {
  const out = [];
  for (const w of weird) {
    out.push(w);
    for (const path of [['year'], ['office'], ['office', 'code'], ['office', 'name'], ['units'],
      ['support', 'premises', 'total_area_m2'], ['staffing', 'staff'], ['notes'], ['format'], ['units', 0, 'name']]) {
      const r = example();
      let o = r;
      for (const k of path.slice(0, -1)) o = o[k];
      o[path[path.length - 1]] = w;
      out.push(r);
    }
  }
  const cyclic = example();
  cyclic.self = cyclic;
  out.push(cyclic);
  const cyclicDeep = example();
  cyclicDeep.support.premises.loop = cyclicDeep.support;
  out.push(cyclicDeep);
  const throwing = example();
  Object.defineProperty(throwing, 'notes', { enumerable: true, get() { throw new Error('boom'); } });
  out.push(throwing);
  const toJSONThrows = example();
  toJSONThrows.office.toJSON = () => { throw new Error('no'); };
  out.push(toJSONThrows);
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  out.push(revoked.proxy);
  for (const n of [-1, 1.5, 1e6 + 1, 1e20, 2 ** 64, -(2 ** 63), 5e-324, Number.MAX_SAFE_INTEGER]) {
    const r = example();
    r.staffing.staff = n;
    r.support.premises.total_area_m2 = n;
    r.year = n;
    out.push(r);
  }
  const dupUnits = example();
  dupUnits.units = Array.from({ length: 2000 }, () => ({ name: 'same', kind: 'village' }));
  out.push(dupUnits);
  out.push({ format: 'sifasuo.office/1', year: 2023, office: { code: '\u0000\ud800', name: '\uffff', district: '朝阳', subdistrict: '', subdistrict_kind: 'x' } });
  out.push({ ['__proto__']: { polluted: true }, format: 'sifasuo.office/1' });
  out.push(JSON.parse('{"__proto__": {"x": 1}, "format": "sifasuo.district/1", "year": 2023, "district": "朝阳区"}'));
  return out;
}


// Big inputs: each goes through validate and score once (they are slow to build and convert).
function heavyRecords() {
  const out = [];
  out.push(deep(100_000));
  out.push(deepArray(100_000));
  out.push(Object.assign(example(), { extra: deep(100_000) }));
  out.push(deep(127), deep(128), deep(129), deep(1000), deep(1001));
  out.push(Object.assign(example(), { notes: 'x'.repeat(10 * 1024 * 1024) }));
  out.push(Object.assign(example(), { office: { ...example().office, name: '司'.repeat(5 * 1024 * 1024) } }));
  out.push('x'.repeat(10 * 1024 * 1024));
  out.push(new Array(1_000_000).fill(0));
  out.push(Object.assign(example(), { units: new Array(1_000_000).fill(0) }));
  out.push(Object.assign(example(), { notes: new Array(1_000_000).fill('x') }));
  out.push(Object.assign(example(), { units: Array.from({ length: 100_000 }, (_, i) => ({ name: `u${i}` })) }));
  out.push(Object.assign(example(), { units: new Array(1_000_000) })); // holes → undefined
  const manyKeys = example();
  for (let i = 0; i < 10_000; i++) manyKeys[`k${i}`] = i;
  out.push(manyKeys);
  return out;
}

test('hundreds of hostile inputs: data or a clean throw, never a trap', () => {
  const inputs = hostileRecords();
  assert.ok(inputs.length >= 300, `only ${inputs.length} inputs`);
  let invalid = 0;
  for (const input of inputs) {
    for (const fn of [(x) => sifasuo.validate(x), (x) => sifasuo.score(x)]) {
      const out = fn(input); // must not throw: a record is never misuse
      const errors = Array.isArray(out) ? out : out.errors ?? [];
      if (errors.length) invalid += 1;
      for (const e of errors) {
        assert.equal(typeof e.code, 'string');
        assert.equal(typeof e.path, 'string');
        assert.ok(e.message.length < 2000, `message of ${e.code} too long`);
      }
    }
    // options and the other entry points: result or a thrown Error, not a trap
    for (const fn of [
      () => sifasuo.score(example(), input),
      () => sifasuo.score(example(), { params: input }),
      () => sifasuo.scoreMany([input, example()]),
      () => sifasuo.scoreMany(input),
      () => sifasuo.schema(input),
      () => sifasuo.rules(input),
    ]) {
      try {
        fn();
      } catch (e) {
        assert.ok(e instanceof Error, `threw a non-Error: ${String(e)}`);
        assert.ok(!(e instanceof WebAssembly.RuntimeError), `trap: ${e.message}`);
      }
    }
  }
  assert.ok(invalid > inputs.length, 'most hostile inputs are invalid');
  for (const input of heavyRecords()) {
    for (const fn of [sifasuo.validate, sifasuo.score]) {
      const out = fn(input);
      const errors = Array.isArray(out) ? out : out.errors ?? [];
      assert.ok(errors.length >= 1, 'a big hostile input is invalid');
      assert.ok(errors.every((e) => e.message.length < 2000));
    }
  }
  // NaN and undefined are errors, not silently null / absent
  const withNaN = example();
  withNaN.support.premises.total_area_m2 = NaN;
  const e = sifasuo.validate(withNaN);
  assert.deepEqual(e.map((x) => [x.code, x.path]), [['invalid_json', '/support/premises/total_area_m2']]);
  const withUndef = example();
  withUndef.notes = undefined;
  assert.deepEqual(sifasuo.validate(withUndef).map((x) => [x.code, x.path]), [['invalid_json', '/notes']]);
  assert.equal(sifasuo.score(10n).errors[0].code, 'invalid_json');
  assert.equal(sifasuo.validate(deep(100_000))[0].code, 'invalid_json');
  // the instance still works exactly as before
  assert.equal(JSON.stringify(sifasuo.score(example())), baseline);
  assert.deepEqual(sifasuo.validate(example()), []);
});

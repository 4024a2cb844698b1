// The JS API: shapes, data-not-exceptions for bad records, exceptions for misuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sifasuo, repoRoot } from './load.mjs';

const example = () => JSON.parse(readFileSync(join(repoRoot, 'tests/examples/office-street-2023.json'), 'utf8'));

test('scores the street example', () => {
  const out = sifasuo.score(example());
  assert.equal(out.kind, 'office');
  const r = out.report;
  assert.equal(r.format, 'sifasuo.report/1');
  assert.equal(r.office.code, '110105004');
  assert.ok(r.score >= 0 && r.score <= 100);
  assert.ok(['exemplary', 'compliant', 'basically_compliant', 'non_compliant', 'incomplete'].includes(r.grade));
  assert.ok(r.findings.some((f) => f.rule === 't13-total-area' && f.status === 'pass'));
  assert.equal(Object.getPrototypeOf(r), Object.prototype, 'plain object');
  assert.deepEqual(sifasuo.validate(example()), []);
  // the same input twice gives the same bytes
  assert.equal(JSON.stringify(sifasuo.score(example())), JSON.stringify(out));
});

test('110 m² fails t13-total-area with its clause and quote', () => {
  const rec = example();
  rec.support.premises.total_area_m2 = 110;
  const r = sifasuo.score(rec).report;
  const f = r.findings.find((x) => x.rule === 't13-total-area');
  assert.equal(f.status, 'fail');
  assert.equal(f.observed, 110);
  assert.ok(f.clause.length > 0 && f.quote.length > 0);
  const p = sifasuo.problems(r);
  assert.ok(p.some((x) => x.rule === 't13-total-area'));
  assert.ok(r.score < sifasuo.score(example()).report.score);
});

test('invalid records are data, not exceptions', () => {
  const rec = example();
  rec.year = '2023';
  rec.staffing.staff = -1;
  delete rec.office.name;
  const out = sifasuo.score(rec);
  assert.equal(out.kind, 'invalid');
  const keys = out.errors.map((e) => `${e.code} ${e.path}`);
  assert.ok(keys.includes('type_error /year'), keys.join());
  assert.ok(keys.includes('required /office/name'), keys.join());
  assert.ok(keys.includes('out_of_range /staffing/staff'), keys.join());
  for (const e of out.errors) {
    assert.equal(typeof e.message, 'string');
    assert.equal(typeof e.message_en, 'string');
    assert.equal(typeof e.ctx, 'object');
  }
  assert.deepEqual(sifasuo.validate(rec).map((e) => e.code).sort(), out.errors.map((e) => e.code).sort());
});

test('personal data is flagged and masked, never echoed', () => {
  const rec = example();
  rec.notes = '联系人身份证11010519491231002X，手机13912345678';
  const errs = sifasuo.validate(rec);
  const pd = errs.filter((e) => e.code === 'personal_data' && e.path === '/notes');
  assert.ok(pd.length >= 1, JSON.stringify(errs));
  const all = JSON.stringify(errs) + JSON.stringify(sifasuo.score(rec));
  assert.ok(!all.includes('11010519491231002X'));
  assert.ok(!all.includes('13912345678'));
  assert.ok(all.includes('1101**********002X'));
});

test('params override; bad params throw ParametersError with issues', () => {
  const rec = example();
  const bad = [{ thresholds: { total_area_m2: -5 } }, { no_such_key: 1 }, 'x', [1], { thresholds: { total_area_m2: NaN } }];
  for (const params of bad) {
    assert.throws(() => sifasuo.score(rec, { params }), (e) => {
      assert.equal(e.name, 'ParametersError', String(e));
      assert.ok(e instanceof Error);
      assert.ok(Array.isArray(e.issues) && e.issues.length >= 1, JSON.stringify(e.issues));
      assert.equal(typeof e.issues[0].path, 'string');
      return true;
    });
  }
  const strict = sifasuo.score(rec, { params: { thresholds: { total_area_m2: 200 } } }).report;
  assert.equal(strict.findings.find((f) => f.rule === 't13-total-area').status, 'fail');
  assert.equal(strict.parameters, 'BJ-2022-42/custom');
  assert.equal(sifasuo.score(rec, { params: null }).report.parameters, 'BJ-2022-42/default');
  assert.equal(sifasuo.score(rec, {}).report.parameters, 'BJ-2022-42/default');
});

test('misuse throws TypeError', () => {
  assert.throws(() => sifasuo.score(example(), { parms: {} }), TypeError);
  assert.throws(() => sifasuo.score(example(), 5), TypeError);
  assert.throws(() => sifasuo.scoreMany({}), TypeError);
  assert.throws(() => sifasuo.scoreMany('[]'), TypeError);
  assert.throws(() => sifasuo.schema('nope'), TypeError);
  assert.throws(() => sifasuo.schema(undefined), TypeError);
  assert.throws(() => sifasuo.problems({}), TypeError);
});

test('scoreMany: rows in order, duplicates and bad elements as error rows', () => {
  const a = example();
  const rows = sifasuo.scoreMany([a, { format: 'x' }, a, NaN, undefined]);
  assert.equal(rows.length, 5);
  assert.deepEqual(rows.map((r) => r.index), [0, 1, 2, 3, 4]);
  assert.deepEqual(rows.map((r) => r.source.line), [1, 2, 3, 4, 5]);
  assert.equal(rows[0].kind, 'invalid'); // duplicate of row 2
  assert.equal(rows[0].errors[0].code, 'duplicate_record');
  assert.equal(rows[1].errors[0].code, 'unknown_format');
  assert.equal(rows[3].errors[0].code, 'invalid_json');
  assert.equal(rows[4].errors[0].code, 'invalid_json');
  const one = sifasuo.scoreMany([a]);
  assert.equal(one[0].kind, 'office');
  assert.deepEqual(one[0].report, sifasuo.score(a).report);
});

test('strings come back unchanged through the JSON between Rust and JS (escapes, non-BMP)', () => {
  const names = ['引号"反斜杠\\ 斜杠/ 𝄞😀 \u2028\u2029 é', 'tab\there\r\n', '\u0001\u0008\u000c\u001f\u007f', '"', '\\'];
  const records = names.map((name, i) => {
    const r = example();
    r.office = { ...r.office, name, code: String(110105100 + i) };
    return r;
  });
  const rows = sifasuo.scoreMany(records);
  assert.deepEqual(rows.map((r) => r.kind), names.map(() => 'office'));
  assert.deepEqual(rows.map((r) => r.report.office.name), names);
  for (const [i, r] of records.entries()) assert.deepEqual(sifasuo.score(r).report, rows[i].report);
});

test('ledger over two years', () => {
  const y23 = example();
  const y22 = example();
  y22.year = 2022;
  y22.support.premises.total_area_m2 = 100;
  const l = sifasuo.ledger([y22, y23]);
  assert.equal(l.offices.length, 1);
  const o = l.offices[0];
  assert.equal(o.from_year, 2022);
  assert.equal(o.to_year, 2023);
  assert.ok(o.items.some((i) => i.rule === 't13-total-area' && i.movement === 'closed'));
  assert.ok(Array.isArray(l.districts) && Array.isArray(l.city));
});

test('rules, schema, errorCodes', () => {
  const rules = sifasuo.rules();
  assert.ok(rules.length > 20);
  assert.ok(rules.some((r) => r.id === 't13-total-area' && r.clause && r.quote));
  const heavier = sifasuo.rules({ params: { rules: { 't13-total-area': { points: 9 } } } });
  assert.ok(heavier.length === rules.length);
  for (const k of ['office', 'district', 'parameters']) {
    const s = sifasuo.schema(k);
    assert.equal(typeof s, 'object');
  }
  assert.equal(sifasuo.schema('office').$schema, 'https://json-schema.org/draft/2020-12/schema');
});

test('errorCodes() and the TypeScript ErrorCode type list the same codes', () => {
  const dts = readFileSync(join(repoRoot, 'bindings-wasm/index.d.ts'), 'utf8');
  const union = dts.match(/export type ErrorCode =([^;]*);/)[1];
  const ts = [...union.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]).sort();
  const rust = sifasuo.errorCodes().map((c) => c.code).sort();
  assert.deepEqual(ts, rust);
  for (const c of sifasuo.errorCodes()) assert.ok(c.description.length > 0);
});

// fromCsv and columns: CSV in the spreadsheet layout → records, errors pointing at cells.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sifasuo, repoRoot } from './load.mjs';
import * as H from './csv-helpers.mjs';

const township = JSON.parse(readFileSync(join(repoRoot, 'tests/examples/office-township-2023.json'), 'utf8'));
const layout = sifasuo.columns();

const officeCsv = (record, edits) => H.officeCsv(layout, record, edits);
const unitsCsv = (record) => H.unitsCsv(layout, record);
const letter = (sheet, id) => H.letter(layout, sheet, id);

test('columns describe the layout', () => {
  assert.equal(layout.offices[0].id, 'office.code');
  assert.deepEqual(layout.units.slice(0, 3).map((c) => c.id), ['office.code', 'year', 'units.name']);
  const area = layout.offices.find((c) => c.id === 'support.premises.total_area_m2');
  assert.equal(area.header, '用房：用房面积（平方米）');
  assert.equal(area.type, 'number');
});

test('a good CSV pair reads back the record and scores like the JSON', () => {
  const out = sifasuo.fromCsv(officeCsv(township), { units: unitsCsv(township), name: 'offices.csv' });
  assert.deepEqual(out.errors, []);
  assert.equal(out.records.length, 1);
  assert.deepEqual(out.sources, [{ file: 'offices.csv', line: 2 }]);
  assert.deepEqual(sifasuo.score(out.records[0]), sifasuo.score(township));
});

test('bad cells come back as errors naming cell, column and content', () => {
  const csv = officeCsv(township, { 'support.premises.total_area_m2': '一百二十', 'notes': '电话13912345678' });
  const out = sifasuo.fromCsv(csv, { units: unitsCsv(township) });
  assert.equal(out.records.length, 1);
  assert.equal(out.errors.length, 1);
  const byCode = Object.fromEntries(out.errors[0].errors.map((e) => [e.code, e]));
  const area = byCode.type_error;
  assert.equal(area.path, '/support/premises/total_area_m2');
  assert.deepEqual(area.location, {
    file: 'upload.csv', sheet: 'upload.csv', cell: letter('offices', 'support.premises.total_area_m2') + '2', row: 2,
    column: '用房：用房面积（平方米）', field: 'support.premises.total_area_m2', value: '一百二十',
  });
  assert.equal(byCode.personal_data.location.field, 'notes');
  assert.ok(!JSON.stringify(out.errors).includes('13912345678'));
});

test('units without an office, unknown columns and broken CSV are data, not exceptions', () => {
  const orphan = sifasuo.fromCsv(unitsCsv(township));
  assert.equal(orphan.records.length, 0);
  assert.equal(orphan.errors.length, township.units.length);
  assert.ok(orphan.errors.every((r) => r.errors[0].code === 'unmatched_unit'));
  const unknown = sifasuo.fromCsv('office.code,office.nmae\n1,x\n');
  assert.equal(unknown.errors[0].errors[0].code, 'unknown_field');
  assert.equal(unknown.errors[0].errors[0].ctx.suggestion, 'office.name');
  assert.equal(unknown.errors[0].errors[0].location.cell, 'B1');
  const broken = sifasuo.fromCsv('office.code\n"open');
  assert.equal(broken.errors[0].errors[0].code, 'invalid_json');
  assert.deepEqual(sifasuo.fromCsv('').records, []);
  assert.throws(() => sifasuo.fromCsv(42), TypeError);
  assert.throws(() => sifasuo.fromCsv('', { unit: '' }), TypeError);
  assert.throws(() => sifasuo.fromCsv('', { units: 5 }), TypeError);
  // still works after misuse
  assert.equal(sifasuo.fromCsv(officeCsv(township), { units: unitsCsv(township) }).errors.length, 0);
});

// Type-checked (tsc --noEmit), not run: a typical use of the package's types.
import type * as S from '../index.d.ts';
declare const sifasuo: typeof S;

const record: S.RecordInput = { format: 'sifasuo.office/1', year: 2023 };
const errors: S.ValidationError[] = sifasuo.validate(record);
const codes: S.ErrorCode[] = errors.map((e) => e.code);
const out = sifasuo.score(record, { params: { thresholds: { total_area_m2: 100 } } });
if (out.kind === 'office') {
  const r: S.Report = out.report;
  const g: S.Grade = r.grade;
  const worst: S.Problem[] = sifasuo.problems(r);
  const f: S.Finding | undefined = r.findings.find((x) => x.rule === 't13-total-area');
  const lost: number = worst.reduce((a, p) => a + p.points_lost, 0);
  console.log(g, r.score.toFixed(1), f?.clause, f?.quote, lost, r.dimensions[0]?.score ?? null);
} else if (out.kind === 'district') {
  const d: S.DistrictReport = out.report;
  console.log(d.district, d.offices?.mean_score);
} else {
  for (const e of out.errors) console.log(e.path, e.message, e.ctx);
}
const rows: S.Row[] = sifasuo.scoreMany([record, record]);
for (const row of rows) {
  if (row.kind === 'invalid') console.log(row.index, row.source.line, row.errors.length);
}
const l: S.Ledger = sifasuo.ledger([record]);
const rate: number | null = l.city[0]?.tally.closure_rate ?? null;
const rules: S.RuleInfo[] = sifasuo.rules();
const schema = sifasuo.schema('office');
const all: S.ErrorCodeInfo[] = sifasuo.errorCodes();
try {
  sifasuo.score(record, { params: { rules: {} } });
} catch (e) {
  const pe = e as S.ParametersError;
  for (const i of pe.issues) console.log(i.path, i.message);
}
console.log(codes, rate, rules.length, schema['$schema'], all.length);
const csv: S.CsvResult = sifasuo.fromCsv('office.code,year\n1,2023\n', { units: 'office.code,year,units.name\n' });
for (const row of csv.errors) {
  for (const e of row.errors) console.log(row.line, e.location?.cell, e.location?.column, e.location?.value);
}
const firstRecord: S.RecordInput | undefined = csv.records[0];
console.log(firstRecord, csv.sources[0]?.line);
// @ts-expect-error: schema kinds are checked
sifasuo.schema('offices');
// @ts-expect-error: options are {params?}
sifasuo.score(record, { parms: {} });

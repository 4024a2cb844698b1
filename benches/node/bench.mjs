// sifasuo (wasm) scoreMany vs ajv (JSON Schema 2020-12, validation only) on the same records.
// Usage: node bench.mjs RECORDS.jsonl [repeat]
// Prints one tab-separated line per figure: name, median seconds, records/s.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';

const require = createRequire(import.meta.url);
const sifasuo = require('../../bindings-wasm/pkg-node/sifasuo_wasm.js');

const [file, repeatArg] = process.argv.slice(2);
const repeat = Number(repeatArg ?? 5);
const records = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const n = records.length;

const ajv = new Ajv2020({ allErrors: true, strict: false });
// sifasuo's integer formats (uint8, uint32 …) are annotations for ajv
for (const f of ['uint', 'uint8', 'uint16', 'uint32', 'uint64', 'int32', 'int64', 'double', 'float']) ajv.addFormat(f, true);
const validate = ajv.compile(sifasuo.schema('office'));

// sanity: both accept every record
const rows = sifasuo.scoreMany(records);
if (!rows.every((r) => r.kind === 'office')) throw new Error('sifasuo: invalid rows in the bench data');
if (!records.every((r) => validate(r))) throw new Error('ajv rejects a record: ' + JSON.stringify(validate.errors));

function median(fn) {
  fn();
  const t = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

const figures = {
  'wasm scoreMany(array of objects)': () => sifasuo.scoreMany(records),
  'ajv 2020 validate(object), validation only': () => {
    for (const r of records) validate(r);
  },
};
for (const [name, fn] of Object.entries(figures)) {
  const s = median(fn);
  console.log(`${name}\t${s.toFixed(4)}\t${Math.round(n / s)}`);
}

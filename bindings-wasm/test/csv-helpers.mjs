// Builds CSV text in the spreadsheet layout from a record, as a person filling the template
// would type it (是/否, Chinese labels). Shared by csv.test.mjs and the browser test.

function get(obj, pointer) {
  let node = obj;
  for (const t of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object' || !(t in node)) return undefined;
    node = node[t];
  }
  return node;
}

function cell(col, v) {
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  const choice = (col.choices || []).find((c) => c.value === v);
  const s = String(choice ? choice.label : v);
  return /[",\n]/.test(s) ? '"' + s.replaceAll('"', '""') + '"' : s;
}

/** The office sheet (Chinese header row) with `edits` (field id → typed text) applied. */
export function officeCsv(layout, record, edits = {}) {
  const header = layout.offices.map((c) => c.header).join(',');
  const row = layout.offices.map((c) => (c.id in edits ? edits[c.id] : cell(c, get(record, c.pointer))));
  return header + '\r\n' + row.join(',') + '\r\n';
}

/** The units sheet (header row of field ids). */
export function unitsCsv(layout, record) {
  const lines = [layout.units.map((c) => c.id).join(',')];
  for (const u of record.units) {
    lines.push(layout.units.map((c) => cell(c, get(c.id.startsWith('units.') ? u : record, c.pointer))).join(','));
  }
  return lines.join('\n') + '\n';
}

/** Column letters of a field: `A`, …, `Z`, `AA`, … */
export function letter(layout, sheet, id) {
  let i = layout[sheet].findIndex((c) => c.id === id);
  let s = '';
  do { s = String.fromCharCode(65 + (i % 26)) + s; i = Math.floor(i / 26) - 1; } while (i >= 0);
  return s;
}

// Types of the `sifasuo` npm package (WebAssembly binding of the Rust crate `sifasuo`).
// Hand-written from core/src/{report,batch,ledger,params,rules,validate}.rs; keys and value
// shapes are exactly those of the Rust reports' JSON. Checked by `tsc --noEmit` (test/typed-usage.ts).

/** Any JSON-shaped value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A record to validate or score (`sifasuo.office/1` or `sifasuo.district/1`), as a plain object. */
export type RecordInput = { [key: string]: unknown };

export type ErrorCode =
  | "invalid_json" | "duplicate_key" | "input_too_large" | "type_error" | "required"
  | "unknown_field" | "unknown_format" | "unknown_standard" | "year_out_of_range"
  | "unknown_district" | "invalid_enum" | "out_of_range" | "part_exceeds_whole" | "empty_string"
  | "too_long" | "too_many_units" | "duplicate_unit" | "personal_data" | "duplicate_record"
  | "unmatched_unit";

/** The spreadsheet cell an error is about (records read by `fromCsv`). */
export interface Location {
  file: string;
  sheet: string;
  /** A1 notation, e.g. "F12". */
  cell: string;
  row: number;
  /** The column's Chinese header ("" when the error is about the row). */
  column: string;
  /** The column's field id, e.g. "support.premises.total_area_m2". */
  field: string;
  /** What the cell holds (personal numbers masked). */
  value?: string;
}

/** One problem of a record. */
export interface ValidationError {
  code: ErrorCode;
  /** JSON Pointer to the offending value ("" = the whole record). */
  path: string;
  /** Chinese message. */
  message: string;
  message_en: string;
  /** Values involved (user values redacted). */
  ctx: { [key: string]: Json };
  /** For records read from a spreadsheet: the cell. */
  location?: Location;
}

export type Grade = "exemplary" | "compliant" | "basically_compliant" | "non_compliant" | "incomplete";
export type Status = "pass" | "partial" | "fail" | "not_applicable" | "missing_data";
export type Severity = "veto" | "mandatory" | "standard" | "bonus";
export type Method = "all_or_nothing" | "coverage" | "per_unit" | "target" | "checklist" | "trend";
export type Dimension = "political" | "business" | "staffing" | "support" | "district";
/** One of the 16 districts or 北京经济技术开发区, in Chinese. */
export type District = string;

export interface OfficeRef { code: string; name: string; district: District; subdistrict: string }

export interface DimensionScore {
  id: Dimension; name_zh: string; score: number | null; points: number; max_points: number;
}

export interface UnitFailing { name: string; observed: Json }

export interface Finding {
  rule: string;
  task: number;
  dimension: Dimension;
  status: Status;
  severity: Severity;
  method: Method;
  points: number;
  max_points: number;
  observed: Json;
  expected: Json;
  shortfall: number | null;
  unit: string;
  units_failing: UnitFailing[];
  paths: string[];
  message: string;
  message_en: string;
  clause: string;
  quote: string;
}

export interface Counts { pass: number; partial: number; fail: number; not_applicable: number; missing_data: number }

/** `sifasuo.report/1` */
export interface Report {
  format: "sifasuo.report/1";
  standard: string;
  parameters: string;
  office: OfficeRef;
  year: number;
  score: number;
  base_score: number;
  bonus: number;
  grade: Grade;
  grade_zh: string;
  dimensions: DimensionScore[];
  findings: Finding[];
  missing_fields: string[];
  counts: Counts;
}

export interface GradeCounts {
  exemplary: number; compliant: number; basically_compliant: number; non_compliant: number; incomplete: number;
}

export interface RuleProblem {
  rule: string; clause: string; quote: string; severity: Severity;
  offices: number; office_codes: string[]; points_lost: number;
}

export interface Rollup {
  count: number; mean_score: number | null; grades: GradeCounts; compliance_rate: number | null;
  problems: RuleProblem[];
}

/** `sifasuo.district-report/1` */
export interface DistrictReport {
  format: "sifasuo.district-report/1";
  standard: string;
  parameters: string;
  district: District;
  year: number;
  score: number;
  grade: Grade;
  grade_zh: string;
  findings: Finding[];
  missing_fields: string[];
  counts: Counts;
  /** Roll-up of the district's offices (batches only). */
  offices: Rollup | null;
}

export type Outcome =
  | { kind: "office"; report: Report }
  | { kind: "district"; report: DistrictReport }
  | { kind: "invalid"; errors: ValidationError[] };

export interface Source { file: string; line: number }
export type Row = { index: number; source: Source } & Outcome;

/** One entry of an office's problem list (问题清单). */
export interface Problem {
  rule: string; clause: string; quote: string; status: Status; severity: Severity;
  points_lost: number; shortfall: number | null; unit: string; units_failing: UnitFailing[];
  message: string; message_en: string;
}

export type Movement = "closed" | "open" | "regressed" | "new";
export interface LedgerItem { rule: string; clause: string; movement: Movement; before: Status; after: Status; message: string }
export interface Tally {
  problems_before: number; closed: number; open: number; regressed: number; new: number; closure_rate: number | null;
}
export interface OfficeLedger {
  code: string; name: string; district: District; from_year: number; to_year: number; tally: Tally; items: LedgerItem[];
}
export interface AreaLedger { district: District | null; from_year: number; to_year: number; offices: number; tally: Tally }
export interface Ledger { offices: OfficeLedger[]; districts: AreaLedger[]; city: AreaLedger[] }

export interface RuleInfo {
  id: string; applies_to: "office" | "district"; task: number; clause: string; quote: string;
  method: Method; severity: Severity; points: number; dimension: Dimension; fields: string[];
  label_zh: string; label_en: string; year?: number;
}

export interface ErrorCodeInfo { code: ErrorCode; description: string }

/** A parameters override (partial `Parameters`, see `schema("parameters")`). */
export type ParametersOverride = { [key: string]: Json };
export interface Options { params?: ParametersOverride | null }

/** One problem of a parameters override (carried by the thrown `ParametersError`). */
export interface ParamIssue { path: string; message: string }
/** Thrown (name `"ParametersError"`) when `options.params` is malformed or out of bounds. */
export interface ParametersError extends Error { name: "ParametersError"; issues: ParamIssue[] }

/** Every problem of a record (`[]` when valid). Never throws for bad records. */
export function validate(record: unknown): ValidationError[];
/** Validates and scores one record. Throws only for bad `options` (TypeError / ParametersError). */
export function score(record: unknown, options?: Options | null): Outcome;
/** Scores a batch (duplicates flagged, last year's ratio taken from the batch, districts rolled up). */
export function scoreMany(records: unknown[], options?: Options | null): Row[];
/** The rectification ledger of office records spanning years. Throws `LedgerError` on duplicates. */
export function ledger(records: unknown[], options?: Options | null): Ledger;
/** The problem list of an office report, veto first, then most points lost. */
export function problems(report: Report): Problem[];
/** The rule catalogue under the given parameters. */
export function rules(options?: Options | null): RuleInfo[];
/** JSON Schema (draft 2020-12) of a record kind or of the parameters. Throws TypeError otherwise. */
export function schema(kind: "office" | "district" | "parameters"): { [key: string]: Json };
/** Every validation error code. */
export function errorCodes(): ErrorCodeInfo[];

/** One column of the spreadsheet layout. */
export interface Column {
  id: string;
  pointer: string;
  header: string;
  section: string;
  description: string;
  type: "boolean" | "integer" | "number" | "text" | "choice";
  required: boolean;
  min?: number;
  max?: number;
  min_chars?: number;
  max_chars?: number | null;
  choices?: Array<{ value: string; label: string }>;
}
/** The spreadsheet layout: the columns of the office, units and district sheets. */
export function columns(): { offices: Column[]; units: Column[]; districts: Column[] };

/** Where a record read from CSV came from. */
export interface CsvSource { file: string; line: number }
/** What `fromCsv` returns. */
export interface CsvResult {
  /** Every record the rows make (valid or not), in row order. */
  records: RecordInput[];
  /** Where each record came from (same order as `records`). */
  sources: CsvSource[];
  /** Rows that could not become records, and every record's validation errors, with cells. */
  errors: Array<CsvSource & { errors: ValidationError[] }>;
}
/** Reads CSV text in the spreadsheet layout (`sifasuo template --columns`); `units`: CSV text of
 * the communities/villages sheet. Bad rows come back as data; throws only on misuse. */
export function fromCsv(text: string, options?: { name?: string; units?: string } | null): CsvResult;

/** Web target only: loads the .wasm (default: next to the JS file). */
export default function init(
  input?: { module_or_path?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module } | RequestInfo | URL,
): Promise<unknown>;
/** Web target only: instantiates synchronously from bytes or a module. */
export function initSync(module: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): unknown;

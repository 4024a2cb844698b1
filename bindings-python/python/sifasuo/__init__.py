"""京司发〔2022〕42号 as code: validate and score Beijing judicial offices (司法所).

Every answer comes from the Rust core crate ``sifasuo``; this package only converts Python
objects to JSON, calls the core, and wraps the answer::

    import sifasuo
    report = sifasuo.score(record)              # record: a dict in the sifasuo.office/1 format
    report.score, report.grade_zh, report.problems()
    result = sifasuo.score_many("offices-2023.jsonl")
    result.to_pandas(); result.districts(); result.ledger()
"""

from __future__ import annotations

import html
import importlib
import json
import math
import os
from typing import Any, Dict, Iterable, Iterator, List, Literal, Mapping, Optional, Sequence, Tuple, Union

from . import _native

__all__ = [
    "BatchResult",
    "ErrorCode",
    "BatchRow",
    "LedgerError",
    "Parameters",
    "ParametersError",
    "Report",
    "SifasuoError",
    "ValidationError",
    "columns",
    "error_codes",
    "ledger",
    "read_csv",
    "read_excel",
    "rules",
    "schema",
    "score",
    "score_many",
    "validate",
    "write_template",
]

__version__: str = _native.__version__

#: Every validation error code (the ``code`` of an error dict); :func:`error_codes` describes them.
ErrorCode = Literal[
    "invalid_json",
    "duplicate_key",
    "input_too_large",
    "type_error",
    "required",
    "unknown_field",
    "unknown_format",
    "unknown_standard",
    "year_out_of_range",
    "unknown_district",
    "invalid_enum",
    "out_of_range",
    "part_exceeds_whole",
    "empty_string",
    "too_long",
    "too_many_units",
    "duplicate_unit",
    "personal_data",
    "duplicate_record",
    "unmatched_unit",
]


# ---------------------------------------------------------------------------------------------
# Errors


class SifasuoError(ValueError):
    """Base of every sifasuo error. ``errors`` holds the structured problems (list of dicts)."""

    errors: List[Dict[str, Any]]

    def __init__(self, message: str, errors: Optional[List[Dict[str, Any]]] = None) -> None:
        super().__init__(message)
        self.errors = list(errors or [])


class ValidationError(SifasuoError):
    """A record is not valid. ``errors``: dicts with ``code``, ``path``, ``message``,
    ``message_en`` and ``ctx``."""


class ParametersError(SifasuoError):
    """Scoring parameters are malformed or out of bounds. ``errors``: dicts with ``path`` and
    ``message``."""


class LedgerError(SifasuoError):
    """A rectification ledger cannot be built (e.g. one office twice in one year)."""


def _summary(errors: Sequence[Mapping[str, Any]], what: str) -> str:
    if not errors:
        return what
    first = errors[0]
    at = first.get("path") or "/"
    return f"{len(errors)} {what}, first: {at}: {first.get('message_en') or first.get('message')}"


# ---------------------------------------------------------------------------------------------
# Converting Python objects to JSON text


def _default(o: Any) -> Any:
    # numpy / pandas scalars and arrays (without importing them)
    item = getattr(o, "item", None)
    if callable(item) and getattr(o, "ndim", None) == 0:
        return item()
    tolist = getattr(o, "tolist", None)
    if callable(tolist):
        return tolist()
    if isinstance(o, Mapping):
        return dict(o)
    if isinstance(o, (set, frozenset)):
        raise TypeError(f"a value of type `{type(o).__name__}` is not JSON")
    if isinstance(o, Iterable) and not isinstance(o, (str, bytes)):
        return list(o)
    raise TypeError(f"a value of type `{type(o).__name__}` is not JSON")


def _dumps(record: Any) -> Tuple[bool, str]:
    """``(True, json_text)`` or ``(False, reason)``. NaN and infinities are written as ``NaN`` /
    ``Infinity``, which the core rejects as ``invalid_json``; huge integers are written in full
    and rejected by the core; non-string keys are converted to strings by :mod:`json` (then
    reported as ``unknown_field``)."""
    if isinstance(record, (str, bytes, bytearray)):
        if isinstance(record, (bytes, bytearray)):
            try:
                return True, bytes(record).decode("utf-8")
            except UnicodeDecodeError:
                return False, "the text is not valid UTF-8"
        return True, record
    try:
        return True, json.dumps(record, ensure_ascii=False, allow_nan=False, default=_default)
    except RecursionError:
        return False, "nesting too deep"
    except (TypeError, ValueError) as e:
        reason = str(e)
        if "Circular reference" in reason:
            reason = "circular reference"
        elif "Out of range float" in reason:
            reason = "NaN and infinity are not JSON numbers"
        elif not reason.startswith("a value of type"):
            reason = "not JSON-serialisable"
        return False, reason


def _errors_of(record: Any) -> List[Dict[str, Any]]:
    ok, text = _dumps(record)
    out: List[Dict[str, Any]] = json.loads(_native.validate(text) if ok else _native.conversion_errors(text))
    return out


# ---------------------------------------------------------------------------------------------
# Parameters


class Parameters:
    """The scoring parameters of an edition (points, thresholds, targets, grade bands).

    Use :meth:`default`, :meth:`load` or :meth:`from_dict`; invalid parameters raise
    :class:`ParametersError`.
    """

    __slots__ = ("_native",)

    def __init__(self, native: Any) -> None:
        self._native = native

    @classmethod
    def _from_text(cls, text: Optional[str]) -> "Parameters":
        native, issues = _native.parameters(text)
        if native is None:
            errors = json.loads(issues or "[]")
            raise ParametersError(_summary(errors, "parameter problem(s)"), errors)
        return cls(native)

    @classmethod
    def default(cls) -> "Parameters":
        """The default parameters (``BJ-2022-42/default``)."""
        return cls._from_text(None)

    @classmethod
    def load(cls, path: Union[str, "os.PathLike[str]"]) -> "Parameters":
        """Parameters from a JSON file holding an override of the defaults (only the keys given
        change) or a full parameter set."""
        with open(path, "rb") as f:
            data = f.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ParametersError("parameters are not valid UTF-8", [{"path": "", "message": "not valid UTF-8"}])
        return cls._from_text(text)

    @classmethod
    def from_dict(cls, override: Mapping[str, Any]) -> "Parameters":
        """The defaults with ``override`` applied, e.g.
        ``{"id": "朝阳区/2023", "thresholds": {"total_area_m2": 150}}``. An override without
        ``id`` gets ``BJ-2022-42/custom``."""
        ok, text = _dumps(override)
        if not ok:
            raise ParametersError(f"parameters are not valid: {text}", [{"path": "", "message": text}])
        return cls._from_text(text)

    @property
    def id(self) -> str:
        """The id written into every report."""
        return str(self._native.id)

    def to_dict(self) -> Dict[str, Any]:
        """Every parameter as a dict (the format :meth:`load` reads)."""
        out: Dict[str, Any] = json.loads(self._native.to_json())
        return out

    def to_json(self) -> str:
        """Canonical JSON of every parameter."""
        return str(self._native.to_json())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Parameters) and bool(self._native == other._native)

    def __hash__(self) -> int:
        return hash(self.to_json())

    def __repr__(self) -> str:
        return f"Parameters(id={self.id!r})"


ParamsLike = Union[Parameters, Mapping[str, Any], None]


def _params(params: ParamsLike) -> Any:
    if params is None:
        return None
    if isinstance(params, Parameters):
        return params._native
    if isinstance(params, Mapping):
        return Parameters.from_dict(params)._native
    raise TypeError("params must be a sifasuo.Parameters, a dict override or None")


# ---------------------------------------------------------------------------------------------
# Reports


class Report:
    """The report of one office (``sifasuo.report/1``) or district bureau
    (``sifasuo.district-report/1``) in one year.

    Attributes mirror the report's keys (``score``, ``grade``, ``grade_zh``, ``office``,
    ``year``, ``findings``, ``dimensions``, ``missing_fields``, ``counts`` …); :meth:`to_dict`
    gives the whole report and :meth:`to_json` its canonical JSON, identical to the Rust core's.
    """

    __slots__ = ("_native", "_json", "_data", "lang")

    def __init__(self, native: Any, lang: str = "zh") -> None:
        self._native = native
        self._json: Optional[str] = None
        self._data: Optional[Dict[str, Any]] = None
        self.lang = lang

    @property
    def kind(self) -> str:
        """``office`` or ``district``."""
        return str(self._native.kind)

    def to_json(self) -> str:
        """Canonical JSON (fixed key order, no whitespace), byte for byte the core's output."""
        if self._json is None:
            self._json = str(self._native.to_json())
        return self._json

    def _d(self) -> Dict[str, Any]:
        if self._data is None:
            self._data = json.loads(self.to_json())
        return self._data

    def to_dict(self) -> Dict[str, Any]:
        """The whole report as a new dict."""
        out: Dict[str, Any] = json.loads(self.to_json())
        return out

    def problems(self) -> List[Dict[str, Any]]:
        """The problem list (问题清单): failed, partial and missing rules, veto failures first,
        then most points lost. Each dict: rule, clause, quote, status, severity, points_lost,
        shortfall, unit, units_failing, message, message_en."""
        out: List[Dict[str, Any]] = json.loads(self._native.problems())
        return out

    def __getitem__(self, key: str) -> Any:
        return self._d()[key]

    def get(self, key: str, default: Any = None) -> Any:
        """A key of the report, or ``default``."""
        return self._d().get(key, default)

    @property
    def format(self) -> str:
        """``sifasuo.report/1`` or ``sifasuo.district-report/1``."""
        return str(self._d()["format"])

    @property
    def standard(self) -> str:
        """The rule edition."""
        return str(self._d()["standard"])

    @property
    def parameters(self) -> str:
        """Id of the parameters used."""
        return str(self._d()["parameters"])

    @property
    def score(self) -> float:
        """0..=100, bonus included, capped; one decimal."""
        return float(self._d()["score"])

    @property
    def base_score(self) -> Optional[float]:
        """Score before bonus (office reports)."""
        v = self._d().get("base_score")
        return None if v is None else float(v)

    @property
    def bonus(self) -> Optional[float]:
        """Bonus points added (office reports)."""
        v = self._d().get("bonus")
        return None if v is None else float(v)

    @property
    def grade(self) -> str:
        """exemplary | compliant | basically_compliant | non_compliant | incomplete."""
        return str(self._d()["grade"])

    @property
    def grade_zh(self) -> str:
        """示范 | 达标 | 基本达标 | 不达标 | 待补充."""
        return str(self._d()["grade_zh"])

    @property
    def office(self) -> Optional[Dict[str, Any]]:
        """code, name, district, subdistrict (office reports; ``None`` for a district report)."""
        v = self._d().get("office")
        return dict(v) if isinstance(v, dict) and self.kind == "office" else None

    @property
    def district(self) -> str:
        """The district (of the office, or of the bureau)."""
        d = self._d()
        if self.kind == "office":
            return str(d["office"]["district"])
        return str(d["district"])

    @property
    def year(self) -> int:
        """Assessment year."""
        return int(self._d()["year"])

    @property
    def dimensions(self) -> List[Dict[str, Any]]:
        """Score per heading (office reports; empty for a district report)."""
        return list(self._d().get("dimensions", []))

    @property
    def findings(self) -> List[Dict[str, Any]]:
        """One per rule, in catalogue order."""
        return list(self._d()["findings"])

    @property
    def missing_fields(self) -> List[str]:
        """JSON Pointers of the fields to fill in."""
        return list(self._d()["missing_fields"])

    @property
    def counts(self) -> Dict[str, int]:
        """Findings per status (pass, partial, fail, not_applicable, missing_data)."""
        return dict(self._d()["counts"])

    @property
    def offices(self) -> Optional[Dict[str, Any]]:
        """District reports scored in a batch: the roll-up of the district's offices."""
        v = self._d().get("offices")
        return dict(v) if isinstance(v, dict) and self.kind == "district" else None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Report) and self.to_json() == other.to_json()

    def __hash__(self) -> int:
        return hash(self.to_json())

    def __repr__(self) -> str:
        d = self._d()
        who = d["office"]["name"] if self.kind == "office" else d["district"]
        return f"<Report {who} {d['year']}: {d['score']} {d['grade']}>"

    def _repr_html_(self) -> str:
        d = self._d()
        e = html.escape
        en = self.lang == "en"
        who = d["office"]["name"] if self.kind == "office" else d["district"]
        grade = d["grade"] if en else d["grade_zh"]
        parts = [
            "<div class='sifasuo-report'>",
            f"<h3>{e(str(who))} · {e(str(d['year']))}</h3>",
            f"<p><b>{e(str(d['score']))}</b> · {e(str(grade))}</p>",
        ]
        problems = self.problems()
        if problems:
            head = ("clause", "problem", "plan") if en else ("条款", "问题", "方案原文")
            parts.append("<table><thead><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>")
            for p in problems:
                msg = p["message_en"] if en else p["message"]
                parts.append(
                    f"<tr><td>{e(str(p['clause']))}</td><td>{e(str(msg))}</td><td>{e(str(p['quote']))}</td></tr>"
                )
            parts.append("</tbody></table>")
        else:
            parts.append("<p>no problems</p>" if en else "<p>无问题</p>")
        parts.append("</div>")
        return "".join(parts)


def validate(record: Any) -> List[Dict[str, Any]]:
    """Every problem of one record (a dict, or its JSON text); ``[]`` when valid.

    Each error is a dict with ``code`` (stable snake_case, see :func:`error_codes`), ``path``
    (JSON Pointer), ``message`` (Chinese), ``message_en`` and ``ctx``. Never raises on bad
    input: NaN, infinities, huge integers, non-JSON values and too deep nesting become errors.
    """
    return _errors_of(record)


def score(record: Any, *, params: ParamsLike = None, lang: str = "zh") -> Report:
    """Validates and scores one record (office, or district without roll-up).

    ``params``: a :class:`Parameters`, a dict override of the defaults, or ``None`` for the
    defaults. ``lang`` (``zh`` | ``en``) picks the language of the report's HTML view.

    Raises :class:`ValidationError` (with ``.errors``) when the record is invalid.
    """
    if lang not in ("zh", "en"):
        raise ValueError("lang must be 'zh' or 'en'")
    native_params = _params(params)
    ok, text = _dumps(record)
    if not ok:
        errors = json.loads(_native.conversion_errors(text))
        raise ValidationError(_summary(errors, "validation error(s)"), errors)
    kind, value = _native.score(text, native_params)
    if isinstance(value, str):
        errors = json.loads(value)
        raise ValidationError(_summary(errors, "validation error(s)"), errors)
    return Report(value, lang)


# ---------------------------------------------------------------------------------------------
# Batches


class BatchRow:
    """One input record's outcome: ``report`` when valid, ``errors`` otherwise."""

    __slots__ = ("index", "file", "line", "kind", "report", "errors")

    def __init__(
        self,
        index: int,
        file: str,
        line: int,
        kind: str,
        report: Optional[Report],
        errors: Optional[List[Dict[str, Any]]],
    ) -> None:
        self.index = index
        self.file = file
        self.line = line
        self.kind = kind
        self.report = report
        self.errors = errors

    @property
    def valid(self) -> bool:
        """Whether the record was scored."""
        return self.report is not None

    def __repr__(self) -> str:
        what = repr(self.report) if self.report is not None else f"{len(self.errors or [])} error(s)"
        return f"<BatchRow {self.index} {self.file}:{self.line} {what}>"


def _is_dataframe(data: Any) -> bool:
    return type(data).__module__.split(".")[0] == "pandas" and hasattr(data, "to_dict") and hasattr(data, "columns")


def _is_arrow_table(data: Any) -> bool:
    return type(data).__module__.split(".")[0] == "pyarrow" and hasattr(data, "to_pylist")


def _is_missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    name = type(v).__name__
    return name in ("NAType", "NaTType")


def _cell(v: Any) -> Any:
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


def _records_of_frame(df: Any) -> List[Any]:
    cols = [str(c) for c in df.columns]
    if len(cols) == 1:
        # one column holding whole records (dicts or JSON text)
        return [None if _is_missing(v) else v for v in df.iloc[:, 0].tolist()]
    out: List[Any] = []
    for row in df.to_dict(orient="records"):
        rec: Dict[str, Any] = {}
        for k, v in row.items():
            if _is_missing(v):
                continue
            v = _cell(v)
            key = str(k)
            if "." in key:
                # pandas.json_normalize-style flattened column: office.code → {"office": {"code": …}}
                *head, last = key.split(".")
                node = rec
                for h in head:
                    nxt = node.setdefault(h, {})
                    if not isinstance(nxt, dict):
                        break
                    node = nxt
                else:
                    node[last] = v
                    continue
            rec[key] = v
        out.append(rec)
    return out


Data = Any


_SHEET_SUFFIXES = (".xlsx", ".csv")


def _is_sheet_path(data: Any) -> bool:
    return isinstance(data, (str, os.PathLike)) and os.fspath(data).lower().endswith(_SHEET_SUFFIXES)


_COLUMN_IDS: Optional[Dict[str, List[str]]] = None


def _column_ids() -> Dict[str, List[str]]:
    global _COLUMN_IDS
    if _COLUMN_IDS is None:
        layout = json.loads(_native.columns())
        _COLUMN_IDS = {k: [c["id"] for c in v] for k, v in layout.items()}
    return _COLUMN_IDS


def _is_flat_frame(df: Any) -> bool:
    """A DataFrame in the spreadsheet layout: every column is a field id of one sheet (office,
    units or district), as ``pandas.read_excel(template, sheet_name=…, header=1)`` gives."""
    cols = [str(c) for c in df.columns]
    if not cols or "format" in cols:
        return False
    return any(set(cols) <= set(ids) for ids in _column_ids().values())


def _frame_rows(df: Any) -> List[List[Any]]:
    values = df.astype(object).where(df.notna(), None).values.tolist()
    rows: List[List[Any]] = [[str(c) for c in df.columns]]
    rows.extend([_cell(v) for v in row] for row in values)
    return rows


def _batch(data: Data, params: ParamsLike, units: Any = None) -> Any:
    native_params = _params(params)
    if isinstance(data, BatchResult):
        return data._batch
    if units is not None and not (_is_sheet_path(data) or _is_dataframe(data)):
        raise TypeError("units= goes with a .csv/.xlsx path or a DataFrame in the spreadsheet layout")
    if _is_sheet_path(data):
        paths = [os.fspath(data)]
        if units is not None:
            if not _is_sheet_path(units):
                raise TypeError("units must be a .csv or .xlsx path when data is a path")
            paths.append(os.fspath(units))
        return _native.score_sheets(paths, native_params)
    if _is_dataframe(data) and (units is not None or _is_flat_frame(data)):
        frames = [{"name": "DataFrame", "rows": _frame_rows(data)}]
        if units is not None:
            if not _is_dataframe(units):
                raise TypeError("units must be a DataFrame when data is a DataFrame")
            frames.append({"name": "units", "rows": _frame_rows(units)})
        return _native.score_frames(json.dumps(frames, ensure_ascii=False, default=_default), native_params)
    if isinstance(data, (str, os.PathLike)):
        return _native.score_file(os.fspath(data), native_params)
    if isinstance(data, (bytes, bytearray, memoryview)):
        return _native.score_jsonl(bytes(data), "", native_params)
    if _is_dataframe(data):
        records: List[Any] = _records_of_frame(data)
    elif _is_arrow_table(data):
        records = data.to_pylist()
    elif isinstance(data, Mapping):
        records = [data]
    elif isinstance(data, Iterable):
        records = list(data)
    else:
        raise TypeError(
            "data must be a list of dicts, a path, JSON-lines bytes, a pandas.DataFrame or a pyarrow.Table"
        )
    # plain dicts are written as JSON natively; anything else goes through _dumps
    return _native.score_objects(records, _dumps, "", native_params)


class BatchResult:
    """The outcome of :func:`score_many`: one row per input record, in input order.

    ``len(result)`` is the number of input records; iterating yields :class:`BatchRow`.
    Invalid records are error rows, never dropped.
    """

    __slots__ = ("_batch", "_rows", "lang")

    def __init__(self, batch: Any, lang: str = "zh") -> None:
        self._batch = batch
        self._rows: Optional[List[BatchRow]] = None
        self.lang = lang

    def _all(self) -> List[BatchRow]:
        if self._rows is None:
            rows = []
            for i in range(len(self._batch)):
                index, file, line, kind, value = self._batch.row(i)
                if isinstance(value, str):
                    rows.append(BatchRow(index, file, line, kind, None, json.loads(value)))
                else:
                    rows.append(BatchRow(index, file, line, kind, Report(value, self.lang), None))
            self._rows = rows
        return self._rows

    def __len__(self) -> int:
        return int(len(self._batch))

    def __iter__(self) -> Iterator[BatchRow]:
        return iter(self._all())

    def __getitem__(self, i: int) -> BatchRow:
        return self._all()[i]

    @property
    def reports(self) -> List[Report]:
        """The reports of the valid records (office and district), in input order."""
        return [r.report for r in self._all() if r.report is not None]

    @property
    def errors(self) -> List[Dict[str, Any]]:
        """One dict per invalid record: index, file, line, errors."""
        return [
            {"index": r.index, "file": r.file, "line": r.line, "errors": r.errors}
            for r in self._all()
            if r.report is None
        ]

    def to_pandas(self) -> Any:
        """One DataFrame row per input record (errors included): index, file, line, kind, valid,
        code, name, district, year, score, grade, grade_zh, one ``dim_<id>`` column per
        dimension, problems (count), error_codes (comma-separated). Needs pandas."""
        pd: Any = importlib.import_module("pandas")

        out = []
        for r in self._all():
            row: Dict[str, Any] = {
                "index": r.index,
                "file": r.file,
                "line": r.line,
                "kind": r.kind,
                "valid": r.valid,
                "code": None,
                "name": None,
                "district": None,
                "year": None,
                "score": None,
                "grade": None,
                "grade_zh": None,
            }
            if r.report is not None:
                d = r.report._d()
                if r.kind == "office":
                    row.update(code=d["office"]["code"], name=d["office"]["name"], district=d["office"]["district"])
                else:
                    row.update(district=d["district"])
                row.update(year=d["year"], score=d["score"], grade=d["grade"], grade_zh=d["grade_zh"])
                for dim in d.get("dimensions", []):
                    row[f"dim_{dim['id']}"] = dim["score"]
                row["problems"] = len(r.report.problems())
                row["error_codes"] = ""
            else:
                row["problems"] = None
                row["error_codes"] = ",".join(str(e.get("code")) for e in (r.errors or []))
            out.append(row)
        df = pd.DataFrame(out)
        if "year" in df:
            df["year"] = df["year"].astype("Int64")
        if "problems" in df:
            df["problems"] = df["problems"].astype("Int64")
        return df

    def problems(self) -> List[Dict[str, Any]]:
        """The problem list of all office reports of the batch: per rule (most offices first),
        with clause, quote, severity, offices, office_codes, points_lost.
        ``pandas.DataFrame(result.problems())`` makes a table of it."""
        out: List[Dict[str, Any]] = json.loads(self._batch.problems())
        return out

    def districts(self) -> List[Dict[str, Any]]:
        """Roll-ups per district and year, then the city (``district: None``), each with year,
        district, offices (count, mean_score, grades, compliance_rate, problems),
        bureau_score and bureau_grade."""
        out: List[Dict[str, Any]] = json.loads(self._batch.districts())
        return out

    def ledger(self) -> Dict[str, Any]:
        """The rectification ledger (台账，逐项销号) of the batch; see :func:`ledger`."""
        text, err = self._batch.ledger()
        if text is None:
            errors = json.loads(err or "[]")
            raise LedgerError(_summary(errors, "ledger error(s)"), errors)
        out: Dict[str, Any] = json.loads(text)
        return out

    def __repr__(self) -> str:
        rows = self._all()
        bad = sum(1 for r in rows if r.report is None)
        return f"<BatchResult {len(rows)} rows, {bad} invalid>"


def score_many(data: Data, *, params: ParamsLike = None, lang: str = "zh", units: Any = None) -> BatchResult:
    """Scores many records; every input record yields one row, valid or not.

    ``data`` may be:

    - a list (or any iterable) of dicts — or of JSON texts, one record each;
    - a path (``str`` or ``os.PathLike``): a ``.json`` file (one record or an array), anything
      else is read as JSON lines;
    - ``bytes``: JSON lines;
    - a ``pandas.DataFrame`` with either one column holding whole records (dicts or JSON text)
      or one column per top-level key (``format``, ``year``, ``office`` …, as made by
      ``pandas.DataFrame(list_of_dicts)``; dotted columns such as ``office.code`` from
      ``pandas.json_normalize`` are nested back). NaN/None/NA cells count as absent, and whole
      floats as integers (pandas turns integer columns with gaps into floats);
    - a ``pyarrow.Table`` (one row per record, via ``to_pylist``);
    - a filled template (``.xlsx``) or a ``.csv`` file in the spreadsheet layout (see
      :func:`columns`), or a ``pandas.DataFrame`` in that layout (columns named by field id,
      e.g. ``pandas.read_excel(path, sheet_name="司法所", header=1)``); ``units=`` gives the
      communities/villages as a second file or DataFrame. Errors then carry a ``location``:
      sheet, cell, column header, field and what the cell holds.

    Duplicates (same office code and year) are error rows; last year's qualification ratio is
    taken from the batch; district records are rolled up with their offices.
    """
    return BatchResult(_batch(data, params, units), lang)


def ledger(data: Data, *, params: ParamsLike = None) -> Dict[str, Any]:
    """The rectification ledger (台账，逐项销号) of records spanning years: per office and pair of
    years, each rule that was or is a problem is ``closed`` / ``open`` / ``regressed`` /
    ``new``; tallies per district and for the city. ``data``: as :func:`score_many`, or a
    :class:`BatchResult`. Returns ``{"offices": [...], "districts": [...], "city": [...]}``.

    Raises :class:`LedgerError` when an office has two reports in one year.
    """
    if isinstance(data, BatchResult):
        return data.ledger()
    return BatchResult(_batch(data, params)).ledger()


# ---------------------------------------------------------------------------------------------
# Catalogues


def rules(params: ParamsLike = None) -> List[Dict[str, Any]]:
    """The rule catalogue: one dict per rule (id, task, clause, quote, method, points,
    severity …) with the points and severities of ``params``."""
    out: List[Dict[str, Any]] = json.loads(_native.rules(_params(params)))
    return out


def schema(kind: str) -> Dict[str, Any]:
    """The JSON Schema of ``office``, ``district`` or ``parameters``."""
    text = _native.schema(kind)
    if text is None:
        raise ValueError(f"unknown schema kind `{kind}`: expected office, district or parameters")
    out: Dict[str, Any] = json.loads(text)
    return out


def error_codes() -> List[Dict[str, Any]]:
    """Every validation error code: dicts with ``code`` and ``description``."""
    out: List[Dict[str, Any]] = json.loads(_native.error_codes())
    return out


# ---------------------------------------------------------------------------------------------
# Spreadsheets


def columns(sheet: Optional[str] = None) -> Any:
    """The spreadsheet column layout shared by the Excel template, CSV files and flat
    DataFrames: ``{"offices": [...], "units": [...], "districts": [...]}``, each column a dict
    with ``id`` (e.g. ``support.premises.total_area_m2``), ``header`` (Chinese), ``section``,
    ``description`` (the plan's wording), ``type`` and bounds or ``choices``, ``required``.
    ``sheet``: only that sheet's list."""
    layout: Dict[str, List[Dict[str, Any]]] = json.loads(_native.columns())
    if sheet is None:
        return layout
    if sheet not in layout:
        raise ValueError(f"unknown sheet `{sheet}`: expected offices, units or districts")
    return layout[sheet]


def _read_sheets(paths: List[str]) -> List[Dict[str, Any]]:
    try:
        result = json.loads(_native.read_sheets(paths, False))
    except OSError as e:
        raise SifasuoError(str(e)) from None
    errors = [e for row in result["errors"] for e in row["errors"]]
    if errors:
        first = errors[0]
        loc = first.get("location") or {}
        where = f"{loc.get('sheet', '')}!{loc.get('cell', '')} " if loc else ""
        raise SifasuoError(
            f"{len(errors)} row(s) could not be read, first: {where}{first.get('message_en')}", errors
        )
    records: List[Dict[str, Any]] = result["records"]
    return records


def read_excel(path: Union[str, "os.PathLike[str]"]) -> List[Dict[str, Any]]:
    """The records of a filled template (``.xlsx``: sheets 司法所, 社区（村）, 区司法局), as
    dicts in the record format. Empty cells are "not reported"; 是/否, true/false, 1/0 are
    booleans; Chinese labels (街道, 行政村 …) become the record's values. Cells that do not fit
    are kept as they are, for :func:`validate` / :func:`score_many` to report — pass the path
    to :func:`score_many` to get errors that name the cell.

    Raises :class:`SifasuoError` (with ``errors``) when a sheet has an unknown column or a
    units row matches no office row, and when the file is not a readable workbook."""
    return _read_sheets([os.fspath(path)])


def read_csv(
    path: Union[str, "os.PathLike[str]"], units: Optional[Union[str, "os.PathLike[str]"]] = None
) -> List[Dict[str, Any]]:
    """The records of a CSV file in the spreadsheet layout (UTF-8; header row of field ids,
    Chinese headers, or both), with the communities/villages from ``units`` (a second CSV).
    As :func:`read_excel` otherwise."""
    paths = [os.fspath(path)] + ([os.fspath(units)] if units is not None else [])
    return _read_sheets(paths)


def write_template(path: Union[str, "os.PathLike[str]"]) -> None:
    """Writes the Excel data-collection template (the same workbook as ``sifasuo template``):
    frozen header rows (Chinese header, field id), the plan's wording as a comment on each
    column, drop-down lists and number checks, and an instructions sheet."""
    with open(path, "wb") as f:
        f.write(_native.template())

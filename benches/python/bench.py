"""Python benchmarks (timeit, medians): sifasuo.score_many against what users would pick instead.

(a) pydantic v2 validation of the same records into models generated from sifasuo's JSON Schema
    (`sifasuo schema office` → datamodel-code-generator; validation only, no scoring);
(b) ten representative rules written in plain Python, as an analyst would (dict lookups, no
    validation, no messages).

Usage: python bench.py RECORDS.jsonl MODELS.py [--repeat N]
Prints one tab-separated line per figure: name, median seconds, records/s.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from typing import Any, Callable, Dict, List

import pyarrow as pa

import sifasuo


def median_time(fn: Callable[[], Any], repeat: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


# --- (b) ten rules as an analyst would write them -------------------------------------------


def _ratio(d: Dict[str, Any], part: str, whole: str) -> float:
    w = d.get(whole) or 0
    return (d.get(part) or 0) / w if w else 1.0


def plain_rules(r: Dict[str, Any]) -> Dict[str, Any]:
    """Ten rules of the plan, one line or two each; returns points and failed rule ids."""
    failed: List[str] = []
    points = 0.0
    sup = r.get("support") or {}
    prem = sup.get("premises") or {}
    staff = r.get("staffing") or {}
    med = r.get("mediation") or {}
    adm = r.get("administration") or {}
    cc = r.get("community_correction") or {}
    units = r.get("units") or []
    checks = [
        # t13 total area ≥ 120 m², business area ≥ 30 % of it (area rules)
        ("t13-total-area", (prem.get("total_area_m2") or 0) >= 120, 4),
        ("t13-business-area", (prem.get("business_area_m2") or 0) >= 0.3 * (prem.get("total_area_m2") or 0), 2),
        # t10 staff ≥ 3, director in post, legal qualification share rises
        ("t10-staff", (staff.get("staff") or 0) >= 3, 4),
        ("t10-director", bool(staff.get("director_in_post")), 3),
        ("t10-legal-share", _ratio(staff, "legal_qualification", "staff") >= 0.3, 2),
        # t3 every community/village has a mediation committee; disputes resolved ≥ 95 %
        ("t3-unit-committees", all(u.get("mediation_committee") for u in units), 3),
        ("t3-resolution", _ratio(med.get("disputes") or {}, "resolved", "total") >= 0.95, 2),
        # t2 every normative document reviewed
        ("t2-normative-review", _ratio(adm.get("normative_documents") or {}, "reviewed", "total") >= 1.0, 3),
        # t5 no one escaped supervision (veto)
        ("t5-no-escape", (cc.get("escaped_supervision") or 0) == 0, 5),
        # t4 each unit has at least 2 legal-savvy persons
        ("t4-legal-savvy", all((u.get("legal_savvy_persons") or 0) >= 2 for u in units), 2),
    ]
    for rule, ok, pts in checks:
        if ok:
            points += pts
        else:
            failed.append(rule)
    return {"code": (r.get("office") or {}).get("code"), "points": points, "failed": failed}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("records")
    ap.add_argument("models")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()

    with open(a.records, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    dicts = [json.loads(line) for line in lines]
    n = len(dicts)
    table = pa.Table.from_pylist(dicts)

    spec = importlib.util.spec_from_file_location("office_models", a.models)
    assert spec and spec.loader
    models = importlib.util.module_from_spec(spec)
    sys.modules["office_models"] = models
    spec.loader.exec_module(models)
    # the generator names the root model after the schema's title
    Model = getattr(models, sifasuo.schema("office")["title"])
    Model.model_rebuild()

    # sanity: every record is valid for both
    assert all(row.kind == "office" for row in sifasuo.score_many(dicts)), "invalid rows"
    for d in dicts[:50]:
        Model.model_validate(d)

    figures = {
        "sifasuo score_many(list of dicts)": lambda: sifasuo.score_many(dicts),
        "sifasuo score_many(JSON-lines file)": lambda: sifasuo.score_many(a.records),
        "sifasuo score_many(pyarrow.Table)": lambda: sifasuo.score_many(table),
        "pydantic v2 model_validate(dict), validation only": lambda: [Model.model_validate(d) for d in dicts],
        "pydantic v2 model_validate_json(line), validation only": lambda: [
            Model.model_validate_json(line) for line in lines
        ],
        "plain Python, 10 rules": lambda: [plain_rules(d) for d in dicts],
    }
    for name, fn in figures.items():
        t = median_time(fn, a.repeat)
        print(f"{name}\t{t:.4f}\t{n / t:.0f}", flush=True)


if __name__ == "__main__":
    main()

"""The shared vectors (tests/vectors): the Python front door gives the core's answers."""

from __future__ import annotations

import copy
import json
import pathlib
from collections import Counter
from typing import Any, Dict, List

import pytest

import sifasuo
from conftest import ROOT

VECTORS = ROOT / "tests" / "vectors"


def files(kind: str) -> List[pathlib.Path]:
    folder = VECTORS / kind
    if not folder.is_dir():
        return []
    found = sorted(folder.glob("*.json"))
    assert found, f"{folder} exists but holds no vector"
    return found


def load(path: pathlib.Path) -> Dict[str, Any]:
    with open(path, encoding="utf-8") as f:
        out: Dict[str, Any] = json.load(f)
    return out


def canonical(value: Any) -> str:
    """The vectors' canonical text: keys sorted, no whitespace (serde_json::Value's order)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def via_batch(record: Dict[str, Any], ratio: float, params: Any) -> sifasuo.Report:
    """Last year's ratio reaches an office only through a batch: score the record after a copy
    of it one year earlier whose legal_qualification / staff is `ratio`."""
    for staff in range(1, 101):
        qualified = round(ratio * staff)
        if qualified / staff == ratio:
            break
    else:
        pytest.skip(f"no staff count gives the ratio {ratio}")
    prev = copy.deepcopy(record)
    prev["year"] = record["year"] - 1
    s = prev.setdefault("staffing", {})
    s.pop("previous_qualification_ratio", None)
    s.update(staff=staff, legal_qualification=qualified, authorized_posts=staff)
    for k in ("legal_professionals", "new_staff", "new_staff_trained"):
        if k in s:
            s[k] = min(s[k], staff)
    res = sifasuo.score_many([prev, record], params=params)
    assert [r.valid for r in res] == [True, True], res.errors
    report = res[1].report
    assert report is not None
    return report


@pytest.mark.parametrize("path", files("reports"), ids=lambda p: p.stem)
def test_report_vector(path: pathlib.Path) -> None:
    v = load(path)
    if v.get("previous_ratio") is not None:
        report = via_batch(v["input"], float(v["previous_ratio"]), v.get("params"))
    else:
        report = sifasuo.score(v["input"], params=v.get("params"))
    got = json.loads(report.to_json())
    assert got == v["expected"]
    assert canonical(got) == canonical(v["expected"])
    # to_json() is the core's own serde_json text: struct key order, no whitespace
    assert report.to_json() == json.dumps(got, separators=(",", ":"), ensure_ascii=False)


@pytest.mark.parametrize("path", files("validation"), ids=lambda p: p.stem)
def test_validation_vector(path: pathlib.Path) -> None:
    v = load(path)
    if "input" in v:
        value = v["input"]
        # a str given to validate() is JSON text: a vector whose input *is* a string goes as JSON
        errors = sifasuo.validate(json.dumps(value, ensure_ascii=False) if isinstance(value, str) else value)
    elif "input_text" in v:
        errors = sifasuo.validate(v["input_text"])
    else:
        pytest.fail("vector has neither input nor input_text")
    got = Counter((e["code"], e["path"]) for e in errors)
    want = Counter((e["code"], e["path"]) for e in v["expected_errors"])
    assert got == want


def test_vectors_exist() -> None:
    assert VECTORS.is_dir() and files("reports")

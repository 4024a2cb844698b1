"""Every public function of `sifasuo` on single records."""

from __future__ import annotations

import copy
import datetime
import json
from typing import Any, Dict

import pytest

import sifasuo
from sifasuo import ParametersError, SifasuoError, ValidationError

PID = "11010519491231002X"  # a resident ID number with a valid check digit
PHONE = "13812345678"


def test_valid_record_has_no_errors(street: Dict[str, Any]) -> None:
    assert sifasuo.validate(street) == []
    assert sifasuo.validate(json.dumps(street)) == []


def test_error_shape(street: Dict[str, Any]) -> None:
    street["year"] = "2023"
    del street["office"]["code"]
    errors = sifasuo.validate(street)
    assert {(e["code"], e["path"]) for e in errors} >= {("type_error", "/year"), ("required", "/office/code")}
    for e in errors:
        assert set(e) == {"code", "path", "message", "message_en", "ctx"}
        assert isinstance(e["ctx"], dict)


def test_every_code_is_listed() -> None:
    codes = sifasuo.error_codes()
    names = [c["code"] for c in codes]
    assert len(names) == len(set(names)) and "personal_data" in names and "type_error" in names
    assert all(c["description"] for c in codes)


@pytest.mark.parametrize(
    "bad, code",
    [
        (float("nan"), "invalid_json"),
        (float("inf"), "invalid_json"),
        (10**40, None),
        (datetime.date(2023, 1, 1), "invalid_json"),
        ({1, 2}, "invalid_json"),
    ],
)
def test_hostile_values_become_errors(street: Dict[str, Any], bad: Any, code: str) -> None:
    street["support"]["premises"]["total_area_m2"] = bad
    errors = sifasuo.validate(street)
    assert errors, bad
    if code:
        assert errors[0]["code"] == code
    with pytest.raises(ValidationError) as e:
        sifasuo.score(street)
    assert e.value.errors == errors


def test_non_str_keys_and_deep_nesting(street: Dict[str, Any]) -> None:
    street[1] = True  # type: ignore[index]
    assert ("unknown_field", "/1") in {(e["code"], e["path"]) for e in sifasuo.validate(street)}
    deep: Any = 0
    for _ in range(200):
        deep = [deep]
    street["notes"] = deep
    assert sifasuo.validate(street)[0]["code"] == "invalid_json"
    deeper: Any = 0
    for _ in range(100_000):
        deeper = {"a": deeper}
    assert sifasuo.validate(deeper)[0]["code"] == "invalid_json"
    cyc: Dict[str, Any] = {}
    cyc["self"] = cyc
    assert sifasuo.validate(cyc)[0]["code"] == "invalid_json"


def test_not_an_object() -> None:
    for v in (None, 1, "not json", [], b"\xff\xfe"):
        errors = sifasuo.validate(v)
        assert errors and errors[0]["code"] in ("type_error", "invalid_json")


def test_score(street: Dict[str, Any]) -> None:
    r = sifasuo.score(street)
    d = r.to_dict()
    assert d["format"] == "sifasuo.report/1"
    assert r.score == d["score"] and 0 <= r.score <= 100
    assert r.grade == d["grade"] and r.grade_zh == d["grade_zh"]
    assert r.office == d["office"] and r.year == 2023 and r.district == d["office"]["district"]
    assert r.findings == d["findings"] and r.dimensions == d["dimensions"]
    assert r.missing_fields == d["missing_fields"] and r.counts == d["counts"]
    assert r.parameters == "BJ-2022-42/default" and r.kind == "office"
    assert json.loads(r.to_json()) == d
    assert r.to_json() == json.dumps(json.loads(r.to_json()), ensure_ascii=False, separators=(",", ":"))
    assert r == sifasuo.score(street) and hash(r) == hash(sifasuo.score(street))
    assert repr(r).startswith("<Report ")


def test_problems_and_html(township: Dict[str, Any]) -> None:
    r = sifasuo.score(township)
    problems = r.problems()
    assert r.grade == "basically_compliant"
    rules = [p["rule"] for p in problems]
    assert "t13-total-area" in rules
    assert {"rule", "clause", "quote", "status", "message", "message_en", "points_lost"} <= set(problems[0])
    page = r._repr_html_()
    assert str(r.score) in page and r.grade_zh in page
    for p in problems:
        assert p["clause"] in page
    en = sifasuo.score(township, lang="en")._repr_html_()
    assert r.grade in en
    with pytest.raises(ValueError):
        sifasuo.score(township, lang="fr")


def test_html_is_escaped(township: Dict[str, Any]) -> None:
    township["office"]["name"] = "<script>alert(1)</script>司法所"
    page = sifasuo.score(township)._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_district_report(district: Dict[str, Any]) -> None:
    r = sifasuo.score(district)
    assert r.kind == "district" and r.format == "sifasuo.district-report/1"
    assert r.office is None and r.district == district["district"] and r.dimensions == []
    assert isinstance(r.problems(), list)
    r._repr_html_()


def test_invalid_raises_with_errors(street: Dict[str, Any]) -> None:
    street["year"] = 1999
    with pytest.raises(ValidationError) as e:
        sifasuo.score(street)
    assert isinstance(e.value, SifasuoError) and isinstance(e.value, ValueError)
    assert [x["code"] for x in e.value.errors] == ["year_out_of_range"]
    assert "/year" in str(e.value)


def test_personal_data_never_echoed(street: Dict[str, Any]) -> None:
    street["notes"] = f"联系人身份证{PID}，电话{PHONE}"
    street["units"][0]["name"] = f"社区{PHONE}"
    errors = sifasuo.validate(street)
    assert "personal_data" in [e["code"] for e in errors]
    text = json.dumps(errors, ensure_ascii=False)
    assert PID not in text and PHONE not in text and PID[:-1] not in text
    with pytest.raises(ValidationError) as e:
        sifasuo.score(street)
    assert PID not in str(e.value) and PHONE not in str(e.value)
    street["office"]["code"] = PHONE
    res = sifasuo.score_many([street, copy.deepcopy(street)])
    assert PHONE not in json.dumps(res.errors, ensure_ascii=False)


def test_parameters(street: Dict[str, Any]) -> None:
    d = sifasuo.Parameters.default()
    assert d.id == "BJ-2022-42/default" and d == sifasuo.Parameters.default()
    full = d.to_dict()
    assert full["thresholds"]["total_area_m2"] == 120
    p = sifasuo.Parameters.from_dict({"id": "朝阳区/2023", "thresholds": {"total_area_m2": 1000}})
    assert p.id == "朝阳区/2023" and p.to_dict()["thresholds"]["business_area_m2"] == 30
    assert sifasuo.Parameters.from_dict({}).id == "BJ-2022-42/custom"
    r = sifasuo.score(street, params=p)
    assert r.parameters == "朝阳区/2023"
    assert sifasuo.score(street, params={"thresholds": {"total_area_m2": 1000}}).parameters == "BJ-2022-42/custom"
    assert r.score <= sifasuo.score(street).score
    assert repr(p) == "Parameters(id='朝阳区/2023')"


def test_parameters_load(tmp_path: Any) -> None:
    f = tmp_path / "p.json"
    f.write_text(json.dumps({"id": "x/1", "grades": {"compliant_from": 85}}), encoding="utf-8")
    p = sifasuo.Parameters.load(f)
    assert p.id == "x/1" and p.to_dict()["grades"]["compliant_from"] == 85
    full = tmp_path / "full.json"
    full.write_text(sifasuo.Parameters.default().to_json(), encoding="utf-8")
    assert sifasuo.Parameters.load(str(full)) == sifasuo.Parameters.default()
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ParametersError):
        sifasuo.Parameters.load(bad)


@pytest.mark.parametrize(
    "override",
    [
        {"rules": {"t13-total-area": {"points": -1}}},
        {"rules": {"no-such-rule": {"points": 1}}},
        {"thresholds": {"total_area_m2": "big"}},
        {"unknown_key": 1},
        {"thresholds": {"total_area_m2": float("nan")}},
    ],
)
def test_bad_parameters(override: Dict[str, Any]) -> None:
    with pytest.raises(ParametersError) as e:
        sifasuo.Parameters.from_dict(override)
    assert e.value.errors and all("path" in x and "message" in x for x in e.value.errors)
    assert isinstance(e.value, SifasuoError)
    with pytest.raises(ParametersError):
        sifasuo.rules(override)


def test_rules() -> None:
    rules = sifasuo.rules()
    ids = [r["id"] for r in rules]
    assert "t13-total-area" in ids and len(ids) == len(set(ids))
    assert all(r["quote"] and r["clause"] for r in rules)
    heavier = sifasuo.rules({"rules": {"t13-total-area": {"points": 9}}})
    assert next(r for r in heavier if r["id"] == "t13-total-area")["points"] == 9


def test_schema() -> None:
    for kind in ("office", "district", "parameters"):
        s = sifasuo.schema(kind)
        assert isinstance(s, dict) and s
    assert "office" in json.dumps(sifasuo.schema("office"))
    with pytest.raises(ValueError):
        sifasuo.schema("nope")


def test_version() -> None:
    assert sifasuo.__version__


def test_error_code_lists_agree(root: Any) -> None:
    """The core's list, the Python Literal type and the TypeScript union name the same codes."""
    import re
    import typing

    core = [c["code"] for c in sifasuo.error_codes()]
    assert list(typing.get_args(sifasuo.ErrorCode)) == core
    dts = root / "bindings-wasm" / "index.d.ts"
    if dts.exists():
        m = re.search(r"export type ErrorCode =(.*?);", dts.read_text(encoding="utf-8"), re.S)
        assert m, "no ErrorCode type in index.d.ts"
        assert sorted(re.findall(r'"([a-z_]+)"', m.group(1))) == sorted(core)

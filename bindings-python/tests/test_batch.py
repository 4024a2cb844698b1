"""score_many on every input type, error rows, roll-ups, problem lists and the ledger."""

from __future__ import annotations

import copy
import json
import pathlib
from typing import Any, Dict, List

import pytest

import sifasuo
from conftest import SAMPLE

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")


def mixed(street: Dict[str, Any], township: Dict[str, Any], district: Dict[str, Any]) -> List[Any]:
    bad = copy.deepcopy(street)
    bad["office"]["code"] = "bad-1"
    bad["year"] = "2023"
    dup = copy.deepcopy(township)
    return [street, bad, township, district, dup, {"format": "nope"}]


def check_rows(res: sifasuo.BatchResult, n: int) -> None:
    assert len(res) == n
    rows = list(res)
    assert [r.index for r in rows] == list(range(n))
    assert len(res.reports) + len(res.errors) == n
    assert len(res.to_pandas()) == n


def test_list(street: Dict[str, Any], township: Dict[str, Any], district: Dict[str, Any]) -> None:
    res = sifasuo.score_many(mixed(street, township, district))
    check_rows(res, 6)
    kinds = [r.kind for r in res]
    assert kinds == ["office", "invalid", "invalid", "district", "invalid", "invalid"]
    codes = [[e["code"] for e in r.errors] if r.errors else [] for r in res]
    assert codes[2] == ["duplicate_record"] and codes[4] == ["duplicate_record"]
    assert "type_error" in codes[1] and "unknown_format" in codes[5]
    assert res[0].valid and not res[1].valid and res[1].line == 2
    assert res.reports[0] == sifasuo.score(street)
    df = res.to_pandas()
    assert list(df["valid"]) == [True, False, False, True, False, False]
    assert df.loc[4, "error_codes"] == "duplicate_record"
    assert df.loc[0, "score"] == res.reports[0].score and df.loc[0, "code"] == street["office"]["code"]
    assert df.loc[3, "district"] == district["district"]
    assert "dim_support" in df.columns
    assert "BatchResult 6 rows, 4 invalid" in repr(res)


def test_unserialisable_records_are_rows(street: Dict[str, Any]) -> None:
    nan = copy.deepcopy(street)
    nan["year"] = float("nan")
    res = sifasuo.score_many([nan, street, object(), "{not json", b"\xff", "\ud800"])
    check_rows(res, 6)
    assert [r.valid for r in res] == [False, True, False, False, False, False]
    assert all(r.errors and r.errors[0]["code"] == "invalid_json" for r in res if not r.valid)


def test_path_and_bytes(tmp_path: pathlib.Path, street: Dict[str, Any], township: Dict[str, Any]) -> None:
    lines = [json.dumps(street, ensure_ascii=False), "", "{broken", json.dumps(township, ensure_ascii=False)]
    text = "\n".join(lines) + "\n"
    f = tmp_path / "in.jsonl"
    f.write_text(text, encoding="utf-8")
    for res in (sifasuo.score_many(f), sifasuo.score_many(str(f)), sifasuo.score_many(text.encode())):
        check_rows(res, 3)
        assert [r.line for r in res] == [1, 3, 4]
        assert [r.valid for r in res] == [True, False, True]
    assert sifasuo.score_many(f)[0].file == str(f)
    res = sifasuo.score_many(b"\xef\xbb\xbf" + text.encode() + b"\xff\xfe\n")
    check_rows(res, 4)
    a = tmp_path / "array.json"
    a.write_text(json.dumps([street, township]), encoding="utf-8")
    check_rows(sifasuo.score_many(a), 2)
    with pytest.raises(OSError):
        sifasuo.score_many(tmp_path / "missing.jsonl")


def test_dataframe_and_arrow(street: Dict[str, Any], township: Dict[str, Any], district: Dict[str, Any]) -> None:
    records = mixed(street, township, district)
    expected = [r.kind for r in sifasuo.score_many(records)]
    frames = [
        pd.DataFrame({"record": records}),
        pd.DataFrame({"json": [json.dumps(r, ensure_ascii=False) for r in records]}),
        pd.DataFrame(records),
    ]
    for df in frames:
        res = sifasuo.score_many(df)
        check_rows(res, 6)
        assert [r.kind for r in res] == expected, df.columns
    flat = pd.json_normalize([street, township], max_level=1)
    res = sifasuo.score_many(flat)
    assert [r.valid for r in res] == [True, True]
    assert res.reports[0].score == sifasuo.score(street).score
    table = pa.Table.from_pylist([street, township])
    res = sifasuo.score_many(table)
    check_rows(res, 2)
    assert res.reports[1].grade == sifasuo.score(township).grade


def test_sample_file_districts_problems() -> None:
    path = SAMPLE / "offices-2023.jsonl"
    if not path.exists():
        pytest.skip("sample data not generated")
    res = sifasuo.score_many(path)
    n = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    check_rows(res, n)
    d = res.districts()
    assert d[-1]["district"] is None
    assert sum(x["offices"]["count"] for x in d if x["district"]) == d[-1]["offices"]["count"] == len(res.reports)
    problems = res.problems()
    assert problems == sorted(problems, key=lambda p: -p["offices"])
    assert {"rule", "clause", "quote", "offices", "office_codes"} <= set(problems[0])


def test_ledger(tmp_path: pathlib.Path, street: Dict[str, Any]) -> None:
    later = copy.deepcopy(street)
    later["year"] = 2024
    later["support"]["premises"]["total_area_m2"] = 100.0
    led = sifasuo.ledger([street, later])
    assert set(led) == {"offices", "districts", "city"}
    office = led["offices"][0]
    assert (office["from_year"], office["to_year"]) == (2023, 2024)
    assert "regressed" in [i["movement"] for i in office["items"]]
    res = sifasuo.score_many([street, later])
    assert sifasuo.ledger(res) == res.ledger() == led
    assert led["city"][0]["offices"] == 1
    assert sifasuo.ledger([]) == {"offices": [], "districts": [], "city": []}


def test_ledger_of_sample_years() -> None:
    files = [SAMPLE / f"offices-{y}.jsonl" for y in (2022, 2023)]
    if not all(f.exists() for f in files):
        pytest.skip("sample data not generated")
    data = b"".join(f.read_bytes().rstrip(b"\n") + b"\n" for f in files)
    led = sifasuo.ledger(data)
    assert led["city"] and led["city"][0]["from_year"] == 2022


def test_params_in_batch(street: Dict[str, Any]) -> None:
    res = sifasuo.score_many([street], params={"id": "x/1"})
    assert res.reports[0].parameters == "x/1"


def test_bad_data_type() -> None:
    with pytest.raises(TypeError):
        sifasuo.score_many(42)


def _outcomes(res: sifasuo.BatchResult) -> List[Any]:
    return [(r.kind, r.report.to_json() if r.report is not None else r.errors) for r in res]


def _variants(street: Dict[str, Any]) -> List[Any]:
    """Records that take the native writer (plain dicts) and records that must fall back to
    Python's json, each with something the two could write differently."""
    import collections
    import math

    def edited(**changes: Any) -> Dict[str, Any]:
        r = copy.deepcopy(street)
        for dotted, value in changes.items():
            *head, last = dotted.split("__")
            d = r
            for k in head:
                d = d[k]
            d[last] = value
        return r

    cyclic = copy.deepcopy(street)
    cyclic["support"]["self"] = cyclic
    deep: Any = "x"
    for _ in range(300):
        deep = [deep]
    sub = collections.OrderedDict(street)
    return [
        street,
        edited(support__premises__total_area_m2=1e16),
        edited(support__premises__total_area_m2=120.0),
        edited(support__premises__total_area_m2=-0.0),
        edited(support__premises__total_area_m2=1e-7),
        edited(support__premises__total_area_m2=math.nan),
        edited(support__premises__total_area_m2=math.inf),
        edited(support__premises__total_area_m2=True),
        edited(staffing__staff=2**64),
        edited(staffing__staff=-(2**63) - 1),
        edited(staffing__staff=3.0),
        edited(office__name='引号" 反斜杠\\ 控制\x01\n 表情😀 \u2028'),
        edited(office__name="\ud800 lone surrogate"),
        edited(office__subdistrict=("a", "b")),
        edited(units=tuple(street["units"])),
        edited(extra={1: "int key"}),
        edited(extra={"k": {"set"}}),
        edited(extra=deep),
        cyclic,
        sub,
        "not a dict",
        json.dumps(street, ensure_ascii=False),
    ]


def test_dicts_written_natively_score_like_their_json_text(street: Dict[str, Any]) -> None:
    """score_many writes plain dicts as JSON in Rust; every record must come out exactly as its
    text from Python's json (or with the same conversion error) would."""
    for i, record in enumerate(_variants(street)):
        native = _outcomes(sifasuo.score_many([record]))
        ok, text = sifasuo._dumps(record)
        via_python = _outcomes(sifasuo.score_many([text])) if ok else None
        if via_python is None:
            assert native[0][0] == "invalid", i
            assert [e["ctx"].get("reason") for e in native[0][1]] == [text], i
        else:
            assert native == via_python, i

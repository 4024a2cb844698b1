"""The Excel template read by an independent reader (openpyxl), filled by it with good and bad
rows, and read back by sifasuo with exactly the expected cell-level errors; CSV and flat
DataFrames in the same layout."""

from __future__ import annotations

import csv
import json
import pathlib
from typing import Any, Dict, List, Optional, Tuple

import pytest

import sifasuo

openpyxl = pytest.importorskip("openpyxl")


def get(record: Dict[str, Any], pointer: str) -> Any:
    node: Any = record
    for token in pointer.strip("/").split("/"):
        if not isinstance(node, dict) or token not in node:
            return None
        node = node[token]
    return node


def label(col: Dict[str, Any], value: Any) -> Any:
    """What a person types into the sheet for a record's value."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    for c in col.get("choices", []):
        if c["value"] == value:
            return c["label"]
    return value


def office_row(record: Dict[str, Any]) -> List[Any]:
    return [label(c, get(record, c["pointer"])) for c in sifasuo.columns("offices")]


def unit_rows(record: Dict[str, Any]) -> List[List[Any]]:
    rows = []
    for u in record.get("units", []):
        row = []
        for c in sifasuo.columns("units"):
            source = u if c["id"].startswith("units.") else record
            row.append(label(c, get(source, c["pointer"])))
        rows.append(row)
    return rows


def letter(sheet: str, field: str) -> str:
    ids = [c["id"] for c in sifasuo.columns(sheet)]
    return str(openpyxl.utils.get_column_letter(ids.index(field) + 1))


def test_template_opens_in_openpyxl_with_comments_validations_and_frozen_headers(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "司法所规范化数据模板.xlsx"
    sifasuo.write_template(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["填表说明", "司法所", "社区（村）", "区司法局"]
    ws = wb["司法所"]
    cols = sifasuo.columns("offices")
    assert [c.value for c in ws[1]] == [c["header"] for c in cols]
    assert [c.value for c in ws[2]] == [c["id"] for c in cols]
    assert ws.freeze_panes == "C3"
    area = letter("offices", "support.premises.total_area_m2")
    comment = ws[f"{area}1"].comment
    assert comment is not None
    assert "字段：support.premises.total_area_m2" in comment.text
    assert "司法所用房面积不低于120平方米" in comment.text
    # every column has a comment; every column but free text has a validation
    assert all(ws.cell(row=1, column=i + 1).comment is not None for i in range(len(cols)))
    rules: Dict[str, Any] = {}
    for dv in ws.data_validations.dataValidation:
        for rng in str(dv.sqref).split():
            rules[rng.split(":")[0].rstrip("0123456789")] = dv
    district = rules[letter("offices", "office.district")]
    assert district.type == "list" and "朝阳区" in district.formula1 and "北京经济技术开发区" in district.formula1
    yes_no = rules[letter("offices", "political.party_life")]
    assert yes_no.type == "list" and yes_no.formula1 == '"是,否"'
    count = rules[letter("offices", "mediation.mediators")]
    assert count.type == "whole" and count.formula1 == "0" and count.formula2 == "1000000"
    assert rules[area].type == "decimal"
    kinds = rules[letter("offices", "office.subdistrict_kind")]
    assert kinds.formula1 == '"街道,乡镇"'
    assert "填表说明" in wb.sheetnames and wb["填表说明"]["A1"].value.startswith("司法所规范化建设数据填报模板")
    assert wb["社区（村）"]["C2"].value == "units.name"


def fill(path: pathlib.Path, offices: List[List[Any]], units: List[List[Any]]) -> None:
    wb = openpyxl.load_workbook(path)
    for name, rows in (("司法所", offices), ("社区（村）", units)):
        ws = wb[name]
        for row in rows:
            ws.append(row)
    wb.save(path)


def located(result: sifasuo.BatchResult) -> List[Tuple[int, str, str, str, str]]:
    out = []
    for row in result.errors:
        for e in row["errors"]:
            loc = e["location"]
            out.append((row["line"], e["code"], loc["sheet"], loc["cell"], loc["field"]))
    return sorted(out)


def test_filled_template_imports_with_exactly_the_expected_cell_errors(
    tmp_path: pathlib.Path, township: Dict[str, Any], street: Dict[str, Any]
) -> None:
    path = tmp_path / "filled.xlsx"
    sifasuo.write_template(path)
    good = office_row(township)
    bad = office_row(street)
    ids = [c["id"] for c in sifasuo.columns("offices")]
    bad[ids.index("support.premises.total_area_m2")] = "一百二十"
    bad[ids.index("office.district")] = "朝阳"
    bad[ids.index("political.party_life")] = "也许"
    bad[ids.index("notes")] = "联系人 13912345678"
    orphan = unit_rows(township)[0]
    orphan[0] = "999999999"
    fill(path, [good, bad], unit_rows(township) + unit_rows(street) + [orphan])

    result = sifasuo.score_many(path)
    assert len(result) == 3  # two office rows and the unmatched units row: nothing dropped
    n_township = len(township["units"])
    n_street = len(street["units"])
    assert located(result) == sorted(
        [
            (4, "type_error", "司法所", f"{letter('offices', 'support.premises.total_area_m2')}4", "support.premises.total_area_m2"),
            (4, "unknown_district", "司法所", f"{letter('offices', 'office.district')}4", "office.district"),
            (4, "type_error", "司法所", f"{letter('offices', 'political.party_life')}4", "political.party_life"),
            (4, "personal_data", "司法所", f"{letter('offices', 'notes')}4", "notes"),
            (3 + n_township + n_street, "unmatched_unit", "社区（村）", f"A{3 + n_township + n_street}", ""),
        ]
    )
    errors = {e["code"] + e["path"]: e for row in result.errors for e in row["errors"]}
    area = errors["type_error/support/premises/total_area_m2"]
    assert area["location"]["column"] == "用房：用房面积（平方米）"
    assert area["location"]["value"] == "一百二十"
    assert errors["unknown_district/office/district"]["ctx"]["suggestion"] == "朝阳区"
    assert "13912345678" not in json.dumps(result.errors, ensure_ascii=False)
    # the good row scores exactly like the JSON example
    report = result.reports[0]
    assert report.to_dict() == sifasuo.score(township).to_dict()
    assert report.grade_zh == "基本达标"
    frame = result.to_pandas()
    assert list(frame["valid"]) == [True, False, False]


def test_read_excel_gives_the_records_back(tmp_path: pathlib.Path, township: Dict[str, Any], street: Dict[str, Any]) -> None:
    path = tmp_path / "good.xlsx"
    sifasuo.write_template(path)
    fill(path, [office_row(township), office_row(street)], unit_rows(township) + unit_rows(street))
    records = sifasuo.read_excel(path)
    assert [r["office"]["code"] for r in records] == [township["office"]["code"], street["office"]["code"]]
    for got, want in zip(records, [township, street]):
        assert sifasuo.score(got).to_json() == sifasuo.score(want).to_json()
    # a units row without its office is an error, with its cell
    bad = tmp_path / "orphan.xlsx"
    sifasuo.write_template(bad)
    fill(bad, [], unit_rows(township)[:1])
    with pytest.raises(sifasuo.SifasuoError) as info:
        sifasuo.read_excel(bad)
    assert info.value.errors[0]["code"] == "unmatched_unit"
    assert info.value.errors[0]["location"]["cell"] == "A3"
    with pytest.raises(sifasuo.SifasuoError):
        sifasuo.read_excel(tmp_path / "missing.xlsx")


def write_csv(path: pathlib.Path, header: List[str], rows: List[List[Any]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(["" if v is None else v for v in row] for row in rows)


def test_read_csv_with_chinese_headers_and_a_units_file(tmp_path: pathlib.Path, township: Dict[str, Any]) -> None:
    offices = tmp_path / "offices.csv"
    units = tmp_path / "units.csv"
    write_csv(offices, [c["header"] for c in sifasuo.columns("offices")], [office_row(township)])
    write_csv(units, [c["id"] for c in sifasuo.columns("units")], unit_rows(township))
    records = sifasuo.read_csv(offices, units=units)
    assert len(records) == 1
    assert sifasuo.score(records[0]).to_json() == sifasuo.score(township).to_json()
    result = sifasuo.score_many(offices, units=units)
    assert result.reports[0].score == sifasuo.score(township).score


def test_score_many_takes_a_flat_dataframe_in_the_layout(tmp_path: pathlib.Path, township: Dict[str, Any]) -> None:
    pd = pytest.importorskip("pandas")
    path = tmp_path / "good.xlsx"
    sifasuo.write_template(path)
    fill(path, [office_row(township)], unit_rows(township))
    offices = pd.read_excel(path, sheet_name="司法所", header=1)
    units = pd.read_excel(path, sheet_name="社区（村）", header=1)
    result = sifasuo.score_many(offices, units=units)
    assert len(result) == 1
    assert result.reports[0].to_json() == sifasuo.score(township).to_json()
    # without units the office is scored with its units not reported
    alone = sifasuo.score_many(offices)
    assert alone.reports[0].get("findings")[0]["status"] in ("pass", "fail", "partial", "missing_data", "not_applicable")
    missing = [f for f in alone.reports[0].findings if f["rule"] == "t06-legal-savvy-persons"]
    assert missing[0]["status"] == "missing_data"


def test_columns_describe_the_layout() -> None:
    layout = sifasuo.columns()
    assert set(layout) == {"offices", "units", "districts"}
    area: Optional[Dict[str, Any]] = next(c for c in layout["offices"] if c["id"] == "support.premises.total_area_m2")
    assert area is not None and area["type"] == "number" and area["max"] == 100000.0
    with pytest.raises(ValueError):
        sifasuo.columns("nope")

"""Tests of scripts/gen_sample.py and the committed synthetic sample in data/sample/.

Plain asserts and test_* functions: runs under `python3 -m pytest tests/test_gen_sample.py`,
or without pytest as `python3 tests/test_gen_sample.py`.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "gen_sample.py"
SAMPLE = ROOT / "data" / "sample"
YEARS = (2022, 2023, 2024)
SAMPLE_FILES = ("offices-2022.jsonl", "offices-2023.jsonl", "offices-2024.jsonl", "districts.jsonl", "README.md")
DISTRICTS = ("东城区 西城区 朝阳区 丰台区 石景山区 海淀区 门头沟区 房山区 通州区 顺义区 昌平区 大兴区 怀柔区 "
             "平谷区 密云区 延庆区 北京经济技术开发区").split()
DISTRICT_CODES = dict(zip(DISTRICTS, (
    "110101 110102 110105 110106 110107 110108 110109 110111 110112 110113 110114 110115 110116 110117 "
    "110118 110119 110302").split()))
NOTES = "合成示例数据，非真实数据（sifasuo 样例）"

# Leaf kinds: "bool", "count" (int 0..=1e6), "area" (float 0..=1e5), "ratio" (0..=1), "str".
B, C, A, R, S = "bool", "count", "area", "ratio", "str"


def pair(part: str) -> dict:
    return {"total": C, part: C}


# The record format of /work/shared/spec/record-format.md, in its key order.
OFFICE_SCHEMA = {
    "format": S, "standard": S, "year": C,
    "office": {"code": S, "name": S, "district": S, "subdistrict": S, "subdistrict_kind": S},
    "units": [{"name": S, "kind": S, "mediation_committee": B, "legal_savvy_persons": C,
               "culture_sites": C, "democracy_demo": B, "legal_advisor": B}],
    "political": {"study_mechanism": B, "party_life": B, "three_provisions": B, "discipline_violations": C},
    "administration": {"normative_documents": pair("reviewed"), "major_decisions": pair("reviewed"),
                       "enforcement_decisions": pair("reviewed"), "office_meetings": pair("attended"),
                       "pre_meeting_law_study": B, "reconsideration_litigation": pair("handled")},
    "mediation": {"subdistrict_committee": B, "work_system": B, "pre_litigation": B,
                  "administrative_mediation": B, "mediators": C,
                  "disputes": {"total": C, "resolved": C, "resolved_locally": C}},
    "legal_education": {"subdistrict_culture_sites": C, "responsibility_system": B},
    "community_correction": {
        "committee": B,
        "announcement_venue": {"standardized": B, "office_facilities": B, "it_equipment": B},
        "subjects": C, "with_team": C, "with_plan": C, "with_archive": C, "nine_clear": C,
        "assessment_classification": B,
        "analysis_meetings": {"required": C, "held": C},
        "platform_records": {"total": C, "timely": C},
        "police_station": {"information_sharing": B, "regular_consultation": B, "joint_control": B},
        "escaped_supervision": C, "missed_supervision": C},
    "resettlement": {"persons": C, "ledger": B, "key_persons": C, "key_person_plans": C,
                     "real_name_groups": C, "emergency_plan": B, "serious_reoffences": C},
    "public_legal_service": {
        "station": {"established": B, "functional_zoning": B, "integrated_with_office": B},
        "one_stop": B, "special_campaigns": C, "reconsideration_intake": B},
    "staffing": {"director_in_post": B, "authorized_posts": C, "staff": C, "legal_qualification": C,
                 "legal_professionals": C, "dedicated_legal_post": B, "previous_qualification_ratio": R,
                 "correction_social_workers": C, "new_staff": C, "new_staff_trained": C,
                 "director_city_training": B, "training_sessions": C},
    "support": {"management_rules": B, "affairs_openness": B,
                "premises": {"total_area_m2": A, "business_area_m2": A, "archive": S,
                             "built_or_renovated": B, "signage_compliant": B},
                "information": {"unified_platform": B, "mobile_apps": B, "self_service": B},
                "allowance": {"eligible": C, "paid": C}},
    "notes": S,
}
DISTRICT_SCHEMA = {
    "format": S, "year": C, "district": S, "reported_to_leadership": B, "implementation_plan": B,
    "inspections": C, "staff_training_sessions": C, "self_assessment": B, "experiences_promoted": C,
    "survey_and_checkup": B, "problem_list": B, "rectification_ledger": B, "typical_experiences": C,
}
LONG_DIGITS = re.compile(r"\d{11,}")


def _check_shape(value, schema, path: str, errors: list) -> None:
    """Types, ranges, no unknown fields, keys in schema order."""
    if isinstance(schema, dict):
        if not isinstance(value, dict):
            errors.append(f"{path}: not an object")
            return
        order = list(schema)
        pos = [order.index(k) for k in value if k in schema]
        if pos != sorted(pos):
            errors.append(f"{path}: keys out of order {list(value)}")
        for k, v in value.items():
            if k not in schema:
                errors.append(f"{path}/{k}: unknown field")
            else:
                _check_shape(v, schema[k], f"{path}/{k}", errors)
    elif isinstance(schema, list):
        if not isinstance(value, list):
            errors.append(f"{path}: not an array")
            return
        for i, v in enumerate(value):
            _check_shape(v, schema[0], f"{path}/{i}", errors)
    elif schema == B:
        if type(value) is not bool:
            errors.append(f"{path}: not a bool: {value!r}")
    elif schema == C:
        if type(value) is not int or not 0 <= value <= 1_000_000:
            errors.append(f"{path}: bad count {value!r}")
    elif schema == A:
        if type(value) is not float or not math.isfinite(value) or not 0 <= value <= 100_000:
            errors.append(f"{path}: bad area {value!r}")
        elif round(value, 1) != value:
            errors.append(f"{path}: area not written with one decimal {value!r}")
    elif schema == R:
        if type(value) not in (int, float) or type(value) is bool or not 0 <= value <= 1:
            errors.append(f"{path}: bad ratio {value!r}")
    elif schema == S:
        if type(value) is not str:
            errors.append(f"{path}: not a string {value!r}")
        else:
            if len(value) > (2000 if path == "/notes" else 200):
                errors.append(f"{path}: string too long")
            if LONG_DIGITS.search(value):
                errors.append(f"{path}: 11+ digit number in a string")


def _le(errors: list, obj: dict, part: str, whole: str, where: str) -> None:
    if isinstance(obj, dict) and part in obj and whole in obj and obj[part] > obj[whole]:
        errors.append(f"{where}: {part} {obj[part]} > {whole} {obj[whole]}")


def office_errors(rec: dict) -> list:
    errors: list = []
    _check_shape(rec, OFFICE_SCHEMA, "", errors)
    if errors:
        return errors
    if rec.get("format") != "sifasuo.office/1":
        errors.append("format")
    if rec.get("standard", "BJ-2022-42") != "BJ-2022-42":
        errors.append("standard")
    if rec.get("year") not in YEARS:
        errors.append("year")
    off = rec.get("office", {})
    for k in ("code", "name", "district", "subdistrict", "subdistrict_kind"):
        if not off.get(k):
            errors.append(f"office.{k} required")
    if not 0 < len(off.get("code", "")) <= 64:
        errors.append("code length")
    if off.get("district") not in DISTRICTS:
        errors.append("district")
    if off.get("subdistrict_kind") not in ("street", "township"):
        errors.append("subdistrict_kind")
    if off.get("name") != f"{off.get('district')}{off.get('subdistrict')}司法所":
        errors.append("office name")
    code = off.get("code", "")
    if not re.fullmatch(r"\d{9}(-\d{6})?", code) or code[:6] != DISTRICT_CODES.get(off.get("district")):
        errors.append(f"code {code}")
    units = rec.get("units", [])
    if len(units) > 1000:
        errors.append("too many units")
    names = [u.get("name") for u in units]
    if len(set(names)) != len(names):
        errors.append("duplicate unit names")
    for u in units:
        if u.get("kind") not in ("community", "village"):
            errors.append("unit kind")
        suffix = {"community": "社区", "village": "村"}.get(u.get("kind"), "")
        if not u.get("name", "").endswith(suffix):
            errors.append(f"unit name {u.get('name')}")
    adm = rec.get("administration", {})
    for k in ("normative_documents", "major_decisions", "enforcement_decisions"):
        _le(errors, adm.get(k), "reviewed", "total", k)
    _le(errors, adm.get("office_meetings"), "attended", "total", "office_meetings")
    _le(errors, adm.get("reconsideration_litigation"), "handled", "total", "reconsideration_litigation")
    d = rec.get("mediation", {}).get("disputes", {})
    _le(errors, d, "resolved_locally", "resolved", "disputes")
    _le(errors, d, "resolved", "total", "disputes")
    _le(errors, d, "resolved_locally", "total", "disputes")
    cc = rec.get("community_correction", {})
    for k in ("with_team", "with_plan", "with_archive", "nine_clear"):
        _le(errors, cc, k, "subjects", "community_correction")
    _le(errors, cc.get("platform_records"), "timely", "total", "platform_records")
    rs = rec.get("resettlement", {})
    _le(errors, rs, "key_persons", "persons", "resettlement")
    _le(errors, rs, "key_person_plans", "key_persons", "resettlement")
    _le(errors, rs, "real_name_groups", "persons", "resettlement")
    st = rec.get("staffing", {})
    for k in ("legal_qualification", "legal_professionals", "new_staff"):
        _le(errors, st, k, "staff", "staffing")
    _le(errors, st, "new_staff_trained", "new_staff", "staffing")
    _le(errors, st, "new_staff_trained", "staff", "staffing")
    sup = rec.get("support", {})
    _le(errors, sup.get("premises"), "business_area_m2", "total_area_m2", "premises")
    _le(errors, sup.get("allowance"), "paid", "eligible", "allowance")
    if sup.get("premises", {}).get("archive", "room") not in ("room", "area", "none"):
        errors.append("archive")
    return errors


def district_errors(rec: dict) -> list:
    errors: list = []
    _check_shape(rec, DISTRICT_SCHEMA, "", errors)
    if rec.get("format") != "sifasuo.district/1" or rec.get("year") not in YEARS:
        errors.append("format/year")
    if rec.get("district") not in DISTRICTS:
        errors.append("district")
    return errors


def deficiency_count(rec: dict) -> int:
    """Independent simple count of deficiencies of one office record."""
    n = 0
    prem = rec.get("support", {}).get("premises", {})
    n += prem.get("total_area_m2", 1e9) < 120
    n += prem.get("business_area_m2", 1e9) < 30
    n += prem.get("archive") == "none"
    for u in rec.get("units", []):
        n += u["kind"] == "village" and u.get("legal_savvy_persons", 9) < 3
        n += u.get("culture_sites", 1) == 0
        n += u.get("mediation_committee") is False
    for k in ("normative_documents", "major_decisions"):
        p = rec.get("administration", {}).get(k, {})
        n += p.get("reviewed", 0) < p.get("total", 0)
    n += rec.get("staffing", {}).get("legal_professionals", 1) == 0
    al = rec.get("support", {}).get("allowance", {})
    n += al.get("paid", 0) < al.get("eligible", 0)
    return n


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], check=True, capture_output=True)


def _read_jsonl(path: Path) -> list:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _load_sample() -> dict:
    return {y: _read_jsonl(SAMPLE / f"offices-{y}.jsonl") for y in YEARS}


# ---------------------------------------------------------------------------------------
def test_deterministic_and_matches_committed():
    with tempfile.TemporaryDirectory() as t1, tempfile.TemporaryDirectory() as t2:
        _run("--outdir", t1)
        _run("--outdir", t2)
        for name in SAMPLE_FILES:
            a = (Path(t1) / name).read_bytes()
            assert a == (Path(t2) / name).read_bytes(), f"{name} differs between two runs"
            assert a == (SAMPLE / name).read_bytes(), f"{name} differs from the committed data/sample/{name}"


def test_counts_and_unique_codes():
    sample = _load_sample()
    codes_by_year = {}
    for y, recs in sample.items():
        assert 320 <= len(recs) <= 360, (y, len(recs))
        assert all(r["year"] == y for r in recs)
        keys = [(r["office"]["code"], r["year"]) for r in recs]
        assert len(set(keys)) == len(keys)
        codes_by_year[y] = {r["office"]["code"]: r for r in recs}
    # the same offices, codes, names and units every year
    assert codes_by_year[2022].keys() == codes_by_year[2023].keys() == codes_by_year[2024].keys()
    for code, r in codes_by_year[2022].items():
        for y in (2023, 2024):
            o = codes_by_year[y][code]
            assert o["office"] == r["office"]
            assert [(u["name"], u["kind"]) for u in o["units"]] == [(u["name"], u["kind"]) for u in r["units"]]
    names = [(r["office"]["district"], r["office"]["subdistrict"]) for r in sample[2022]]
    assert len(set(names)) == len(names)
    districts = _read_jsonl(SAMPLE / "districts.jsonl")
    assert len(districts) == 51
    assert len({(d["district"], d["year"]) for d in districts}) == 51


def test_every_record_valid():
    for y, recs in _load_sample().items():
        for r in recs:
            errs = office_errors(r)
            assert not errs, (y, r["office"]["code"], errs)
            assert r["notes"] == NOTES
    for d in _read_jsonl(SAMPLE / "districts.jsonl"):
        errs = district_errors(d)
        assert not errs, (d, errs)


def test_every_district_present():
    sample = _load_sample()
    for y, recs in sample.items():
        per = {}
        for r in recs:
            per.setdefault(r["office"]["district"], []).append(r)
        assert set(per) == set(DISTRICTS), y
        assert len(per["东城区"]) == 17
        assert 3 <= len(per["北京经济技术开发区"]) <= 8
    kinds = {r["office"]["subdistrict_kind"] for r in sample[2022]}
    assert kinds == {"street", "township"}
    years = {d["year"]: set() for d in _read_jsonl(SAMPLE / "districts.jsonl")}
    for d in _read_jsonl(SAMPLE / "districts.jsonl"):
        years[d["year"]].add(d["district"])
    assert set(years) == set(YEARS) and all(v == set(DISTRICTS) for v in years.values())


def test_year_on_year_improvement_and_variety():
    sample = _load_sample()
    deficits = {y: sum(deficiency_count(r) for r in recs) for y, recs in sample.items()}
    assert deficits[2022] > deficits[2023] > deficits[2024] > 0, deficits
    # some problems persist and some appear in a later year
    by_code = {y: {r["office"]["code"]: deficiency_count(r) for r in recs} for y, recs in sample.items()}
    assert any(by_code[2022][c] and by_code[2024][c] for c in by_code[2022])
    assert any(by_code[2023][c] == 0 and by_code[2024][c] > 0 for c in by_code[2023])
    # previous_qualification_ratio: in 2022 records, omitted in most later ones
    with_prev = {y: sum("previous_qualification_ratio" in r["staffing"] for r in recs) for y, recs in sample.items()}
    assert with_prev[2022] > 0.9 * len(sample[2022])
    assert with_prev[2023] < 0.5 * len(sample[2023]) and with_prev[2024] < 0.5 * len(sample[2024])
    # a few records leave fields out ("not reported"), fewer in later years; sometimes a field of a
    # mandatory rule; analysis_meetings.required is sometimes omitted (by design, not "missing")
    incomplete = {y: sum(bool(_missing(r)) for r in recs) for y, recs in sample.items()}
    assert 0.02 * len(sample[2022]) <= incomplete[2022] <= 0.08 * len(sample[2022]), incomplete
    assert incomplete[2022] > incomplete[2024], incomplete
    mandatory = ("/support/premises/business_area_m2", "/support/premises/total_area_m2",
                 "/support/premises/archive", "/staffing/legal_professionals",
                 "/legal_education/subdistrict_culture_sites", "/mediation/subdistrict_committee",
                 "/administration/normative_documents/reviewed")
    assert any(m in mandatory or m.endswith("/culture_sites") for r in sample[2022] for m in _missing(r))
    assert any("required" not in r["community_correction"].get("analysis_meetings", {}) for r in sample[2023])


OPTIONAL_BY_DESIGN = ("/staffing/previous_qualification_ratio", "/community_correction/analysis_meetings/required")


def _missing(rec: dict, schema=OFFICE_SCHEMA, prefix: str = "") -> list:
    """Schema fields absent from the record (units: every field of every unit)."""
    out = []
    for k, sub in schema.items():
        path = f"{prefix}/{k}"
        if path in OPTIONAL_BY_DESIGN:
            continue
        if k not in rec:
            out.append(path)
        elif isinstance(sub, dict):
            out += _missing(rec[k], sub, path)
        elif isinstance(sub, list):
            for i, u in enumerate(rec[k]):
                out += [f"{path}/{i}/{f}" for f in sub[0] if f not in u]
    return out


def test_benchmark_mode():
    with tempfile.TemporaryDirectory() as t:
        out = Path(t) / "n.jsonl"
        _run("--count", "1000", "--out", str(out))
        lines = out.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 1000
        recs = [json.loads(line) for line in lines]
        keys = [(r["office"]["code"], r["year"]) for r in recs]
        assert len(set(keys)) == 1000
        for r in recs:
            assert not office_errors(r), office_errors(r)
        # past one cycle of offices x years, codes get a suffix and stay unique
        out2 = Path(t) / "m.jsonl"
        _run("--count", "2500", "--out", str(out2), "--seed", "7")
        recs = _read_jsonl(out2)
        assert len(recs) == 2500
        keys = [(r["office"]["code"], r["year"]) for r in recs]
        assert len(set(keys)) == 2500
        assert any("-" in k[0] for k in keys)
        for r in recs:
            assert not office_errors(r), office_errors(r)
    # stdout, and cycle 0 with the default seed is exactly the committed sample
    res = _run("--count", "700", "--out", "-")
    lines = res.stdout.decode("utf-8").splitlines()
    assert len(lines) == 700
    sample_lines = []
    for y in YEARS:
        sample_lines += (SAMPLE / f"offices-{y}.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines == sample_lines[:700]


if __name__ == "__main__":
    failed = 0
    for name, fn in sorted((k, v) for k, v in globals().items() if k.startswith("test_") and callable(v)):
        try:
            fn()
            print("ok  ", name)
        except AssertionError as e:  # pragma: no cover
            failed += 1
            print("FAIL", name, str(e)[:500])
    sys.exit(1 if failed else 0)

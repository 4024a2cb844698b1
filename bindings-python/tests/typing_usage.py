"""Type-checked with `mypy --strict` in CI (scripts/ci-python.sh): the public API as a user writes it.

Not a pytest module (no test_ prefix); it also runs as a script.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

import sifasuo


def main() -> None:
    with open("tests/examples/office-street-2023.json", encoding="utf-8") as f:
        record: Dict[str, Any] = json.load(f)
    errors: List[Dict[str, Any]] = sifasuo.validate(record)
    params: sifasuo.Parameters = sifasuo.Parameters.from_dict({"thresholds": {"total_area_m2": 130}})
    report: sifasuo.Report = sifasuo.score(record, params=params, lang="en")
    score: float = report.score
    grade: str = report.grade_zh
    office: Optional[Dict[str, Any]] = report.office
    problems: List[Dict[str, Any]] = report.problems()
    text: str = report.to_json()
    result: sifasuo.BatchResult = sifasuo.score_many([record])
    rows: List[sifasuo.BatchRow] = list(result)
    reports: List[sifasuo.Report] = result.reports
    districts: List[Dict[str, Any]] = result.districts()
    led: Dict[str, Any] = sifasuo.ledger(result)
    rules: List[Dict[str, Any]] = sifasuo.rules(params)
    schema: Dict[str, Any] = sifasuo.schema("office")
    codes: List[Dict[str, Any]] = sifasuo.error_codes()
    try:
        sifasuo.score({})
    except sifasuo.ValidationError as e:
        errors = e.errors
    print(len(errors), score, grade, office, len(problems), len(text), len(rows), len(reports))
    print(len(districts), len(led), len(rules), len(schema), len(codes), params.id)


if __name__ == "__main__":
    main()

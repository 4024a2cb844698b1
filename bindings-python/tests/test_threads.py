"""Concurrent use from Python threads gives identical answers (the GIL is released in core calls)."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, List

import sifasuo


def test_eight_threads_identical(street: Dict[str, Any], township: Dict[str, Any], district: Dict[str, Any]) -> None:
    records = [street, township, district] * 20
    params = sifasuo.Parameters.from_dict({"thresholds": {"total_area_m2": 130}})

    def work(_: int) -> List[str]:
        out = [sifasuo.score(r, params=params).to_json() for r in records[:3]]
        res = sifasuo.score_many(records[:3] + [street], params=params)
        out += [r.report.to_json() if r.report else json.dumps(r.errors) for r in res]
        out.append(json.dumps(res.districts()))
        out.append(json.dumps(sifasuo.validate(records[0])))
        return out

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(32)))
    assert all(r == results[0] for r in results)
    assert results[0][0] == sifasuo.score(street, params=params).to_json()

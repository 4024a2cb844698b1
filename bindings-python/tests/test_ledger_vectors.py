"""The shared ledger vectors (tests/vectors/ledger): the Python front door gives the core's ledger.

Each vector's ``records`` go through ``score_many`` as one batch; the invalid rows must be
exactly ``invalid_rows`` and ``ledger()`` exactly ``expected`` (also through ``sifasuo.ledger``
and as JSON-lines bytes).
"""

from __future__ import annotations

import json
import pathlib
from typing import Any, Dict, List

import pytest

import sifasuo
from conftest import ROOT

LEDGER = ROOT / "tests" / "vectors" / "ledger"


def files() -> List[pathlib.Path]:
    return sorted(LEDGER.glob("*.json"))


def load(path: pathlib.Path) -> Dict[str, Any]:
    with open(path, encoding="utf-8") as f:
        out: Dict[str, Any] = json.load(f)
    return out


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def invalid_rows(result: sifasuo.BatchResult) -> List[Dict[str, Any]]:
    return [{"index": r.index, "codes": [e["code"] for e in r.errors]} for r in result if r.report is None]


@pytest.mark.parametrize("path", files(), ids=lambda p: p.stem)
def test_ledger_vector(path: pathlib.Path) -> None:
    v = load(path)
    assert set(v) == {"description", "records", "params", "invalid_rows", "expected"}
    result = sifasuo.score_many(v["records"], params=v["params"])
    assert len(result) == len(v["records"])
    assert invalid_rows(result) == v["invalid_rows"]
    got = result.ledger()
    assert got == v["expected"]
    assert canonical(got) == canonical(v["expected"])
    # the same through sifasuo.ledger, from dicts and from JSON-lines bytes
    assert sifasuo.ledger(v["records"], params=v["params"]) == v["expected"]
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in v["records"]).encode()
    assert canonical(sifasuo.ledger(lines, params=v["params"])) == canonical(v["expected"])


def test_ledger_vectors_exist() -> None:
    assert len(files()) >= 6

"""The adversarial corpus (tests/adversarial): hostile bytes through the Python front door.

Every case goes in as ``bytes`` through ``validate``, ``score`` and ``score_many`` and must give
exactly the errors core gives (``expect`` in cases.json, checked by core/tests/adversarial.rs),
within ``max_seconds``, echoing no personal number.
"""

from __future__ import annotations

import json
import time
from typing import Any, Dict, List, Tuple

import pytest

import sifasuo
from conftest import ROOT

ADV = ROOT / "tests" / "adversarial"
SPEC: Dict[str, Any] = json.loads((ADV / "cases.json").read_text(encoding="utf-8"))
PLACEHOLDER = "\u0001generated\u0001"


def generate(g: Dict[str, Any]) -> str:
    size = g["size"]
    kind = g["kind"]
    if kind == "deep_array":
        return "[" * size + "]" * size
    if kind == "deep_object":
        return '{"a":' * size + "0" + "}" * size
    if kind == "string":
        return '"' + g["unit"] * size + '"'
    if kind == "array":
        return "[" + ",".join([g["item"]] * size) + "]"
    raise AssertionError(f"unknown generator {kind}")


def put(record: Any, pointer: str, value: Any) -> None:
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]
    at = record
    for t in tokens[:-1]:
        at = at[int(t)] if isinstance(at, list) else at[t]
    if isinstance(at, list):
        at[int(tokens[-1])] = value
    else:
        at[tokens[-1]] = value


def input_bytes(case: Dict[str, Any]) -> bytes:
    if "file" in case:
        return (ADV / case["file"]).read_bytes()
    if "at" not in case:
        return generate(case["gen"]).encode()
    record = json.loads((ROOT / SPEC["base"]).read_text(encoding="utf-8"))
    if "gen" in case:
        put(record, case["at"], PLACEHOLDER)
        text = json.dumps(record, ensure_ascii=False)
        return text.replace(json.dumps(PLACEHOLDER), generate(case["gen"]), 1).encode()
    put(record, case["at"], case["value"])
    return json.dumps(record, ensure_ascii=False).encode()


def pairs(errors: List[Dict[str, Any]]) -> List[Tuple[str, str]]:
    return sorted((e["code"], e["path"]) for e in errors)


@pytest.mark.parametrize("case", SPEC["cases"], ids=lambda c: c["name"])
def test_adversarial_case(case: Dict[str, Any]) -> None:
    data = input_bytes(case)
    expect = [tuple(p) for p in case["expect"]]
    start = time.monotonic()
    errors = sifasuo.validate(data)
    shown = [json.dumps(errors, ensure_ascii=False)]
    assert pairs(errors) == expect
    try:
        report = sifasuo.score(data)
        assert not expect, "scored although invalid"
        shown.append(report.to_json())
    except sifasuo.ValidationError as e:
        assert pairs(e.errors) == expect
        shown.append(json.dumps(e.errors, ensure_ascii=False) + str(e))
    # a batch of one record given as its text (bytes would be read as JSON lines)
    rows = list(sifasuo.score_many([data]))
    assert len(rows) == 1
    if expect:
        assert pairs(rows[0].errors) == expect
        shown.append(json.dumps(rows[0].errors, ensure_ascii=False))
    else:
        assert rows[0].report is not None
    took = time.monotonic() - start
    assert took < SPEC["max_seconds"] * 3, f"took {took:.1f} s"  # three front doors
    text = "".join(shown)
    for number in SPEC["personal_numbers"]:
        assert number not in text, f"`{number}` is echoed"
    for e in errors:
        assert len(e["message"]) < 2000 and len(e["message_en"]) < 2000

"""Shared fixtures: the repository root and the spec's example records."""

from __future__ import annotations

import copy
import json
import pathlib
from typing import Any, Dict

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "tests" / "examples"
SAMPLE = ROOT / "data" / "sample"


def load(name: str) -> Dict[str, Any]:
    with open(EXAMPLES / name, encoding="utf-8") as f:
        out: Dict[str, Any] = json.load(f)
    return out


@pytest.fixture
def street() -> Dict[str, Any]:
    return copy.deepcopy(load("office-street-2023.json"))


@pytest.fixture
def township() -> Dict[str, Any]:
    return copy.deepcopy(load("office-township-2023.json"))


@pytest.fixture
def district() -> Dict[str, Any]:
    return copy.deepcopy(load("district-2023.json"))


@pytest.fixture
def root() -> pathlib.Path:
    return ROOT

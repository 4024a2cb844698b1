"""Every ```python block of docs/python.md runs (in order, one namespace, cwd = repository root)."""

from __future__ import annotations

import os
import re
from typing import Any, Dict

import pytest

from conftest import ROOT

DOC = ROOT / "docs" / "python.md"


def blocks() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    return re.findall(r"^```python\n(.*?)^```", text, flags=re.M | re.S)


def test_docs_python_blocks_run(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    found = blocks()
    assert found, "docs/python.md has no python block"
    monkeypatch.chdir(ROOT)
    ns: Dict[str, Any] = {"__name__": "__docs__"}
    for i, code in enumerate(found):
        try:
            exec(compile(code, f"docs/python.md block {i + 1}", "exec"), ns)
        except Exception as e:  # pragma: no cover - shows which block failed
            raise AssertionError(f"block {i + 1} failed: {e!r}\n{code}") from e
    assert os.getcwd() == str(ROOT)


NOTEBOOK = ROOT / "docs" / "notebooks" / "district-overview.ipynb"


def test_notebook_executes() -> None:
    if not NOTEBOOK.exists():
        pytest.skip("no notebook")
    pytest.importorskip("pandas")
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}).execute()
    html_out = [
        o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if "text/html" in o.get("data", {})
    ]
    assert html_out, "no HTML output (tables, report)"

"""Layering: widgets render data and post messages; they never import the engine."""

from __future__ import annotations

import ast
from pathlib import Path

import advisor.tui

TUI = Path(advisor.tui.__file__).parent
ALLOWED = ("advisor.tui.data.views", "advisor.tui.widgets")


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_widgets_import_only_view_models() -> None:
    for path in sorted((TUI / "widgets").glob("*.py")):
        ours = {name for name in imports(path) if name.startswith("advisor")}
        assert all(name.startswith(ALLOWED) for name in ours), f"{path.name} imports {sorted(ours)}"


def test_one_stylesheet_and_no_literal_colours_in_code() -> None:
    assert sorted(p.name for p in TUI.rglob("*.tcss")) == ["advisor.tcss"]
    for path in TUI.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "CSS =" not in text and "DEFAULT_CSS" not in text, path.name
        assert "#" not in "".join(line for line in text.splitlines() if "color" in line.lower()), path.name

"""Design checks: a design (requirements + chosen nodes, or a CloudFormation template) reasoned
by the engine into findings with severity, stable ids, fixes and suppressions.

    design = read_design(kb, Path("stack.design.yaml"))
    report = check_design(kb, design, today=datetime.date.today())
    print(render_check([report], "sarif"))

UI-free: faces (CLI, TUI) import from here. Names are imported on first use, so the command
line can register `advisor check` without loading the engine.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "CheckReport": "advisor.check.findings",
    "Choice": "advisor.check.design",
    "Design": "advisor.check.design",
    "DesignFile": "advisor.check.design",
    "FORMATS": "advisor.check.formats",
    "Finding": "advisor.check.findings",
    "KINDS": "advisor.check.kinds",
    "Location": "advisor.check.design",
    "SEVERITIES": "advisor.check.severity",
    "Suppression": "advisor.check.design",
    "check_design": "advisor.check.findings",
    "read_design": "advisor.check.design",
    "render_check": "advisor.check.formats",
}

__all__ = [
    "FORMATS",
    "KINDS",
    "SEVERITIES",
    "CheckReport",
    "Choice",
    "Design",
    "DesignFile",
    "Finding",
    "Location",
    "Suppression",
    "check_design",
    "read_design",
    "render_check",
]

if TYPE_CHECKING:
    from advisor.check.design import Choice, Design, DesignFile, Location, Suppression, read_design
    from advisor.check.findings import CheckReport, Finding, check_design
    from advisor.check.formats import FORMATS, render_check
    from advisor.check.kinds import KINDS
    from advisor.check.severity import SEVERITIES


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'advisor.check' has no attribute '{name}'")
    return getattr(importlib.import_module(_EXPORTS[name]), name)

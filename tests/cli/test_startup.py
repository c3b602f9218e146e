"""Start-up stays light: `advisor --help` and building the parser load no schema, no
knowledge and no UI (their imports cost most of a short command's time), and none of the
standard modules that only running a command needs (pathlib, tempfile, json, dataclasses with
inspect: together about half of `--help`'s time before they were moved into the commands)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = (
    "pydantic",
    "advisor.knowledge.knowledge_base",
    "advisor.practice.bank",
    "textual",
    "networkx",
    "asyncio",
    "pathlib",
    "tempfile",
    "json",
    "dataclasses",
    "inspect",
    "datetime",
    "ipaddress",
)


def test_building_the_command_line_imports_nothing_heavy() -> None:
    probe = (
        "import sys\n"
        "before = set(sys.modules)\n"  # what the interpreter (and an editable install) loaded
        "from advisor.cli.parser import build_parser\n"
        "build_parser().format_help()\n"
        f"print(','.join(m for m in {HEAVY!r} if m in set(sys.modules) - before))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == ""

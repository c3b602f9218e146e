"""Start-up stays light: `advisor --help` and building the parser load no schema, no
knowledge and no UI (their imports cost most of a short command's time)."""

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
)


def test_building_the_command_line_imports_nothing_heavy() -> None:
    probe = (
        "import sys\n"
        "from advisor.cli.parser import build_parser\n"
        "build_parser().format_help()\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == ""

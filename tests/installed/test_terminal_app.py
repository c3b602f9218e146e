"""The installed terminal app in a real pseudo-terminal at 80x24, started from an empty folder:
home, an interview, results, an exported report, and a clean exit."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pty_terminal import Terminal


def _env(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "ADVISOR_CACHE_DIR": str(tmp_path / "cache"), "TERM": "xterm-256color"}
    env.pop("ADVISOR_DEBUG", None)
    env.pop("TEXTUAL", None)
    return env


def test_home_interview_results_report_and_quit(advisor_script: Path, outside: Path, tmp_path: Path) -> None:
    terminal = Terminal([str(advisor_script)], outside, _env(tmp_path))
    home = terminal.wait_for("New interview")
    assert "AWS ML Advisor" in home
    terminal.press("n")
    terminal.wait_for("What are you deciding?")
    terminal.press("enter")
    terminal.wait_for("Recommendations")
    for _ in range(3):
        terminal.press("1", pause=1.0)
    terminal.press("r")
    terminal.wait_for("Results")
    terminal.press("e")
    terminal.wait_for("Export report")
    terminal.press("enter")
    terminal.wait_for("Wrote the report")
    terminal.press("ctrl+q")
    assert terminal.exit_status() == 0
    report = (outside / "advisor-report.md").read_text()
    assert report.startswith("# ") and "Sources" in report


def test_quit_from_home_exits_zero(advisor_script: Path, outside: Path, tmp_path: Path) -> None:
    terminal = Terminal([str(advisor_script)], outside, _env(tmp_path))
    terminal.wait_for("New interview")
    terminal.press("q")
    assert terminal.exit_status() == 0


CRASHING_APP = """
import sys
from advisor.cli import main
from advisor.tui.screens.home import HomeScreen

def broken(self):
    raise RuntimeError("a bug in the home screen\\nwith a second line")

HomeScreen.compose = broken
sys.exit(main(sys.argv[1:]))
"""


def test_a_crash_exits_70_with_one_line_and_no_traceback(outside: Path, tmp_path: Path) -> None:
    """A bug in the app (simulated by breaking the installed home screen) reaches the shell as
    status 70 and one line; the traceback only with --debug."""
    argv = [sys.executable, "-c", CRASHING_APP]
    terminal = Terminal(argv, outside, _env(tmp_path))
    assert terminal.exit_status() == 70
    screen = terminal.text()
    rows = [row for row in screen.splitlines() if row.strip()]
    assert len(rows) == 2  # one line of 120 characters, wrapped at 80 columns
    assert (
        "".join(rows)
        .rstrip()
        .endswith(
            "advisor: internal error in the terminal app: RuntimeError: a bug in the home screen with a second"
            " line (rerun with --debug for details)"
        )
    )
    assert "Traceback" not in screen
    debug = Terminal([*argv, "--debug"], outside, _env(tmp_path))
    assert debug.exit_status() == 70
    assert "a bug in the home screen" in debug.text() and "compose" in debug.text()

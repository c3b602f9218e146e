"""Files the TUI writes and reads: exported answers (YAML) and reports (Markdown or HTML)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.errors import AdvisorError
from advisor.knowledge.answers import dump_answers
from advisor.render.html import render_report
from advisor.render.markdown import render_markdown

if TYPE_CHECKING:
    from advisor.interview import Interview

DEFAULT_ANSWERS = Path("advisor-answers.yaml")
DEFAULT_REPORT = Path("advisor-report.md")
DEFAULT_HTML_REPORT = Path("advisor-report.html")


def answers_text(interview: Interview, title: str = "") -> str:
    """The interview's answers as a YAML answers file (`advisor recommend` reads it back)."""
    return dump_answers(
        interview.engine.kb,
        interview.answers,
        interview.lens,
        title,
        focus=interview.focus,
        design=interview.design,
    )


def report_text(interview: Interview, title: str = "") -> str:
    """The Markdown report of the interview's current result."""
    return render_markdown(interview.engine.kb, interview.result(), title)


def report_html(interview: Interview, title: str = "") -> str:
    """The HTML report of the interview's current result: one self-contained page."""
    return render_report(interview.engine, interview.answers, interview.result(), title)


def write_file(path: Path, text: str) -> Path:
    """Write `text` to `path` atomically; returns the absolute path. Errors are one line."""
    target = path.expanduser()
    folder = target.parent
    if not folder.is_dir():
        raise AdvisorError("folder does not exist; create it first or choose another path", target)
    if target.is_dir():
        raise AdvisorError("is a folder; add a file name", target)
    handle = None
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False) as handle:
            handle.write(text)
        os.chmod(handle.name, 0o666 & ~_umask())
        os.replace(handle.name, target)
    except OSError as error:
        if handle is not None:
            Path(handle.name).unlink(missing_ok=True)
        raise AdvisorError(f"cannot write file: {error.strerror}", target) from None
    return target.resolve()


def _umask() -> int:
    """The process's file creation mask (a temporary file is created private; the export is not)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask

"""A session: one person's interview, its title, and the answers file it came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.engine.result import LENSES, Lens
from advisor.errors import AnswersError
from advisor.interview import Interview
from advisor.knowledge.answers import read_answers
from advisor.render.words import counted
from advisor.tui.data.step import StateKey, state_key

if TYPE_CHECKING:
    from advisor.engine.engine import Engine


@dataclass
class Session:
    """What the interview and results screens share."""

    interview: Interview
    title: str = ""
    source: Path | None = None
    saved: StateKey | None = None
    """The answers and lens when the answers were last exported."""

    def unsaved(self) -> bool:
        """There are answers that were not exported as they are now."""
        return bool(self.interview.answers) and self.saved != state_key(self.interview)

    def unsaved_warning(self) -> str:
        """What quitting with unsaved answers warns, e.g. `Your 1 answer is not saved: ...`."""
        one = len(self.interview.answers) == 1
        verb, them = ("is", "it") if one else ("are", "them")
        return f"Your {answer_count(self.interview)} {verb} not saved: a saves {them}, q again quits."


def answer_count(interview: Interview) -> str:
    """`1 answer`, `3 answers` (a skipped question counts: it is an answer too)."""
    return counted(len(interview.answers), "answer")


def new_session(engine: Engine, lens: str | None = None, focus: tuple[str, ...] = ()) -> Session:
    return Session(Interview.start(engine, {}, as_lens(lens), focus=focus))


def open_session(engine: Engine, path: Path, lens: str | None = None, default: str | None = None) -> Session:
    """Continue from an answers (or scenario) file, under `lens`, else the file's, else `default`.

    Raises AdvisorError with the one-line `file:line: message` for a file that cannot be used.
    """
    parsed, values = read_answers(engine.kb, path)
    chosen = as_lens(lens or parsed.lens or default)
    interview = Interview.start(engine, values, chosen, focus=parsed.focus_stages, design=parsed.design_nodes)
    return Session(interview, parsed.title, path)


def as_lens(lens: str | None) -> Lens:
    """The lens named, exam when None; AnswersError for an unknown name."""
    for known in LENSES:
        if lens == known:
            return known
    if lens is None:
        return "exam"
    raise AnswersError(f"unknown lens '{lens}' (use exam or current)")

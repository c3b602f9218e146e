"""`advisor ask`: the interview as a line dialogue on standard input and output."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from advisor.cli.options import add_lens, path_argument
from advisor.cli.output import write_new
from advisor.errors import AdvisorError, echo, one_line

if TYPE_CHECKING:
    from pathlib import Path


SAVE_PROMPT = "Save these answers? Type a file name ending in .yaml, or press enter to skip: "
SAVE_ATTEMPTS = 3
"""How often a file name is asked for before the answers are left unsaved."""


def register(commands: Any) -> None:
    ask = commands.add_parser("ask", help="answer the adaptive interview line by line (works in a pipe)")
    ask.add_argument("answers", nargs="?", type=path_argument, help="answers file to continue from")
    add_lens(ask)
    ask.add_argument(
        "--save", type=path_argument, metavar="FILE", help="save the answers here (else you are asked)"
    )
    ask.add_argument(
        "--focus",
        metavar="STAGES",
        help="the stages you are deciding, comma-separated, or 'all' (else you are asked first)",
    )
    ask.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ask(args.rules, args.answers, args.lens, args.save, args.focus)
    return 0


def ask(
    rules: Path | None, answers: Path | None, lens: str | None, save: Path | None, focus: str | None = None
) -> None:
    """Run the line dialogue on stdin/stdout, show the recommendation, then save the answers."""
    from advisor.ask import LineDialogue
    from advisor.engine.engine import Engine
    from advisor.interview import Interview
    from advisor.knowledge import load_knowledge
    from advisor.knowledge.answers import AnswersFile, dump_answers, read_answers
    from advisor.render.text import render_text

    kb = load_knowledge(rules)
    parsed: AnswersFile = AnswersFile()
    given: Mapping[str, Any] = {}
    if answers is not None:
        parsed, given = read_answers(kb, answers)
    chosen = lens or parsed.lens or "exam"
    interview = Interview.start(
        Engine(kb),
        given,
        chosen,  # type: ignore[arg-type]
        focus=parsed.focus_stages,
        design=parsed.design_nodes,
    )
    if focus is not None:
        interview.set_focus(() if focus == "all" else tuple(s.strip() for s in focus.split(",") if s.strip()))
    asked_focus = focus is None and parsed.focus is None
    _tolerate_undecodable_input()
    LineDialogue(interview, _read_line, print, ask_focus=asked_focus).run()
    print()
    print(render_text(kb, interview.result(), "your answers"), end="")
    text = dump_answers(kb, interview.answers, interview.lens, focus=interview.focus, design=interview.design)
    target = save
    if target is not None:
        write_new(target, text)
    else:
        target = _save_where_asked(text)
    if target is not None:
        shown = one_line(str(target))
        print(f"Saved your answers to {shown} (run: advisor recommend {shown})")


def _tolerate_undecodable_input() -> None:
    """Bytes on stdin that are not valid text read as U+FFFD (an unusable answer, asked
    again) instead of stopping the dialogue."""
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="replace")


def _read_line(prompt: str) -> str | None:
    if sys.stdin is None:
        return None
    try:
        return input(prompt)
    except EOFError:
        return None


def _save_where_asked(text: str) -> Path | None:
    """Ask for a `.yaml` name until one can be written; anything else (a stray `1` or `s`
    typed once too often) is refused, and after SAVE_ATTEMPTS the answers stay unsaved."""
    for _ in range(SAVE_ATTEMPTS):
        line = _read_line(SAVE_PROMPT)
        name = (line or "").strip()
        if not name:
            return None
        problem = _name_problem(name)
        if problem:
            print(f"  {echo(name)} {problem}")
            continue
        from pathlib import Path

        try:
            write_new(Path(name), text)
            return Path(name)
        except AdvisorError as error:
            print(f"  {error} (type another name, or press enter to skip)")
    print("Answers not saved.")
    return None


def _name_problem(name: str) -> str | None:
    if not name.lower().endswith((".yaml", ".yml")):
        return "is not a file name ending in .yaml (type one, or press enter to skip)"
    if name != one_line(name) or "\ufffd" in name:  # control characters, undecodable bytes
        return "has characters a file name should not have (type another name, or press enter to skip)"
    return None

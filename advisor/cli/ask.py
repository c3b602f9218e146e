"""`advisor ask`: the interview as a line dialogue on standard input and output."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from advisor.cli.options import add_lens
from advisor.cli.output import write_new
from advisor.knowledge import load_knowledge


def register(commands: Any) -> None:
    ask = commands.add_parser("ask", help="answer the adaptive interview line by line (works in a pipe)")
    ask.add_argument("answers", nargs="?", type=Path, help="answers file to continue from")
    add_lens(ask)
    ask.add_argument("--save", type=Path, metavar="FILE", help="save the answers here (else you are asked)")
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
    LineDialogue(interview, _read_line, print, ask_focus=asked_focus).run()
    print()
    print(render_text(kb, interview.result(), "your answers"), end="")
    target = save or _ask_path()
    if target is not None:
        text = dump_answers(
            kb, interview.answers, interview.lens, focus=interview.focus, design=interview.design
        )
        write_new(target, text)
        print(f"Saved your answers to {target} (run: advisor recommend {target})")


def _read_line(prompt: str) -> str | None:
    try:
        return input(prompt)
    except EOFError:
        return None


def _ask_path() -> Path | None:
    line = _read_line("Save these answers as YAML? File name (empty to skip): ")
    return Path(line.strip()) if line and line.strip() else None

"""`advisor ask`: the interview as a line dialogue on standard input and output."""

from __future__ import annotations

import argparse
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
    ask.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ask(args.rules, args.answers, args.lens, args.save)
    return 0


def ask(rules: Path | None, answers: Path | None, lens: str | None, save: Path | None) -> None:
    """Run the line dialogue on stdin/stdout, show the recommendation, then save the answers."""
    from advisor.ask import LineDialogue
    from advisor.engine.engine import Engine
    from advisor.interview import Interview
    from advisor.knowledge.answers import dump_answers, read_answers
    from advisor.render.text import render_text

    kb = load_knowledge(rules)
    given: dict[str, object] = {}
    chosen = lens or "exam"
    if answers is not None:
        parsed, values = read_answers(kb, answers)
        given, chosen = dict(values), lens or parsed.lens or "exam"
    interview = Interview.start(Engine(kb), given, chosen)  # type: ignore[arg-type]
    LineDialogue(interview, _read_line, print).run()
    print()
    print(render_text(kb, interview.result(), "your answers"), end="")
    target = save or _ask_path()
    if target is not None:
        write_new(target, dump_answers(kb, interview.answers, interview.lens))
        print(f"Saved your answers to {target} (run: advisor recommend {target})")


def _read_line(prompt: str) -> str | None:
    try:
        return input(prompt)
    except EOFError:
        return None


def _ask_path() -> Path | None:
    line = _read_line("Save these answers as YAML? File name (empty to skip): ")
    return Path(line.strip()) if line and line.strip() else None

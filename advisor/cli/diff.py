"""`advisor diff A.yaml B.yaml`: what changes in the recommendation between two answer sets."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from advisor.cli.options import add_lens, add_output, path_argument
from advisor.cli.output import emit

if TYPE_CHECKING:
    from pathlib import Path


EXIT_DIFFERS = 1


def register(commands: Any) -> None:
    from advisor.render.formats import DIFF_FORMATS

    diff = commands.add_parser(
        "diff",
        help="compare the recommendations of two answer sets, with the rules behind each changed pick",
        description="Which answers differ, which stage picks change, and the rules that fired for one "
        "answer set and not the other. Exits 0 whether or not anything differs (see --exit-code).",
    )
    diff.add_argument("before", type=path_argument, help="answers or scenario YAML file")
    diff.add_argument("after", type=path_argument, help="answers or scenario YAML file to compare with")
    add_lens(diff)
    diff.add_argument("--format", choices=DIFF_FORMATS, default="text")
    add_output(diff)
    diff.add_argument(
        "--exit-code", action="store_true", help="exit with 1 when something differs, 0 when nothing does"
    )
    diff.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    text, differs = compare(args.rules, args.before, args.after, args.lens, args.format)
    emit(text, args.output)
    return EXIT_DIFFERS if differs and args.exit_code else 0


def compare(rules: Path | None, before: Path, after: Path, lens: str | None, fmt: str) -> tuple[str, bool]:
    """The rendered difference, and whether anything differs."""
    from advisor.diff import diff_results
    from advisor.engine.engine import Engine
    from advisor.knowledge import load_knowledge
    from advisor.knowledge.answers import read_answers
    from advisor.render.difference import render_difference

    kb = load_knowledge(rules)
    engine = Engine(kb)
    results = []
    for path in (before, after):
        parsed, values = read_answers(kb, path)
        chosen = lens or parsed.lens or "exam"
        results.append(
            engine.run(
                values,
                chosen,  # type: ignore[arg-type]
                compare_lenses=False,
                design=parsed.design_nodes,
                focus=parsed.focus_stages,
            )
        )
    difference = diff_results(kb, results[0], results[1])
    return render_difference(kb, difference, (str(before), str(after)), fmt), difference.differs

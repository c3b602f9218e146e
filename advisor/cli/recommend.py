"""`advisor recommend` and `advisor examples`: the engine's answer for an answers file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from advisor.cli.options import add_lens, add_output
from advisor.cli.output import emit
from advisor.errors import UnknownIdError
from advisor.knowledge import load_knowledge
from advisor.knowledge.spelling import suggest
from advisor.resources import scenarios_dir


def register(commands: Any) -> None:
    recommend = commands.add_parser("recommend", help="recommend services per stage for an answers file")
    source = recommend.add_mutually_exclusive_group(required=True)
    source.add_argument("answers", nargs="?", type=Path, help="answers or scenario YAML file")
    source.add_argument("--example", metavar="NAME", help="use a shipped example (see 'advisor examples')")
    add_lens(recommend)
    recommend.add_argument("--format", choices=["text", "json", "markdown", "html"], default="text")
    add_output(recommend)
    recommend.set_defaults(run=run_recommend)

    examples = commands.add_parser("examples", help="list the shipped example scenarios")
    examples.set_defaults(run=run_examples)


def run_recommend(args: argparse.Namespace) -> int:
    emit(recommend(args.rules, args.answers, args.example, args.lens, args.format), args.output)
    return 0


def run_examples(args: argparse.Namespace) -> int:
    emit(examples())
    return 0


def example_path(name: str) -> Path:
    """The shipped scenario file whose id (and file name) is `name`."""
    found = sorted(scenarios_dir().rglob(f"{name}.yaml"))
    if not found:
        names = {path.stem for path in scenarios_dir().rglob("*.yaml")}
        raise UnknownIdError(f"unknown example '{name}'{suggest(name, names)}; see 'advisor examples'")
    return found[0]


def recommend(
    rules: Path | None, answers: Path | None, example: str | None, lens: str | None, fmt: str
) -> str:
    from advisor.engine.engine import Engine
    from advisor.knowledge.answers import read_answers
    from advisor.render import render_result

    path = example_path(example) if example else answers
    assert path is not None
    kb = load_knowledge(rules)
    parsed, values = read_answers(kb, path)
    chosen = lens or parsed.lens or "exam"
    engine = Engine(kb)
    result = engine.run(
        values,
        chosen,  # type: ignore[arg-type]
        design=parsed.design_nodes,
        focus=parsed.focus_stages,
    )
    if fmt == "html":
        from advisor.render.html import render_report

        return render_report(engine, values, result, parsed.title)
    return render_result(kb, result, fmt, parsed.title)


def examples() -> str:
    from advisor.knowledge.yaml_io import read_yaml

    lines = []
    for path in sorted(scenarios_dir().rglob("*.yaml"), key=lambda p: p.stem):
        data = read_yaml(path).data or {}
        lines.append(f"{path.stem:<40} {data.get('title', '')}")
    return "\n".join(lines) + "\n\nRun one with: advisor recommend --example NAME\n"

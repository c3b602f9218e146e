"""`advisor recommend` and `advisor examples`: the engine's answer for an answers file."""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING, Any

from advisor.cli.options import add_lens, add_output, path_argument
from advisor.cli.output import emit
from advisor.errors import UnknownIdError
from advisor.knowledge.spelling import suggest

if TYPE_CHECKING:
    from pathlib import Path


def register(commands: Any) -> None:
    recommend = commands.add_parser("recommend", help="recommend services per stage for an answers file")
    source = recommend.add_mutually_exclusive_group(required=True)
    source.add_argument("answers", nargs="?", type=path_argument, help="answers or scenario YAML file")
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
    from advisor.knowledge.models.base import ID_PATTERN
    from advisor.knowledge.scenarios import scenario_files

    named = scenario_files(file_name=f"{name}.yaml") if re.fullmatch(ID_PATTERN, name) else []
    if named:  # found by its file name: faster than listing every scenario
        return named[0]
    found = {path.stem: path for path in reversed(scenario_files())}
    if name not in found:
        raise UnknownIdError(f"unknown example '{name}'{suggest(name, set(found))}; see 'advisor examples'")
    return found[name]


def recommend(
    rules: Path | None, answers: Path | None, example: str | None, lens: str | None, fmt: str
) -> str:
    from advisor.engine.engine import Engine
    from advisor.knowledge import load_knowledge
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
    from advisor.check.scenario import SUFFIX, design_scenario_files
    from advisor.knowledge.scenarios import scenario_files

    lines = [_example_line(path, path.stem) for path in sorted(scenario_files(), key=lambda p: p.stem)]
    lines += ["", "Run one with: advisor recommend --example NAME", "", "Design checks:"]
    lines += [_example_line(path, path.name.removesuffix(SUFFIX)) for path in design_scenario_files()]
    return "\n".join(lines) + "\n\nRun one with: advisor check --example NAME\n"


def _example_line(path: Path, name: str) -> str:
    from advisor.knowledge.yaml_io import read_yaml

    data = read_yaml(path).data
    title = data.get("title", "") if isinstance(data, dict) else ""
    return f"{name:<40} {title}"

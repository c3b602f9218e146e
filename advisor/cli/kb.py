"""`advisor kb …`: inspect and validate the knowledge."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from advisor.cli.options import path_argument
from advisor.cli.output import emit

if TYPE_CHECKING:
    from pathlib import Path


KINDS = ("questions", "nodes", "rules", "stages", "exams")


def register(commands: Any) -> None:
    from advisor.cli.parser import Parser

    kb = commands.add_parser("kb", help="inspect and validate the knowledge")
    kb_commands = kb.add_subparsers(
        dest="kb_command", metavar="KB_COMMAND", required=True, parser_class=Parser
    )
    validate = kb_commands.add_parser(
        "validate", help="check a knowledge folder and report the first problem"
    )
    validate.add_argument(
        "path", nargs="?", type=path_argument, help="knowledge folder (default: --rules or shipped)"
    )
    validate.set_defaults(run=run_validate)
    coverage = kb_commands.add_parser(
        "coverage",
        help="what the knowledge and scenarios cover of the exam (exit 1 when something is missing)",
    )
    coverage.add_argument("--missing", action="store_true", help="list only entries with gaps")
    coverage.add_argument("--exam", metavar="ID", help="exam profile (default: the default profile)")
    coverage.set_defaults(run=run_coverage)
    show = kb_commands.add_parser("show", help="show a node, rule or question with its relations and rules")
    show.add_argument("id", help="node, rule or question id (node names and aliases work too)")
    show.set_defaults(run=run_show)
    listing = kb_commands.add_parser(
        "list", help="list the questions, nodes, rules or stages (no KIND: how many of each)"
    )
    listing.add_argument("kind", nargs="?", choices=KINDS, metavar="KIND", help=", ".join(KINDS))
    listing.add_argument("--stage", metavar="STAGE", help="only those of this stage")
    listing.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    listing.set_defaults(run=run_list)


def run_validate(args: argparse.Namespace) -> int:
    emit(validate(args.path or args.rules))
    return 0


def run_coverage(args: argparse.Namespace) -> int:
    text, complete = coverage(args.rules, args.missing, args.exam)
    emit(text)
    return 0 if complete else 1


def run_show(args: argparse.Namespace) -> int:
    from advisor.knowledge import load_knowledge
    from advisor.render.show import render_item

    kb = load_knowledge(args.rules)
    emit(render_item(kb, kb.find(args.id)))
    return 0


def run_list(args: argparse.Namespace) -> int:
    from advisor.knowledge import load_knowledge
    from advisor.render import listing

    kb = load_knowledge(args.rules)
    if args.stage is not None:
        kb.stage(args.stage)
    if args.kind is None:
        counts = listing.count_items(kb, args.stage)
        emit(listing.render_json(counts) if args.format == "json" else listing.render_counts(counts))
        return 0
    records = listing.list_records(kb, args.kind, args.stage)
    emit(listing.render_json(records) if args.format == "json" else listing.render_table(args.kind, records))
    return 0


def coverage(rules: Path | None, missing_only: bool, exam: str | None = None) -> tuple[str, bool]:
    """The coverage report of one exam profile, and whether nothing is missing."""
    from advisor.knowledge import load_knowledge
    from advisor.knowledge.coverage import measure_coverage, render_coverage
    from advisor.knowledge.scenarios import read_scenario, scenario_files

    kb = load_knowledge(rules)
    scenarios = [read_scenario(kb, path)[0] for path in scenario_files()]
    profile = kb.exam(exam)
    report = measure_coverage(kb, scenarios, profile.id)
    title = f"{profile.name} ({profile.code})\n\n"
    return title + render_coverage(report, missing_only), report.complete


def validate(path: Path | None) -> str:
    from advisor.knowledge import load_knowledge

    kb = load_knowledge(path, use_cache=False)
    doc = kb.document
    where = kb.source or "rules"
    return (
        f"{where}: ok — {len(doc.stages)} stages, {len(doc.questions)} questions, "
        f"{len(doc.facts)} derived facts, {len(doc.nodes)} nodes, {len(doc.rules)} rules"
    )

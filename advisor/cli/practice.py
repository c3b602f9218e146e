"""`advisor practice` and `advisor practice stats`: exam-style questions graded and explained by
the engine, progress in the user's data folder, spaced repetition."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from advisor.cli.options import LENSES, add_output, path_argument
from advisor.cli.output import emit
from advisor.errors import UnknownIdError


def register(commands: Any) -> None:
    from advisor.cli.parser import Parser
    from advisor.practice.modes import MODES
    from advisor.render.formats import STATS_FORMATS

    practice = commands.add_parser(
        "practice",
        help="exam-style questions graded and explained by the engine (A-D per line; works in a pipe)",
        description="Answer with A-D, one per line; '?' explains the last answer again, 'q' ends. "
        "Every answer is saved at once in $ADVISOR_DATA_DIR (default ~/.local/share/aws-ml-advisor).",
    )
    practice.add_argument(
        "--mode",
        choices=MODES,
        default="due",
        help="due (default: due reviews, then new questions), "
        "drill, exam (timed, by domain weights, feedback at the end) or review (missed questions)",
    )
    practice.add_argument("--count", type=_count, metavar="N", help="questions in the round")
    practice.add_argument("--domain", metavar="D", help="a domain id or number")
    practice.add_argument("--task", metavar="T", help="a task statement, e.g. 1.2")
    practice.add_argument("--stage", metavar="S", help="a stage id, e.g. ingestion")
    practice.add_argument("--lens", choices=LENSES, help="questions asked under this lens")
    practice.add_argument("--kind", metavar="K", help="a scenario folder, e.g. foundation")
    practice.add_argument("--exam", metavar="ID", help="exam profile (default: the default profile)")
    practice.add_argument("--seed", type=int, help="the draw's seed (default: today's date)")
    practice.add_argument(
        "--report", type=path_argument, metavar="FILE.md", help="write the round as Markdown"
    )
    practice.add_argument(
        "--scenarios", type=path_argument, metavar="DIR", help="scenario folder (default: shipped)"
    )
    practice.set_defaults(run=run_practice)
    sub = practice.add_subparsers(dest="practice_command", metavar="[stats]", parser_class=Parser)
    stats = sub.add_parser("stats", help="attempts, accuracy per domain and task over time, due, leeches")
    stats.add_argument("--format", choices=STATS_FORMATS, default="text")
    stats.add_argument("--exam", metavar="ID", help="exam profile (default: the default profile)")
    add_output(stats)
    stats.set_defaults(run=run_stats)


def _count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a positive whole number")
    return int(text)


def run_practice(args: argparse.Namespace) -> int:
    from advisor.engine.engine import Engine
    from advisor.knowledge import load_knowledge
    from advisor.practice.bank import Filters, filter_bank, load_bank
    from advisor.practice.clock import system_clock
    from advisor.practice.dialogue import PracticeDialogue
    from advisor.practice.round import PracticeRound, RoundRequest, draw_questions, round_seed
    from advisor.practice.store import ProgressStore
    from advisor.render.practice_markdown import round_markdown

    kb = load_knowledge(args.rules)
    exam = kb.exam(args.exam)
    filters = Filters(args.domain, args.task, args.stage, args.lens, args.kind)
    bank = filter_bank(kb, load_bank(kb, exam, args.scenarios), exam, filters)
    if not bank:
        raise UnknownIdError("no practice question matches these filters")
    now = system_clock()
    request = RoundRequest(args.mode, args.count, round_seed(args.seed, now))
    engine = Engine(kb)
    with ProgressStore() as store:
        questions = draw_questions(engine, store, bank, exam, request, now)
        if not questions:
            print(_nothing_to_ask(args.mode))
            return 0
        practice = PracticeRound(engine, store, exam, args.mode, questions, request.seed, system_clock)
        report = PracticeDialogue(practice, _read_line, _write).run()
    if args.report is not None:
        emit(round_markdown(report, lambda i: practice.explanation(i, with_changes=False)), args.report)
    return 0


def _nothing_to_ask(mode: str) -> str:
    if mode == "review":
        return "Nothing to review: no question's latest answer was wrong."
    if mode == "due":
        return "Nothing is due and every question has been seen: try --mode drill."
    return "No question to ask."


def run_stats(args: argparse.Namespace) -> int:
    from advisor.knowledge import load_knowledge
    from advisor.practice.clock import system_clock
    from advisor.practice.stats import practice_stats
    from advisor.practice.store import ProgressStore
    from advisor.render.practice_stats import render_stats

    exam = load_knowledge(args.rules).exam(args.exam)
    with ProgressStore() as store:
        stats = practice_stats(store, exam, system_clock())
    emit(render_stats(stats, args.format), args.output)
    return 0


def _read_line(prompt: str) -> str | None:
    """A line of standard input; echoed when it comes from a pipe, so the output reads as a dialogue."""
    try:
        line = input(prompt)
    except EOFError:
        return None
    if not sys.stdin.isatty():
        print(line, flush=True)
    return line


def _write(text: str) -> None:
    print(text, flush=True)

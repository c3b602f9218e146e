"""The `advisor` command line: the TUI (no command), ask, recommend, examples, kb.

Exit codes: 0 success; 1 usage problem or unknown id (see `advisor --help`);
2 bad input (knowledge, answers or YAML), always reported as one line without a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from advisor.errors import AdvisorError, UnknownIdError

EXIT_OK, EXIT_USAGE, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit with 1."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="advisor",
        description="Explainable recommendations of AWS services and SageMaker algorithms for ML problems.",
        epilog="Exit codes: 0 ok, 1 usage problem or unknown id, 2 bad input (one-line message).",
    )
    parser.add_argument(
        "--rules", type=Path, metavar="DIR", help="knowledge folder (default: the shipped rules)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    recommend = commands.add_parser("recommend", help="recommend services per stage for an answers file")
    source = recommend.add_mutually_exclusive_group(required=True)
    source.add_argument("answers", nargs="?", type=Path, help="answers or scenario YAML file")
    source.add_argument("--example", metavar="NAME", help="use a shipped example (see 'advisor examples')")
    recommend.add_argument("--lens", choices=["exam", "current"], help="default: the file's lens, else exam")
    recommend.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    recommend.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of stdout"
    )

    commands.add_parser("examples", help="list the shipped example scenarios")

    ask = commands.add_parser("ask", help="answer the adaptive interview line by line (works in a pipe)")
    ask.add_argument("answers", nargs="?", type=Path, help="answers file to continue from")
    ask.add_argument("--lens", choices=["exam", "current"], help="default: the file's lens, else exam")
    ask.add_argument("--save", type=Path, metavar="FILE", help="save the answers here (else you are asked)")

    tui = commands.add_parser("tui", help="open the interactive terminal app (the default)")
    tui.add_argument("answers", nargs="?", type=Path, help="answers file to open")
    tui.add_argument("--lens", choices=["exam", "current"], help="default: the file's lens, else exam")

    kb = commands.add_parser("kb", help="inspect and validate the knowledge")
    kb_commands = kb.add_subparsers(
        dest="kb_command", metavar="KB_COMMAND", required=True, parser_class=_Parser
    )
    validate = kb_commands.add_parser(
        "validate", help="check a knowledge folder and report the first problem"
    )
    validate.add_argument("path", nargs="?", type=Path, help="knowledge folder (default: --rules or shipped)")
    coverage = kb_commands.add_parser(
        "coverage",
        help="what the knowledge and scenarios cover of the exam (exit 1 when something is missing)",
    )
    coverage.add_argument("--missing", action="store_true", help="list only entries with gaps")
    show = kb_commands.add_parser("show", help="show a node, rule or question with its relations and rules")
    show.add_argument("id", help="node, rule or question id (node names and aliases work too)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except AdvisorError as error:
        message = str(error) if error.path else f"advisor: {error}"
        print(message, file=sys.stderr)
        return EXIT_USAGE if isinstance(error, UnknownIdError) else error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK


def _dispatch(args: argparse.Namespace) -> int:
    from advisor import commands

    if args.command in (None, "tui"):
        from advisor.tui import run_tui

        run_tui(args.rules, getattr(args, "answers", None), getattr(args, "lens", None))
        return EXIT_OK
    if args.command == "ask":
        commands.ask(args.rules, args.answers, args.lens, args.save)
        return EXIT_OK
    if args.command == "recommend":
        text = commands.recommend(args.rules, args.answers, args.example, args.lens, args.format)
        _emit(text, args.output)
        return EXIT_OK
    if args.command == "examples":
        _emit(commands.examples(args.rules), None)
        return EXIT_OK
    if args.kb_command == "validate":
        _emit(commands.validate(args.path or args.rules), None)
        return EXIT_OK
    if args.kb_command == "coverage":
        text, complete = commands.coverage(args.rules, args.missing)
        _emit(text, None)
        return EXIT_OK if complete else EXIT_USAGE
    _emit(commands.show(args.rules, args.id), None)
    return EXIT_OK


def _emit(text: str, output: Path | None) -> None:
    """Print, or write atomically to `output` and say where."""
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise AdvisorError("folder does not exist; create it first or choose another path", output)
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False) as handle:
            handle.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(handle.name, 0o666 & ~umask)  # a report, readable like any file the user writes
        os.replace(handle.name, output)
    except OSError as error:
        raise AdvisorError(f"cannot write file: {error.strerror}", output) from None
    print(f"wrote {output}", file=sys.stderr)

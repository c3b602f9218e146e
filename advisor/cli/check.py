"""`advisor check`: a design (or a CloudFormation template) against its requirements."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from advisor.check.formats import FORMATS
from advisor.check.severity import SEVERITIES
from advisor.cli.options import add_lens, add_output, path_argument
from advisor.cli.output import emit
from advisor.errors import UsageError

if TYPE_CHECKING:
    import datetime
    from pathlib import Path


EXIT_FINDINGS = 3

DESCRIPTION = """\
Check a design against its requirements: the same engine reasons over the answers, and each
chosen service is a finding when it violates a requirement (error), is weaker than another
fit (warning), is closed to new customers or retired (error under the current lens), or
when a stage in focus has no choice (info). Suppressed findings are listed, not counted.

A design file is an answers file plus `design:` (stage -> node ids) and `suppress:`; or give
a CloudFormation template (YAML or JSON) with --template and the requirements with --answers.
A file named NAME.template.yaml|json is checked against NAME.design.yaml beside it."""

EPILOG = """\
exit codes:
  0  no finding at or above --fail-on (suppressed findings never count)
  1  usage problem or unknown example
  2  bad input: a design, answers, template or knowledge file that cannot be used (one line)
  3  findings at or above --fail-on"""


def register(commands: Any) -> None:
    check = commands.add_parser(
        "check",
        help="check a design or CloudFormation template against its requirements (SARIF, JUnit for CI)",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument(
        "designs",
        nargs="*",
        type=path_argument,
        metavar="DESIGN",
        help="design files; a *.template.yaml|json file is checked against the *.design.yaml beside it",
    )
    check.add_argument(
        "--template", type=path_argument, metavar="FILE", help="CloudFormation template (YAML or JSON)"
    )
    check.add_argument(
        "--answers", type=path_argument, metavar="FILE", help="the requirements for --template"
    )
    check.add_argument("--example", metavar="NAME", help="a shipped example design (see 'advisor examples')")
    add_lens(check)
    check.add_argument("--format", choices=FORMATS, default="text", help="default: text")
    check.add_argument(
        "--fail-on", choices=SEVERITIES, default="error", help="exit 3 at or above it (default: error)"
    )
    add_output(check)
    check.set_defaults(run=run_check)


def run_check(args: argparse.Namespace) -> int:
    import datetime

    text, failed = check(
        args.rules,
        inputs(args.designs, args.template, args.answers, args.example),
        args.lens,
        args.format,
        args.fail_on,
        datetime.date.today(),
    )
    emit(text, args.output)
    return EXIT_FINDINGS if failed else 0


def check(
    rules: Path | None,
    pairs: Sequence[tuple[Path, Path | None]],
    lens: str | None,
    fmt: str,
    fail_on: str,
    today: datetime.date,
) -> tuple[str, bool]:
    """The rendered reports of every (design, template) pair, and whether any failed."""
    from advisor.check.design import read_design
    from advisor.check.findings import check_design
    from advisor.check.formats import render_check
    from advisor.knowledge import load_knowledge

    kb = load_knowledge(rules)
    reports = [
        check_design(kb, read_design(kb, design, template), lens, today=today)  # type: ignore[arg-type]
        for design, template in pairs
    ]
    return render_check(reports, fmt, fail_on), any(r.fails(fail_on) for r in reports)  # type: ignore[arg-type]


def inputs(
    designs: Sequence[Path], template: Path | None, answers: Path | None, example: str | None
) -> list[tuple[Path, Path | None]]:
    """(requirements file, template or None) pairs to check, each once, in the order given."""
    if example is not None:
        if designs or template or answers:
            raise UsageError("--example takes no other design, template or answers")
        from advisor.check.scenario import example_design_path

        return [(example_design_path(example), None)]
    if template is not None:
        requirements = [*designs, *([answers] if answers else [])]
        if len(requirements) != 1:
            raise UsageError("--template needs the requirements: one --answers FILE (or one design file)")
        return [(requirements[0], template)]
    given = [*designs, *([answers] if answers else [])]
    if not given:
        raise UsageError("give a design file, --template FILE with --answers FILE, or --example NAME")
    from advisor.check.design import design_and_template

    return list(dict.fromkeys(design_and_template(path) for path in given))

"""The `advisor` command line: the TUI (no command) and one module per command group.

Exit codes: 0 success; 1 usage problem or unknown id; 2 bad input (knowledge, answers or
YAML), always one line without a traceback; 70 an internal error (a bug: one line, and the
traceback with `--debug` or `ADVISOR_DEBUG=1`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from advisor.cli.parser import build_parser
from advisor.errors import AdvisorError, UnknownIdError, crash_line

EXIT_OK, EXIT_USAGE, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 70

__all__ = ["EXIT_BAD_INPUT", "EXIT_INTERNAL", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code (never raises for anything a user can cause)."""
    args = build_parser().parse_args(argv)
    args.debug = debug = bool(args.debug or os.environ.get("ADVISOR_DEBUG"))
    try:
        return int(args.run(args))
    except AdvisorError as error:
        message = str(error) if error.path else f"advisor: {error}"
        print(message, file=sys.stderr)
        return EXIT_USAGE if isinstance(error, UnknownIdError) else error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:
        if debug:
            raise
        print(
            f"advisor: internal error: {crash_line(error)} (rerun with --debug for details)", file=sys.stderr
        )
        return EXIT_INTERNAL

"""Options several commands share, declared once."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

LENSES = ("exam", "current")


def add_lens(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lens", choices=LENSES, help="default: the file's lens, else exam")


def add_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", type=path_argument, metavar="FILE", help="write to FILE instead of stdout"
    )


def path_argument(text: str) -> Path:
    """A file or folder argument. pathlib is imported here, when an argument is converted, so that
    building the parser (every command, `--help`) does not import it."""
    from pathlib import Path

    return Path(text)

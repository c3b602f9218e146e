"""Options several commands share, declared once."""

from __future__ import annotations

import argparse
from pathlib import Path

LENSES = ("exam", "current")


def add_lens(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lens", choices=LENSES, help="default: the file's lens, else exam")


def add_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of stdout")

"""Small pieces of English shared by every face."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str = "") -> str:
    """`1 answer`, `2 answers`, `0 answers`: a count with its noun, plural unless it is one
    (`plural` for a noun that does not just take an s: `leeches`)."""
    return f"{count} {noun}" if count == 1 else f"{count} {plural or noun + 's'}"

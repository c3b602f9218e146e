"""Finding a node, rule or question from what a person typed: an id, a name, an alias, or
words of them (`firehose`), with the candidates ranked when several items fit."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass

from advisor.errors import UnknownIdError
from advisor.knowledge.models import Node, Question, Rule
from advisor.knowledge.spelling import closeness, suggest

Item = Node | Rule | Question

SHOWN = 10
"""Candidates listed when a query is ambiguous; the rest are counted."""


@dataclass(frozen=True)
class Entry:
    """One findable item with everything it can be called."""

    item: Item
    names: tuple[str, ...]
    """Its id, then its name, then its aliases (nodes)."""
    own_words: frozenset[str]
    """Words of its id and current name."""
    alias_words: frozenset[str]

    @property
    def all_words(self) -> frozenset[str]:
        return self.own_words | self.alias_words

    @property
    def description(self) -> str:
        item = self.item
        text = item.name if isinstance(item, Node) else item.title if isinstance(item, Rule) else item.text
        return textwrap.shorten(text, 70, placeholder="…")


def words(text: str) -> list[str]:
    """Lower-case words of a name or id: `Amazon Data Firehose` and `amazon_data_firehose` alike."""
    return [word for word in re.split(r"[^0-9a-z]+", text.casefold()) if word]


def entry_of(item: Item) -> Entry:
    own = (item.id, item.name) if isinstance(item, Node) else (item.id,)
    aliases = tuple(item.aliases) if isinstance(item, Node) else ()
    return Entry(
        item,
        (*own, *aliases),
        frozenset(word for name in own for word in words(name)),
        frozenset(word for name in aliases for word in words(name)),
    )


class Finder:
    """Looks items up by id, name or alias (ignoring case), then by words of them."""

    def __init__(self, items: Iterable[Item]):
        self.entries = [entry_of(item) for item in items]
        self.by_id = {entry.item.id.casefold(): entry.item for entry in self.entries}
        self.by_name: dict[str, list[Entry]] = {}
        for entry in self.entries:
            for name in dict.fromkeys(name.casefold() for name in entry.names[1:]):
                self.by_name.setdefault(name, []).append(entry)

    def find(self, typed: str) -> Item:
        """The one item `typed` names; UnknownIdError listing the candidates otherwise."""
        wanted = typed.strip()
        if wanted.casefold() in self.by_id:
            return self.by_id[wanted.casefold()]
        named = self.by_name.get(wanted.casefold(), [])
        matches = self.rank(wanted, named) if named else self.matches(wanted)
        if len(matches) == 1:
            return matches[0].item
        if matches:
            raise _ambiguous(typed, matches)
        hint = suggest(wanted, {entry.item.id: entry.names for entry in self.entries})
        raise UnknownIdError(f"unknown node, rule or question '{typed}'{hint}")

    def matches(self, typed: str) -> list[Entry]:
        """Entries having every typed word at the start of one of their words, best first; only
        those of the first kind that has any: services, features, algorithms and concepts, then
        configurations, then rules and questions (`firehose` is the service, not its settings)."""
        wanted = words(typed)
        found = [entry for entry in self.entries if wanted and _has_all(wanted, entry.all_words)]
        for tier in range(3):
            first = [entry for entry in found if _tier(entry.item) == tier]
            if first:
                return self.rank(typed, first)
        return []

    @staticmethod
    def rank(typed: str, entries: list[Entry]) -> list[Entry]:
        """Entries whose id or current name has the typed words before those that have them
        only in an alias (a former name), then the closest first, ties by id."""
        wanted = words(typed)

        def key(entry: Entry) -> tuple[bool, float, float, str]:
            best = max(closeness(typed, name) for name in entry.names)
            return (not _has_all(wanted, entry.own_words), -best[0], -best[1], entry.item.id)

        return sorted(entries, key=key)


def _tier(item: Item) -> int:
    if isinstance(item, Node):
        return 1 if item.kind == "configuration" else 0
    return 2


def _has_all(wanted: list[str], words: frozenset[str]) -> bool:
    return all(any(word.startswith(part) for word in words) for part in wanted)


def _ambiguous(typed: str, matches: list[Entry]) -> UnknownIdError:
    width = max(len(entry.item.id) for entry in matches[:SHOWN])
    lines = [f"  {entry.item.id:<{width}} — {entry.description}" for entry in matches[:SHOWN]]
    if len(matches) > SHOWN:
        lines.append(f"  … and {len(matches) - SHOWN} more")
    head = f"'{typed}' matches {len(matches)} items; give one of these ids (or more words):"
    return UnknownIdError(head, choices=tuple(lines))

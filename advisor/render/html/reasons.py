"""A rule firing as a sentence with numbered sources: the unit every HTML page cites."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from advisor.engine.result import Firing


@dataclass(frozen=True)
class Reason:
    """A rule firing as a sentence, with its weight (for support) and numbered sources."""

    rule: str
    title: str
    text: str
    weight: int | None = None
    refs: tuple[int, ...] = ()


class Citations:
    """Sources numbered in order of first citation."""

    def __init__(self) -> None:
        self.urls: dict[str, int] = {}

    def cite(self, urls: Iterable[str]) -> tuple[int, ...]:
        return tuple(self.urls.setdefault(url, len(self.urls) + 1) for url in dict.fromkeys(urls))

    def reason(self, firing: Firing, text: str = "") -> Reason:
        """The firing as a Reason (its `because`, unless `text` says otherwise), its sources cited."""
        return Reason(firing.rule, firing.title, text or firing.because, refs=self.cite(firing.sources))

"""Shared pieces of the practice tests: a clock the test moves, and a round over the fixture bank."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from advisor.engine.engine import Engine
from advisor.practice.bank import BankQuestion, load_bank
from advisor.practice.draw import Mode
from advisor.practice.grading import pose
from advisor.practice.round import PracticeRound
from advisor.practice.store import ProgressStore

from fixtures_path import FIXTURE_SCENARIOS

START = datetime(2025, 3, 3, 12, 0, tzinfo=UTC)
"""Midday UTC: the same local date in every time zone within ±11 hours."""


class FakeClock:
    """Returns `now`; tests move it with `advance`."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def fixture_bank(engine: Engine) -> list[BankQuestion]:
    return load_bank(engine.kb, engine.kb.default_exam, FIXTURE_SCENARIOS)


def by_id(engine: Engine, *ids: str) -> list[BankQuestion]:
    bank = {q.id: q for q in fixture_bank(engine)}
    return [bank[i] for i in ids]


def start_round(
    engine: Engine,
    store: ProgressStore,
    ids: tuple[str, ...],
    mode: Mode = "drill",
    clock: FakeClock | None = None,
) -> PracticeRound:
    """A round asking the fixture questions `ids` in that order."""
    posed = [p for p in (pose(engine, q) for q in by_id(engine, *ids)) if p is not None]
    return PracticeRound(engine, store, engine.kb.default_exam, mode, posed, 1, clock or FakeClock())


def database(folder: Path) -> ProgressStore:
    return ProgressStore(folder / "progress.sqlite3")

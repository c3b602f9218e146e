"""Practice progress in SQLite: one file, WAL, one transaction per answer, a schema version
(`PRAGMA user_version`) with migrations. A file that is not ours is never written to."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from advisor.errors import ProgressError

T = TypeVar("T")
FILE_NAME = "progress.sqlite3"
APPLICATION_ID = 0x41574D4C
"""`PRAGMA application_id` of our databases ("AWML"): how a foreign SQLite file is told apart."""
HEADER = b"SQLite format 3\x00"
MOVE_AWAY = "move it away; a new one will be created"
DATABASE_ERRORS = (sqlite3.Error, UnicodeDecodeError)
"""What reading a damaged database can raise (text that is not UTF-8 fails to decode)."""

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE round (
            id INTEGER PRIMARY KEY,
            mode TEXT NOT NULL,
            exam TEXT NOT NULL,
            seed INTEGER NOT NULL,
            planned INTEGER NOT NULL,
            minutes REAL,
            started_at TEXT NOT NULL,
            ended_at TEXT
        )""",
        """CREATE TABLE attempt (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES round(id),
            question TEXT NOT NULL,
            exam TEXT NOT NULL,
            kind TEXT NOT NULL,
            stage TEXT NOT NULL,
            lens TEXT NOT NULL,
            domain TEXT NOT NULL,
            tasks TEXT NOT NULL,
            chosen TEXT NOT NULL,
            key TEXT NOT NULL,
            correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
            answered_at TEXT NOT NULL
        )""",
        "CREATE INDEX attempt_by_exam ON attempt (exam, answered_at)",
        """CREATE TABLE card (
            item TEXT PRIMARY KEY,
            card TEXT NOT NULL,
            due TEXT NOT NULL
        )""",
        "CREATE INDEX card_by_due ON card (due)",
        "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ),
)
"""Migration n+1 takes a database from schema version n to n+1; append, never edit."""
SCHEMA_VERSION = len(MIGRATIONS)


def data_dir() -> Path:
    """`$ADVISOR_DATA_DIR`, else `$XDG_DATA_HOME/aws-ml-advisor`, else ~/.local/share/aws-ml-advisor."""
    if os.environ.get("ADVISOR_DATA_DIR"):
        return Path(os.environ["ADVISOR_DATA_DIR"]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "aws-ml-advisor"


def default_database() -> Path:
    return data_dir() / FILE_NAME


def stamp(moment: datetime) -> str:
    """A moment as sortable UTC text, to the second."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_stamp(text: object) -> datetime:
    """A stored moment; ValueError for anything else."""
    return datetime.strptime(str(text), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


@dataclass(frozen=True)
class Attempt:
    """One recorded answer, with what the question was about when it was answered."""

    round: int
    question: str
    exam: str
    kind: str
    stage: str
    lens: str
    domain: str
    tasks: tuple[str, ...]
    chosen: str
    key: str
    correct: bool
    answered_at: datetime


@dataclass(frozen=True)
class CardState:
    """A spaced-repetition card as stored: its scheduler state (JSON) and when it is due."""

    item: str
    """`question:<scenario id>` or `task:<exam>:<task id>`."""
    card: str
    due: datetime


@dataclass(frozen=True)
class RoundInfo:
    """A practice round as started."""

    id: int
    mode: str
    exam: str
    seed: int
    planned: int
    minutes: float | None
    started_at: datetime


class ProgressStore:
    """The progress database. Open it with `ProgressStore(path)`; every method is one transaction."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_database()
        self._db = open_database(self.path)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    # -- rounds and answers -------------------------------------------------------------------

    def start_round(
        self, mode: str, exam: str, seed: int, planned: int, minutes: float | None, started: datetime
    ) -> RoundInfo:
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO round (mode, exam, seed, planned, minutes, started_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (mode, exam, seed, planned, minutes, stamp(started)),
            )
        assert cursor.lastrowid is not None
        return RoundInfo(cursor.lastrowid, mode, exam, seed, planned, minutes, started)

    def end_round(self, round_id: int, ended: datetime) -> None:
        with self._transaction() as db:
            db.execute("UPDATE round SET ended_at = ? WHERE id = ?", (stamp(ended), round_id))

    def record(self, attempt: Attempt, cards: Iterable[CardState]) -> None:
        """Store an answer and the cards it rescheduled, all or nothing."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO attempt (round_id, question, exam, kind, stage, lens, domain, tasks, chosen,"
                " key, correct, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    attempt.round,
                    attempt.question,
                    attempt.exam,
                    attempt.kind,
                    attempt.stage,
                    attempt.lens,
                    attempt.domain,
                    " ".join(attempt.tasks),
                    attempt.chosen,
                    attempt.key,
                    int(attempt.correct),
                    stamp(attempt.answered_at),
                ),
            )
            db.executemany(
                "INSERT OR REPLACE INTO card (item, card, due) VALUES (?, ?, ?)",
                [(c.item, c.card, stamp(c.due)) for c in cards],
            )

    # -- reading ------------------------------------------------------------------------------

    def attempts(self, exam: str | None = None, round_id: int | None = None) -> list[Attempt]:
        """Recorded answers in the order given (of one exam profile, or one round)."""
        where, params = _where(exam=exam, round_id=round_id)
        return self._read(
            "SELECT round_id, question, exam, kind, stage, lens, domain, tasks, chosen, key, correct,"
            f" answered_at FROM attempt{where} ORDER BY id",
            params,
            _attempt,
        )

    def missed(self, exam: str) -> list[str]:
        """Questions whose latest answer was wrong, the most recently missed first."""
        return self._read(
            "SELECT question FROM attempt AS a WHERE exam = ? AND correct = 0 AND id = "
            "(SELECT max(id) FROM attempt WHERE question = a.question AND exam = a.exam) ORDER BY id DESC",
            (exam,),
            lambda row: str(row[0]),
        )

    def cards(self, prefix: str) -> dict[str, CardState]:
        """Every card whose item starts with `prefix`, by item."""
        cards = self._read(
            "SELECT item, card, due FROM card WHERE substr(item, 1, ?) = ? ORDER BY item",
            (len(prefix), prefix),
            _card,
        )
        return {card.item: card for card in cards}

    def card(self, item: str) -> CardState | None:
        found = self._read("SELECT item, card, due FROM card WHERE item = ?", (item,), _card)
        return found[0] if found else None

    def rounds(self, exam: str | None = None) -> list[RoundInfo]:
        where, params = _where(exam=exam)
        return self._read(
            f"SELECT id, mode, exam, seed, planned, minutes, started_at FROM round{where} ORDER BY id",
            params,
            _round,
        )

    def setting(self, key: str) -> str | None:
        found = self._read("SELECT value FROM setting WHERE key = ?", (key,), lambda row: str(row[0]))
        return found[0] if found else None

    def set_setting(self, key: str, value: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", (key, value))

    # -- plumbing -----------------------------------------------------------------------------

    def _read(self, sql: str, params: tuple[object, ...], convert: Callable[[tuple[Any, ...]], T]) -> list[T]:
        """Rows converted to objects; a database or a value we cannot read is one ProgressError."""
        try:
            return [convert(row) for row in self._db.execute(sql, params)]
        except DATABASE_ERRORS as error:
            raise unusable(self.path, f"cannot be read ({error})") from None
        except (ValueError, TypeError, AttributeError) as error:
            raise unusable(self.path, f"holds damaged data ({error})") from None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            with transaction(self._db):
                yield self._db
        except DATABASE_ERRORS as error:
            raise unusable(self.path, f"cannot be written ({error})") from None


def _where(**columns: object) -> tuple[str, tuple[object, ...]]:
    names = {"exam": "exam", "round_id": "round_id"}
    used = [(names[name], value) for name, value in columns.items() if value is not None]
    if not used:
        return "", ()
    return " WHERE " + " AND ".join(f"{column} = ?" for column, _ in used), tuple(v for _, v in used)


def _attempt(row: tuple[Any, ...]) -> Attempt:
    (round_id, question, exam, kind, stage, lens, domain, tasks, chosen, key, correct, answered) = row
    return Attempt(
        int(round_id),
        str(question),
        str(exam),
        str(kind),
        str(stage),
        str(lens),
        str(domain),
        tuple(str(tasks).split()),
        str(chosen),
        str(key),
        bool(correct),
        parse_stamp(answered),
    )


def _card(row: tuple[Any, ...]) -> CardState:
    return CardState(str(row[0]), str(row[1]), parse_stamp(row[2]))


def _round(row: tuple[Any, ...]) -> RoundInfo:
    minutes = float(row[5]) if row[5] is not None else None
    return RoundInfo(
        int(row[0]), str(row[1]), str(row[2]), int(row[3]), int(row[4]), minutes, parse_stamp(row[6])
    )


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.rollback()
        raise
    db.commit()


def unusable(path: Path, why: str) -> ProgressError:
    """The one-line error for a file we cannot use (SQLite's own messages may span lines)."""
    return ProgressError(f"not a usable practice database: {' '.join(why.split())} ({MOVE_AWAY})", path)


def open_database(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate our database; ProgressError for anything else."""
    _check_place(path)
    if path.exists():
        check_database(path)
    try:
        db = sqlite3.connect(path, isolation_level=None, timeout=10)
    except DATABASE_ERRORS as error:
        raise unusable(path, f"cannot be opened ({error})") from None
    try:  # migrate before switching to WAL: a migration that fails rolls back to the file as it was
        db.execute("PRAGMA foreign_keys = ON")
        migrate(db)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
    except DATABASE_ERRORS as error:
        db.close()
        raise unusable(path, f"cannot be opened ({error})") from None
    return db


def _check_place(path: Path) -> None:
    if path.is_dir():
        raise unusable(path, "it is a folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ProgressError(f"cannot create the data folder: {error.strerror}", path.parent) from None


def check_database(path: Path) -> None:
    """Raise ProgressError unless `path` is empty or one of our databases, readable and intact.

    Reads only: a foreign or damaged file is left exactly as it is.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(len(HEADER))
    except OSError as error:
        raise unusable(path, f"cannot be read ({error.strerror})") from None
    if not header:
        return
    if header != HEADER:
        raise unusable(path, "not an SQLite file")
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            _check_contents(db, path)
        finally:
            db.close()
    except DATABASE_ERRORS as error:
        raise unusable(path, f"damaged ({error})") from None


def _check_contents(db: sqlite3.Connection, path: Path) -> None:
    application = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    tables = db.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
    if application != APPLICATION_ID and (tables or version):
        raise unusable(path, "an SQLite database of another program")
    if version < 0:  # a damaged header: no advisor writes one
        raise unusable(path, f"damaged (schema version {version})")
    if version > SCHEMA_VERSION:
        raise ProgressError(
            f"written by a newer advisor (schema {version}; this one knows up to {SCHEMA_VERSION}): "
            f"upgrade advisor, or {MOVE_AWAY}",
            path,
        )
    verdict = db.execute("PRAGMA quick_check").fetchone()[0]
    if verdict != "ok":
        raise unusable(path, f"damaged ({verdict})")


def migrate(db: sqlite3.Connection) -> int:
    """Apply every migration the database has not had, each in its own transaction."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    for number, statements in enumerate(MIGRATIONS[version:], start=version + 1):
        with transaction(db):
            for statement in statements:
                db.execute(statement)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {number}")
    return SCHEMA_VERSION

"""The progress database: where it lives, its schema version and migrations, WAL, one transaction
per answer, and files that are not ours left untouched with a one-line error."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from advisor.errors import ProgressError
from advisor.practice.store import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    Attempt,
    CardState,
    ProgressStore,
    data_dir,
    default_database,
)

WHEN = datetime(2025, 3, 3, 12, 0, tzinfo=UTC)


def attempt(round_id: int, question: str, correct: bool, minutes: int = 0) -> Attempt:
    return Attempt(
        round_id, question, "exam_one", "ingestion", "ingestion", "exam", "one", ("1.1",), "A",
        "A" if correct else "B", correct, WHEN + timedelta(minutes=minutes),
    )  # fmt: skip


def test_the_data_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(tmp_path / "mine"))
    assert default_database() == tmp_path / "mine" / "progress.sqlite3"
    monkeypatch.delenv("ADVISOR_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_dir() == tmp_path / "xdg" / "aws-ml-advisor"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert data_dir() == tmp_path / "home" / ".local" / "share" / "aws-ml-advisor"


def test_a_new_database_is_ours_in_wal_mode_at_the_latest_schema(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "progress.sqlite3"
    ProgressStore(path).close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_answers_cards_and_settings_round_trip(tmp_path: Path) -> None:
    with ProgressStore(tmp_path / "p.sqlite3") as store:
        info = store.start_round("drill", "exam_one", 7, 2, None, WHEN)
        card = CardState("question:q1", '{"x": 1}', WHEN + timedelta(days=2))
        store.record(attempt(info.id, "q1", True), [card])
        store.set_setting("exam", "exam_one")
    with ProgressStore(tmp_path / "p.sqlite3") as store:
        assert store.attempts("exam_one") == [attempt(info.id, "q1", True)]
        assert store.attempts("other") == []
        assert store.card("question:q1") == card
        assert store.card("question:q") is None
        assert store.cards("question:") == {"question:q1": card}
        assert store.setting("exam") == "exam_one"
        assert [r.seed for r in store.rounds("exam_one")] == [7]


def test_missed_lists_questions_whose_latest_answer_was_wrong_newest_first(tmp_path: Path) -> None:
    with ProgressStore(tmp_path / "p.sqlite3") as store:
        info = store.start_round("drill", "exam_one", 1, 4, None, WHEN)
        for number, (question, correct) in enumerate(
            [("q1", False), ("q2", False), ("q3", False), ("q1", True), ("q3", False)]
        ):
            store.record(attempt(info.id, question, correct, number), [])
        assert store.missed("exam_one") == ["q3", "q2"]


def test_a_failed_answer_transaction_leaves_nothing_behind(tmp_path: Path) -> None:
    with ProgressStore(tmp_path / "p.sqlite3") as store:
        info = store.start_round("drill", "exam_one", 1, 1, None, WHEN)
        bad_card = CardState("question:q1", None, WHEN)  # type: ignore[arg-type]  # NOT NULL fails
        with pytest.raises(ProgressError):
            store.record(attempt(info.id, "q1", True), [bad_card])
        assert store.attempts() == []


def test_an_older_schema_is_migrated_in_place(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # ours, schema version 0
    ProgressStore(path).close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert {r[0] for r in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")} >= {
            "round", "attempt", "card", "setting",
        }  # fmt: skip


def unusable(path: Path, why: str) -> str:
    return f"{path}: not a usable practice database: {why} (move it away; a new one will be created)"


def test_a_foreign_sqlite_database_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
        db.execute("INSERT INTO notes VALUES ('mine')")
    before = path.read_bytes()
    with pytest.raises(ProgressError) as raised:
        ProgressStore(path)
    assert str(raised.value) == unusable(path, "an SQLite database of another program")
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_garbage_bytes_and_a_folder_are_refused(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"my shopping list\n")
    with pytest.raises(ProgressError) as raised:
        ProgressStore(garbage)
    assert str(raised.value) == unusable(garbage, "not an SQLite file")
    assert garbage.read_bytes() == b"my shopping list\n"
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    with pytest.raises(ProgressError) as raised:
        ProgressStore(folder)
    assert str(raised.value) == unusable(folder, "it is a folder")


def test_a_database_from_a_newer_advisor_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    ProgressStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(ProgressError) as raised:
        ProgressStore(path)
    assert "written by a newer advisor" in str(raised.value)
    assert "\n" not in str(raised.value)


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    path.touch()
    with ProgressStore(path) as store:
        assert store.attempts() == []

"""Bad progress databases: any file that is not a usable practice database (random bytes, a
truncated or damaged database, another program's SQLite file) gives one line that names the file,
exit code 2 from the command line, and is left exactly as it was."""

from __future__ import annotations

import io
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from practice_setup import START

from advisor.cli import main
from advisor.errors import ProgressError
from advisor.practice.store import HEADER, Attempt, ProgressStore

from fixtures_path import FIXTURE_KB, FIXTURE_SCENARIOS

SUGGESTION = "(move it away; a new one will be created)"


def _real_database() -> bytes:
    """A database with a few answers, checkpointed into one file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.sqlite3"
        with ProgressStore(path) as store:
            info = store.start_round("drill", "exam_one", 1, 40, None, START)
            for number in range(40):
                store.record(
                    Attempt(
                        info.id,
                        f"q{number}",
                        "exam_one",
                        "k",
                        "s",
                        "exam",
                        "one",
                        ("1.1",),
                        "A",
                        "A",
                        True,
                        START,
                    ),
                    [],
                )
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.execute("PRAGMA journal_mode = DELETE")
        return path.read_bytes()


REAL = _real_database()


def opens_or_refuses_cleanly(folder: Path, content: bytes) -> None:
    """The property: the store opens and reads, or refuses with one line naming the file (leaving
    it as it was, when it refuses to open it)."""
    path = folder / "progress.sqlite3"
    path.write_bytes(content)
    try:
        store = ProgressStore(path)
    except ProgressError as error:
        message = str(error)
        assert message.startswith(f"{path}: ") and "\n" not in message
        assert message.endswith(SUGGESTION) or "newer advisor" in message
        assert path.read_bytes() == content
        return
    with store:
        try:
            store.attempts(), store.missed("exam_one"), store.cards(""), store.rounds()
        except ProgressError as error:
            assert str(error).startswith(f"{path}: ") and "\n" not in str(error)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=2048) | st.binary(max_size=512).map(lambda tail: HEADER + tail))
def test_random_bytes(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        opens_or_refuses_cleanly(Path(folder), content)


@settings(max_examples=40, deadline=None)
@given(cut=st.integers(min_value=1, max_value=len(REAL) - 1))
def test_truncated_real_databases(cut: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        opens_or_refuses_cleanly(Path(folder), REAL[:cut])


@settings(max_examples=40, deadline=None)
@given(position=st.integers(min_value=0, max_value=len(REAL) - 1), byte=st.integers(0, 255))
@example(position=60, byte=128)  # found by Hypothesis: a negative schema version (header bytes 60-63)
@example(position=63, byte=0)  # schema version 0 with the tables there: the migration fails
def test_one_damaged_byte(position: int, byte: int) -> None:
    damaged = bytearray(REAL)
    damaged[position] = byte
    with tempfile.TemporaryDirectory() as folder:
        opens_or_refuses_cleanly(Path(folder), bytes(damaged))


def test_the_real_database_itself_opens() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.sqlite3"
        path.write_bytes(REAL)
        with ProgressStore(path) as store:
            assert len(store.attempts()) == 40


@pytest.mark.parametrize("command", [["practice", "--count", "1"], ["practice", "stats"]])
def test_the_command_line_says_one_line_and_exits_2(
    command: list[str],
    _private_data: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _private_data.mkdir()
    path = _private_data / "progress.sqlite3"
    shutil.copyfile(FIXTURE_KB / "rules.yaml", path)  # a file that is not a database
    before = path.read_bytes()
    monkeypatch.setattr("sys.stdin", io.StringIO("A\n"))
    argv = ["--rules", str(FIXTURE_KB), *command]
    if command[-1] != "stats":
        argv += ["--scenarios", str(FIXTURE_SCENARIOS)]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err == f"{path}: not a usable practice database: not an SQLite file {SUGGESTION}\n"
    assert captured.out == ""
    assert path.read_bytes() == before

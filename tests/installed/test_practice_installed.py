"""`advisor practice` as installed, on the shipped bank: a piped round is graded, explained and
recorded; `practice stats` reports it; a round killed with SIGKILL loses no acknowledged answer."""

from __future__ import annotations

import json
import os
import select
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from installed.installed_run import Run

VERDICTS = ("✓ Right", "✗ Not quite")


def test_three_piped_letters_then_stats(advisor: Run, _private_data: Path) -> None:
    practiced = advisor("practice", "--count", "3", stdin="A\nC\nB\n")
    assert practiced.returncode == 0, practiced.stderr
    out = practiced.stdout
    assert sum(out.count(v) for v in VERDICTS) == 3
    assert out.count("Why ") >= 12 and "https://docs.aws.amazon.com/" in out
    assert out.rstrip().splitlines()[-1].startswith("Score: ")
    stats = advisor("practice", "stats", "--format", "json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["attempts"] == 3
    assert (_private_data / "progress.sqlite3").is_file()


def read_until(process: subprocess.Popen[bytes], seen: bytearray, count: int, timeout: float = 60) -> None:
    """Read the process's output into `seen` until `count` answers have been acknowledged."""
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    while sum(seen.decode("utf-8", "replace").count(v) for v in VERDICTS) < count:
        assert time.monotonic() < deadline, f"no acknowledgement in time; output so far:\n{seen.decode()}"
        ready, _, _ = select.select([process.stdout], [], [], 1)
        if ready:
            chunk = os.read(process.stdout.fileno(), 65536)
            assert chunk, f"the round ended early:\n{seen.decode()}"
            seen += chunk


def test_a_killed_round_loses_no_answer(
    advisor: Run, advisor_script: Path, outside: Path, tmp_path: Path, _private_data: Path
) -> None:
    env = {**os.environ, "ADVISOR_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    process = subprocess.Popen(
        [str(advisor_script), "practice", "--mode", "drill", "--count", "10", "--seed", "5"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=outside,
        env=env,
    )
    assert process.stdin is not None
    seen = bytearray()
    try:
        for given, letter in enumerate("BDA", start=1):
            process.stdin.write(f"{letter}\n".encode())
            process.stdin.flush()
            read_until(process, seen, given)  # answered slowly: one letter after each acknowledgement
        os.kill(process.pid, signal.SIGKILL)  # mid-round, while it waits for the fourth answer
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
    assert Path(f"{_private_data / 'progress.sqlite3'}-wal").exists()  # left as the kill left it
    stats = advisor("practice", "stats", "--format", "json")  # opens the database after the kill
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["attempts"] == 3
    with sqlite3.connect(_private_data / "progress.sqlite3") as db:
        chosen = [row[0] for row in db.execute("SELECT chosen FROM attempt ORDER BY id")]
        ended = db.execute("SELECT ended_at FROM round").fetchall()
    assert chosen == ["B", "D", "A"]
    assert ended == [(None,)]  # the round never finished, yet nothing given was lost

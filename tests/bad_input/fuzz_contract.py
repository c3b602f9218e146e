"""The bad-input contract, checked on one run of `advisor.cli.main` in this process.

A run keeps the contract when: it exits 0, 1 or 2 (70 is an internal error: a traceback
hidden behind one line); it ends within HANG_SECONDS of CPU time per input (for `ask`, per
line read); a failure prints exactly one line on stderr, naming the input file, and a
success prints nothing there; `--format json` output parses as strict JSON (no NaN); and
`ask` writes no file whose name does not end in `.yaml` or `.yml`.

Shared by the property tests in this folder and by `bench/fuzz.py`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import io
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from advisor.cli import main
from advisor.knowledge.scenarios import scenario_files
from advisor.resources import rules_dir

from fixtures_path import FIXTURE_KB
from fuzz_inputs import FolderChange, answers_files, ask_streams, knowledge_changes

HANG_SECONDS = 2.0
MAX_ERROR_CHARS = 500
PROBLEMS = ("traceback", "hang", "multi-line error", "other")
"""How a broken contract is counted: the first three are the issue's figures."""


class Hang(BaseException):
    """Raised inside a run that used up its time (a BaseException, so that the CLI's handler
    of unexpected errors cannot turn it into an ordinary exit)."""


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What one run did, and the contract it broke (None when it kept it)."""

    code: int | None
    out: str
    err: str
    seconds: float
    """Most CPU seconds any one input took (for `ask`, any one line)."""
    problem: str | None = None
    detail: str = ""

    def describe(self) -> str:
        return f"{self.problem}: {self.detail} (exit {self.code}; stderr {self.err[:2000]!r})"


def run_cli(
    argv: Sequence[str],
    *,
    stdin: bytes = b"",
    names: Sequence[str] = (),
    json_out: bool = False,
    cwd: Path | None = None,
) -> Outcome:
    """Run `advisor ARGV` with `stdin` as its standard input and judge it; an error message
    must start with one of `names` (`path:` of an input file, or a folder's `name/`)."""
    out, err = io.StringIO(), io.StringIO()
    clock = _Clock()
    before = set(os.listdir(cwd)) if cwd else set()
    code: int | None = None
    crash = ""
    with (
        _working_folder(cwd),
        _fresh_heap(),
        clock,
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        saved_stdin = sys.stdin
        sys.stdin = _TimedStdin(stdin, clock)
        try:
            code = main(list(argv))
        except Hang:
            crash = "hang"
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        except BaseException as error:
            crash = f"{type(error).__name__}: {error}"
        finally:
            sys.stdin = saved_stdin
    written = sorted(set(os.listdir(cwd)) - before) if cwd else []
    outcome = Outcome(code, out.getvalue(), err.getvalue(), clock.longest)
    problem, detail = _judge(outcome, crash, names, json_out, written)
    return dataclasses.replace(outcome, problem=problem, detail=detail)


def _judge(
    outcome: Outcome, crash: str, names: Sequence[str], json_out: bool, written: list[str]
) -> tuple[str | None, str]:
    code, err = outcome.code, outcome.err
    if crash == "hang":
        return "hang", f"more than {HANG_SECONDS} s of CPU for one input"
    if crash or code == 70:
        return "traceback", crash or err.strip()
    if code not in (0, 1, 2):
        return "other", f"exit code {code}"
    if code == 0:
        if err:
            return "other", "a successful run wrote to stderr"
        if json_out and not _is_strict_json(outcome.out):
            return "other", "output is not valid JSON"
    else:
        if err.count("\n") != 1 or not err.endswith("\n"):
            return "multi-line error", f"{err.count(chr(10))} lines on stderr"
        if len(err) > MAX_ERROR_CHARS:
            return "other", f"error line of {len(err)} characters"
        if names and code == 2 and not err.startswith(tuple(names)):
            return "other", "the error does not name the input file"
    stray = [name for name in written if not name.lower().endswith((".yaml", ".yml"))]
    if stray:
        return "other", f"wrote files not named .yaml: {stray[:3]}"
    return None, ""


def _is_strict_json(text: str) -> bool:
    def refuse(constant: str) -> Any:
        raise ValueError(constant)

    try:
        json.loads(text, parse_constant=refuse)
    except ValueError:
        return False
    return True


class _Clock:
    """A CPU-time alarm (ITIMER_PROF: immune to a busy machine) that raises Hang; `restart`
    gives the next input its own HANG_SECONDS and records the longest input so far."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._started = 0.0

    def __enter__(self) -> _Clock:
        self._previous = signal.signal(signal.SIGPROF, self._ring)
        self.restart()
        return self

    def __exit__(self, *exc: object) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, self._previous)
        self._lap()

    def restart(self) -> None:
        self._lap()
        self._started = time.process_time()
        signal.setitimer(signal.ITIMER_PROF, HANG_SECONDS)

    def _lap(self) -> None:
        if self._started:
            self.longest = max(self.longest, time.process_time() - self._started)

    def _ring(self, signum: int, frame: FrameType | None) -> None:
        raise Hang


class _TimedStdin(io.TextIOWrapper):
    """Standard input as the console script has it (strict UTF-8 text over bytes); each line
    read starts a new input for the clock."""

    def __init__(self, data: bytes, clock: _Clock):
        super().__init__(io.BytesIO(data), encoding="utf-8", errors="strict")
        self._clock = clock

    def readline(self, size: int | None = -1, /) -> str:
        self._clock.restart()
        return super().readline(-1 if size is None else size)


@contextlib.contextmanager
def _fresh_heap() -> Iterator[None]:
    """Garbage collection during the run looks only at what the run made, as in a new process
    (not at the test runner's and Hypothesis's objects, which would count against its time)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextlib.contextmanager
def _working_folder(folder: Path | None) -> Iterator[None]:
    if folder is None:
        yield
        return
    previous = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)


# -- one input of each kind -----------------------------------------------------------------


def run_answers_file(content: bytes, fmt: str = "json") -> Outcome:
    """`advisor recommend FILE --format FMT` on an answers file with `content`."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "answers.yaml"
        path.write_bytes(content)
        argv = ["recommend", str(path), "--format", fmt]
        return run_cli(argv, names=[f"{path}:"], json_out=fmt == "json")


def run_knowledge_folder(change: FolderChange, command: str, answers: Path, stream: bytes = b"") -> Outcome:
    """A copy of the shipped rules/ with `change`, used by `recommend` (JSON), `kb validate`
    or `ask`; errors may name any file of the folder, the folder, or the answers file."""
    with tempfile.TemporaryDirectory() as tmp, environment(ADVISOR_NO_CACHE="1"):
        folder = Path(tmp) / "rules"
        shutil.copytree(rules_dir(), folder)
        change.apply(folder)
        argv = {
            "recommend": ["recommend", str(answers), "--format", "json"],
            "validate": ["kb", "validate"],
            "ask": ["ask"],
        }[command]
        names = [f"{folder.name}/", f"{folder}:", f"{answers}:"]
        return run_cli(
            ["--rules", str(folder), *argv],
            stdin=stream,
            names=names,
            json_out=command == "recommend",
            cwd=Path(tmp),
        )


def run_ask_stream(stream: bytes, rules: Path | None = None) -> Outcome:
    """`advisor ask` reading `stream`, in an empty working folder (where it may save)."""
    with tempfile.TemporaryDirectory() as tmp:
        argv = ["--rules", str(rules)] if rules else []
        return run_cli([*argv, "ask"], stdin=stream, cwd=Path(tmp))


@contextlib.contextmanager
def environment(**values: str) -> Iterator[None]:
    """Set environment variables for a block, then put back what was there."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


# -- the kinds, as the tests and bench/fuzz.py run them ------------------------------------


@dataclasses.dataclass(frozen=True)
class Kind:
    """A kind of input: how to generate one, and how to run it through the contract."""

    inputs: st.SearchStrategy[Any]
    run: Callable[[Any], Outcome]


KINDS = {
    "answers": Kind(
        st.tuples(answers_files(), st.sampled_from(["json", "json", "text", "markdown"])),
        lambda example: run_answers_file(*example),
    ),
    "knowledge": Kind(
        st.tuples(
            knowledge_changes(),
            st.sampled_from(["recommend", "recommend", "validate", "ask"]),
            st.sampled_from(scenario_files()),
            ask_streams(),
        ),
        lambda example: run_knowledge_folder(*example),
    ),
    "ask": Kind(
        st.tuples(ask_streams(), st.sampled_from([FIXTURE_KB, FIXTURE_KB, None])),
        lambda example: run_ask_stream(*example),
    ),
}

settings.register_profile(
    "fuzz-ci", max_examples=50, deadline=None, suppress_health_check=list(HealthCheck), print_blob=True
)
"""Bounded for CI (each kind's test sets its own count); the long run is bench/fuzz.py."""

"""One exception tree; every error a user can cause renders as a single line."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


MAX_LINE = 400
"""The longest error line: a message that echoes a huge value is cut in the middle."""

MAX_ECHO = 60
"""The longest echo of a value someone typed (its repr, cut with an ellipsis)."""

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
"""Control characters (every character str.splitlines breaks at is one) and lone surrogates
(undecodable bytes in a file name), which no terminal encoding can print."""


class AdvisorError(Exception):
    """Base of every error the advisor reports to a person.

    `str(error)` is the one-line message, in compiler style: `file:line: what is wrong`.
    """

    exit_code = 2

    def __init__(
        self,
        message: str,
        path: Path | str | None = None,
        line: int | None = None,
        *,
        choices: tuple[str, ...] = (),
    ):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.choices = choices
        super().__init__(self.render())

    def render(self) -> str:
        """The message on one line, then the choices the person can pick from, one per line."""
        where = self.path or ""
        if self.path and self.line:
            where = f"{self.path}:{self.line}"
        head = one_line(f"{where}: {self.message}" if where else self.message)
        return "\n".join([head, *(one_line(choice) for choice in self.choices)])


class InputFileError(AdvisorError):
    """A file could not be read as safe, well-formed YAML (size, encoding, syntax, tags)."""


class KnowledgeError(AdvisorError):
    """The knowledge in rules/ is invalid: schema, unknown ids, bad values, rule cycles."""


class AnswersError(AdvisorError):
    """An answers or scenario file does not fit the questions it answers."""


class TemplateError(AdvisorError):
    """A CloudFormation template cannot be read: syntax, shape or an unknown intrinsic function."""


class UnknownIdError(AdvisorError):
    """A command named a node, rule, question or example that does not exist."""

    exit_code = 1


class ProgressError(AdvisorError):
    """The practice progress database cannot be used (not ours, corrupt, unwritable)."""


class UsageError(AdvisorError):
    """A command was given a combination of arguments it cannot use."""

    exit_code = 1


class EngineError(AdvisorError):
    """Reasoning could not finish (for example a runaway rule chain)."""


def one_line(text: str, limit: int = MAX_LINE) -> str:
    """`text` as one printable line: control characters escaped (`\\n`), and at most `limit`
    characters, cut in the middle so that both the place and the fix stay readable."""
    text = _UNPRINTABLE.sub(lambda match: match.group().encode("unicode_escape").decode(), text)
    if len(text) <= limit:
        return text
    head = limit * 2 // 3
    return f"{text[:head]} … {text[len(text) - (limit - head - 3) :]}"


def echo(value: object, limit: int = MAX_ECHO) -> str:
    """A value someone wrote, for a message: its repr, cut to `limit` characters."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def crash_line(error: BaseException | None, limit: int = 300) -> str:
    """An unexpected exception as `TypeError: message` on one line, at most `limit` characters."""
    if error is None:
        return "unknown error"
    return one_line(" ".join(f"{type(error).__name__}: {error}".split()), limit)

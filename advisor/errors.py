"""One exception tree; every error a user can cause renders as a single line."""

from __future__ import annotations

from pathlib import Path


class AdvisorError(Exception):
    """Base of every error the advisor reports to a person.

    `str(error)` is the one-line message, in compiler style: `file:line: what is wrong`.
    """

    exit_code = 2

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.render())

    def render(self) -> str:
        where = self.path or ""
        if self.path and self.line:
            where = f"{self.path}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


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


def crash_line(error: BaseException | None, limit: int = 300) -> str:
    """An unexpected exception as `TypeError: message` on one line, at most `limit` characters."""
    if error is None:
        return "unknown error"
    text = " ".join(f"{type(error).__name__}: {error}".split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

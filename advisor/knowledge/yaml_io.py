"""The only place YAML is read: safe loading that keeps line numbers and refuses risky input.

Refused, each with a one-line `file:line: message`: files over a size limit, text that is
not UTF-8, syntax errors, tags outside plain YAML (`!!python/object`, custom `!tags`),
duplicate or non-scalar keys, merge keys and aliases (which also rules out "billion laughs"
documents), more than one document, more than MAX_VALUES values, nesting deeper than
MAX_DEPTH, and scalars that are no usable value.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml

try:  # libyaml is ~6x faster than the pure-Python parser and keeps the same marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from advisor.errors import InputFileError, echo

MAX_FILE_BYTES = 5_000_000
"""Knowledge and answer files are small; anything above this is a mistake, not data."""

MAX_DEPTH = 100
"""Deeper nesting is a mistake (the knowledge nests about ten levels), and far deeper would
exhaust the stack of the code that reads it."""

MAX_VALUES = 100_000
"""Every scalar, list and mapping counts; the largest shipped knowledge file holds ~3,000.
Reading stops here, so that a 5 MB list of single digits takes a moment, not 15 seconds."""

MAX_NUMBER_CHARS = 100
"""Integers longer than this are refused before Python converts them (its limit is 4,300 digits)."""

Loc = tuple[Any, ...]

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {"!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp"}
_PLAIN_TAGS = {tag.replace("!!", _CORE) for tag in (*_SCALAR_TAGS, "!!seq", "!!map")}
_STR = f"{_CORE}str"
_NODE_TAGS: dict[type[yaml.Node], set[str]] = {yaml.MappingNode: {"!!map"}, yaml.SequenceNode: {"!!seq"}}
_COLLECTION_STARTS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_KINDS = {"int": "integer", "float": "number", "timestamp": "date", "bool": "yes/no value"}


@dataclass(frozen=True)
class YamlDocument:
    """Parsed YAML plus the line on which every key and list item starts."""

    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Iterable[str | int]) -> int | None:
        """The line of the deepest known prefix of `loc` (a pydantic-style location)."""
        parts = tuple(loc)
        while parts:
            if parts in self.lines:
                return self.lines[parts]
            parts = parts[:-1]
        return self.lines.get(())


def read_yaml(path: Path, *, display: str | None = None, max_bytes: int = MAX_FILE_BYTES) -> YamlDocument:
    """Read one YAML document from `path`; `display` is the path shown in error messages."""
    shown = display or str(path)
    text = _read_text(path, shown, max_bytes)
    loader = _Loader(text)
    builder = _Builder(loader, shown)
    try:
        data = builder.document()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = error.problem or error.context or "invalid YAML"
        start = error.context_mark
        if error.context and start and start.line + 1 != line:
            problem += f" ({error.context} at line {start.line + 1})"
        elif mark:
            problem += f" (column {mark.column + 1})"
        raise InputFileError(f"invalid YAML: {problem}", shown, line) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        code = error.character if isinstance(error.character, int) else ord(error.character)
        raise InputFileError(
            f"invalid YAML: the character U+{code:04X} is not allowed"
            " (remove it, or write it as an escape in double quotes)",
            shown,
            line,
        ) from None
    except yaml.YAMLError as error:
        raise InputFileError(f"invalid YAML: {error}", shown) from None
    finally:
        loader.dispose()
    return YamlDocument(path=path, data=data, lines=builder.lines)


def read_text(path: Path, *, display: str | None = None, max_bytes: int = MAX_FILE_BYTES) -> str:
    """A file's text under the same limits and one-line errors as `read_yaml`, for files
    another parser reads (CloudFormation templates)."""
    return _read_text(path, display or str(path), max_bytes)


def _read_text(path: Path, shown: str, max_bytes: int) -> str:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputFileError(
                f"file is too large ({size / 1e6:.1f} MB, the limit is {max_bytes / 1e6:g} MB);"
                " check that this is the right file",
                shown,
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError("no such file", shown) from None
    except IsADirectoryError:
        raise InputFileError("is a directory, expected a YAML file", shown) from None
    except OSError as error:
        raise InputFileError(f"cannot read file: {error.strerror}", shown) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise InputFileError(
            f"not valid UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8",
            shown,
            line,
        ) from None


class _Builder:
    """Builds plain Python data straight from the parser's events (no node tree), so that
    every problem has a line and the work is bounded: aliases, foreign tags, non-scalar or
    duplicate keys, more than one document, more than MAX_VALUES values, nesting deeper than
    MAX_DEPTH, and scalars that are no usable value (a 5,000-digit integer, `.nan`, `1e999`,
    the date 2024-13-45)."""

    def __init__(self, loader: _Loader, shown: str):
        self.loader = loader
        self.shown = shown
        self.lines: dict[Loc, int] = {}
        self.count = 0
        self._resolved: dict[tuple[Any, ...], str] = {}
        """(node kind, value, implicit) -> its checked tag: most scalars repeat (ids, yes/no)."""

    def fail(self, message: str, line: int) -> NoReturn:
        raise InputFileError(message, self.shown, line)

    def document(self) -> Any:
        """The stream's one document (None for an empty stream)."""
        self.loader.get_event()  # stream start
        if self.loader.check_event(yaml.StreamEndEvent):
            return None
        self.loader.get_event()  # document start
        data = self.value(())
        self.loader.get_event()  # document end
        if not self.loader.check_event(yaml.StreamEndEvent):
            line = _line(self.loader.peek_event())
            self.fail("a second YAML document starts here (keep one document per file)", line)
        return data

    def value(self, loc: Loc) -> Any:
        """The next value in the stream, found at `loc`."""
        event: Any = self.loader.get_event()
        line = event.start_mark.line + 1
        self.lines.setdefault(loc, line)
        kind = type(event)
        if kind is yaml.AliasEvent:
            self.fail("YAML aliases (*name) are not allowed; write the value out", line)
        self.count += 1
        if self.count > MAX_VALUES:
            self.fail(f"more than {MAX_VALUES:,} values (check that this is the right file)", line)
        if len(loc) > MAX_DEPTH:
            self.fail(f"nested more than {MAX_DEPTH} levels deep (flatten the structure)", line)
        if kind is yaml.ScalarEvent:
            return self._scalar(event, line)
        if kind is yaml.SequenceStartEvent:
            self._tag(event, yaml.SequenceNode, line)
            items: list[Any] = []
            while not self.loader.check_event(yaml.SequenceEndEvent):
                items.append(self.value((*loc, len(items))))
            self.loader.get_event()
            return items
        self._tag(event, yaml.MappingNode, line)
        return self._mapping(loc)

    def _tag(self, event: Any, kind: type[yaml.Node], line: int) -> str:
        """The event's tag, resolved as the safe loader would; refused unless plain YAML."""
        tag: str = event.tag
        if tag is not None and tag != "!":
            return self._checked(tag, kind, line)
        key = (kind, getattr(event, "value", None), event.implicit)
        known = self._resolved.get(key)
        if known is None:
            resolved = self.loader.resolve(kind, key[1], event.implicit)  # type: ignore[no-untyped-call]
            known = self._resolved[key] = self._checked(resolved, kind, line)
        return known

    def _checked(self, tag: str, kind: type[yaml.Node], line: int) -> str:
        short = tag.replace(_CORE, "!!")
        if short == "!!merge":
            self.fail("YAML merge keys (<<) are not allowed; write the keys out", line)
        if tag not in _PLAIN_TAGS:
            self.fail(
                f"unsafe or unknown YAML tag '{short}'; only plain YAML is allowed, remove the tag", line
            )
        if short not in _NODE_TAGS.get(kind, _SCALAR_TAGS):
            self.fail(f"the tag '{short}' does not fit this value (remove the tag)", line)
        return tag

    def _mapping(self, loc: Loc) -> dict[Any, Any]:
        loader = self.loader
        key_loc = (*loc, "<key>")
        data: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        while not loader.check_event(yaml.MappingEndEvent):
            event: Any = loader.peek_event()
            key_line = event.start_mark.line + 1
            if type(event) in _COLLECTION_STARTS:
                kind = "list" if type(event) is yaml.SequenceStartEvent else "mapping"
                self.fail(
                    f"a key must be a single value, not a {kind} (write the key as plain text)", key_line
                )
            key = self.value(key_loc)
            if key in first_line:
                self.fail(f"duplicate key {echo(key)} (first at line {first_line[key]})", key_line)
            first_line[key] = key_line
            at = (*loc, key)
            self.lines[at] = key_line
            data[key] = self.value(at)
        loader.get_event()
        return data

    def _scalar(self, event: Any, line: int) -> Any:
        tag = self._tag(event, yaml.ScalarNode, line)
        if tag == _STR:
            return event.value
        kind = tag.removeprefix(_CORE)
        if kind == "int" and len(event.value) > MAX_NUMBER_CHARS:
            digits = len(event.value)
            self.fail(
                f"a number of {digits} characters is too long (write at most {MAX_NUMBER_CHARS} digits)", line
            )
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
        try:
            value = self.loader.construct_object(node)
        except (ArithmeticError, AttributeError, LookupError, ValueError):  # e.g. `!!bool maybe`
            what = _KINDS.get(kind, kind)
            self.fail(f"{echo(event.value)} is not a valid {what} (fix it, or quote it to mean text)", line)
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(f"{echo(event.value)} is not a finite number (write a number such as 12.5)", line)
        return value


def _line(event: Any) -> int:
    """The 1-based line on which a parser event starts."""
    return int(event.start_mark.line) + 1

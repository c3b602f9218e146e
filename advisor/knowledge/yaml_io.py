"""The only place YAML is read: safe loading that keeps line numbers and refuses risky input.

Refused, each with a one-line `file:line: message`: files over a size limit, text that is
not UTF-8, syntax errors, tags outside plain YAML (`!!python/object`, custom `!tags`),
duplicate or non-scalar keys, merge keys and aliases (which also rules out "billion laughs"
documents), nesting deeper than MAX_DEPTH, and scalars that are no usable value.
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

MAX_NUMBER_CHARS = 100
"""Integers longer than this are refused before Python converts them (its limit is 4,300 digits)."""

Loc = tuple[Any, ...]

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {"!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp"}
_PLAIN_TAGS = {tag.replace("!!", _CORE) for tag in (*_SCALAR_TAGS, "!!seq", "!!map")}
_NODE_TAGS: dict[type[yaml.Node], set[str]] = {yaml.MappingNode: {"!!map"}, yaml.SequenceNode: {"!!seq"}}
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
        node = loader.get_single_node()
        data = builder.build(node, ()) if node is not None else None
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
    """Builds plain Python data from the composed tree, node by node, so that every problem
    has a line: aliases, foreign tags, non-scalar or duplicate keys, deep nesting, and scalars
    that are no usable value (a 5,000-digit integer, `.nan`, `1e999`, the date 2024-13-45).

    An alias composes to the very node its anchor made, so a node seen twice is an alias.
    """

    def __init__(self, loader: _Loader, shown: str):
        self.loader = loader
        self.shown = shown
        self.lines: dict[Loc, int] = {}
        self.seen: set[int] = set()

    def fail(self, message: str, line: int) -> NoReturn:
        raise InputFileError(message, self.shown, line)

    def build(self, node: yaml.Node, loc: Loc, at: int | None = None) -> Any:
        """The value of `node` at `loc`; `at` is the line of the key or item that refers to it."""
        line = node.start_mark.line + 1
        if id(node) in self.seen:
            self.fail("YAML aliases (*name) are not allowed; write the value out", at or line)
        self.seen.add(id(node))
        self.lines.setdefault(loc, line)
        self._check_tag(node, line)
        if len(loc) > MAX_DEPTH:
            self.fail(f"nested more than {MAX_DEPTH} levels deep (flatten the structure)", line)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, index), line) for index, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node, line)

    def _check_tag(self, node: yaml.Node, line: int) -> None:
        tag = node.tag.replace(_CORE, "!!")
        if tag == "!!merge":
            self.fail("YAML merge keys (<<) are not allowed; write the keys out", line)
        if node.tag not in _PLAIN_TAGS:
            self.fail(f"unsafe or unknown YAML tag '{tag}'; only plain YAML is allowed, remove the tag", line)
        if tag not in _NODE_TAGS.get(type(node), _SCALAR_TAGS):
            self.fail(f"the tag '{tag}' does not fit this value (remove the tag)", line)

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[Any, Any]:
        data: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                kind = "list" if isinstance(key_node, yaml.SequenceNode) else "mapping"
                self.fail(
                    f"a key must be a single value, not a {kind} (write the key as plain text)", key_line
                )
            key = self.build(key_node, (*loc, "<key>"))
            if key in first_line:
                self.fail(f"duplicate key {echo(key)} (first at line {first_line[key]})", key_line)
            first_line[key] = key_line
            self.lines[(*loc, key)] = key_line
            data[key] = self.build(value_node, (*loc, key), key_line)
        return data

    def _scalar(self, node: yaml.ScalarNode, line: int) -> Any:
        kind = node.tag.removeprefix(_CORE)
        if kind == "int" and len(node.value) > MAX_NUMBER_CHARS:
            self.fail(
                f"a number of {len(node.value)} characters is too long"
                f" (write at most {MAX_NUMBER_CHARS} digits)",
                line,
            )
        try:
            value = self.loader.construct_object(node)
        except (ArithmeticError, AttributeError, LookupError, ValueError):  # e.g. `!!bool maybe`
            what = _KINDS.get(kind, kind)
            self.fail(f"{echo(node.value)} is not a valid {what} (fix it, or quote it to mean text)", line)
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(f"{echo(node.value)} is not a finite number (write a number such as 12.5)", line)
        return value

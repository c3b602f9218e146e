"""The only place YAML is read: safe loading that keeps line numbers and refuses risky input.

Refused, each with a one-line `file:line: message`: files over a size limit, text that is
not UTF-8, syntax errors, tags outside plain YAML (`!!python/object`, custom `!tags`),
duplicate keys, merge keys and aliases (which also rules out "billion laughs" documents).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is ~6x faster than the pure-Python parser and keeps the same marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from advisor.errors import InputFileError

MAX_FILE_BYTES = 5_000_000
"""Knowledge and answer files are small; anything above this is a mistake, not data."""

Loc = tuple[str | int, ...]

_CORE = "tag:yaml.org,2002:"
_PLAIN_TAGS = {
    f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}


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
    try:
        node = loader.get_single_node()
        lines: dict[Loc, int] = {}
        if node is not None:
            _check(node, (), lines, set(), shown)
            data = loader.construct_document(node)
        else:
            data = None
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
    except yaml.YAMLError as error:
        raise InputFileError(f"invalid YAML: {error}", shown) from None
    finally:
        loader.dispose()
    return YamlDocument(path=path, data=data, lines=lines)


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


def _check(
    node: yaml.Node,
    loc: Loc,
    lines: dict[Loc, int],
    seen: set[int],
    shown: str,
    at: int | None = None,
) -> None:
    """Walk the composed tree: record lines, refuse aliases, foreign tags and duplicate keys.

    An alias composes to the very node its anchor made, so a node seen twice is an alias;
    `at` is the line of the key or item that refers to it.
    """
    line = node.start_mark.line + 1
    if id(node) in seen:
        line = at or line
        raise InputFileError("YAML aliases (*name) are not allowed; write the value out", shown, line)
    seen.add(id(node))
    lines.setdefault(loc, line)
    if node.tag not in _PLAIN_TAGS:
        tag = node.tag.replace(_CORE, "!!")
        if tag == "!!merge":
            message = "YAML merge keys (<<) are not allowed; write the keys out"
        else:
            message = f"unsafe or unknown YAML tag '{tag}'; only plain YAML is allowed, remove the tag"
        raise InputFileError(message, shown, line)
    if isinstance(node, yaml.MappingNode):
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            _check(key_node, (*loc, "<key>"), {}, seen, shown)
            key = key_node.value
            key_line = key_node.start_mark.line + 1
            if key in first_line:
                raise InputFileError(
                    f"duplicate key '{key}' (first at line {first_line[key]})", shown, key_line
                )
            first_line[key] = key_line
            lines[(*loc, key)] = key_line
            _check(value_node, (*loc, key), lines, seen, shown, key_line)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _check(item, (*loc, index), lines, seen, shown, line)

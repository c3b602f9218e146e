"""Read every YAML file under rules/ into one validated KnowledgeDocument, or fail at file:line."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from advisor.errors import AdvisorError, KnowledgeError, echo
from advisor.knowledge import models
from advisor.knowledge.models.base import ID_PATTERN, Model, yaml_key
from advisor.knowledge.models.knowledge_file import SECTIONS, KnowledgeDocument, KnowledgeFile
from advisor.knowledge.models.question import UNIT_PATTERN
from advisor.knowledge.spelling import suggest
from advisor.knowledge.yaml_io import Loc, YamlDocument, read_yaml

_UNION_TAGS = {
    "all",
    "any",
    "not",
    "fact",
    "trait",
    "relation",
    "recommend",
    "exclude",
    "derive",
    "warn",
    "pick",
    "design",
    "uses",
    "not_needed",
    "diagnose",
}


REQUIRED_SECTIONS = ("stages", "questions", "nodes", "rules")
"""Knowledge without any of these can recommend nothing: an empty or wrong folder."""


@dataclass(frozen=True)
class Origin:
    """Where an item of the knowledge was written: its file and its location in that file."""

    document: YamlDocument
    display: str
    loc: Loc
    label: str
    """What the item is, for messages: `rule ING-004`, `node amazon_s3`."""

    def line(self, *sub: str | int) -> int | None:
        return self.document.line_of((*self.loc, *sub))


M = TypeVar("M", bound=Model)

Origins = dict[tuple[str, str], Origin]
"""(section, id) -> where that item is defined."""


def knowledge_files(rules_dir: Path) -> list[Path]:
    """Every knowledge file, in a stable order."""
    return sorted(path for path in rules_dir.rglob("*.yaml") if path.is_file())


def display_path(path: Path, rules_dir: Path) -> str:
    """`rules/graph/ingestion.yaml`-style path for messages."""
    try:
        return str(Path(rules_dir.name) / path.relative_to(rules_dir))
    except ValueError:
        return str(path)


def read_knowledge(rules_dir: Path) -> tuple[KnowledgeDocument, Origins]:
    """Parse and schema-check each file, then merge; ids are cross-checked separately."""
    if not rules_dir.is_dir():
        raise KnowledgeError("knowledge folder not found (expected a folder of YAML files)", rules_dir)
    files = knowledge_files(rules_dir)
    if not files:
        raise KnowledgeError("no .yaml files in the knowledge folder", rules_dir)
    merged: dict[str, list[Any]] = {section: [] for section in SECTIONS}
    origins: Origins = {}
    for path in files:
        shown = display_path(path, rules_dir)
        document = read_yaml(path, display=shown)
        part = validate_model(KnowledgeFile, document, shown)
        for section in SECTIONS:
            for index, item in enumerate(getattr(part, section)):
                key = (section, item.id)
                label = f"{section.removesuffix('s')} {item.id}"
                origin = Origin(document, shown, (section, index), label)
                if key in origins:
                    first = origins[key]
                    raise KnowledgeError(
                        f"duplicate {section.removesuffix('s')} id '{item.id}' (first defined at "
                        f"{first.display}:{first.line()})",
                        shown,
                        origin.line("id"),
                    )
                origins[key] = origin
                merged[section].append(item)
    for section in REQUIRED_SECTIONS:
        if not merged[section]:
            raise KnowledgeError(
                f"the knowledge defines no {section} (a knowledge folder needs at least one of each:"
                f" {', '.join(REQUIRED_SECTIONS)})",
                rules_dir,
            )
    return KnowledgeDocument(**merged), origins


def validate_model(
    model: type[M], document: YamlDocument, shown: str, error: type[AdvisorError] = KnowledgeError
) -> M:
    """Validate parsed YAML against a schema model; the first error becomes file:line: message."""
    data = document.data if document.data is not None else {}
    if not isinstance(data, dict):
        raise error(f"expected a mapping at the top level, got {type(data).__name__}", shown, 1)
    from pydantic import ValidationError  # imported only when a file needs it: it is slow

    try:
        return model.validate(data)
    except ValidationError as problem:
        first = problem.errors(include_url=False)[0]
        if first["type"] == "invalid_key":  # pydantic names the key by str(key): find the key itself
            first["loc"] = (*first["loc"][:-1], first["input"])
        loc = clean_loc(data, first["loc"])
        message = describe_error(first, loc, _keys_of(model))
        raise error(message, shown, document.line_of(loc)) from None


def clean_loc(data: Any, loc: tuple[Any, ...]) -> Loc:
    """Drop the union tags pydantic inserts into error locations, keeping the real data path."""
    path: list[str | int] = []
    current = data
    parts = list(loc)
    for index, part in enumerate(parts):
        following = parts[index + 1] if index + 1 < len(parts) else None
        if isinstance(current, dict) and part in _UNION_TAGS and following in current:
            continue
        if (isinstance(current, dict) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and part < len(current)
        ):
            current = current[part]
        elif part in _UNION_TAGS or part == "in_":
            continue
        path.append(part)
    return tuple(path)


def format_loc(loc: Loc) -> str:
    """`nodes[3].traits.latency_floor` from ('nodes', 3, 'traits', 'latency_floor')."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def describe_error(error: Any, loc: Loc, known_keys: Sequence[str] | None = None) -> str:
    """A readable message for one pydantic error."""
    where = format_loc(loc)
    kind = error["type"]
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        key = str(loc[-1]) if loc else "?"
        parent = format_loc(loc[:-1])
        top = list(known_keys or ())
        if len(loc) == 1:  # a file's top level: only its own sections are a fix
            return f"unknown key {echo(key)}" + (suggest(key, top) or f" (expected one of: {', '.join(top)})")
        hint = suggest(key, _schema_keys() - set(top) - {key})
        return f"unknown key {echo(key)}" + (f" in {parent}" if parent else "") + hint
    if kind == "invalid_key" or loc[-1:] == ("[key]",):
        parent = format_loc(loc[:-2] if kind != "invalid_key" else loc[:-1])
        return (
            f"the key {echo(error['input'])}"
            + (f" in {parent}" if parent else "")
            + " is not text (quote it)"
        )
    if kind == "missing":
        parent = format_loc(loc[:-1])
        return f"missing required key '{loc[-1]}'" + (f" in {parent}" if parent else "")
    message = str(error["msg"]).removeprefix("Value error, ")
    if kind in _EXPECTED:
        message = f"expected {_EXPECTED[kind]}, got {echo(error['input'])}"
    elif message.startswith("Input should be "):
        message = f"must be {message.removeprefix('Input should be ')}, got {echo(error['input'])}"
    if kind == "string_pattern_mismatch":
        pattern = str(error.get("ctx", {}).get("pattern", ""))
        message = _PATTERN_HINTS.get(pattern, message) + f", got {echo(error['input'])}"
    return f"{where}: {message}" if where else message


_EXPECTED = {
    "int_type": "a whole number",
    "float_type": "a number",
    "string_type": "text",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "dataclass_type": "a mapping",
    "date_type": "a date like 2024-01-31",
}
"""What a value of the wrong type should have been, by pydantic error type."""

_PATTERN_HINTS = {
    ID_PATTERN: "must be a lowercase snake_case id",
    r"^[A-Z]{3}-\d{3}$": "must be a rule id like ING-004",
    r"^[1-4]\.[1-9]$": "must be an exam task statement like 1.2",
    r"^https://[^\s]+$": "must be an https:// URL",
    r"^([a-z][a-z0-9_]*|\{node\})$": "must be a node id or {node}",
    UNIT_PATTERN: "must be a unit like MB or labelled examples (words with single spaces, not starting"
    " with a digit)",
}


def _schema_keys() -> set[str]:
    keys: set[str] = set()
    for value in vars(models).values():
        if isinstance(value, type) and issubclass(value, Model) and dataclasses.is_dataclass(value):
            keys.update(_keys_of(value))
    return keys


def _keys_of(model: type[Model]) -> list[str]:
    """The YAML keys of a schema model: its fields, by alias where a field has one."""
    return [yaml_key(field) for field in dataclasses.fields(model)]  # type: ignore[arg-type]

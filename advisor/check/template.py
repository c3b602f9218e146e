"""A CloudFormation template read as a design, through the `cloudformation:` mappings in rules/.

Templates are decoded by cfn-lint's decoder (YAML or JSON, every intrinsic-function tag),
never by a plain YAML loader; a template that cannot be read is one line, `file:line: what`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advisor.check.design import Choice, Location, Unmapped
from advisor.engine.operators import OPERATORS
from advisor.errors import TemplateError
from advisor.knowledge.models import PropertyTest
from advisor.knowledge.yaml_io import read_text
from advisor.resources import shown_path

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase

INTRINSIC_FUNCTIONS = frozenset(
    {
        "Fn::And",
        "Fn::Base64",
        "Fn::Cidr",
        "Fn::Equals",
        "Fn::FindInMap",
        "Fn::GetAZs",
        "Fn::GetAtt",
        "Fn::If",
        "Fn::ImportValue",
        "Fn::Join",
        "Fn::Length",
        "Fn::Not",
        "Fn::Or",
        "Fn::Select",
        "Fn::Split",
        "Fn::Sub",
        "Fn::ToJsonString",
        "Fn::Transform",
    }
)
"""Every `Fn::` function CloudFormation knows (plus `Ref` and `Condition`, which need no prefix)."""
FOR_EACH = "Fn::ForEach::"
NO_VALUE = "AWS::NoValue"


class Unknown:
    """A property value only known when the stack is deployed (`!GetAtt`, `!Sub`, `!ImportValue`…)."""

    def __repr__(self) -> str:
        return "<unknown>"


UNKNOWN = Unknown()


@dataclass(frozen=True)
class TemplateDesign:
    """What a template says about the design: choices (with resource and line) and the
    resources the knowledge does not read."""

    choices: tuple[Choice, ...]
    unmapped: tuple[Unmapped, ...]


def read_template(kb: KnowledgeBase, path: Path) -> TemplateDesign:
    """Decode the template and read each resource through the knowledge's mappings."""
    shown = shown_path(path)
    template = decode(read_text(path, display=shown), shown)
    resources = _resources(template, shown)
    defaults = _parameter_defaults(template)
    choices: list[Choice] = []
    unmapped: list[Unmapped] = []
    for name, resource in resources.items():
        kind = resource["Type"]
        where = Location(shown, _line(name) or _line(resource), resource=str(name))
        mappings = kb.cloudformation.get(kind)
        if not mappings:
            unmapped.append(Unmapped(str(name), kind, where))
            continue
        properties = resource.get("Properties")
        properties = properties if isinstance(properties, Mapping) else {}
        for mapping in mappings:
            if all(holds(test, properties, defaults) for test in mapping.when):
                choices.extend(Choice(stage, node, (where,)) for stage, node in mapping.design.items())
    return TemplateDesign(tuple(choices), tuple(unmapped))


def decode(text: str, shown: str) -> dict[str, Any]:
    """The template as data (with line marks), or TemplateError naming the line."""
    logging.getLogger("cfnlint").addHandler(logging.NullHandler())  # its parse errors are ours to report
    from cfnlint.decode import decode_str

    template, matches = decode_str(text)
    if matches:
        first = matches[0]
        message = " ".join(str(first.message).split("\n")[0].split())
        raise TemplateError(f"invalid template: {message}", shown, first.linenumber or None)
    if not isinstance(template, dict):
        raise TemplateError("a template is a mapping with a 'Resources' section", shown, 1)
    _check_functions(template, shown)
    return template


def _resources(template: Mapping[str, Any], shown: str) -> Mapping[str, Any]:
    resources = template.get("Resources")
    if not isinstance(resources, Mapping) or not resources:
        where = _line(next((k for k in template if k == "Resources"), None)) or 1
        raise TemplateError("a template needs a 'Resources' mapping with at least one resource", shown, where)
    for name, resource in resources.items():
        if not isinstance(resource, Mapping) or not isinstance(resource.get("Type"), str):
            raise TemplateError(f"Resources.{name}: a resource needs a 'Type' (text)", shown, _line(name))
    return resources


def _check_functions(template: Any, shown: str) -> None:
    """Refuse intrinsic functions CloudFormation does not have (`!Foo` decodes to `Fn::Foo`)."""
    pending = [template]
    while pending:
        item = pending.pop()
        if isinstance(item, Mapping):
            for key, value in item.items():
                if _unknown_function(key):
                    name = str(key).removeprefix("Fn::")
                    raise TemplateError(
                        f"unknown intrinsic function '{key}' (!{name}); see the CloudFormation"
                        " intrinsic function reference",
                        shown,
                        _line(key) or _line(item),
                    )
                pending.append(value)
        elif isinstance(item, list):
            pending.extend(item)


def _unknown_function(key: Any) -> bool:
    return (
        isinstance(key, str)
        and key.startswith("Fn::")
        and key not in INTRINSIC_FUNCTIONS
        and not key.startswith(FOR_EACH)
    )


def _parameter_defaults(template: Mapping[str, Any]) -> dict[str, Any]:
    parameters = template.get("Parameters")
    if not isinstance(parameters, Mapping):
        return {}
    return {
        str(name): spec["Default"]
        for name, spec in parameters.items()
        if isinstance(spec, Mapping) and "Default" in spec
    }


def _line(item: Any) -> int | None:
    """The 1-based line where a decoded key or value starts, when the decoder marked it."""
    mark = getattr(item, "start_mark", None)
    return mark.line + 1 if mark is not None else None


# -- property tests ------------------------------------------------------------------------------


def holds(test: PropertyTest, properties: Mapping[str, Any], defaults: Mapping[str, Any]) -> bool:
    """Does some value at the test's property path pass it? `known: false`: none is set."""
    values = list(values_at(properties, test.path.split("."), defaults))
    if test.operator == "known":
        return bool(values) == test.known
    return any(_compare(test.operator, value, test.operand) for value in values)


def values_at(item: Any, path: list[str], defaults: Mapping[str, Any]) -> Iterator[Any]:
    """Every value at `path` below `item`: lists are searched item by item, `!If` both ways,
    `!Ref` of a parameter gives its default; `!Ref AWS::NoValue` is no value."""
    for value in _resolved(item, defaults):
        if not path:
            yield value
        elif isinstance(value, list):  # a list of property objects (a list in a list is not one)
            for element in value:
                if not isinstance(element, list):
                    yield from values_at(element, path, defaults)
        elif isinstance(value, Mapping) and path[0] in value:
            yield from values_at(value[path[0]], path[1:], defaults)


MAX_DEPTH = 32
"""Nested `!If`s deeper than this are read as values known only at deploy time."""


def _resolved(value: Any, defaults: Mapping[str, Any], depth: int = 0) -> Iterator[Any]:
    if isinstance(value, Mapping) and len(value) == 1:
        ((function, argument),) = value.items()
        if function == "Ref":
            if argument == NO_VALUE:
                return
            yield defaults.get(str(argument), UNKNOWN)
            return
        if function == "Fn::If" and isinstance(argument, list) and len(argument) == 3:
            for branch in argument[1:]:
                yield from _resolved(branch, defaults, depth + 1) if depth < MAX_DEPTH else [UNKNOWN]
            return
        if function in INTRINSIC_FUNCTIONS:
            yield UNKNOWN
            return
    yield value


def _compare(operator: str, value: Any, operand: Any) -> bool:
    """A property value against an operand; values only known at deploy time pass no test."""
    if isinstance(value, Unknown) or (isinstance(value, Mapping | list) and operator != "contains"):
        return False
    value = _like(value, operand[0] if isinstance(operand, list) and operand else operand)
    if operator in ("lt", "le", "gt", "ge") and not isinstance(value, int | float):
        return False
    if operator == "contains":
        return isinstance(value, str | list) and operand in value
    try:
        return bool(OPERATORS[operator](value, operand))
    except TypeError:
        return False


def _like(value: Any, operand: Any) -> Any:
    """Templates often quote booleans and numbers ("true", "24"); read them as the operand's type."""
    if not isinstance(value, str):
        return value
    if isinstance(operand, bool):
        lowered = value.lower()
        return lowered == "true" if lowered in ("true", "false") else value
    if isinstance(operand, int | float):
        try:
            return float(value)
        except ValueError:
            return value
    return str(value)

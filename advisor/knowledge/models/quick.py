"""Accept well-formed small files without importing pydantic; leave everything else to pydantic.

Importing pydantic and building a validator costs more than the rest of `advisor recommend`.
An answers file is small and nearly always well formed, so `quick_validate` checks the few
shapes such files use (text, ids, literals, lists, mappings, optional values, nested models)
exactly as the strict pydantic validator would, and returns None whenever it is unsure:
a value it cannot vouch for, an annotation it does not know, a failed check. The caller then
asks pydantic, which gives the same result or the error message. So this is a shortcut to
pydantic's answer, never a second opinion (a property test holds it to that).
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from advisor.knowledge.models.base import Deferred, Model, yaml_key

M = TypeVar("M", bound=Model)

Check = Callable[[Any], Any]
"""Returns the validated value, or raises _UnsureError."""


class _UnsureError(Exception):
    """pydantic must decide: the value may be wrong, or the shape is not one handled here."""


def quick_validate(model: type[M], data: Any) -> M | None:
    """`model` validated from `data` as pydantic would, or None when pydantic must decide."""
    try:
        return _model_check(model)(data)  # type: ignore[no-any-return]
    except _UnsureError:
        return None


_checks: dict[type, Check] = {}


def _model_check(model: type[Model]) -> Check:
    if model not in _checks:
        try:
            _checks[model] = _build_model_check(model)
        except _UnsureError:  # a shape this module does not handle: always ask pydantic
            _checks[model] = _always_unsure
    return _checks[model]


def _always_unsure(value: Any) -> Any:
    raise _UnsureError


def _build_model_check(model: type[Model]) -> Check:
    try:
        hints = typing.get_type_hints(model, include_extras=True)
    except Exception:  # a name only a type checker sees: leave the model to pydantic
        raise _UnsureError from None
    fields = []
    for field in dataclasses.fields(model):  # type: ignore[arg-type]
        constraints = {key: value for key, value in field.metadata.items() if key != "alias"}
        if set(constraints) - {"min_length"}:
            raise _UnsureError
        key = yaml_key(field)
        required = field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
        minimum = constraints.get("min_length", 0)
        fields.append((key, field.name, _check(hints[field.name]), minimum, required))

    known = {key for key, *_ in fields}

    def check(value: Any) -> Any:
        if type(value) is not dict or not known.issuperset(value):
            raise _UnsureError
        arguments = {}
        for key, name, check_field, min_length, required in fields:
            if key in value:
                checked = check_field(value[key])
                if min_length and len(checked) < min_length:
                    raise _UnsureError
                arguments[name] = checked
            elif required:
                raise _UnsureError
        try:
            return model(**arguments)
        except ValueError:  # a check across fields (__post_init__) failed
            raise _UnsureError from None

    return check


def _check(annotation: Any) -> Check:
    """The check of one annotation; raises _UnsureError for an annotation this module does not know."""
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if annotation is Any:
        return lambda value: value
    if annotation in (str, bool, int):
        return _exact(annotation)
    if annotation is type(None):
        return _exact(type(None))
    if isinstance(annotation, type) and issubclass(annotation, Model):

        def nested(value: Any) -> Any:  # built when first used
            return _model_check(annotation)(value)

        return nested
    if origin is typing.Literal:
        return _literal(arguments)
    if origin in (typing.Union, types.UnionType):
        return _union([_check(member) for member in arguments])
    if origin is list:
        return _list(_check(arguments[0]))
    if origin is dict:
        return _dict(_check(arguments[0]), _check(arguments[1]))
    if origin is typing.Annotated:
        return _annotated(_check(arguments[0]), annotation.__metadata__)
    raise _UnsureError


def _exact(kind: type) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not kind:
            raise _UnsureError
        return value

    return check


def _literal(allowed: tuple[Any, ...]) -> Check:
    def check(value: Any) -> Any:
        if not any(type(value) is type(option) and value == option for option in allowed):
            raise _UnsureError
        return value

    return check


def _union(members: list[Check]) -> Check:
    """Exactly one member must accept the value; two would need pydantic's tie-break."""

    def check(value: Any) -> Any:
        accepted = []
        for member in members:
            try:
                accepted.append(member(value))
            except _UnsureError:
                continue
        if len(accepted) != 1:
            raise _UnsureError
        return accepted[0]

    return check


def _list(item: Check) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not list:
            raise _UnsureError
        return [item(member) for member in value]

    return check


def _dict(key: Check, item: Check) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not dict:
            raise _UnsureError
        return {key(name): item(member) for name, member in value.items()}

    return check


def _annotated(inner: Check, metadata: tuple[Any, ...]) -> Check:
    before: list[Callable[[Any], Any]] = []
    after: list[Check] = []
    for item in metadata:
        if not isinstance(item, Deferred):
            raise _UnsureError
        if item.name == "BeforeValidator":
            before.append(item.args[0])
        elif item.name == "StringConstraints":
            after.append(_string(**item.kwargs))
        else:
            raise _UnsureError

    def check(value: Any) -> Any:
        for function in before:
            try:
                value = function(value)
            except ValueError:
                raise _UnsureError from None
        value = inner(value)
        for constraint in after:
            value = constraint(value)
        return value

    return check


ASCII_WHITESPACE = " \t\n\r\x0b\x0c"
"""What pydantic-core (Rust's `trim`) strips among ASCII characters; Python's `strip()` would
also strip \\x1c-\\x1f."""


def _string(pattern: str | None = None, min_length: int = 0, strip_whitespace: bool = False) -> Check:
    """Text as pydantic-core checks it. A pattern is matched only on ASCII text without line
    breaks, and only ASCII ends are stripped: Rust's and Python's regular expressions (`$`,
    `\\s`, `\\d`) and ideas of whitespace differ beyond that."""
    compiled = re.compile(pattern) if pattern else None

    def check(value: Any) -> Any:
        if type(value) is not str:
            raise _UnsureError
        if strip_whitespace:
            value = value.strip(ASCII_WHITESPACE)
            if not (value[:1].isascii() and value[-1:].isascii()):  # maybe Unicode whitespace
                raise _UnsureError
        if len(value) < min_length:
            raise _UnsureError
        if compiled is not None and not (value.isascii() and "\n" not in value and compiled.search(value)):
            raise _UnsureError
        return value

    return check

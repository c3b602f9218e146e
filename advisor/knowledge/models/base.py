"""The schema's base class, its pydantic settings and the constrained id types.

Schema models are frozen standard-library dataclasses, not pydantic models: pydantic builds
their validators when YAML is first checked (`validator`), and nothing else imports it. A
knowledge base read back from the cache, a run and its report therefore never import pydantic,
which costs more than half of a short command's start-up.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, TypeVar, dataclass_transform

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, TypeAdapter
    from pydantic_core import CoreSchema

M = TypeVar("M")


class Deferred:
    """A pydantic annotation (`StringConstraints(...)`, `Tag(...)`, ...) written without importing
    pydantic: it is built, by name, when pydantic first builds a validator that uses it."""

    def __init__(self, name: str, *args: Any, **kwargs: Any):
        self.name, self.args, self.kwargs = name, args, kwargs

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        import pydantic

        real = getattr(pydantic, self.name)(*self.args, **self.kwargs)
        own = getattr(real, "__get_pydantic_core_schema__", None)
        if own is not None:  # Tag, Discriminator, BeforeValidator: they apply themselves
            return own(source, handler)  # type: ignore[no-any-return]
        return handler.generate_schema(Annotated[source, real])  # constraints pydantic knows


def constrained(**constraints: Any) -> Deferred:
    """String constraints: `pattern`, `min_length`, `strip_whitespace`."""
    return Deferred("StringConstraints", **constraints)


def bounded(**bounds: Any) -> Deferred:
    """Number or length bounds: `gt`, `ge`, `le`, `min_length`."""
    return Deferred("Field", **bounds)


def tag(name: str) -> Deferred:
    """The member of a tagged union that `key_discriminator` calls `name`."""
    return Deferred("Tag", name)


ID_PATTERN = r"^[a-z][a-z0-9_]*$"
Id = Annotated[str, constrained(pattern=ID_PATTERN)]
"""Node, question, stage, scale, trait and scenario ids: lowercase snake_case."""

RuleId = Annotated[str, constrained(pattern=r"^[A-Z]{3}-\d{3}$")]
"""Rule ids: a three-letter stage prefix and a number, e.g. `ING-004`."""

LocalTaskId = Annotated[str, constrained(pattern=r"^[1-9]\.[1-9]$")]
"""A task statement's id inside its exam profile, e.g. `1.2` (domain 1, task statement 2)."""

TaskId = Annotated[str, constrained(pattern=r"^([a-z][a-z0-9_]*:)?[1-9]\.[1-9]$")]
"""A reference to a task statement: `1.2` (the default exam profile) or `mla_c01:1.2`."""

SourceUrl = Annotated[str, constrained(pattern=r"^https://[^\s]+$")]
"""A documentation page someone read; https only."""

Text = Annotated[str, constrained(min_length=1, strip_whitespace=True)]

Scalar = bool | int | float | str
"""A fact value: a choice or scale id, yes/no (true/false) or a number."""


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(dataclasses.field,))
class Model:
    """Base of every schema model: each subclass is a frozen, keyword-only dataclass.

    Validated as pydantic would a strict, frozen model: unknown keys are errors, values are
    taken as written (strict: `true` is no number, `"5"` no integer), keys only by their YAML
    name (`in`, never the Python name `in_`, given as the field's `alias` metadata), numbers
    finite. Checks across fields live in `__post_init__`, which pydantic calls after
    validating the fields (its ValueError becomes the error's message).

    Equality, hash and repr are the dataclass ones (by field values, in field order), written
    once here: generating them for each of ~50 classes cost ~8 ms of every start."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {
        "strict": True,
        "extra": "forbid",
        "allow_inf_nan": False,
    }
    _field_names: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any):
        super().__init_subclass__(**kwargs)
        dataclasses.dataclass(cls, frozen=True, kw_only=True, repr=False, eq=False)
        cls._field_names = tuple(field.name for field in dataclasses.fields(cls))  # type: ignore[arg-type]

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._field_names)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._field_names)
        return f"{type(self).__name__}({shown})"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        """Strict, except that a model is read from a mapping (YAML's), not only from an
        instance: the one place where a strict dataclass and a strict model differ."""
        schema = handler(source)
        dataclass_schema: dict[str, Any] = handler.resolve_ref_schema(schema)  # type: ignore[assignment]
        dataclass_schema["strict"] = False
        return schema

    @classmethod
    def validate(cls: type[M], data: Any) -> M:
        """Validate plain data (parsed YAML) into this model; raises pydantic's ValidationError."""
        return validator(cls).validate_python(data)


def yaml_key(field: dataclasses.Field[Any]) -> str:
    """The key a model's field is written under in YAML: its `alias`, else its name."""
    return str(field.metadata.get("alias", field.name))


_VALIDATORS: dict[type, TypeAdapter[Any]] = {}


def validator(model: type[M]) -> TypeAdapter[M]:
    """pydantic's validator of a schema model, built on first use."""
    if model not in _VALIDATORS:
        from pydantic import TypeAdapter

        _VALIDATORS[model] = TypeAdapter(model)
    return _VALIDATORS[model]


def key_discriminator(keys: tuple[str, ...], what: str) -> Deferred:
    """Tell union members apart by which of `keys` a YAML mapping has (`{fact: ...}` is a
    fact test), or by the model's KIND; unmatched input gets one clear message."""

    def kind(value: Any) -> str | None:
        if isinstance(value, dict):
            return next((key for key in keys if key in value), None)
        return getattr(value, "KIND", None)

    article = "an" if what[0] in "aeiou" else "a"
    return Deferred(
        "Discriminator",
        kind,
        custom_error_type=what,
        custom_error_message=f"{article} {what} needs one of the keys {', '.join(keys)}",
    )

"""Shared pydantic configuration and constrained id types for the YAML schema."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Discriminator, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
"""Node, question, stage, scale and trait ids: lowercase snake_case."""

RuleId = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}-\d{3}$")]
"""Rule ids: a three-letter stage prefix and a number, e.g. `ING-004`."""

LocalTaskId = Annotated[str, StringConstraints(pattern=r"^[1-9]\.[1-9]$")]
"""A task statement's id inside its exam profile, e.g. `1.2` (domain 1, task statement 2)."""

TaskId = Annotated[str, StringConstraints(pattern=r"^([a-z][a-z0-9_]*:)?[1-9]\.[1-9]$")]
"""A reference to a task statement: `1.2` (the default exam profile) or `mla_c01:1.2`."""

SourceUrl = Annotated[str, StringConstraints(pattern=r"^https://[^\s]+$")]
"""A documentation page someone read; https only."""

Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]

Scalar = bool | int | float | str
"""A fact value: a choice or scale id, yes/no (true/false) or a number."""


class Model(BaseModel):
    """Base of every schema model: immutable, unknown keys are errors, and values are taken as
    written (strict: `true` is no number, `"5"` no integer); keys only by their YAML name
    (`in`, never the Python name `in_`); numbers finite. Validators are built on first use:
    a knowledge base loaded from the cache never validates, so it never pays for them."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True, allow_inf_nan=False, defer_build=True)


def key_discriminator(keys: tuple[str, ...], what: str) -> Discriminator:
    """Tell union members apart by which of `keys` a YAML mapping has (`{fact: ...}` is a
    fact test), or by the model's KIND; unmatched input gets one clear message."""

    def kind(value: Any) -> str | None:
        if isinstance(value, dict):
            return next((key for key in keys if key in value), None)
        return getattr(value, "KIND", None)

    article = "an" if what[0] in "aeiou" else "a"
    return Discriminator(
        kind,
        custom_error_type=what,
        custom_error_message=f"{article} {what} needs one of the keys {', '.join(keys)}",
    )

"""Shared pydantic configuration and constrained id types for the YAML schema."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
"""Node, question, stage, scale and trait ids: lowercase snake_case."""

RuleId = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}-\d{3}$")]
"""Rule ids: a three-letter stage prefix and a number, e.g. `ING-004`."""

TaskId = Annotated[str, StringConstraints(pattern=r"^[1-4]\.[1-9]$")]
"""An exam task statement, e.g. `1.2` (domain 1, task statement 2)."""

SourceUrl = Annotated[str, StringConstraints(pattern=r"^https://[^\s]+$")]
"""A documentation page someone read; https only."""

Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]

Scalar = bool | int | float | str
"""A fact value: a choice or scale id, yes/no (true/false) or a number."""


class Model(BaseModel):
    """Base of every schema model: immutable, and unknown keys are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

"""Questions asked of the person, and facts that rules derive."""

from __future__ import annotations

from dataclasses import field
from typing import Annotated, Literal

from advisor.knowledge.models.base import Id, Model, Scalar, TaskId, Text, bounded, constrained
from advisor.knowledge.models.condition import Condition

FactType = Literal["choice", "multi_choice", "yes_no", "number", "scale"]

UNIT_PATTERN = r"^[^\s\d.-]\S*( \S+)*$"
Unit = Annotated[str, constrained(pattern=UNIT_PATTERN)]
"""A unit as people type it after a number: words separated by single spaces (`labelled
examples`), not starting with a digit, a dot or a minus sign."""

Factor = Annotated[float, bounded(gt=0)]
"""How many base units one unit is: a positive, finite number."""


class Choice(Model):
    """One possible answer of a choice question."""

    id: Id
    label: Text


class FactSpec(Model):
    """The domain of a fact: what values it can take."""

    id: Id
    type: FactType
    choices: list[Choice] | None = None
    """For `choice` and `multi_choice`."""
    scale: Id | None = None
    """For `scale`: the values (and their order) come from this scale."""
    unit: Unit | None = None
    """For `number`: the base unit values are converted to."""
    units: dict[Unit, Factor] | None = None
    """For `number`: accepted units and their factor to the base unit, e.g. `{GB: 1000}`."""
    integer: bool = False
    """For `number`: only whole numbers (in the base unit), as for a count."""
    minimum: float | None = None
    maximum: float | None = None

    def __post_init__(self) -> None:
        needs = {"choice": "choices", "multi_choice": "choices", "scale": "scale", "number": "unit"}
        wanted = needs.get(self.type)
        if wanted and getattr(self, wanted) is None:
            raise ValueError(f"a {self.type} fact needs '{wanted}'")
        for extra in ("choices", "scale", "unit", "units"):
            if (
                extra != wanted
                and getattr(self, extra) is not None
                and not (self.type == "number" and extra == "units")
            ):
                raise ValueError(f"'{extra}' does not apply to a {self.type} fact")
        given = [name for name in ("minimum", "maximum") if getattr(self, name) is not None]
        given += ["integer"] if self.integer else []
        if self.type != "number" and given:
            raise ValueError(f"'{given[0]}' does not apply to a {self.type} fact")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError(f"minimum {self.minimum:g} is above maximum {self.maximum:g} (swap them)")


class Question(FactSpec):
    """A structured question about the business problem; its answer becomes a fact."""

    text: Text
    help: str = ""
    stage: Id
    """The stage this question is mainly about (for grouping and coverage)."""
    asks_when: Condition | None = None
    """Only relevant when this condition holds on the answers so far."""
    assume: Scalar | list[Scalar] | None = None
    """The conservative value reasoned with when the person skips the question."""
    assume_because: str = ""
    exam: list[TaskId] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.assume is not None and not self.assume_because:
            raise ValueError("'assume' needs 'assume_because' saying why it is the safe guess")


class DerivedFact(FactSpec):
    """A fact concluded by rules rather than asked."""

    doc: Text

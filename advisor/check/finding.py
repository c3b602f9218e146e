"""A finding: one thing a design check says, with a stable id, severity, location, fix,
the requirements and rules behind it, sources, and the suppression that hides it, if any."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from advisor.check.design import Location
from advisor.check.kinds import Kind
from advisor.check.severity import Severity


@dataclass(frozen=True)
class Requirement:
    """An answer a rule read: the requirement a finding is about."""

    question: str
    text: str
    answer: str


@dataclass(frozen=True)
class Reason:
    """A rule and what it concluded, in words (how a better fit is recommended, why a choice
    was rejected)."""

    rule: str
    text: str
    weight: int | None = None
    """For a rule behind a candidate's score: what it added."""
    about: str | None = None
    """The node the rule supports, when it is not the finding's own subject."""


@dataclass(frozen=True)
class Suppressed:
    """The suppression that hides a finding: it is still reported, as suppressed."""

    reason: str
    expires: datetime.date | None
    location: Location


@dataclass(frozen=True)
class Finding:
    """One thing the check says about the design."""

    id: str
    """Stable across runs and reorderings: `<rule or kind>/<stage>/<node>`."""
    kind: Kind
    severity: Severity
    rule: str
    """The knowledge rule behind it (ING-007), or the kind for findings no single rule makes."""
    title: str
    message: str
    fix: str
    location: Location
    stage: str | None = None
    node: str | None = None
    better: str | None = None
    """The node the requirements point to instead, if any."""
    requirements: tuple[Requirement, ...] = ()
    reasons: tuple[Reason, ...] = ()
    sources: tuple[str, ...] = ()
    suppressed: Suppressed | None = None

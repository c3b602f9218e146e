"""Suppressions applied to findings: a live one marks its findings as suppressed (still
reported); an expired one hides nothing and is an error; an unused one is information."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import replace

from advisor.check.design import Location, Suppression
from advisor.check.finding import Finding, Suppressed
from advisor.check.kinds import KINDS


def suppress(
    findings: Sequence[Finding], suppressions: Sequence[tuple[Suppression, Location]], today: datetime.date
) -> list[Finding]:
    """Mark findings hidden by a live suppression; add a finding for each expired or unused one."""
    used: set[int] = set()
    marked = []
    for found in findings:
        match = next(
            (i for i, (s, _) in enumerate(suppressions) if not s.expired(today) and matches(s, found)), None
        )
        if match is not None:
            used.add(match)
            suppression, where = suppressions[match]
            found = replace(found, suppressed=Suppressed(suppression.reason, suppression.expires, where))  # noqa: PLW2901
        marked.append(found)
    for index, (suppression, where) in enumerate(suppressions):
        if suppression.expired(today):
            hidden = sum(matches(suppression, f) for f in findings)
            marked.append(_expired(suppression, where, hidden))
        elif index not in used:
            marked.append(_unused(suppression, where))
    return marked


def matches(suppression: Suppression, finding: Finding) -> bool:
    """Its rule is the finding's rule or kind (if given) and its node the finding's node (if given)."""
    rule_ok = suppression.rule is None or suppression.rule in (finding.rule, finding.kind)
    return rule_ok and (suppression.node is None or suppression.node == finding.node)


def _suppression_id(kind: str, suppression: Suppression) -> str:
    return f"{kind}/{suppression.rule or '*'}/{suppression.node or '*'}"


def _expired(suppression: Suppression, where: Location, hidden: int) -> Finding:
    plural = "" if hidden == 1 else "s"
    hides = f"; it no longer hides its {hidden} finding{plural}" if hidden else ""
    return Finding(
        id=_suppression_id("suppression-expired", suppression),
        kind="suppression-expired",
        severity="error",
        rule="suppression-expired",
        title=KINDS["suppression-expired"].title,
        message=(
            f"The suppression of {suppression.describe()} expired on {suppression.expires}"
            f" ({suppression.reason}){hides}."
        ),
        fix="Review the finding; then remove the suppression, or renew it with a later 'expires'.",
        location=where,
        node=suppression.node,
    )


def _unused(suppression: Suppression, where: Location) -> Finding:
    return Finding(
        id=_suppression_id("suppression-unused", suppression),
        kind="suppression-unused",
        severity="info",
        rule="suppression-unused",
        title=KINDS["suppression-unused"].title,
        message=f"The suppression of {suppression.describe()} matches no finding ({suppression.reason}).",
        fix="Remove it.",
        location=where,
        node=suppression.node,
    )

"""What a finding can be: its kind, its severity, and the help each kind carries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from advisor.check.severity import SEVERITIES, Severity

Kind = Literal[
    "violates",
    "better-fit",
    "not-recommended",
    "not-needed",
    "status",
    "no-choice",
    "diagnosis",
    "suppression-expired",
    "suppression-unused",
]

DESIGN_REVIEW = (
    "https://docs.aws.amazon.com/wellarchitected/latest/machine-learning-lens/machine-learning-lens.html"
)
SARIF_SUPPRESSIONS = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html"


@dataclass(frozen=True)
class KindInfo:
    """A kind of finding as a rule of its own (for kinds without a knowledge rule behind them)."""

    title: str
    help: str
    help_uri: str


KINDS: dict[Kind, KindInfo] = {
    "violates": KindInfo(
        "A chosen service violates a requirement",
        "A rule rejected the chosen service for a requirement the answers state. The finding's rule "
        "id is that rule's; its reason names the requirement and the fact about the service.",
        DESIGN_REVIEW,
    ),
    "better-fit": KindInfo(
        "A better fit exists for the requirements",
        "The chosen service is a candidate for the stage, but another scores higher for these "
        "requirements. The finding names it, by how much, and the rules behind both scores.",
        DESIGN_REVIEW,
    ),
    "not-recommended": KindInfo(
        "Nothing recommends the chosen service for these requirements",
        "No rule put the chosen service forward for the stage with these answers. A warning when "
        "another service is recommended there; information when nothing is.",
        DESIGN_REVIEW,
    ),
    "not-needed": KindInfo(
        "The chosen service serves a stage these requirements do not need",
        "A rule settled the stage as not needed (for example, nothing is trained when a managed "
        "AI service answers the question), yet the design chooses something for it.",
        DESIGN_REVIEW,
    ),
    "status": KindInfo(
        "The chosen service is closed to new customers or retired",
        "An error under the current lens (a new customer cannot use it), information under the "
        "exam lens; the finding names the successor.",
        DESIGN_REVIEW,
    ),
    "no-choice": KindInfo(
        "A stage in focus has no choice in the design",
        "The design says it decides this stage (focus) but names nothing for it; the finding "
        "names the top pick for the requirements.",
        DESIGN_REVIEW,
    ),
    "diagnosis": KindInfo(
        "A symptom of the running system has a likely cause",
        "A diagnostic rule concluded a cause for a reported symptom of the design; the fixes are "
        "the rule's recommendations, ranked in their stage.",
        DESIGN_REVIEW,
    ),
    "suppression-expired": KindInfo(
        "A suppression has expired",
        "A suppression's 'expires' date has passed: it no longer hides its findings. Review the "
        "finding, then remove the suppression or renew its date.",
        SARIF_SUPPRESSIONS,
    ),
    "suppression-unused": KindInfo(
        "A suppression matches no finding",
        "Nothing the check found matches this suppression's rule and node; remove it.",
        SARIF_SUPPRESSIONS,
    ),
}


def at_least(severity: Severity, threshold: Severity) -> bool:
    """Is `severity` at or above `threshold` (error > warning > info)?"""
    return SEVERITIES.index(severity) <= SEVERITIES.index(threshold)

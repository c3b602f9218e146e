"""Plain, frozen view models: what screens hand down to widgets (widgets never see the engine)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

AnswerValue = str | bool | list[str]
"""What a widget reports as an answer: a choice id, yes/no, choice ids, or number text."""

QuestionKind = Literal["single", "multi", "number"]


@dataclass(frozen=True)
class Option:
    """One numbered answer of a question."""

    value: str | bool
    label: str


@dataclass(frozen=True)
class QuestionView:
    """A question as the question panel shows it."""

    id: str
    stage: str
    text: str
    help: str
    kind: QuestionKind
    options: tuple[Option, ...] = ()
    unit: str = ""
    units: tuple[str, ...] = ()
    assumed: str = ""
    """What skipping means: the label of the assumed value, empty when nothing is assumed."""
    current: tuple[str | bool, ...] = ()
    """Values to preselect (the answer being revisited after going back)."""
    progress: str = ""


@dataclass(frozen=True)
class StagePick:
    """One stage's current top pick in the live recommendations panel."""

    stage: str
    top: str
    score: int | None
    badge: str
    changed: bool
    """The top pick differs from the one before the last answer."""
    in_focus: bool = True
    """The stage (or the stage it is a decision within) is one the person is deciding."""


ItemKind = Literal["stage", "candidate", "exclusion", "group", "diagnosis"]
"""A `group` heads rows that are not a stage (the diagnoses); a `diagnosis` row's `rank` is its
position in the result's diagnoses."""


@dataclass(frozen=True)
class TreeItem:
    """A row of the candidate tree: a stage, a ranked candidate or a rejected alternative."""

    kind: ItemKind
    stage: str
    node: str | None
    label: str
    score: int | None = None
    badge: str = ""
    note: str = ""
    rank: int = 0


@dataclass(frozen=True)
class StageRows:
    """A stage of the candidate tree with its candidates and rejected alternatives."""

    stage: TreeItem
    candidates: tuple[TreeItem, ...]
    exclusions: tuple[TreeItem, ...]
    folded: bool = False
    """Shown collapsed: a stage outside the focus."""


@dataclass(frozen=True)
class Line:
    """A line of a detail section: an emphasised lead (rule id, question) and its text."""

    lead: str
    text: str
    sub: bool = False
    """Shown indented under the line before it (e.g. one of several answers to a question)."""


@dataclass(frozen=True)
class Section:
    """A headed block of lines in the detail pane."""

    heading: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Detail:
    """Everything the detail pane shows about one tree item."""

    title: str
    summary: str
    badge: str = ""
    sections: tuple[Section, ...] = ()
    sources: tuple[str, ...] = ()

    def section(self, heading: str) -> Section | None:
        return next((s for s in self.sections if s.heading == heading), None)


@dataclass(frozen=True)
class Entry:
    """A searchable item of the knowledge browser."""

    kind: Literal["node", "rule", "question"]
    id: str
    label: str
    haystack: str


@dataclass(frozen=True)
class PracticeQuestionView:
    """A question as the practice question widget shows it."""

    heading: str
    title: str
    narrative: str
    stem: str
    options: tuple[tuple[str, str], ...]
    """(letter, text) in letter order."""
    chosen: str = ""
    key: str = ""
    """Shown only once answered with feedback."""


@dataclass(frozen=True)
class ScoreRow:
    """A row of the score table: a domain or a task statement."""

    label: str
    correct: int
    total: int
    percent: int
    is_task: bool = False


@dataclass(frozen=True)
class Series:
    """One line of a plot: y values at x positions (1 is the first label)."""

    label: str
    x: tuple[int, ...]
    y: tuple[float, ...]


@dataclass(frozen=True)
class PlotData:
    """What a plot widget draws: x labels and the series over them."""

    title: str
    labels: tuple[str, ...] = ()
    series: tuple[Series, ...] = ()


@dataclass(frozen=True)
class FindingRow:
    """A finding as the finding tree lists it."""

    id: str
    group: str
    """`error`, `warning`, `info` or `suppressed`."""
    label: str
    note: str


@dataclass(frozen=True)
class FindingGroup:
    """Findings of one severity (or the suppressed ones), in report order."""

    group: str
    label: str
    rows: tuple[FindingRow, ...]

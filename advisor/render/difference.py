"""The difference between two answer sets (advisor.diff) as text, Markdown, JSON or HTML."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from advisor.render.formats import DIFF_FORMATS

if TYPE_CHECKING:
    from advisor.diff import Answer, Difference, Effect, RuleFiring
    from advisor.knowledge import KnowledgeBase

FORMAT_ID = "aws-ml-advisor/diff@1"
FORMATS = DIFF_FORMATS


@dataclass(frozen=True)
class RuleLine:
    rule: str
    title: str
    effect: str
    because: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ChangedPick:
    stage: str
    name: str
    before: str
    after: str
    only_before: tuple[RuleLine, ...]
    only_after: tuple[RuleLine, ...]


@dataclass(frozen=True)
class Change:
    """A question or derived fact, and how it read before and after."""

    id: str
    text: str
    before: str
    after: str


@dataclass(frozen=True)
class DifferenceView:
    """The difference in words, as every human-readable format shows it."""

    before: str
    after: str
    lens: str
    answers: tuple[Change, ...]
    picks: tuple[ChangedPick, ...]
    derived: tuple[Change, ...]
    same_picks: tuple[str, ...]
    differs: bool


def render_difference(kb: KnowledgeBase, diff: Difference, labels: tuple[str, str], fmt: str) -> str:
    """Render in one of FORMATS; `labels` name the two answer sets (usually their file names)."""
    if fmt == "json":
        return json.dumps(difference_to_dict(diff, labels), indent=2, ensure_ascii=False) + "\n"
    view = difference_view(kb, diff, labels)
    if fmt == "html":
        from advisor.render.html import render_page

        return render_page("diff.html", diff=view)
    return render_markdown(view) if fmt == "markdown" else render_text(view)


def difference_view(kb: KnowledgeBase, diff: Difference, labels: tuple[str, str]) -> DifferenceView:
    lens = (
        diff.lens_before if diff.lens_before == diff.lens_after else f"{diff.lens_before} → {diff.lens_after}"
    )
    return DifferenceView(
        before=labels[0],
        after=labels[1],
        lens=lens,
        answers=tuple(
            Change(
                c.question,
                kb.questions[c.question].text,
                _answer(kb, c.question, c.before),
                _answer(kb, c.question, c.after),
            )
            for c in diff.answers
        ),
        picks=tuple(
            ChangedPick(
                p.stage,
                p.name,
                _node(kb, p.before),
                _node(kb, p.after),
                tuple(_rule_line(kb, f) for f in p.only_before),
                tuple(_rule_line(kb, f) for f in p.only_after),
            )
            for p in diff.picks
        ),
        derived=tuple(
            Change(d.fact, d.fact, _derived(kb, d.fact, d.before), _derived(kb, d.fact, d.after))
            for d in diff.derived
        ),
        same_picks=tuple(kb.stages[s].name for s in diff.same_picks),
        differs=diff.differs,
    )


def _answer(kb: KnowledgeBase, question: str, answer: Answer) -> str:
    if answer.origin == "absent":
        return "not given"
    label = kb.value_label(question, answer.value)
    return {"answered": label, "assumed": f"{label} (assumed)", "ignored": f"{label} (does not apply)"}[
        answer.origin
    ]


def _derived(kb: KnowledgeBase, fact: str, value: Any) -> str:
    return "not concluded" if value is None else kb.value_label(fact, value)


def _node(kb: KnowledgeBase, node: str | None) -> str:
    return kb.nodes[node].name if node else "no pick"


def _rule_line(kb: KnowledgeBase, firing: RuleFiring) -> RuleLine:
    effect = ", ".join(_effect(kb, e) for e in firing.effects)
    return RuleLine(firing.rule, firing.title, effect, firing.because, firing.sources)


def _effect(kb: KnowledgeBase, effect: Effect) -> str:
    if effect.action == "warn":
        return "warns"
    verb = "recommends" if effect.action == "recommend" else "excludes"
    weight = f" ({effect.weight:+d})" if effect.weight is not None else ""
    return f"{verb} {_node(kb, effect.node)}{weight}"


# -- text and Markdown -------------------------------------------------------------------------


def render_text(view: DifferenceView) -> str:
    out = [f"AWS ML Advisor — {view.before} → {view.after} (lens: {view.lens})"]
    if not view.differs:
        return "\n".join([*out, "", "No difference: the same answers give the same picks."]) + "\n"
    if view.answers:
        out += ["", f"Answers that differ ({len(view.answers)})"]
        out += [f"  {c.id}: {c.before} → {c.after}" for c in view.answers]
    out += ["", f"Picks that differ ({len(view.picks)})" if view.picks else "No pick differs."]
    for pick in view.picks:
        out.append(f"  {pick.name}: {pick.before} → {pick.after}")
        for label, lines in ((view.before, pick.only_before), (view.after, pick.only_after)):
            if lines:
                out.append(f"    fired only for {label}:")
                out += [f"      {r.rule} {r.effect}: {r.because}" for r in lines]
    if view.derived:
        out += ["", "Derived facts that differ"]
        out += [f"  {d.id}: {d.before} → {d.after}" for d in view.derived]
    if view.same_picks:
        out += ["", f"Same pick in {len(view.same_picks)} other stages: {', '.join(view.same_picks)}."]
    return "\n".join(out) + "\n"


def render_markdown(view: DifferenceView) -> str:
    out = [f"# Difference: {_md(view.before)} → {_md(view.after)}", "", f"Lens: **{view.lens}**."]
    if not view.differs:
        return "\n".join([*out, "", "No difference: the same answers give the same picks."]) + "\n"
    if view.answers:
        out += ["", "## Answers that differ", "", f"| Question | {_md(view.before)} | {_md(view.after)} |"]
        out += ["| --- | --- | --- |"]
        out += [f"| {_md(c.text)} (`{c.id}`) | {_md(c.before)} | {_md(c.after)} |" for c in view.answers]
    out += ["", "## Picks that differ", ""]
    if not view.picks:
        out.append("No pick differs.")
    for pick in view.picks:
        out += [f"### {_md(pick.name)}: {_md(pick.before)} → {_md(pick.after)}", ""]
        for label, lines in ((view.before, pick.only_before), (view.after, pick.only_after)):
            if lines:
                out += [f"Fired only for {_md(label)}:", ""]
                out += [f"- `{r.rule}` {_md(r.effect)} — {_md(r.title)}: {_md(r.because)}" for r in lines]
                out.append("")
    if view.derived:
        out += ["## Derived facts that differ", ""]
        out += [f"- `{d.id}`: {_md(d.before)} → {_md(d.after)}" for d in view.derived]
        out.append("")
    if view.same_picks:
        out += [f"Same pick in {len(view.same_picks)} other stages: {_md(', '.join(view.same_picks))}."]
    return "\n".join(out).rstrip("\n") + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# -- JSON ----------------------------------------------------------------------------------------


def difference_to_dict(diff: Difference, labels: tuple[str, str]) -> dict[str, Any]:
    return {
        "format": FORMAT_ID,
        "before": {"label": labels[0], "lens": diff.lens_before},
        "after": {"label": labels[1], "lens": diff.lens_after},
        "differs": diff.differs,
        "answers": [
            {"question": c.question, "before": _answer_dict(c.before), "after": _answer_dict(c.after)}
            for c in diff.answers
        ],
        "picks": [
            {
                "stage": p.stage,
                "name": p.name,
                "before": p.before,
                "after": p.after,
                "only_before": [_firing_dict(f) for f in p.only_before],
                "only_after": [_firing_dict(f) for f in p.only_after],
            }
            for p in diff.picks
        ],
        "derived": [
            {"fact": d.fact, "before": plain(d.before), "after": plain(d.after)} for d in diff.derived
        ],
        "same_picks": list(diff.same_picks),
    }


def _answer_dict(answer: Answer) -> dict[str, Any]:
    return {"value": plain(answer.value), "origin": answer.origin}


def plain(value: Any) -> Any:
    """A fact value as JSON (imported here, not at the top: the command line lists FORMATS)."""
    from advisor.render.json_format import plain as as_json

    return as_json(value)


def _firing_dict(firing: RuleFiring) -> dict[str, Any]:
    return {
        "rule": firing.rule,
        "title": firing.title,
        "node": firing.node,
        "because": firing.because,
        "effects": [{"action": e.action, "node": e.node, "weight": e.weight} for e in firing.effects],
        "sources": list(firing.sources),
    }

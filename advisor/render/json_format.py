"""The stable JSON form of a Result (format `aws-ml-advisor/result@1`, see docs/json-format.md)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from advisor.engine.result import Candidate, Diagnosis, Exclusion, Result, StageResult

if TYPE_CHECKING:
    from advisor.knowledge import KnowledgeBase

FORMAT_ID = "aws-ml-advisor/result@1"


def plain(value: Any) -> Any:
    """A fact value as JSON: sets become sorted lists."""
    if isinstance(value, frozenset | set):
        return sorted(value)
    return value


def result_to_dict(kb: KnowledgeBase, result: Result) -> dict[str, Any]:
    """Everything in the Result, as plain data with ids resolved to rule ids and names."""
    rule_of = {firing.number: firing.rule for firing in result.firings}
    return {
        "format": FORMAT_ID,
        "lens": result.lens,
        "focus": list(result.focus),
        "design": {stage: list(nodes) for stage, nodes in result.design},
        "facts": {fact: plain(value) for fact, value in result.facts},
        "assumptions": [
            {"question": a.question, "value": plain(a.value), "because": a.because}
            for a in result.assumptions
        ],
        "ignored_answers": [{"question": i.question, "value": plain(i.value)} for i in result.ignored],
        "stages": [_stage(stage, rule_of, result.in_focus(stage)) for stage in result.stages],
        "diagnoses": [_diagnosis(d, result) for d in result.diagnoses],
        "derived": [
            {
                "fact": d.fact,
                "value": plain(d.value),
                "rule": rule_of[d.firing],
                "firing": d.firing,
                "formula": d.formula or None,
            }
            for d in result.derived
        ],
        "conflicts": [
            {
                "fact": c.fact,
                "kept": plain(c.kept),
                "rejected": plain(c.rejected),
                "rule": rule_of[c.firing],
            }
            for c in result.conflicts
        ],
        "lens_differences": [
            {"stage": d.stage, "exam": d.exam, "current": d.current} for d in result.lens_differences
        ],
        "trace": [
            {
                "firing": f.number,
                "rule": f.rule,
                "title": f.title,
                "stage": f.stage,
                "node": f.node,
                "facts": {fact: plain(value) for fact, value in f.facts},
                "because": f.because,
                "sources": list(f.sources),
                "exam": list(f.exam),
            }
            for f in result.firings
        ],
    }


def _stage(stage: StageResult, rule_of: dict[int, str], in_focus: bool) -> dict[str, Any]:
    return {
        "stage": stage.stage,
        "name": stage.name,
        "within": stage.within,
        "in_focus": in_focus,
        "top": stage.top.node if stage.top else None,
        "not_needed": [{"rule": rule_of[i], "firing": i} for i in stage.not_needed],
        "candidates": [_candidate(c, rule_of) for c in stage.candidates],
        "excluded": [_exclusion(e, rule_of) for e in stage.exclusions],
        "warnings": [{"rule": rule_of[w.firing], "text": w.text, "firing": w.firing} for w in stage.warnings],
    }


def _candidate(candidate: Candidate, rule_of: dict[int, str]) -> dict[str, Any]:
    return {
        "node": candidate.node,
        "name": candidate.name,
        "score": candidate.score,
        "status": candidate.state,
        "stands_in_for": list(candidate.stands_in_for),
        "support": [
            {"rule": rule_of[s.firing], "weight": s.weight, "firing": s.firing, "via": s.via}
            for s in candidate.support
        ],
    }


def _exclusion(exclusion: Exclusion, rule_of: dict[int, str]) -> dict[str, Any]:
    return {
        "node": exclusion.node,
        "name": exclusion.name,
        "by": "lens" if exclusion.by_lens else [rule_of[i] for i in exclusion.firings],
        "reasons": list(exclusion.reasons),
        "sources": list(exclusion.sources),
        "firings": list(exclusion.firings),
    }


def _diagnosis(diagnosis: Diagnosis, result: Result) -> dict[str, Any]:
    firing = result.firing(diagnosis.firing)
    return {
        "symptom": diagnosis.symptom,
        "answer": plain(dict(result.facts).get(diagnosis.symptom)),
        "cause": diagnosis.cause,
        "fixes": [
            {
                "stage": fix.stage,
                "node": fix.node,
                "weight": fix.weight,
                "top": result.top(fix.stage) == fix.node,
            }
            for fix in diagnosis.fixes
        ],
        "rule": firing.rule,
        "because": firing.because,
        "sources": list(firing.sources),
        "firing": diagnosis.firing,
    }


def render_json(kb: KnowledgeBase, result: Result) -> str:
    return json.dumps(result_to_dict(kb, result), indent=2, ensure_ascii=False, allow_nan=False) + "\n"

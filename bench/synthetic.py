"""A seeded generator of synthetic knowledge bases, for measuring the engine at scale.

The shape mimics the shipped knowledge: choice and scale questions, nodes spread over stages
with scale and number traits, and rules that are mostly simple recommendations, with some
`for_each` constraints and some derived facts chained three strata deep. The same
(rules, seed) always gives the same files, so results can be reproduced:

    python bench/synthetic.py --rules 10000 --seed 1 --out /tmp/kb10k
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

import yaml

SOURCE = "https://docs.aws.amazon.com/synthetic"
LEVELS = ["l0", "l1", "l2", "l3", "l4"]


def generate(rule_count: int, seed: int = 1) -> dict[str, dict[str, Any]]:
    """File name -> YAML document of a synthetic knowledge base with `rule_count` rules."""
    rng = random.Random(seed)
    stages = [f"s{i:02d}" for i in range(max(4, rule_count // 250))]
    nodes_per_stage = 25
    questions = [_choice(f"q{i:03d}", rng.choice(stages)) for i in range(60)]
    questions += [_scale(f"level{i:02d}", rng.choice(stages)) for i in range(10)]
    derived = [{"id": f"d{i:02d}", "type": "yes_no", "doc": "Derived."} for i in range(30)]
    nodes = [
        {
            "id": f"n_{stage}_{j:02d}",
            "name": f"Node {stage}-{j}",
            "kind": "service",
            "stages": [stage],
            "summary": "Synthetic.",
            "traits": {"floor": rng.choice(LEVELS), "limit": rng.randint(1, 100)},
            "sources": [SOURCE],
        }
        for stage in stages
        for j in range(nodes_per_stage)
    ]
    rules = [_rule(i, rng, stages, questions, derived, nodes_per_stage) for i in range(rule_count)]
    vocabulary = {
        "exams": [
            {
                "id": "synthetic",
                "code": "SYN-01",
                "name": "Synthetic exam",
                "default": True,
                "questions": 10,
                "minutes": 20,
                "pass_percent": 70,
                "sources": [SOURCE],
                "domains": [{"id": "d", "name": "Domain", "weight": 100}],
                "tasks": [{"id": "1.1", "domain": "d", "title": "Task"}],
            }
        ],
        "stages": [{"id": s, "name": f"Stage {s}", "order": i} for i, s in enumerate(stages)],
        "scales": [{"id": "level", "name": "Level", "values": [{"id": v, "label": v} for v in LEVELS]}],
        "traits": [
            {"id": "floor", "type": "scale", "scale": "level", "doc": "Floor."},
            {"id": "limit", "type": "number", "unit": "MB", "doc": "Limit."},
        ],
        "questions": questions,
        "facts": derived,
    }
    return {
        "vocabulary.yaml": vocabulary,
        "nodes.yaml": {"nodes": nodes},
        "rules.yaml": {"rules": rules},
    }


def answers_for(document: dict[str, dict[str, Any]], seed: int) -> dict[str, Any]:
    """A random answer set covering half of the questions."""
    rng = random.Random(seed)
    answers: dict[str, Any] = {}
    for question in document["vocabulary.yaml"]["questions"]:
        if rng.random() < 0.5:
            continue
        if question["type"] == "scale":
            answers[question["id"]] = rng.choice(LEVELS)
        else:
            answers[question["id"]] = rng.choice(question["choices"])["id"]
    return answers


RULES_PER_FILE = 1000
"""Rules are split into files as real knowledge is (one YAML file holds at most 100,000 values)."""


def write(document: dict[str, dict[str, Any]], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in document.items():
        rules = content.get("rules")
        if not isinstance(rules, list) or len(rules) <= RULES_PER_FILE:
            (folder / name).write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
            continue
        for start in range(0, len(rules), RULES_PER_FILE):
            part = {**content, "rules": rules[start : start + RULES_PER_FILE]}
            (folder / f"{start // RULES_PER_FILE:03d}_{name}").write_text(
                yaml.safe_dump(part, sort_keys=False), encoding="utf-8"
            )
    return folder


def _choice(qid: str, stage: str) -> dict[str, Any]:
    return {
        "id": qid,
        "stage": stage,
        "type": "choice",
        "text": f"Question {qid}?",
        "choices": [{"id": f"c{k}", "label": f"choice {k}"} for k in range(5)],
    }


def _scale(qid: str, stage: str) -> dict[str, Any]:
    return {
        "id": qid,
        "stage": stage,
        "type": "scale",
        "scale": "level",
        "text": f"Question {qid}?",
    }


def _test(rng: random.Random, questions: list[dict[str, Any]]) -> dict[str, Any]:
    question = rng.choice(questions)
    if question["type"] == "scale":
        return {"fact": question["id"], rng.choice(["le", "ge"]): rng.choice(LEVELS)}
    return {"fact": question["id"], "eq": f"c{rng.randrange(5)}"}


def _rule(
    index: int,
    rng: random.Random,
    stages: list[str],
    questions: list[dict[str, Any]],
    derived: list[dict[str, Any]],
    per_stage: int,
) -> dict[str, Any]:
    stage = rng.choice(stages)
    rule: dict[str, Any] = {
        "id": f"{'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[index // 1000 % 26]}AA-{index % 1000:03d}",
        "title": f"Rule {index}",
        "stage": stage,
        "because": "Synthetic {fact." + questions[0]["id"] + "}.",
        "sources": [SOURCE],
    }
    kind = rng.random()
    tests = [_test(rng, questions) for _ in range(rng.randint(1, 3))]
    if kind < 0.10:  # derive, in three strata: d00-d09 from answers, d10-d19 from those, d20-d29 from those
        tier = rng.randrange(3)
        target = derived[tier * 10 + rng.randrange(10)]["id"]
        if tier:
            tests.append({"fact": derived[(tier - 1) * 10 + rng.randrange(10)]["id"], "eq": True})
        rule["when"] = {"all": tests}
        rule["then"] = [{"derive": target, "value": True}]
    elif kind < 0.15:  # for_each constraint over one stage's nodes
        scale_question = rng.choice([q for q in questions if q["type"] == "scale"])
        rule["when"] = tests[0]
        rule["for_each"] = {
            "nodes": {"stage": [stage]},
            "where": {"trait": "floor", "gt": {"fact": scale_question["id"]}},
        }
        rule["then"] = [{"exclude": "{node}"}]
    else:
        if rng.random() < 0.2:
            tests.append({"fact": rng.choice(derived)["id"], "eq": True})
        condition: dict[str, Any] = {"all": tests}
        if rng.random() < 0.1:
            condition = {"any": [condition, {"not": _test(rng, questions)}]}
        rule["when"] = condition
        target = f"n_{stage}_{rng.randrange(per_stage):02d}"
        rule["then"] = [{"recommend": target, "weight": rng.randint(1, 5)}]
    return rule


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    options = parser.parse_args()
    print(write(generate(options.rules, options.seed), options.out))

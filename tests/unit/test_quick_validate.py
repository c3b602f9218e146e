"""The quick check of answers files is a shortcut to pydantic's answer, never a second opinion:
whatever it accepts, pydantic accepts as the same object; whatever it doubts, pydantic decides."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from advisor.check.design import DesignFile, DesignScenario
from advisor.knowledge.answers import AnswersFile, Scenario
from advisor.knowledge.models import Model
from advisor.knowledge.models.quick import quick_validate
from advisor.knowledge.scenarios import scenario_files
from advisor.knowledge.yaml_io import read_yaml

Strategies = dict[str, st.SearchStrategy[Any]]

GOOD_IDS = st.sampled_from(["ingestion", "storage", "ok_1", "all", "exam", "current", "s3"])
BAD_IDS = st.sampled_from(
    ["A", "Bad", "", "a b", "x\n", "1.2", "mla_c01:1.2", "9.9", "\u00e9", "\uff49\uff44"]
)
GOOD_TEXTS = st.sampled_from(["A title", " padded ", "\ttabbed\n", "line\n", "caf\u00e9"])
BAD_TEXTS = st.sampled_from(["", " ", "x\x1c", "\x1cx", "\u3000x", "x\u2003", "\x85y", "\u00a0"]) | st.text(
    max_size=6
)
SCALARS = (
    st.none() | st.booleans() | st.integers(-2, 2) | st.floats() | GOOD_IDS | BAD_IDS | BAD_TEXTS | st.dates()
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(GOOD_IDS | st.integers(0, 2), inner, max_size=3)
    ),
    max_leaves=6,
)
"""Anything YAML can hold."""


def files(good: Strategies, doubtful: Strategies, required: tuple[str, ...]) -> st.SearchStrategy[Any]:
    """A valid file, as it is or with one key's value swapped for a doubtful one (often
    invalid, sometimes valid in a way that is easy to get wrong)."""
    valid = st.fixed_dictionaries(
        {key: good[key] for key in required}, optional={k: v for k, v in good.items() if k not in required}
    )
    spoiled = st.tuples(valid, st.sampled_from(sorted(doubtful))).flatmap(
        lambda pair: doubtful[pair[1]].map(lambda value: {**pair[0], pair[1]: value})
    )
    return valid | spoiled


def doubt(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return good | bad | VALUES


OPTION = st.fixed_dictionaries({"text": GOOD_TEXTS, "node": GOOD_IDS})
QUESTION = st.fixed_dictionaries(
    {
        "stage": GOOD_IDS,
        "stem": GOOD_TEXTS,
        "options": st.fixed_dictionaries({letter: OPTION for letter in "ABCD"}),
        "answer": st.just("A"),
        "why": st.fixed_dictionaries({letter: GOOD_TEXTS for letter in "BCD"}, optional={"A": GOOD_TEXTS}),
    }
)
EXPECTATION = st.fixed_dictionaries(
    {},
    optional={
        "top": GOOD_IDS | st.lists(GOOD_IDS, max_size=2) | st.none(),
        "includes": st.lists(GOOD_IDS, max_size=2),
        "excludes": st.dictionaries(GOOD_IDS, GOOD_TEXTS, max_size=2),
        "not_needed": st.booleans() | st.none(),
    },
)
ANSWERS_FILE = {
    "title": GOOD_TEXTS,
    "narrative": GOOD_TEXTS,
    "lens": st.sampled_from(["exam", "current", None]),
    "focus": st.sampled_from(["all", None]) | st.lists(GOOD_IDS, max_size=3),
    "design": st.dictionaries(GOOD_IDS, GOOD_IDS | st.lists(GOOD_IDS, max_size=2), max_size=3),
    "answers": st.dictionaries(GOOD_IDS, VALUES, max_size=3),
}
DOUBTFUL_ANSWERS_FILE = {
    "title": doubt(BAD_TEXTS, st.none()),
    "narrative": doubt(BAD_TEXTS, st.none()),
    "lens": doubt(st.sampled_from(["both", "Exam"]), st.none()),
    "focus": doubt(st.lists(BAD_IDS | GOOD_IDS, min_size=1, max_size=2), st.sampled_from(["ingestion", ""])),
    "design": doubt(st.dictionaries(GOOD_IDS | BAD_IDS, BAD_IDS | st.lists(BAD_IDS), min_size=1), VALUES),
    "answers": doubt(st.dictionaries(st.integers(0, 2) | st.none(), VALUES, min_size=1), VALUES),
    "unknown_key": VALUES,
}
SCENARIO = {
    **ANSWERS_FILE,
    "id": GOOD_IDS,
    "title": GOOD_TEXTS,
    "expect": st.dictionaries(GOOD_IDS, EXPECTATION, min_size=1, max_size=2),
    "exam": st.lists(st.sampled_from(["1.2", "mla_c01:3.1"]), max_size=2),
    "question": QUESTION | st.none(),
    "known_gap": GOOD_TEXTS,
}
DOUBTFUL_SCENARIO = {
    **DOUBTFUL_ANSWERS_FILE,
    "id": doubt(BAD_IDS, st.none()),
    "title": doubt(BAD_TEXTS, st.none()),
    "expect": doubt(
        st.dictionaries(GOOD_IDS | BAD_IDS, EXPECTATION | VALUES, max_size=2),
        st.dictionaries(GOOD_IDS, st.fixed_dictionaries({"top": BAD_IDS | BAD_TEXTS}), min_size=1),
    ),
    "exam": doubt(st.lists(BAD_IDS | st.sampled_from(["0.1", "1.2\n", "x:1.2"]), min_size=1), VALUES),
    "question": doubt(
        QUESTION.flatmap(
            lambda q: st.sampled_from(sorted(q)).flatmap(lambda key: VALUES.map(lambda v: {**q, key: v}))
        ),
        QUESTION.map(lambda q: {**q, "answer": "B"}) | QUESTION.map(lambda q: {**q, "why": {}}),
    ),
    "known_gap": doubt(BAD_TEXTS, st.none()),
}
FINDING = st.fixed_dictionaries(
    {"severity": st.sampled_from(["error", "warning", "info"])},
    optional={
        "kind": st.sampled_from(["violates", "better-fit", None]),
        "rule": st.sampled_from(["DEP-014", None]),
        "node": GOOD_IDS | st.none(),
        "stage": GOOD_IDS | st.none(),
        "suppressed": st.booleans(),
    },
)
DESIGN_SCENARIO = {
    **ANSWERS_FILE,
    "id": GOOD_IDS,
    "title": GOOD_TEXTS,
    "template": GOOD_TEXTS | st.none(),
    "suppress": st.just([]),
    "expect_findings": st.lists(FINDING, max_size=2),
    "expect_exit": st.sampled_from([0, 3, None]),
    "known_gap": GOOD_TEXTS,
}
DOUBTFUL_DESIGN_SCENARIO = {
    **DOUBTFUL_ANSWERS_FILE,
    "id": doubt(BAD_IDS, st.none()),
    "title": doubt(BAD_TEXTS, st.none()),
    "suppress": doubt(
        st.lists(st.fixed_dictionaries({"reason": GOOD_TEXTS}, optional={"rule": GOOD_TEXTS})), VALUES
    ),
    "expect_findings": doubt(
        st.lists(FINDING.map(lambda f: {**f, "kind": None, "rule": None}), min_size=1),
        st.lists(FINDING.map(lambda f: {**f, "severity": "fatal"}), min_size=1),
    ),
    "expect_exit": doubt(st.sampled_from([1, 0.0, 3.0, True, False, "0"]), VALUES),
    "known_gap": doubt(BAD_TEXTS, st.none()),
}


def pydantic_result(model: type[Model], data: Any) -> Any:
    from pydantic import ValidationError

    try:
        return model.validate(data)
    except ValidationError:
        return "rejected"


def same_as_pydantic(model: type[Model], data: dict[str, Any]) -> None:
    quick = quick_validate(model, data)
    if quick is not None:
        assert pydantic_result(model, data) == quick


@settings(max_examples=300, deadline=None)
@given(files(ANSWERS_FILE, DOUBTFUL_ANSWERS_FILE, ()))
@example({"focus": ["ingestion\n"]})  # `$` before a final line break, in Python only
@example({"design": {"ingestion": "\uff49\uff44"}})  # Unicode letters
def test_answers_files_it_accepts_pydantic_accepts_as_the_same(data: dict[str, Any]) -> None:
    same_as_pydantic(AnswersFile, data)


@settings(max_examples=300, deadline=None)
@given(files(SCENARIO, DOUBTFUL_SCENARIO, ("id", "title", "expect")))
@example({"id": "a", "title": "x\x1c", "expect": {"ingestion": {}}})  # Python's strip() takes \x1c
@example({"id": "a", "title": " x\u3000 ", "expect": {"ingestion": {}}})  # Unicode space under ASCII
@example({"id": "a\n", "title": "x", "expect": {"ingestion": {}}})
@example({"id": "a", "title": "x", "expect": {}})  # at least one expectation
def test_scenarios_it_accepts_pydantic_accepts_as_the_same(data: dict[str, Any]) -> None:
    same_as_pydantic(Scenario, data)


@settings(max_examples=200, deadline=None)
@given(files(DESIGN_SCENARIO, DOUBTFUL_DESIGN_SCENARIO, ("id", "title")))
def test_design_scenarios_it_accepts_pydantic_accepts_as_the_same(data: dict[str, Any]) -> None:
    same_as_pydantic(DesignScenario, data)


@pytest.mark.parametrize("path", scenario_files(), ids=lambda path: path.stem)
def test_every_shipped_scenario_takes_the_quick_path(path: Any) -> None:
    """The shortcut must cover the files people run, or the start-up it saves is lost unseen."""
    data = read_yaml(path).data
    quick = quick_validate(Scenario, data)
    assert quick is not None
    assert quick == Scenario.validate(data)


@pytest.mark.parametrize(
    "data",
    [
        {"title": 5},  # strict text
        {"lens": "both"},
        {"focus": "ingestion"},
        {"design": {"ingestion": 3}},
        {"answers": {1: "yes"}},  # keys are text
        {"titel": "typo"},
        {"focus": ["ingestion "]},
    ],
)
def test_doubtful_answers_files_are_left_to_pydantic(data: dict[str, Any]) -> None:
    assert quick_validate(AnswersFile, data) is None


def test_a_shape_it_does_not_know_is_left_to_pydantic() -> None:
    """Suppressions hold dates, which this check does not vouch for; pydantic reads them."""
    data = {"suppress": [{"rule": "DEP-001", "reason": "r", "expires": datetime.date(2030, 1, 1)}]}
    assert quick_validate(DesignFile, data) is None
    assert DesignFile.validate(data).suppress[0].expires == datetime.date(2030, 1, 1)

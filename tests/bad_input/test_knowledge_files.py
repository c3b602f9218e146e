"""Bad knowledge: the first problem stops the load with file:line: what is wrong (did you mean)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from advisor.errors import AdvisorError, KnowledgeError
from advisor.knowledge import load_knowledge

NODE = 'id: x1, name: X, kind: service, stages: [ingestion], summary: s, sources: ["https://docs.aws.amazon.com/x"]'
RULE = (
    "id: ING-101\n    title: t\n    stage: ingestion\n    because: b\n"
    '    sources: ["https://docs.aws.amazon.com/x"]'
)
"""A rule's metadata in block style: lines 2-6 of the file; `when` / `then` follow on line 7."""

CASES = {
    "unknown_relation_target": (
        f"nodes:\n  - {{{NODE}, relations: {{delivers_to: [laek]}}}}\n",
        "kb/zz.yaml:2: node x1: unknown node 'laek' in relations.delivers_to (did you mean 'lake'?)",
    ),
    "unknown_stage": (
        "nodes:\n  - {id: x1, name: X, kind: service, stages: [ingest], summary: s,"
        ' sources: ["https://docs.aws.amazon.com/x"]}\n',
        "kb/zz.yaml:2: node x1: unknown stage 'ingest' (did you mean 'ingestion'?)",
    ),
    "trait_off_scale": (
        f"nodes:\n  - {{{NODE}, traits: {{floor: quick}}}}\n",
        "kb/zz.yaml:2: node x1: trait 'floor': 'quick' is not on scale 'speed' (fast, medium, slow)",
    ),
    "trait_wrong_type": (
        f"nodes:\n  - {{{NODE}, traits: {{max_mb: big}}}}\n",
        "kb/zz.yaml:2: node x1: trait 'max_mb' is a number in MB, got 'big'",
    ),
    "unknown_trait": (
        f"nodes:\n  - {{{NODE}, traits: {{flor: fast}}}}\n",
        "kb/zz.yaml:2: node x1: unknown trait 'flor' (did you mean 'floor'?)",
    ),
    "missing_sources": (
        "nodes:\n  - id: x1\n    name: X\n    kind: service\n    stages: [ingestion]\n    summary: s\n",
        "kb/zz.yaml:2: missing required key 'sources' in nodes[0]",
    ),
    "http_source": (
        "nodes:\n  - id: x1\n    name: X\n    kind: service\n    stages: [ingestion]\n    summary: s\n"
        '    sources: ["http://example.com"]\n',
        "kb/zz.yaml:7: nodes[0].sources[0]: must be an https:// URL, got 'http://example.com'",
    ),
    "unknown_key": (
        f"nodes:\n  - {{{NODE}, colour: red}}\n",
        "kb/zz.yaml:2: unknown key 'colour' in nodes[0]",
    ),
    "closed_without_successor": (
        f'nodes:\n  - {{{NODE}, status: {{state: retired, sources: ["https://docs.aws.amazon.com/y"]}}}}\n',
        "kb/zz.yaml:2: node x1: a closed or retired node needs a 'successor' or a 'note' saying what new"
        " customers use instead",
    ),
    "unknown_fact": (
        f"rules:\n  - {RULE}\n    when: {{fact: arival, eq: stream}}\n    then: [{{recommend: lake}}]\n",
        "kb/zz.yaml:7: rule ING-101: unknown fact 'arival' (did you mean 'arrival'?)",
    ),
    "unknown_fact_value": (
        f"rules:\n  - {RULE}\n    when: {{fact: arrival, eq: streaming}}\n    then: [{{recommend: lake}}]\n",
        "kb/zz.yaml:7: rule ING-101: 'streaming' is not a value of 'arrival' (expected one of: batch, stream)",
    ),
    "ordered_operator_on_choice": (
        f"rules:\n  - {RULE}\n    when: {{fact: arrival, gt: batch}}\n    then: [{{recommend: lake}}]\n",
        "kb/zz.yaml:7: rule ING-101: 'gt' compares ordered values, but this is a choice value",
    ),
    "two_operators": (
        f"rules:\n  - {RULE}\n    when: {{fact: arrival, eq: stream, ne: batch}}\n    then: [{{recommend: lake}}]\n",
        "kb/zz.yaml:7: rules[0].when.fact: a test needs exactly one operator of eq, ne, in, not_in, lt, le, gt,"
        " ge, contains, known (found eq, ne)",
    ),
    "not_a_condition": (
        f"rules:\n  - {RULE}\n    when: {{fcat: arrival}}\n    then: [{{recommend: lake}}]\n",
        "kb/zz.yaml:7: rules[0].when: a condition needs one of the keys all, any, not, fact, pick, design, uses, trait, relation",
    ),
    "not_an_action": (
        f"rules:\n  - {RULE}\n    then: [{{recomend: lake}}]\n",
        "kb/zz.yaml:7: rules[0].then[0]: an action needs one of the keys recommend, exclude, derive, warn, not_needed, diagnose",
    ),
    "unknown_recommended_node": (
        f"rules:\n  - {RULE}\n    then: [{{recommend: laek}}]\n",
        "kb/zz.yaml:7: rule ING-101: unknown node 'laek' (did you mean 'lake'?)",
    ),
    "template_unknown_fact": (
        "rules:\n  - "
        + RULE.replace("because: b", 'because: "{fact.sped}"')
        + "\n    then: [{recommend: stream_a}]\n",
        "kb/zz.yaml:5: rule ING-101: unknown fact 'sped' in template (did you mean 'speed'?)",
    ),
    "node_placeholder_without_for_each": (
        f'rules:\n  - {RULE}\n    then: [{{recommend: "{{node}}"}}]\n',
        "kb/zz.yaml:7: rule ING-101: '{node}' is only defined in a rule with for_each",
    ),
    "derive_a_question": (
        f"rules:\n  - {RULE}\n    then: [{{derive: arrival, value: stream}}]\n",
        "kb/zz.yaml:7: rule ING-101: 'arrival' is a question; rules may only derive facts declared under 'facts'",
    ),
    "trait_test_outside_for_each": (
        f"rules:\n  - {RULE}\n    when: {{trait: floor, eq: fast}}\n    then: [{{recommend: lake}}]\n",
        "kb/zz.yaml:7: rule ING-101: a trait test is only allowed in for_each.where",
    ),
    "node_outside_the_stage": (
        f"rules:\n  - {RULE}\n    then: [{{recommend: lake}}]\n",
        "kb/zz.yaml:7: rule ING-101: node 'lake' is not in stage 'ingestion' (its stages: storage); add the"
        " stage to the node or name the action's stage",
    ),
    "duplicate_rule_id": (
        "rules:\n  - {id: ING-001, title: t, stage: ingestion, because: b, then: [{recommend: lake}],"
        ' sources: ["https://docs.aws.amazon.com/x"]}\n',
        "kb/zz.yaml:2: duplicate rule id 'ING-001' (first defined at kb/rules.yaml:2)",
    ),
    "bad_rule_id": (
        "rules:\n  - {id: ing-1, title: t, stage: ingestion, because: b, then: [{recommend: lake}],"
        ' sources: ["https://docs.aws.amazon.com/x"]}\n',
        "kb/zz.yaml:2: rules[0].id: must be a rule id like ING-004, got 'ing-1'",
    ),
    "rule_cycle": (
        f"rules:\n  - {RULE}\n    when: {{fact: tier, eq: gold}}\n    then: [{{derive: needs_stream, value: true}}]\n"
        f"  - {RULE.replace('ING-101', 'ING-102')}\n    when: {{fact: needs_stream, eq: true}}\n"
        "    then: [{derive: tier, value: gold}]\n",
        "kb/zz.yaml:15: rule ING-102: rule cycle through derived facts or picks: needs_stream (ING-102) -> tier (ING-101)"
        " -> needs_stream; a rule may not depend on its own conclusion",
    ),
    # Classes a fuzz run found (issue 7): `kb validate` refuses them with one line.
    "duplicate_choice_id": (
        "questions:\n  - id: q2\n    stage: ingestion\n    type: choice\n    text: Q?\n    choices:\n"
        "      - {id: a, label: A}\n      - {id: a, label: B}\n",
        "kb/zz.yaml:8: question q2: duplicate choice id 'a' (first at line 7; give each its own id)",
    ),
    "duplicate_scale_value": (
        "scales:\n  - id: size\n    name: Size\n    values:\n      - {id: small, label: S}\n"
        "      - {id: big, label: B}\n      - {id: small, label: S2}\n",
        "kb/zz.yaml:7: scale size: duplicate scale value 'small' (first at line 5; give each its own id)",
    ),
    "boolean_weight": (
        f"rules:\n  - {RULE}\n    then: [{{recommend: stream_a, weight: true}}]\n",
        "kb/zz.yaml:7: rules[0].then[0].weight: expected a whole number, got True",
    ),
    "python_name_of_an_operator": (
        f"rules:\n  - {RULE}\n    when: {{fact: arrival, in_: [batch]}}\n    then: [{{recommend: stream_a}}]\n",
        "kb/zz.yaml:7: unknown key 'in_' in rules[0].when (did you mean 'in'?)",
    ),
    "infinite_maximum": (
        "questions:\n  - {id: q2, stage: ingestion, type: number, unit: MB, text: Q?,\n     maximum: .inf}\n",
        "kb/zz.yaml:3: '.inf' is not a finite number (write a number such as 12.5)",
    ),
    "nan_unit_factor": (
        "questions:\n  - {id: q2, stage: ingestion, type: number, unit: MB, text: Q?, units: {GB: .nan}}\n",
        "kb/zz.yaml:2: '.nan' is not a finite number (write a number such as 12.5)",
    ),
    "zero_unit_factor": (
        "questions:\n  - {id: q2, stage: ingestion, type: number, unit: MB, text: Q?, units: {GB: 0}}\n",
        "kb/zz.yaml:2: questions[0].units.GB: must be greater than 0, got 0",
    ),
    "negative_unit_factor": (
        "questions:\n  - {id: q2, stage: ingestion, type: number, unit: MB, text: Q?, units: {GB: -1000}}\n",
        "kb/zz.yaml:2: questions[0].units.GB: must be greater than 0, got -1000",
    ),
    "minimum_above_maximum": (
        "questions:\n  - {id: q2, stage: ingestion, type: number, unit: MB, text: Q?, minimum: 5, maximum: 1}\n",
        "kb/zz.yaml:2: questions[0]: minimum 5 is above maximum 1 (swap them)",
    ),
    "unit_that_cannot_be_typed": (
        'questions:\n  - {id: q2, stage: ingestion, type: number, unit: "MB ", text: Q?}\n',
        "kb/zz.yaml:2: questions[0].unit: must be a unit like MB or labelled examples (words with single"
        " spaces, not starting with a digit), got 'MB '",
    ),
    "integer_on_a_choice": (
        "questions:\n  - {id: q2, stage: ingestion, type: choice, text: Q?, integer: true,"
        " choices: [{id: a, label: A}]}\n",
        "kb/zz.yaml:2: questions[0]: 'integer' does not apply to a choice fact",
    ),
    "in_on_a_set_trait": (
        f"rules:\n  - {RULE}\n    for_each:\n      nodes: {{has_trait: [tags]}}\n"
        '      where: {trait: tags, in: [red]}\n    then: [{exclude: "{node}"}]\n',
        "kb/zz.yaml:9: rule ING-101: 'in' tests a single value, but this is a set of values (use 'contains'"
        " to test a multi-choice answer or a set trait)",
    ),
    "not_in_on_a_multi_choice_fact": (
        f"rules:\n  - {RULE}\n    when: {{fact: skills, not_in: [sql]}}\n    then: [{{recommend: stream_a}}]\n",
        "kb/zz.yaml:7: rule ING-101: 'not_in' tests a single value, but this is a set of values (use"
        " 'contains' to test a multi-choice answer or a set trait)",
    ),
    "a_scenario_in_the_folder": (
        "id: my_case\ntitle: A case\nanswers: {arrival: stream}\nexpect: {ingestion: {top: stream_a}}\n",
        "kb/zz.yaml:1: unknown key 'id' (expected one of: exams, stages, scales, traits, questions, facts,"
        " nodes, rules, cloudformation)",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_knowledge(case: str, kb_with: Callable[..., Path]) -> None:
    text, expected = CASES[case]
    root = kb_with(zz=text)
    with pytest.raises(AdvisorError) as error:
        load_knowledge(root, use_cache=False)
    assert str(error.value) == expected


def test_missing_knowledge_folder(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="knowledge folder not found"):
        load_knowledge(tmp_path / "nowhere", use_cache=False)


def test_cli_validate_reports_one_line_and_exit_2(
    kb_with: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from advisor.cli import main

    root = kb_with(zz="nodes: [{id: x1}]\n")
    assert main(["kb", "validate", str(root)]) == 2
    assert capsys.readouterr().err == "kb/zz.yaml:1: missing required key 'name' in nodes[0]\n"


@pytest.mark.parametrize("content", ["", "nodes: []\n"])
def test_a_folder_without_knowledge_is_refused(
    content: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from advisor.cli import main

    (tmp_path / "empty.yaml").write_text(content)
    assert main(["kb", "validate", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"{tmp_path}: the knowledge defines no stages (a knowledge folder needs at least one of each:"
        " stages, questions, nodes, rules)\n"
    )


def test_in_on_a_set_trait_never_reaches_recommend(
    kb_with: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It used to pass `kb validate` and crash every later `recommend` with a TypeError."""
    from advisor.cli import main

    root = kb_with(zz=CASES["in_on_a_set_trait"][0])
    answers = tmp_path / "answers.yaml"
    answers.write_text("answers: {arrival: stream}\n")
    assert main(["--rules", str(root), "recommend", str(answers)]) == 2
    assert capsys.readouterr().err == CASES["in_on_a_set_trait"][1].replace("kb/", f"{root.name}/") + "\n"

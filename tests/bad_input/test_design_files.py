"""Bad design files and CloudFormation templates: one line naming file, line and fix; exit
code 2; never a traceback. Property tests: random and mutated templates and design files
only ever exit 0, 2 or 3, with one-line errors."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import cfnlint.decode  # noqa: F401  # imported here once, so no property-test example pays for it
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from advisor.cli import main
from advisor.knowledge import KnowledgeBase

from fixtures_path import CHECK

ANSWERS = "answers: {arrival: stream, speed: fast}\n"

DESIGN_CASES = {
    "suppression_names_nothing": (
        ANSWERS + "suppress:\n  - {reason: because}\n",
        "{f}:3: suppress[0]: a suppression names a 'rule', a 'node' or both",
    ),
    "suppression_without_reason": (
        ANSWERS + "suppress:\n  - {node: buffer_b}\n",
        "{f}:3: missing required key 'reason' in suppress[0]",
    ),
    "suppression_of_unknown_rule": (
        ANSWERS + "suppress:\n  - rule: ING-03\n    reason: r\n",
        "{f}:3: suppress[0].rule: unknown rule 'ING-03' (did you mean 'ING-003'?)",
    ),
    "suppression_of_unknown_node": (
        ANSWERS + "suppress:\n  - {node: bufer_b, reason: r}\n",
        "{f}:3: suppress[0].node: unknown node 'bufer_b' (did you mean 'buffer_b'?)",
    ),
    "suppression_expires_not_a_date": (
        ANSWERS + "suppress:\n  - {node: buffer_b, reason: r, expires: soon}\n",
        "{f}:3: suppress[0].expires: expected a date like 2024-01-31, got 'soon'",
    ),
    "design_node_in_wrong_stage": (
        ANSWERS + "design:\n  storage: buffer_b\n",
        "{f}:3: design.storage: 'buffer_b' is not used in this stage (its stages: ingestion)",
    ),
    "template_file_missing": (
        ANSWERS + "template: nowhere.template.yaml\n",
        "{d}/nowhere.template.yaml: no such file",
    ),
    "expected_finding_of_unknown_kind": (
        "id: bad_design\ntitle: t\n" + ANSWERS + "expect_findings:\n  - {kind: wrong, severity: error}\n",
        "{f}:5: expect_findings[0].kind: must be 'violates', 'better-fit', 'not-recommended',"
        " 'not-needed', 'status', 'no-choice', 'diagnosis', 'suppression-expired' or 'suppression-unused',"
        " got 'wrong'",
    ),
}

TEMPLATE_CASES = {
    "syntax": (b"Resources:\n  A: [\n", "{t}:3: invalid template: did not find expected node content"),
    "not_a_mapping": (b"- AWS::S3::Bucket\n", "{t}:1: a template is a mapping with a 'Resources' section"),
    "no_resources": (
        b"Parameters: {}\n",
        "{t}:1: a template needs a 'Resources' mapping with at least one resource",
    ),
    "empty_resources": (
        b"Description: x\nResources: {}\n",
        "{t}:2: a template needs a 'Resources' mapping with at least one resource",
    ),
    "resource_without_type": (
        b"Resources:\n  Lake:\n    Properties: {}\n",
        "{t}:2: Resources.Lake: a resource needs a 'Type' (text)",
    ),
    "unknown_tag": (
        b"Resources:\n  Lake:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Env NAME\n",
        "{t}:5: unknown intrinsic function 'Fn::Env' (!Env); see the CloudFormation intrinsic function reference",
    ),
    "duplicate_key": (
        b"Resources:\n  Lake: {Type: AWS::S3::Bucket}\n  Lake: {Type: AWS::S3::Bucket}\n",
        "{t}:2: invalid template: Duplicate found 'Lake' (line 2)",
    ),
    "python_tag": (
        b"Resources:\n  Lake: !!python/object/apply:os.system [ls]\n",
        "{t}:1: invalid template: Template could not be parsed: could not determine a constructor for the"
        " tag 'tag:yaml.org,2002:python/object/apply:os.system'",
    ),
    "not_utf8": (b"Resources:\n  L\xe9: {}\n", "{t}:2: not valid UTF-8 (byte 0xe9); save the file as UTF-8"),
    "json_syntax": (
        b'{"Resources": {"Lake": {"Type": "AWS::S3::Bucket"}\n',
        "{t}:2: invalid template: did not find expected ',' or '}}'",
    ),
}


def run_check(kb: KnowledgeBase, *argv: str) -> int:
    return main(["--rules", str(kb.source), "check", *argv])


@pytest.mark.parametrize("case", sorted(DESIGN_CASES))
def test_bad_design_file(
    case: str, check_kb: KnowledgeBase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, expected = DESIGN_CASES[case]
    path = tmp_path / f"{case}.design.yaml"
    path.write_text(text, encoding="utf-8")
    assert run_check(check_kb, str(path)) == 2
    assert capsys.readouterr().err == expected.format(f=path, d=tmp_path) + "\n"


@pytest.mark.parametrize("case", sorted(TEMPLATE_CASES))
def test_bad_template(
    case: str, check_kb: KnowledgeBase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, expected = TEMPLATE_CASES[case]
    template = tmp_path / f"{case}.template.yaml"
    template.write_bytes(content)
    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    assert run_check(check_kb, "--template", str(template), "--answers", str(answers)) == 2
    assert capsys.readouterr().err == expected.format(t=template) + "\n"


# -- property tests ----------------------------------------------------------------------------------

TYPES = st.sampled_from(
    [
        "AWS::Kinesis::Stream",
        "AWS::KinesisFirehose::DeliveryStream",
        "AWS::S3::Bucket",
        "AWS::Redshift::Cluster",
        "AWS::Lambda::Function",
    ]
)
NAMES = st.sampled_from(
    [
        "StreamModeDetails",
        "StreamMode",
        "Encrypted",
        "NodeType",
        "BufferingHints",
        "IntervalInSeconds",
        "ExtendedS3DestinationConfiguration",
        "X",
    ]
)
FUNCTIONS = st.sampled_from(
    [
        "Ref",
        "Fn::If",
        "Fn::Sub",
        "Fn::GetAtt",
        "Fn::Join",
        "Fn::Select",
        "Fn::FindInMap",
        "Fn::Foo",
        "Condition",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 500),
    st.sampled_from(["ON_DEMAND", "true", "ra3.xlplus", "60", "AWS::NoValue"]),
    st.text(max_size=8),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(NAMES, inner, max_size=3),
        st.builds(lambda f, v: {f: v}, FUNCTIONS, inner),
    ),
    max_leaves=12,
)
RESOURCES = st.dictionaries(
    st.from_regex(r"[A-Z][a-zA-Z0-9]{0,8}", fullmatch=True),
    st.one_of(st.builds(lambda t, p: {"Type": t, "Properties": p}, TYPES, VALUES), VALUES),
    max_size=4,
)
TEMPLATES = st.one_of(
    st.builds(
        lambda r, p: {"Parameters": p, "Resources": r},
        RESOURCES,
        st.dictionaries(
            st.sampled_from(["Mode", "Env"]), st.dictionaries(st.sampled_from(["Type", "Default"]), SCALARS)
        ),
    ),
    VALUES,
)


def mutate(text: str, cut: int, insert: str) -> str:
    """Insert a fragment (a tag, a bracket, a tab…) at a point of the text."""
    point = cut % (len(text) + 1)
    return text[:point] + insert + text[point:]


INSERTS = st.one_of(
    st.just(""),
    st.sampled_from(
        ["!Ref ", "!GetAtt ", "!Bogus ", "[", "{", ":", "\t", "&a ", "*a", "\n- ", '"', "!!python/object "]
    ),
)
FIXTURE_TEMPLATES = st.sampled_from(
    [
        (CHECK / name).read_text(encoding="utf-8")
        for name in ("all_tags.template.yaml", "all_tags.template.json")
    ]
)


def assert_one_line_outcome(code: int, out: str, err: str) -> None:
    assert code in (0, 2, 3), err
    if code == 2:
        assert out == "" and err.endswith("\n") and err.count("\n") == 1 and "Traceback" not in err
    else:
        assert err == ""


@settings(
    max_examples=150,
    deadline=2000,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.one_of(TEMPLATES, FIXTURE_TEMPLATES), st.booleans(), st.integers(0, 10_000), INSERTS)
def test_random_and_mutated_templates_exit_0_2_or_3_with_one_line_errors(
    check_kb: KnowledgeBase,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    template: object,
    as_json: bool,
    cut: int,
    insert: str,
) -> None:
    text = (
        template
        if isinstance(template, str)
        else json.dumps(template)
        if as_json
        else yaml.safe_dump(template)
    )
    path = tmp_path / "t.template.yaml"
    path.write_text(mutate(text, cut, insert), encoding="utf-8")
    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    code = run_check(check_kb, "--template", str(path), "--answers", str(answers), "--format", "sarif")
    event(f"exit {code}")
    captured = capsys.readouterr()
    assert_one_line_outcome(code, captured.out if code == 2 else "", captured.err)


VALID_SUPPRESSION = st.fixed_dictionaries(
    {"reason": st.just("accepted")},
    optional={
        "rule": st.sampled_from(["ING-003", "better-fit", "status", "violates"]),
        "node": st.sampled_from(["buffer_b", "lake", "old_d"]),
        "expires": st.sampled_from([datetime.date(2020, 1, 1), datetime.date(2099, 12, 31)]),
    },
)
ANY_SUPPRESSION = st.dictionaries(
    st.sampled_from(["rule", "node", "reason", "expires", "other"]), SCALARS, max_size=4
)
SUPPRESSIONS = st.lists(st.one_of(VALID_SUPPRESSION, VALID_SUPPRESSION, ANY_SUPPRESSION), max_size=3)
CHOICES = {
    "ingestion": ["buffer_b", "stream_a", "old_d", "batch_c"],
    "storage": ["lake", "warehouse"],
    "capacity": ["cap_on_demand", "cap_provisioned"],
    "training": ["trainer"],
}
VALID_DESIGN = st.fixed_dictionaries(
    {},
    optional={
        stage: st.lists(st.sampled_from(nodes), min_size=1, max_size=2) for stage, nodes in CHOICES.items()
    },
)
DESIGNS = st.one_of(
    VALID_DESIGN,
    VALID_DESIGN,
    st.dictionaries(
        st.sampled_from([*CHOICES, "nowhere"]), st.sampled_from(["lake", "stream_a", "x"]), max_size=2
    ),
)


@settings(
    max_examples=100,
    deadline=2000,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(DESIGNS, SUPPRESSIONS, st.sampled_from(["exam", "current", None]), st.integers(0, 10_000), INSERTS)
def test_random_and_mutated_design_files_exit_0_2_or_3_with_one_line_errors(
    check_kb: KnowledgeBase,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    design: object,
    suppress: object,
    lens: str | None,
    cut: int,
    insert: str,
) -> None:
    document = {
        "answers": {"arrival": "stream", "speed": "fast"},
        "design": design,
        "suppress": suppress,
        "focus": ["ingestion"],
    }
    if lens:
        document["lens"] = lens
    path = tmp_path / "x.design.yaml"
    path.write_text(mutate(yaml.safe_dump(document), cut, insert), encoding="utf-8")
    code = run_check(check_kb, str(path), "--format", "json")
    event(f"exit {code}")
    captured = capsys.readouterr()
    assert_one_line_outcome(code, captured.out if code == 2 else "", captured.err)

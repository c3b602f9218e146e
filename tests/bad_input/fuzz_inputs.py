"""Hypothesis strategies for bad input of each kind the advisor reads: answers files, knowledge
folders (mutations of the shipped rules/) and `advisor ask` input streams.

Each strategy mixes plausible input (real question ids, choice ids, numbers with units) with
the awkward: YAML that no loader should accept (huge integers, `.nan`, impossible dates,
non-scalar keys, deep nesting, tags, aliases), text with control characters, runs of
blanks, invalid UTF-8 and NUL bytes, and byte-level damage. Shared by the property tests in
this folder and by `bench/fuzz.py`.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from advisor.knowledge import KnowledgeBase, load_knowledge
from advisor.knowledge.models import Question
from advisor.knowledge.scenarios import scenario_files
from advisor.resources import rules_dir

Draw = Callable[[st.SearchStrategy[Any]], Any]


@dataclass(frozen=True)
class Raw:
    """YAML text written into a document verbatim (what a dumper would never produce)."""

    text: str


@functools.cache
def shipped_knowledge() -> KnowledgeBase:
    return load_knowledge()


@functools.cache
def shipped_rules() -> dict[str, Any]:
    """Each shipped knowledge file (path relative to rules/) with its parsed content."""
    root = rules_dir()
    return {
        str(path.relative_to(root)): yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(root.rglob("*.yaml"))
    }


# -- values ---------------------------------------------------------------------------------


def _nested(depth: int, kind: str) -> str:
    return "[" * depth + "]" * depth if kind == "list" else "{a: " * depth + "1" + "}" * depth


RAW_VALUES = [
    "9" * 5000,
    "-" + "9" * 400,
    "9" * 400 + ".0",
    "1e999",
    "-1e999",
    ".nan",
    ".inf",
    "-.inf",
    "0x" + "f" * 300,
    "0b" + "1" * 5000,
    ":".join(["59"] * 200),
    ":".join(["59"] * 200) + ".5",
    "190:20:30",
    "1_000",
    "2024-13-45",
    "2024-02-30",
    "2024-01-01T25:61:00",
    "2024-01-01",
    "!!int abc",
    "!!float x",
    "!!bool maybe",
    "!!null x",
    "!!timestamp 2024-99-99",
    "!!str {a: 1}",
    "!!map [1]",
    "!!seq {a: 1}",
    "!!binary aGk=",
    "!!set {a}",
    "!!python/object:os.system {}",
    "!custom x",
    "&a [1]",
    "*a",
    "{<<: {a: 1}}",
    "{[a]: 1}",
    "{{a: 1}: 2}",
    "{[a, [b]]: c}",
    "{1: a, 1.0: b}",
    "[a, 1, {b: 2}, 2024-01-01, null]",
    "~",
    "yes",
    "Off",
    '"\\0\\x1b\\n\\u2028\\x85"',
    "''",
    *(_nested(depth, kind) for depth in (99, 100, 101, 500, 990, 995, 999, 1001) for kind in ("list", "map")),
    "[" + "1," * 99_990 + "1]",
    "[" + "1," * 150_000 + "1]",
    "{" + ", ".join(f"k{index}: {index}" for index in range(60_000)) + "}",
]

AWKWARD_TEXT = [
    "",
    " ",
    "\t",
    "\x00",
    "a\nb",
    "a\r\nb",
    "\u2028",
    "\x85",
    "\x1b[31mred\x1b[0m",
    "\x7f",
    "٣",
    "²",
    "\U0001d7d9",
    "\ufeff",
    "é",
    "{node}",
    "{fact.x}",
    "%s",
    "'",
    '"',
    "\\",
    "- a",
    "a: b",
    "#",
]

UNITS = [
    "",
    "MB",
    "KB",
    "GB",
    "PB",
    "mb",
    "s",
    "ms",
    "min",
    "h",
    "days",
    "models",
    "items",
    "thousand",
    "million",
    "labelled examples",
    "labelled  examples",
    "training jobs",
    "hyperparameters",
    "%",
    "x",
    "e5",
]
BLANKS = ["", " ", "  ", "\t", " " * 40_000, "\t" * 5000, "\u00a0", "\u3000", "\n"]
NUMBERS = [
    "2.5",
    "0",
    "-0",
    "-1",
    "1e5",
    ".5",
    "5.",
    "1,000",
    "+3",
    "٣",
    "9" * 30,
    "9" * 31,
    "9" * 400,
    "1" * 5000,
]


def one_of_list(options: list[Any]) -> st.SearchStrategy[Any]:
    """`sampled_from` without a repr that spells out every (sometimes huge) option."""

    def option(index: int) -> Any:
        return options[index]

    return st.integers(0, len(options) - 1).map(option)


def awkward_text() -> st.SearchStrategy[str]:
    """Strings with control characters, line breaks, odd digits, YAML syntax and great length."""
    return st.one_of(
        st.text(max_size=20),
        one_of_list(AWKWARD_TEXT),
        st.builds(
            lambda piece, times: piece * times,
            st.sampled_from(["x", " ", "a b", "\n", "é", "1", "{"]),
            st.integers(1000, 120_000),
        ),
    )


def number_text() -> st.SearchStrategy[str]:
    """How people write a quantity, and how they get it wrong: `12 MB`, `2.5 models`,
    `12   labelled examples`, forty thousand blanks, 5,000 digits."""
    number = st.one_of(
        st.integers(-(10**6), 10**12).map(str),
        st.floats().map(repr),
        one_of_list(NUMBERS),
    )
    blank = one_of_list(BLANKS)
    return st.builds(lambda *parts: "".join(parts), blank, number, blank, one_of_list(UNITS), blank)


def scalars() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**30), 10**30),
        st.floats(),
        st.dates(),
        awkward_text(),
        number_text(),
        one_of_list(RAW_VALUES).map(Raw),
    )


def values() -> st.SearchStrategy[Any]:
    """Any YAML value, a little nested: scalars, lists and mappings of them."""
    return st.recursive(
        scalars(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys(), inner, max_size=3),
        max_leaves=8,
    )


def keys() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.text(max_size=12),
        one_of_list(["in_", "not_", "id", "answers", "a\nb", "\x00", "<<", "x" * 100_000]),
        st.integers(-5, 5),
        st.booleans(),
        st.none(),
        st.sampled_from(["[a]", "{a: 1}", "[[a], b]"]).map(Raw),
    )


def answer_for(question: Question, kb: KnowledgeBase) -> st.SearchStrategy[Any]:
    """An answer to `question`: one of its values, a near miss or nonsense."""
    ids = [choice.id for choice in question.choices or []]
    if question.scale is not None:
        ids = [step.id for step in kb.scales[question.scale].values]
    if question.type == "number":
        fitting: st.SearchStrategy[Any] = st.one_of(number_text(), st.integers(-10, 10**9), st.floats())
    elif question.type == "yes_no":
        fitting = st.one_of(st.booleans(), st.sampled_from(["yes", "maybe", "1"]))
    elif question.type == "multi_choice":
        fitting = st.lists(st.one_of(st.sampled_from(ids), scalars()), max_size=5)
    else:
        fitting = st.sampled_from(ids)
    return st.one_of(fitting, fitting, st.none(), values())


# -- YAML text ------------------------------------------------------------------------------


@st.composite
def yaml_text(draw: Draw, document: Any) -> bytes:
    """`document` as YAML in a drawn style, with every Raw value written verbatim."""
    raws: list[str] = []

    def swap(value: Any) -> Any:
        if isinstance(value, Raw):
            raws.append(value.text)
            return f"RAWVALUE{len(raws) - 1}X"
        if isinstance(value, dict):
            return {swap(key): swap(item) for key, item in value.items()}
        if isinstance(value, list):
            return [swap(item) for item in value]
        return value

    text = yaml.safe_dump(
        swap(document),
        default_flow_style=draw(st.sampled_from([False, True, None])),
        allow_unicode=draw(st.booleans()),
        sort_keys=False,
        width=draw(st.sampled_from([80, 1_000_000])),
    )
    for index, raw in reversed(list(enumerate(raws))):
        text = text.replace(f"RAWVALUE{index}X", raw)
    return text.encode("utf-8", errors="surrogatepass")


DAMAGE = [
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\xef\xbb\xbf",
    b"\t",
    b"\r",
    b"\n",
    b": ",
    b"- ",
    b"? ",
    b"&a ",
    b"*a",
    b"!!",
    b"{",
    b"[",
    b"]",
    b"}",
    b"#",
    b"'",
    b'"',
    b"|\n",
    b"<<: ",
    b"\n  ",
]


@st.composite
def damaged(draw: Draw, text: bytes) -> bytes:
    """`text` with a few byte-level edits: insertions, deletions, cuts, repeated lines."""
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "cut", "repeat"]))
        if edit == "insert":
            piece = draw(st.one_of(one_of_list(DAMAGE), st.binary(min_size=1, max_size=6)))
            text = text[:at] + piece + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 8)) :]
        elif edit == "cut":
            text = text[:at]
        else:
            lines = text.splitlines(keepends=True)
            if lines:
                line = draw(st.integers(0, len(lines) - 1))
                text = b"".join([*lines[: line + 1], lines[line], *lines[line + 1 :]])
    return text


def written(documents: st.SearchStrategy[Any]) -> st.SearchStrategy[bytes]:
    """Documents as YAML, some of them damaged, plus a few arbitrary byte strings."""
    clean = documents.flatmap(yaml_text)
    return st.one_of(clean, clean, clean.flatmap(damaged), st.binary(max_size=200))


# -- answers files --------------------------------------------------------------------------


@st.composite
def answers_documents(draw: Draw) -> Any:
    """An answers (or scenario) document about the shipped questions, with mistakes."""
    kb = shipped_knowledge()
    questions = draw(st.lists(st.sampled_from(sorted(kb.questions)), max_size=8, unique=True))
    answers: dict[Any, Any] = {qid: draw(answer_for(kb.questions[qid], kb)) for qid in questions}
    answers.update(draw(st.dictionaries(keys(), values(), max_size=2)))
    document: dict[Any, Any] = {"answers": answers}
    stages, nodes = sorted(kb.stages), sorted(kb.nodes)
    optional = {
        "title": st.one_of(st.text(max_size=20), values()),
        "lens": st.sampled_from(["exam", "current", "future", None, 1]),
        "narrative": awkward_text(),
        "id": st.sampled_from(["my_case", "Bad Id", ""]),
        "expect": st.one_of(st.just({"ingestion": {"top": "amazon_kinesis_data_streams"}}), values()),
        # What the person is deciding and what runs today (keys of newer answers files).
        "focus": st.one_of(st.lists(st.sampled_from([*stages, "all", "nowhere"]), max_size=3), values()),
        "design": st.one_of(
            st.dictionaries(st.sampled_from(stages), st.sampled_from(nodes), max_size=2), values()
        ),
    }
    for key in draw(st.lists(st.sampled_from(sorted(optional)), unique=True, max_size=3)):
        document[key] = draw(optional[key])
    document.update(draw(st.dictionaries(keys(), values(), max_size=1)))
    return draw(values()) if draw(st.integers(0, 3)) == 0 else document


def answers_files() -> st.SearchStrategy[bytes]:
    """The bytes of an answers file."""
    return written(answers_documents())


# -- knowledge folders ----------------------------------------------------------------------

OPERATORS = ["eq", "ne", "in", "not_in", "lt", "le", "gt", "ge", "contains", "known", "in_"]
SCHEMA_WORDS = ["weight", "integer", "units", "maximum", "minimum", "values", "choices", "in_", "not_", "id"]


@dataclass(frozen=True)
class FolderChange:
    """How a knowledge folder differs from the shipped rules/: file -> new bytes (None: gone)."""

    files: dict[str, bytes | None]

    def apply(self, folder: Path) -> None:
        for name, content in self.files.items():
            path = folder / name
            if content is None:
                path.unlink(missing_ok=True)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)


def _places(data: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside `data`."""
    found = [at]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _places(value, (*at, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _places(value, (*at, index))
    return found


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


@st.composite
def _edit(draw: Draw, data: Any) -> Any:
    """One structural change somewhere in a parsed knowledge file."""
    data = copy.deepcopy(data)
    places = _places(data)
    path = draw(st.sampled_from(places[1:] or places))
    parent = _get(data, path[:-1]) if path else None
    edit = draw(
        st.sampled_from(["replace", "borrow", "borrow", "drop", "add_key", "repeat", "operator", "wrap"])
    )
    if edit == "operator":
        return _change_operator(draw, data, places)
    if parent is None:
        return draw(values())
    key = path[-1]
    if edit == "replace":
        parent[key] = draw(values())
    elif edit == "borrow":  # a value that fits elsewhere in the file: often valid, sometimes not
        parent[key] = copy.deepcopy(_get(data, draw(st.sampled_from(places))))
    elif edit == "drop":
        del parent[key]
    elif edit == "add_key" and isinstance(parent[key], dict):
        parent[key][draw(st.one_of(st.sampled_from(SCHEMA_WORDS), keys()))] = draw(values())
    elif edit == "repeat" and isinstance(parent, list):
        parent.insert(key, copy.deepcopy(parent[key]))
    elif edit == "wrap":
        parent[key] = [parent[key]]
    return data


def _change_operator(draw: Draw, data: Any, places: list[tuple[Any, ...]]) -> Any:
    """Give a fact or trait test another operator (and sometimes a list operand, or a trait)."""
    tests = [
        _get(data, path)
        for path in places
        if isinstance(_get(data, path), dict) and {"fact", "trait"} & set(_get(data, path))
    ]
    if not tests:
        return data
    test = draw(st.sampled_from(tests))
    old = next((name for name in OPERATORS if name in test), None)
    operand = test.pop(old) if old else draw(values())
    new = draw(st.sampled_from(OPERATORS))
    if draw(st.booleans()):
        operand = operand if isinstance(operand, list) else [operand]
    test[new] = operand
    if "fact" in test and draw(st.booleans()):
        traits = sorted(trait.id for trait in shipped_knowledge().traits.values())
        test["trait"] = draw(st.sampled_from(traits))
        del test["fact"]
    return data


@st.composite
def knowledge_changes(draw: Draw) -> FolderChange:
    """One to three changes to a copy of the shipped rules/: edited, damaged, emptied,
    removed or added files."""
    shipped = shipped_rules()
    names = sorted(shipped)
    changed: dict[str, Any] = {}
    files: dict[str, bytes | None] = {}
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(names))
        kind = draw(st.sampled_from(["edit", "edit", "edit", "edit", "damage", "delete", "empty", "add"]))
        if kind == "edit":
            changed[name] = draw(_edit(changed.get(name, shipped[name])))
            files[name] = draw(yaml_text(changed[name]))
        elif kind == "damage":
            files[name] = draw(damaged(files.get(name) or draw(yaml_text(shipped[name]))))
        elif kind == "delete":
            files[name] = None
        elif kind == "empty":
            files[name] = draw(st.sampled_from([b"", b"{}\n", b"nodes: []\n", b"# nothing\n"]))
        else:
            extra = draw(st.sampled_from(["zz_extra.yaml", "sub/zz.yaml", "zz.YAML"]))
            scenario = draw(st.sampled_from(scenario_files()[:20]))
            files[extra] = scenario.read_bytes() if draw(st.booleans()) else draw(written(values()))
    return FolderChange(files)


# -- ask input streams ----------------------------------------------------------------------

ASK_WORDS = [b"1", b"2", b"3", b"4", b"9", b"0", b"10", b"1,2", b"1, 3", b" 2 ", b"1,,", b"s", b"S"]
ASK_WORDS += [b"b", b"q", b"?", b"", b" ", b"y", b"yes", b"-1", b"99999999999999999999"]
FILE_NAMES = [
    b"answers.yaml",
    b"out.yml",
    b"A.YAML",
    b"my answers.yaml",
    b"x\x00.yaml",
    b"\xff.yaml",
    b"nodir/a.yaml",
    b".yaml",
    b"a.yaml.txt",
    b"a" * 300 + b".yaml",
    b"/proc/a.yaml",
    b"-.yaml",
    b"~/a.yaml",
    b"a\tb.yaml",
    b"answers",
    b"answers.txt",
]


def ask_lines() -> st.SearchStrategy[bytes]:
    return st.one_of(
        one_of_list(ASK_WORDS),
        one_of_list(ASK_WORDS),
        number_text().map(lambda text: text.encode()),
        one_of_list(FILE_NAMES),
        awkward_text().map(lambda text: text.encode("utf-8", errors="surrogatepass")),
        st.binary(max_size=20),
        st.sampled_from([b"\xff\xfe", b"\xc3", b"a\x00b", b"\x00", b"\xed\xa0\x80", b"\xef\xbb\xbf1"]),
        st.builds(
            lambda piece, times: piece * times,
            st.sampled_from([b"1", b" ", b"1,", b"x", b"\xff", b"\x00"]),
            st.integers(10_000, 1_000_000),
        ),
    )


@st.composite
def ask_streams(draw: Draw) -> bytes:
    """What `advisor ask` may find on its standard input: lines joined by any line break."""
    lines = draw(st.lists(ask_lines(), max_size=25))
    separator = draw(st.sampled_from([b"\n", b"\n", b"\r\n", b"\r"]))
    return separator.join(lines) + draw(st.sampled_from([b"", separator]))

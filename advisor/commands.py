"""What each CLI command does, returning the text to show (the CLI only parses and prints)."""

from __future__ import annotations

from pathlib import Path

from advisor.errors import UnknownIdError
from advisor.knowledge import KnowledgeBase, load_knowledge
from advisor.loader import suggest
from advisor.resources import scenarios_dir


def example_path(name: str) -> Path:
    """The shipped scenario file whose id (and file name) is `name`."""
    found = sorted(scenarios_dir().rglob(f"{name}.yaml"))
    if not found:
        names = {path.stem for path in scenarios_dir().rglob("*.yaml")}
        raise UnknownIdError(f"unknown example '{name}'{suggest(name, names)}; see 'advisor examples'")
    return found[0]


def recommend(
    rules: Path | None, answers: Path | None, example: str | None, lens: str | None, fmt: str
) -> str:
    from advisor.answers import read_answers
    from advisor.engine.engine import Engine
    from advisor.render import render_result

    path = example_path(example) if example else answers
    assert path is not None
    kb = load_knowledge(rules)
    parsed, values = read_answers(kb, path)
    chosen = lens or parsed.lens or "exam"
    result = Engine(kb).run(values, chosen)  # type: ignore[arg-type]
    return render_result(kb, result, fmt, parsed.title)


def examples(rules: Path | None) -> str:
    from advisor.yaml_io import read_yaml

    lines = []
    for path in sorted(scenarios_dir().rglob("*.yaml"), key=lambda p: p.stem):
        data = read_yaml(path).data or {}
        lines.append(f"{path.stem:<40} {data.get('title', '')}")
    return "\n".join(lines) + "\n\nRun one with: advisor recommend --example NAME\n"


def validate(path: Path | None) -> str:
    kb = load_knowledge(path, use_cache=False)
    doc = kb.document
    where = kb.source or Path("rules")
    return (
        f"{where}: ok — {len(doc.stages)} stages, {len(doc.questions)} questions, "
        f"{len(doc.facts)} derived facts, {len(doc.nodes)} nodes, {len(doc.rules)} rules"
    )


def show(rules: Path | None, item_id: str) -> str:
    from advisor.render.show import render_item

    kb: KnowledgeBase = load_knowledge(rules)
    return render_item(kb, kb.find(item_id))

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


def ask(rules: Path | None, answers: Path | None, lens: str | None, save: Path | None) -> None:
    """Run the line dialogue on stdin/stdout, show the recommendation, then save the answers."""
    from advisor.answers import dump_answers, read_answers
    from advisor.ask import LineDialogue
    from advisor.engine.engine import Engine
    from advisor.interview import Interview
    from advisor.render.text import render_text

    kb = load_knowledge(rules)
    given: dict[str, object] = {}
    chosen = lens or "exam"
    if answers is not None:
        parsed, values = read_answers(kb, answers)
        given, chosen = dict(values), lens or parsed.lens or "exam"
    interview = Interview.start(Engine(kb), given, chosen)  # type: ignore[arg-type]
    LineDialogue(interview, _read_line, print).run()
    print()
    print(render_text(kb, interview.result(), "your answers"), end="")
    target = save or _ask_path()
    if target is not None:
        _write_new(target, dump_answers(kb, interview.answers, interview.lens))
        print(f"Saved your answers to {target} (run: advisor recommend {target})")


def _read_line(prompt: str) -> str | None:
    try:
        return input(prompt)
    except EOFError:
        return None


def _ask_path() -> Path | None:
    line = _read_line("Save these answers as YAML? File name (empty to skip): ")
    return Path(line.strip()) if line and line.strip() else None


def _write_new(target: Path, text: str) -> None:
    """Write a file that does not exist yet; never overwrite someone's file."""
    from advisor.errors import AdvisorError

    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise AdvisorError("file exists; choose another name (answers are not overwritten)", target) from None
    except OSError as error:
        raise AdvisorError(f"cannot write file: {error.strerror}", target) from None


def examples(rules: Path | None) -> str:
    from advisor.yaml_io import read_yaml

    lines = []
    for path in sorted(scenarios_dir().rglob("*.yaml"), key=lambda p: p.stem):
        data = read_yaml(path).data or {}
        lines.append(f"{path.stem:<40} {data.get('title', '')}")
    return "\n".join(lines) + "\n\nRun one with: advisor recommend --example NAME\n"


def coverage(rules: Path | None, missing_only: bool) -> tuple[str, bool]:
    """The coverage report, and whether nothing is missing."""
    from advisor.coverage import measure_coverage, render_coverage
    from advisor.scenarios import read_scenario, scenario_files

    kb = load_knowledge(rules)
    scenarios = [read_scenario(kb, path)[0] for path in scenario_files()]
    report = measure_coverage(kb, scenarios)
    return render_coverage(report, missing_only), report.complete


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

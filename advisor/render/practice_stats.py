"""`advisor practice stats` as text, JSON (format `aws-ml-advisor/practice-stats@1`, see
docs/json-format.md), Markdown or HTML (advisor.render.html); every format renders the same
PracticeStats."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from advisor.render.words import counted

if TYPE_CHECKING:
    from advisor.practice.stats import AreaStats, PracticeStats

FORMAT_ID = "aws-ml-advisor/practice-stats@1"


def render_stats(stats: PracticeStats, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(stats_to_dict(stats), indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return stats_markdown(stats)
    if fmt == "html":
        from advisor.render.html import render_stats_page

        return render_stats_page(stats)
    return stats_text(stats)


def stats_to_dict(stats: PracticeStats) -> dict[str, Any]:
    exam = stats.exam
    return {
        "format": FORMAT_ID,
        "exam": {"id": exam.id, "code": exam.code, "name": exam.name},
        **_area_dict(stats.overall),
        "rounds": stats.rounds,
        "domains": [{"id": a.id, "name": a.name, **_area_dict(a)} for a in stats.domains],
        "tasks": [{"id": a.id, "title": a.name, **_area_dict(a)} for a in stats.tasks],
        "due": {
            "today": stats.due_today,
            "forecast": list(stats.due_forecast),
            "tasks_today": list(stats.due_tasks),
        },
        "leeches": [
            {"question": leech.question, "failures": leech.failures, "attempts": leech.attempts}
            for leech in stats.leeches
        ],
    }


def _area_dict(area: AreaStats) -> dict[str, Any]:
    accuracy = round(area.accuracy, 3) if area.accuracy is not None else None
    return {
        "attempts": area.attempts,
        "correct": area.correct,
        "accuracy": accuracy,
        "by_day": [
            {"date": d.day.isoformat(), "attempts": d.attempts, "correct": d.correct} for d in area.days
        ],
    }


def percent(area: AreaStats) -> str:
    """`75%`, or `—` when nothing was answered."""
    return f"{round(100 * area.accuracy)}%" if area.accuracy is not None else "—"


def progress_line(stats: PracticeStats) -> str:
    """`8 answers in 3 rounds, 5 right (62%)`, the overall line of every format."""
    overall = stats.overall
    answers, rounds = counted(overall.attempts, "answer"), counted(stats.rounds, "round")
    return f"{answers} in {rounds}, {overall.correct} right ({percent(overall)})"


def stats_text(stats: PracticeStats) -> str:
    lines = [
        f"Practice progress · {stats.exam.name} ({stats.exam.code})",
        progress_line(stats),
        "",
        "Per domain (accuracy, answers; per day: right/answers):",
    ]
    for area in stats.domains:
        lines.append(f"  {percent(area):>5} {area.attempts:>4}  {area.name}")
        if area.days:
            lines.append("        " + "  ".join(f"{d.day}: {d.correct}/{d.attempts}" for d in area.days))
    lines += ["", "Per task statement:"]
    lines += [f"  {percent(a):>5} {a.attempts:>4}  {a.id} {a.name}" for a in stats.tasks if a.attempts]
    lines += ["", f"Due today: {counted(stats.due_today, 'question')}", _forecast(stats)]
    if stats.due_tasks:
        lines.append(f"Task statements due today: {', '.join(stats.due_tasks)}")
    lines += ["", f"Leeches: {len(stats.leeches)}"]
    lines += [
        f"  {leech.question}: wrong {leech.failures} of {counted(leech.attempts, 'time')}"
        for leech in stats.leeches
    ]
    return "\n".join(lines) + "\n"


def _forecast(stats: PracticeStats) -> str:
    days = ", ".join(str(n) for n in stats.due_forecast)
    return f"Due on each of the next {len(stats.due_forecast)} days (today first): {days}"


def stats_markdown(stats: PracticeStats) -> str:
    out = [
        f"# Practice progress: {stats.exam.name} ({stats.exam.code})",
        "",
        f"{progress_line(stats)}.",
        "",
        "## Per domain",
        "",
        "| Domain | Answers | Right | Accuracy |",
        "| --- | ---: | ---: | ---: |",
    ]
    out += [f"| {a.name} | {a.attempts} | {a.correct} | {percent(a)} |" for a in stats.domains]
    out += [
        "",
        "## Per task statement",
        "",
        "| Task | Answers | Right | Accuracy |",
        "| --- | ---: | ---: | ---: |",
    ]
    out += [
        f"| {a.id} {a.name} | {a.attempts} | {a.correct} | {percent(a)} |" for a in stats.tasks if a.attempts
    ]
    out += ["", "## Over time", "", "| Day | Answers | Right |", "| --- | ---: | ---: |"]
    out += [f"| {d.day} | {d.attempts} | {d.correct} |" for d in stats.overall.days]
    out += ["", "## Due", "", f"{counted(stats.due_today, 'question')} due today. {_forecast(stats)}."]
    if stats.due_tasks:
        out.append(f"Task statements due today: {', '.join(stats.due_tasks)}.")
    out += ["", "## Leeches", ""]
    out += [
        f"- `{leech.question}`: wrong {leech.failures} of {counted(leech.attempts, 'time')}"
        for leech in stats.leeches
    ]
    if not stats.leeches:
        out.append("None.")
    return "\n".join(out) + "\n"

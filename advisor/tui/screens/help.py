"""Help: what each screen does and its keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

INTRO = (
    "Answer questions about your ML problem; the advisor recommends AWS services stage by stage "
    "and says why. Everything works from the keyboard; ctrl+p opens the command palette."
)
KEYS = (
    (
        "Everywhere",
        (
            ("f1", "this help"),
            ("t", "light / dark theme"),
            ("q", "quit (twice if answers are not saved; ctrl+q at once)"),
            ("escape", "back to the previous screen"),
        ),
    ),
    (
        "Home",
        (
            ("n o k p", "new interview, open an answers file, knowledge browser, practice"),
            ("d", "check a design file or CloudFormation template"),
            ("c", "continue the interview"),
        ),
    ),
    (
        "Interview",
        (
            ("1-9", "pick a numbered answer (tick it, for several)"),
            ("↑ ↓ enter", "move and answer; space ticks, enter submits several"),
            ("s  b", 'skip ("I don\'t know") · go back one answer'),
            ("w  ?", "why this question: what its answers would change"),
            ("r", "results"),
            ("e  h  a", "export the report (Markdown · HTML) · the answers (YAML)"),
            ("numbers", "type a unit (12 MB); s, b or ? then enter; escape leaves the box"),
            ("tab", "a help text too long for the panel: focus it to scroll it"),
        ),
    ),
    (
        "Results",
        (
            ("↑ ↓", "stages, candidates, rejected alternatives"),
            ("tab", "focus the detail to scroll it (a name cut with … is there in full)"),
            ("l", "lens: exam (the certification) or current (new customers today)"),
            ("e  h  a", "export the report (Markdown · HTML) · the answers"),
        ),
    ),
    (
        "Check a design",
        (
            ("↑ ↓", "findings: errors, warnings, information, then the suppressed ones"),
            ("tab", "focus the detail to scroll it: where, requirement, fix, why not, sources"),
            ("e  h", "export the check (Markdown · HTML)"),
        ),
    ),
    (
        "Knowledge",
        (
            ("type", "search nodes, rules and questions (/ from the list)"),
            ("↑ ↓", "show one: traits, relations, status, rules that mention it"),
        ),
    ),
    (
        "Practice",
        (
            ("d r e v", "due today, drill, exam simulation (timed), review missed"),
            ("f  p", "the full-length exam · progress plots"),
            ("+ -", "more or fewer questions per round"),
            ("a-d", "answer (or ↑ ↓ enter); n next question; tab scrolls the explanation"),
            ("e", "export the round as Markdown"),
            ("escape", "end the round and see the report (answers are saved at once)"),
        ),
    ),
)


class HelpScreen(ModalScreen[None]):
    """The keys of every screen; escape, f1 or q closes it."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Label("AWS ML Advisor — help  (escape closes)", id="help-title")
            with VerticalScroll(id="help-text"):
                yield Static(help_text())


def help_text() -> Content:
    lines = [Content(INTRO)]
    for place, keys in KEYS:
        lines += [Content(""), Content.styled(place, "bold $accent")]
        lines += [Content.assemble((f"  {key:<10}", "bold"), does) for key, does in keys]
    return Content("\n").join(lines)

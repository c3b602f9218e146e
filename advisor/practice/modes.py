"""The kinds of practice round (a leaf module: the command line lists them without loading the
question bank)."""

from __future__ import annotations

from typing import Literal

Mode = Literal["drill", "exam", "review", "due"]
MODES: tuple[Mode, ...] = ("due", "drill", "exam", "review")

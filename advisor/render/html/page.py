"""The one Jinja2 environment for HTML pages: templates are package data, every value is
escaped (autoescape on), and an undefined name is an error rather than an empty string."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

import advisor


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("advisor.render.html", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["version"] = advisor.__version__
    return env


def render_page(template: str, **context: Any) -> str:
    """Render a template that extends `base.html` (one self-contained page, no scripts)."""
    return environment().get_template(template).render(**context)

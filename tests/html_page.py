"""A parsed HTML page for tests: start tags with their attributes, the visible text, the cells of
each table row, and anything that would make a browser fetch or run something."""

from __future__ import annotations

from html.parser import HTMLParser

import markupsafe

HOSTILE = ["<script>alert(1)</script>", '" onload="x']
"""User text that would run or break out of an attribute if it were not escaped."""
FETCHING_TAGS = {"script", "link", "img", "iframe", "object", "embed"}
FETCHING_ATTRS = {"src", "srcset", "onload", "onerror"}


class Page(HTMLParser):
    """Start tags with their attributes, the visible text, and the cells of each table row."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.chunks: list[str] = []
        self.rows: list[list[str]] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in {"td", "th"}:
            self.rows[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        while self._open and self._open.pop() != tag:
            pass
        if tag in {"td", "th"} and self.rows:
            self.rows[-1][-1] = " ".join(self.rows[-1][-1].split())
        if tag in {"p", "li", "h1", "h2", "h3", "h4", "tr", "td", "th", "dt", "dd"}:
            self.chunks.append(" ")

    def handle_data(self, data: str) -> None:
        if {"style", "title"} & set(self._open):
            return
        self.chunks.append(data)
        if {"td", "th"} & set(self._open):
            self.rows[-1][-1] += data

    @property
    def text(self) -> str:
        return " ".join("".join(self.chunks).split())

    def fetching(self) -> list[str]:
        """Tags and attributes that would load or run something: none in a self-contained page."""
        tags = [tag for tag, _ in self.tags if tag in FETCHING_TAGS]
        return tags + [name for _, attrs in self.tags for name in attrs if name in FETCHING_ATTRS]

    def links(self) -> list[str]:
        """The targets of the links that leave the page."""
        hrefs = (attrs.get("href") for tag, attrs in self.tags if tag == "a")
        return sorted({h for h in hrefs if h and not h.startswith("#")})

    def with_class(self, tag: str, name: str) -> list[dict[str, str | None]]:
        """The attributes of each `tag` whose class list holds `name`."""
        return [a for t, a in self.tags if t == tag and name in (a.get("class") or "").split()]


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def escaped(text: str) -> str:
    """`text` as Jinja2's autoescape writes it."""
    return str(markupsafe.escape(text))

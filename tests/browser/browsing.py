"""A browser tab under test, with every request it made (the tests assert none left this machine)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlparse

if TYPE_CHECKING:
    from playwright.sync_api import Page

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@dataclass
class Visit:
    """A browser tab, with every request and dialog it made."""

    page: Page
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def outside_requests(self) -> list[str]:
        """Requests to anything but a local file or this machine."""
        return [url for url in self.requests if not _local(url)]


def _local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme == "file" or (parsed.scheme in {"http", "ws"} and parsed.hostname in LOCAL_HOSTS)

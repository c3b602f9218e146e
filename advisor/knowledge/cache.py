"""A cache of validated knowledge, keyed by the content of every knowledge file.

Reading YAML and cross-checking it costs far more than re-validating a JSON dump with
pydantic-core, so `advisor` keeps the checked KnowledgeDocument as JSON in the user's cache
folder. Any change to any file (or to the advisor itself) changes the key. A cache that
cannot be read or written is ignored: it only ever costs speed, never correctness.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

from pydantic import ValidationError

from advisor import __version__
from advisor.knowledge.models.knowledge_file import KnowledgeDocument

FORMAT = "1"
KEEP = 8
"""How many cached knowledge versions to keep (one per edited state of a rules folder)."""


def cache_dir() -> Path | None:
    """`$ADVISOR_CACHE_DIR`, else the XDG cache folder; None when disabled (`ADVISOR_NO_CACHE`)."""
    if os.environ.get("ADVISOR_NO_CACHE"):
        return None
    if override := os.environ.get("ADVISOR_CACHE_DIR"):
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "aws-ml-advisor"


def content_key(files: list[Path], root: Path) -> str:
    """A digest of the advisor version, the Python version and every file's path and bytes."""
    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version_info[:2]}".encode())
    for path in files:
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def read_cached(key: str) -> KnowledgeDocument | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return KnowledgeDocument.model_validate_json((folder / f"{key}.json").read_bytes())
    except (OSError, ValidationError, ValueError):
        return None


def write_cached(key: str, document: KnowledgeDocument) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _prune(folder, keep=KEEP - 1)
        data = document.model_dump_json(by_alias=True, exclude_defaults=True).encode()
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as handle:
            handle.write(data)
        os.replace(handle.name, folder / f"{key}.json")
    except OSError:
        return


def _prune(folder: Path, keep: int) -> None:
    entries = sorted(folder.glob("*.json"), key=lambda path: path.stat().st_mtime, reverse=True)
    for stale in entries[keep:]:
        stale.unlink(missing_ok=True)

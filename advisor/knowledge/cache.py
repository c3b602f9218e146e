"""A cache of validated and compiled knowledge, keyed by the content of every knowledge file.

Reading YAML, cross-checking it and compiling the rules cost far more than loading the result,
so `advisor` keeps the checked KnowledgeDocument and its compiled tables in the user's cache
folder as a pickle behind its digest. Any change to any file (or to the advisor itself) changes
the key. A cache that cannot be read or written is ignored: it only ever costs speed, never
correctness.

A pickle is code as much as data, so it is read only from a file that the user owns and nobody
else may write (like a `.pyc` beside a module), and the unpickler builds nothing but the
advisor's own schema models, compiled tables and condition tuples: any other global is refused.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from advisor import __version__

if TYPE_CHECKING:
    from advisor.engine.tables import CompiledRules
    from advisor.knowledge.models import KnowledgeDocument

FORMAT = "8"
KEEP = 8
"""How many cached knowledge versions to keep (one per edited state of a rules folder)."""
SUFFIX = ".pickle"
DIGEST_BYTES = 32
"""A cache file is the SHA-256 of its pickle, then the pickle: a file cut short or damaged
since it was written is never unpickled."""
TRUSTED_MODULES = ("advisor.knowledge.models.", "advisor.engine.tables", "advisor.engine.condition")
VALUE_TYPES = {("datetime", "date")}
"""Where the classes of a cached knowledge base live, and the plain value types it holds
(status dates); the unpickler builds nothing else."""


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


def read_cached(key: str) -> tuple[KnowledgeDocument, CompiledRules] | None:
    """The document and compiled tables cached under `key`; None when absent, foreign or broken."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with (folder / f"{key}{SUFFIX}").open("rb") as handle:
            if not _private(os.fstat(handle.fileno())):
                return None
            digest, payload = handle.read(DIGEST_BYTES), handle.read()
        if hashlib.sha256(payload).digest() != digest:  # cut short or damaged since it was written
            return None
        with _collection_paused():
            loaded = _TrustedUnpickler(io.BytesIO(payload)).load()
    except Exception:  # a broken cache of any kind is only a slower start
        return None
    return loaded if _well_formed(loaded) else None


def write_cached(key: str, document: KnowledgeDocument, compiled: CompiledRules) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        _prune(folder, keep=KEEP - 1)
        payload = pickle.dumps((document, compiled), protocol=pickle.HIGHEST_PROTOCOL)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as handle:
            handle.write(hashlib.sha256(payload).digest() + payload)
        os.replace(handle.name, folder / f"{key}{SUFFIX}")
    except OSError:
        return


@contextlib.contextmanager
def _collection_paused() -> Iterator[None]:
    """Unpickling makes ~100,000 objects and no garbage: collections while it runs only cost
    time (a fifth of the load)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _private(status: os.stat_result) -> bool:
    """A regular file of this user that no group or other user may write."""
    owner_ok = not hasattr(os, "getuid") or status.st_uid == os.getuid()
    return stat.S_ISREG(status.st_mode) and owner_ok and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


class _TrustedUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        if (module, name) in VALUE_TYPES:
            return super().find_class(module, name)  # type: ignore[no-any-return]
        if module.startswith(TRUSTED_MODULES) and not name.startswith("_"):
            found = getattr(sys.modules.get(module) or __import__(module, fromlist=[name]), name, None)
            if isinstance(found, type) and found.__module__.startswith(TRUSTED_MODULES):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a knowledge cache")


def _well_formed(loaded: object) -> bool:
    from advisor.engine.tables import CompiledRules
    from advisor.knowledge.models import KnowledgeDocument

    return (
        isinstance(loaded, tuple)
        and len(loaded) == 2
        and isinstance(loaded[0], KnowledgeDocument)
        and isinstance(loaded[1], CompiledRules)
    )


def _prune(folder: Path, keep: int) -> None:
    entries = sorted(folder.glob(f"*{SUFFIX}"), key=lambda path: path.stat().st_mtime, reverse=True)
    for stale in entries[keep:]:
        stale.unlink(missing_ok=True)
    for old_format in folder.glob("*.json"):  # format 1 kept JSON; nothing reads it any more
        old_format.unlink(missing_ok=True)

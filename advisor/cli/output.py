"""Writing command output: to stdout, or atomically to a file the user named."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from advisor.errors import AdvisorError

if TYPE_CHECKING:
    from pathlib import Path


def emit(text: str, output: Path | None = None) -> None:
    """Print, or write atomically to `output` and say where."""
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    import tempfile
    from pathlib import Path

    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise AdvisorError("folder does not exist; create it first or choose another path", output)
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False) as handle:
            handle.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(handle.name, 0o666 & ~umask)  # a report, readable like any file the user writes
        os.replace(handle.name, output)
    except OSError as error:
        raise AdvisorError(f"cannot write file: {error.strerror}", output) from None
    print(f"wrote {output}", file=sys.stderr)


def write_new(target: Path, text: str) -> None:
    """Write a file that does not exist yet; never overwrite someone's file."""
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise AdvisorError("file exists; choose another name (answers are not overwritten)", target) from None
    except OSError as error:
        raise AdvisorError(f"cannot write file: {error.strerror}", target) from None

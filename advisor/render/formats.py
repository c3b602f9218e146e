"""The output formats of each report, in one leaf module: building the command line's parser
lists them without importing the renderers."""

from __future__ import annotations

DIFF_FORMATS = ("text", "markdown", "json", "html")
"""`advisor diff`."""
STATS_FORMATS = ("text", "json", "markdown", "html")
"""`advisor practice stats`."""

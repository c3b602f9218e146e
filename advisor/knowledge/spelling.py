"""Ranking known names by how close they are to what someone typed: the one "did you mean".

Closeness is rapidfuzz's weighted ratio (it forgives typos, and a word typed alone still finds
the longer id that holds it: `canvs` → `sagemaker_canvas`), ties broken by the plain ratio and
then by name, case and punctuation ignored. Over the shipped ids with generated one-letter
typos it finds the intended id as often as difflib did, and 30% more ids from part of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

CUTOFF = 70.0
"""Weighted ratio (0-100) below which a name is not offered at all."""
TIES_SHOWN = 3
"""How many equally close names a suggestion lists."""

Closeness = tuple[float, float]


def closeness(typed: str, name: str) -> Closeness:
    """(weighted ratio, plain ratio) of two strings; higher is closer."""
    from rapidfuzz import fuzz  # imported when needed: only messages and searches use it
    from rapidfuzz.utils import default_process

    a, b = default_process(typed), default_process(name)
    return fuzz.WRatio(a, b), fuzz.ratio(a, b)


def rank_closest(typed: str, names: Mapping[str, Iterable[str]]) -> list[tuple[Closeness, str]]:
    """(closeness, key) for each key of `names` whose best name is close to `typed`, closest
    first, ties by key."""
    scored = []
    for key, spellings in names.items():
        best = max(closeness(typed, spelling) for spelling in spellings)
        if best[0] >= CUTOFF:
            scored.append((best, key))
    return sorted(scored, key=lambda row: (-row[0][0], -row[0][1], row[1]))


def suggest(typed: str, options: Iterable[str] | Mapping[str, Iterable[str]]) -> str:
    """` (did you mean 'x'?)` with the closest option (`'x', 'y' or 'z'` when equally close),
    or an empty string. `options` are names, or keys each with the names they go by."""
    names = options if isinstance(options, Mapping) else {option: (option,) for option in options}
    ranked = rank_closest(typed, names)
    if not ranked:
        return ""
    quoted = [f"'{key}'" for score, key in ranked[:TIES_SHOWN] if score[0] == ranked[0][0][0]]
    listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    return f" (did you mean {listed}?)"

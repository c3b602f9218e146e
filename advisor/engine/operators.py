"""The one registry of test operators. Every operator is false when its left side is unknown."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

Compare = Callable[[Any, Any], bool]


def _contains(container: Any, item: Any) -> bool:
    """A set (trait or multi-choice answer) contains the value; for a set of values: any of them."""
    if isinstance(item, frozenset | set):
        return not item.isdisjoint(container)
    return item in container


def _is_in(value: Any, options: Any) -> bool:
    return value in options


def _not_in(value: Any, options: Any) -> bool:
    return value not in options


OPERATORS: dict[str, Compare] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "in": _is_in,
    "not_in": _not_in,
    "lt": operator.lt,
    "le": operator.le,
    "gt": operator.gt,
    "ge": operator.ge,
    "contains": _contains,
}
"""Binary operators; `known` is handled by the compiler since it looks only at presence."""

ORDERED = frozenset({"lt", "le", "gt", "ge"})
"""Operators that compare positions on a scale rather than ids."""

"""Small, typed arithmetic for derived number facts: parsed once, never evaluated as Python.

A formula is `+ - * /`, parentheses, numbers, number facts by id, and the functions below,
e.g. `ceil(max(write_mb_s / 1, write_records_s / 1000))`. Python's own parser reads the
text (mode "eval"); only the node types listed here are accepted, so nothing in a formula
can call, import or look up anything else.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

FUNCTIONS: dict[str, Callable[..., float]] = {
    "ceil": lambda x: float(math.ceil(x)),
    "floor": lambda x: float(math.floor(x)),
    "round": lambda x, digits=0: float(round(x, int(digits))),
    "abs": abs,
    "min": min,
    "max": max,
}
_ARITY = {"ceil": (1, 1), "floor": (1, 1), "round": (1, 2), "abs": (1, 1), "min": (2, 8), "max": (2, 8)}
_OPERATORS: dict[type[ast.operator], str] = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
MAX_LENGTH = 500


class FormulaError(ValueError):
    """A formula that cannot be used; the message says what to change."""


@dataclass(frozen=True)
class Expression:
    """A parsed formula: its text, the facts it reads, and the checked syntax tree."""

    text: str
    names: tuple[str, ...]
    tree: ast.expr

    def evaluate(self, facts: Mapping[str, Any]) -> float | None:
        """The value, or None when an input is unknown, a division is by zero or the result is
        not a finite number."""
        try:
            value = _evaluate(self.tree, facts)
        except (_UnknownInputError, ZeroDivisionError, OverflowError, ValueError):
            return None
        return value if math.isfinite(value) else None

    def show(self, facts: Mapping[str, Any], label: Callable[[float], str] = "{:g}".format) -> str:
        """`tp / (tp + fp) = 90 / (90 + 10) = 0.9`: the formula, its inputs, and the result."""
        with_values = _substitute(self.text, {name: facts.get(name) for name in self.names})
        value = self.evaluate(facts)
        result = label(value) if value is not None else "unknown"
        return f"{self.text} = {with_values} = {result}"


class _UnknownInputError(Exception):
    """An input fact has no value."""


def parse_formula(text: str) -> Expression:
    """Parse and check a formula; raises FormulaError with a one-line reason."""
    if len(text) > MAX_LENGTH:
        raise FormulaError(f"formula is longer than {MAX_LENGTH} characters")
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError as error:
        raise FormulaError(f"formula is not valid arithmetic ({error.msg})") from None
    names: list[str] = []
    _check(tree, names)
    return Expression(text.strip(), tuple(dict.fromkeys(names)), tree)


def _check(node: ast.expr, names: list[str]) -> None:
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise FormulaError(f"formula constants are numbers, got {node.value!r}")
    elif isinstance(node, ast.Name):
        names.append(node.id)
    elif isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        _check(node.left, names)
        _check(node.right, names)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        _check(node.operand, names)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS:
        low, high = _ARITY[node.func.id]
        if node.keywords or not low <= len(node.args) <= high:
            raise FormulaError(f"{node.func.id}() takes {low} to {high} arguments")
        for argument in node.args:
            _check(argument, names)
    else:
        allowed = ", ".join(FUNCTIONS)
        found = ast.unparse(node)
        raise FormulaError(f"formulas use numbers, fact ids, + - * / and {allowed}; not '{found}'")


def _evaluate(node: ast.expr, facts: Mapping[str, Any]) -> float:
    if isinstance(node, ast.Constant):
        assert isinstance(node.value, int | float)  # checked by _check
        return float(node.value)
    if isinstance(node, ast.Name):
        value = facts.get(node.id)
        if value is None:
            raise _UnknownInputError(node.id)
        return float(value)
    if isinstance(node, ast.UnaryOp):
        operand = _evaluate(node.operand, facts)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp):
        left, right = _evaluate(node.left, facts), _evaluate(node.right, facts)
        symbol = _OPERATORS[type(node.op)]
        if symbol == "+":
            return left + right
        if symbol == "-":
            return left - right
        if symbol == "*":
            return left * right
        return left / right
    assert isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    return float(FUNCTIONS[node.func.id](*(_evaluate(argument, facts) for argument in node.args)))


def _substitute(text: str, values: Mapping[str, Any]) -> str:
    """The formula text with each fact id replaced by its value."""
    out = []
    for token in _tokens(text):
        value = values.get(token, token) if token.isidentifier() and token not in FUNCTIONS else token
        shown = "?" if value is None else f"{value:g}" if isinstance(value, int | float) else str(value)
        out.append(shown)
    return "".join(out)


def _tokens(text: str) -> list[str]:
    """Split into identifiers and everything else, keeping every character."""
    tokens: list[str] = []
    word = ""
    for char in text:
        if char.isalnum() or char == "_":
            word += char
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(char)
    if word:
        tokens.append(word)
    return tokens

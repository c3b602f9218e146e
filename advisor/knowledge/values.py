"""Fact and trait values: checking raw YAML values against their domain, and showing them."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from advisor.knowledge.models.question import FactSpec
from advisor.knowledge.models.vocabulary import Scale, Trait

Value = str | bool | float | frozenset[str]
"""A fact value at run time: a choice or scale id, yes/no, a number in base units, or a set."""

_NUMBER_WITH_UNIT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*([A-Za-z/%]+(?:\s+[A-Za-z/%]+)*)?\s*$")
"""A number and an optional unit of one or more words (`12 KB`, `60 training jobs`)."""


def _one_of(options: list[str]) -> str:
    shown = ", ".join(options[:12])
    return f"{shown}, ..." if len(options) > 12 else shown


def domain_values(spec: FactSpec, scales: Mapping[str, Scale]) -> list[str]:
    """The ids a choice, multi-choice or scale fact can take (empty for numbers and yes/no)."""
    if spec.choices is not None:
        return [choice.id for choice in spec.choices]
    if spec.scale is not None:
        return [value.id for value in scales[spec.scale].values]
    return []


def coerce_single(spec: FactSpec, scales: Mapping[str, Scale], raw: Any) -> Value:
    """One value of the fact's domain (a member, for multi-choice); raises ValueError."""
    if spec.type == "yes_no":
        if isinstance(raw, bool):
            return raw
        raise ValueError(f"expected yes or no (true / false), got {raw!r}")
    if spec.type == "number":
        return _coerce_number(spec, raw)
    options = domain_values(spec, scales)
    if isinstance(raw, str) and raw in options:
        return raw
    raise ValueError(f"{raw!r} is not a value of '{spec.id}' (expected one of: {_one_of(options)})")


def coerce_value(spec: FactSpec, scales: Mapping[str, Scale], raw: Any) -> Value:
    """A whole answer for the fact: like coerce_single, but multi-choice takes a list."""
    if spec.type != "multi_choice":
        return coerce_single(spec, scales, raw)
    items = sorted(raw) if isinstance(raw, list | tuple | set | frozenset) else [raw]
    return frozenset(str(coerce_single(spec, scales, item)) for item in items)


def _coerce_number(spec: FactSpec, raw: Any) -> float:
    if isinstance(raw, bool):
        raise ValueError(f"expected a number in {spec.unit}, got {raw!r}")
    if isinstance(raw, int | float):
        number = float(raw)
    else:
        match = _NUMBER_WITH_UNIT.match(str(raw))
        if not match:
            raise ValueError(f"expected a number in {spec.unit} (for example '12 {spec.unit}'), got {raw!r}")
        number = float(match.group(1))
        unit = " ".join(match.group(2).split()) if match.group(2) else None
        if unit and unit != spec.unit:
            factors = spec.units or {}
            if unit not in factors:
                known = ", ".join(dict.fromkeys([spec.unit or "", *sorted(factors)]))
                raise ValueError(f"unknown unit '{unit}' for '{spec.id}' (use one of: {known})")
            number *= factors[unit]
    if spec.minimum is not None and number < spec.minimum:
        raise ValueError(f"{number:g} {spec.unit} is below the minimum {spec.minimum:g} for '{spec.id}'")
    if spec.maximum is not None and number > spec.maximum:
        raise ValueError(f"{number:g} {spec.unit} is above the maximum {spec.maximum:g} for '{spec.id}'")
    return number


def check_trait(trait: Trait, scales: Mapping[str, Scale], raw: Any) -> None:
    """Raise ValueError when `raw` is not a valid value of the trait."""
    kind = trait.type
    if kind == "bool" and not isinstance(raw, bool):
        raise ValueError(f"trait '{trait.id}' is yes/no (true / false), got {raw!r}")
    if kind == "number" and (isinstance(raw, bool) or not isinstance(raw, int | float)):
        raise ValueError(f"trait '{trait.id}' is a number in {trait.unit}, got {raw!r}")
    if kind == "text" and not isinstance(raw, str):
        raise ValueError(f"trait '{trait.id}' is text, got {raw!r}")
    if kind == "scale":
        options = [value.id for value in scales[trait.scale or ""].values]
        if raw not in options:
            raise ValueError(
                f"trait '{trait.id}': {raw!r} is not on scale '{trait.scale}' ({_one_of(options)})"
            )
    if kind in ("set", "choice"):
        items = raw if kind == "set" and isinstance(raw, list) else [raw]
        if kind == "set" and not isinstance(raw, list):
            raise ValueError(f"trait '{trait.id}' is a list of: {_one_of(trait.values or [])}")
        for item in items:
            if item not in (trait.values or []):
                raise ValueError(
                    f"trait '{trait.id}': {item!r} is not allowed (expected: {_one_of(trait.values or [])})"
                )


def label_of(spec: FactSpec, scales: Mapping[str, Scale], value: object) -> str:
    """How a fact value reads in a sentence."""
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float | int):
        return _number_label(spec, float(value))
    if isinstance(value, frozenset | set | list | tuple):
        return ", ".join(label_of(spec, scales, item) for item in sorted(value)) or "none"
    labels = {choice.id: choice.label for choice in spec.choices or []}
    if spec.scale is not None:
        labels = {step.id: step.label for step in scales[spec.scale].values}
    return labels.get(str(value), str(value))


def _number_label(spec: FactSpec, value: float) -> str:
    """`3 KB` rather than `0.003 MB`: the largest accepted unit that keeps the number >= 1."""
    if not spec.unit:
        return number_text(value)
    factors = {spec.unit: 1.0, **(spec.units or {})}
    fitting = [(factor, unit) for unit, factor in factors.items() if factor <= abs(value)]
    factor, unit = max(fitting) if fitting and value else (1.0, spec.unit)
    return f"{number_text(value / factor)} {unit}"


def number_text(value: float) -> str:
    """A number as people write it, to 6 significant digits: `5,000,000`, `1,234.5`, `0.25`.

    Never in scientific notation (`5e+06`), which is what `:g` gives for large numbers.
    """
    decimals = min(12, max(0, 5 - math.floor(math.log10(abs(value))))) if value else 0
    text = f"{value:,.{decimals}f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text == "-0" else text


def typed_number(value: float) -> str:
    """A number as an answer is typed back in: no separators, no exponent (`5000000`, `0.003`)."""
    text = format(Decimal(repr(float(value))), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def accepted_units(spec: FactSpec) -> list[str]:
    """The units a number answer accepts, smallest first, each once: `KB, MB, GB`."""
    factors = {**(spec.units or {}), **({spec.unit: 1.0} if spec.unit else {})}
    return sorted(factors, key=lambda unit: (factors[unit], unit))


def trait_label(trait: Trait, scales: Mapping[str, Scale], value: object) -> str:
    """How a trait value reads in a sentence."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return f"{number_text(value)} {trait.unit}" if trait.unit else number_text(value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if trait.type == "scale" and trait.scale:
        return {step.id: step.label for step in scales[trait.scale].values}.get(str(value), str(value))
    return str(value)

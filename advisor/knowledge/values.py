"""Fact and trait values: checking raw YAML values against their domain, and showing them."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from advisor.errors import echo
from advisor.knowledge.models.question import FactSpec
from advisor.knowledge.models.vocabulary import Scale, Trait

Value = str | bool | float | frozenset[str]
"""A fact value at run time: a choice or scale id, yes/no, a number in base units, or a set."""

_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
MAX_DIGITS = 30
"""Numbers written as text have at most this many characters (float parsing of very long
digit strings is slow and the values would not be meaningful)."""


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
        raise ValueError(f"expected yes or no (true / false), got {echo(raw)}")
    if spec.type == "number":
        return _coerce_number(spec, raw)
    options = domain_values(spec, scales)
    if isinstance(raw, str) and raw in options:
        return raw
    raise ValueError(f"{echo(raw)} is not a value of '{spec.id}' (expected one of: {_one_of(options)})")


def coerce_value(spec: FactSpec, scales: Mapping[str, Scale], raw: Any) -> Value:
    """A whole answer for the fact: like coerce_single, but multi-choice takes a list."""
    if spec.type != "multi_choice":
        return coerce_single(spec, scales, raw)
    if isinstance(raw, set | frozenset):  # no order of its own: check in a stable one
        raw = sorted(raw, key=lambda item: (type(item).__name__, repr(item)))
    items = raw if isinstance(raw, list | tuple) else [raw]
    return frozenset(str(coerce_single(spec, scales, item)) for item in items)


def parse_quantity(text: str) -> tuple[str, str] | None:
    """`'12.5 labelled examples'` as ('12.5', 'labelled examples'); None unless the text starts
    with a number. Runs of blanks count as one, and the work is linear in the length of the
    text (unlike a pattern with `\\s*` on both sides of an optional unit)."""
    text = text.strip()
    match = _NUMBER.match(text)
    if match is None:
        return None
    return match.group(), " ".join(text[match.end() :].split())


def _coerce_number(spec: FactSpec, raw: Any) -> float:
    number = _number_in_base_unit(spec, raw)
    if not is_finite(number):
        what = "is not a number" if math.isnan(number) else "is too large"
        raise ValueError(f"{echo(raw)} {what} (write a number such as '12 {spec.unit}')")
    if spec.integer:
        number = _whole(spec, number)
    if spec.minimum is not None and number < spec.minimum:
        raise ValueError(f"{number:g} {spec.unit} is below the minimum {spec.minimum:g} for '{spec.id}'")
    if spec.maximum is not None and number > spec.maximum:
        raise ValueError(f"{number:g} {spec.unit} is above the maximum {spec.maximum:g} for '{spec.id}'")
    return number


def _number_in_base_unit(spec: FactSpec, raw: Any) -> float:
    """A number, or text like `3 KB`, converted to the fact's base unit."""
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return float(raw) if is_finite(raw) else math.inf
    parsed = parse_quantity(raw) if isinstance(raw, str) else None
    if parsed is None:
        raise ValueError(f"expected a number in {spec.unit} (for example '12 {spec.unit}'), got {echo(raw)}")
    digits, unit = parsed
    if len(digits) > MAX_DIGITS:
        raise ValueError(
            f"{echo(digits)} has more than {MAX_DIGITS} digits (write a number such as '12 {spec.unit}')"
        )
    number = float(digits)
    factors = spec.units or {}
    unit = _plural_unit(unit, {spec.unit or "", *factors})
    if unit and unit != spec.unit:
        if unit not in factors:
            known = ", ".join(dict.fromkeys([spec.unit or "", *sorted(factors)]))
            raise ValueError(f"unknown unit {echo(unit)} for '{spec.id}' (use one of: {known})")
        number *= factors[unit]
    return number


def _plural_unit(unit: str, known: set[str]) -> str:
    """`application` read as `applications`, the unit `quantity_text` makes singular for 1."""
    plural = unit + "s"
    return plural if unit not in known and plural in known and _is_plural_word(plural) else unit


def _is_plural_word(unit: str) -> bool:
    """A unit of lowercase words ending in a plural (`applications`, `labelled examples`), not
    a symbol (`s`, `MB`, `records/s`)."""
    last = unit.rsplit(" ", 1)[-1]
    return unit.replace(" ", "").isalpha() and unit.islower() and len(last) > 2 and last.endswith("s")


def _whole(spec: FactSpec, number: float) -> float:
    """A count: whole after unit conversion (`2.3 thousand` is 2300, despite float rounding)."""
    if not round(number, 6).is_integer():
        raise ValueError(f"{number:g} {spec.unit} is not a whole number (write one, e.g. '3 {spec.unit}')")
    return float(round(number))


def is_finite(number: float) -> bool:
    """False for NaN, infinities and integers too large for a float."""
    try:
        return math.isfinite(number)
    except OverflowError:
        return False


def check_trait(trait: Trait, scales: Mapping[str, Scale], raw: Any) -> None:
    """Raise ValueError when `raw` is not a valid value of the trait."""
    kind = trait.type
    if kind == "bool" and not isinstance(raw, bool):
        raise ValueError(f"trait '{trait.id}' is yes/no (true / false), got {echo(raw)}")
    if kind == "number" and (isinstance(raw, bool) or not isinstance(raw, int | float) or not is_finite(raw)):
        raise ValueError(f"trait '{trait.id}' is a number in {trait.unit}, got {echo(raw)}")
    if kind == "text" and not isinstance(raw, str):
        raise ValueError(f"trait '{trait.id}' is text, got {echo(raw)}")
    if kind == "scale":
        options = [value.id for value in scales[trait.scale or ""].values]
        if raw not in options:
            raise ValueError(
                f"trait '{trait.id}': {echo(raw)} is not on scale '{trait.scale}' ({_one_of(options)})"
            )
    if kind in ("set", "choice"):
        items = raw if kind == "set" and isinstance(raw, list) else [raw]
        if kind == "set" and not isinstance(raw, list):
            raise ValueError(f"trait '{trait.id}' is a list of: {_one_of(trait.values or [])}")
        allowed = trait.values or []
        for item in items:
            if item not in allowed:
                expected = _one_of(allowed)
                raise ValueError(f"trait '{trait.id}': {echo(item)} is not allowed (expected: {expected})")


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
    return quantity_text(value / factor, unit)


def quantity_text(value: float, unit: str) -> str:
    """`3 KB`, `2 applications`, `1 application`: a unit that is a plural word is singular for 1."""
    text = number_text(value)
    if text == "1" and _is_plural_word(unit):
        unit = unit[:-1]
    return f"{text} {unit}"


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
        return quantity_text(value, trait.unit) if trait.unit else number_text(value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if trait.type == "scale" and trait.scale:
        return {step.id: step.label for step in scales[trait.scale].values}.get(str(value), str(value))
    return str(value)

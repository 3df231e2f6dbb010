"""Input checks shared by every layer of the package.

Every public function and constructor in :mod:`course` validates its input with
these helpers, so that every error message has the same shape: it names the
parameter, the value that was given and what is allowed. Nothing is clipped or
corrected silently.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from typing import Any

__all__ = [
    "check_bool",
    "check_choice",
    "check_int",
    "check_number",
    "check_probability",
    "check_seed",
]


def _describe(value: Any) -> str:
    return f"{value!r} (type {type(value).__name__})"


def check_number(
    name: str,
    value: Any,
    *,
    low: float | None = None,
    high: float | None = None,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
    unit: str = "",
) -> float:
    """Return ``value`` as a float, or raise if it is not a finite number in range.

    Parameters
    ----------
    name : str
        The parameter's name, used in the error message.
    value : object
        What the caller passed.
    low, high : float, optional
        Bounds; ``None`` means unbounded on that side.
    low_inclusive, high_inclusive : bool
        Whether the bounds themselves are allowed.
    unit : str
        Unit shown in the error message (for example ``"USD"``).

    Raises
    ------
    TypeError
        If ``value`` is not a real number (booleans are refused too).
    ValueError
        If ``value`` is NaN, infinite or outside the bounds.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number; got {_describe(value)}")
    x = float(value)
    if math.isnan(x) or math.isinf(x):
        raise ValueError(f"{name} must be a finite number; got {value!r}")
    unit_text = f" {unit}" if unit else ""
    too_low = low is not None and (x < low or (not low_inclusive and x == low))
    too_high = high is not None and (x > high or (not high_inclusive and x == high))
    if too_low or too_high:
        left = "[" if low_inclusive else "("
        right = "]" if high_inclusive else ")"
        lo = "-inf" if low is None else f"{low:g}"
        hi = "inf" if high is None else f"{high:g}"
        raise ValueError(f"{name} must be in {left}{lo}, {hi}{right}{unit_text}; got {value!r}")
    return x


def check_probability(name: str, value: Any) -> float:
    """Return ``value`` as a float in [0, 1], or raise naming ``name``."""
    return check_number(name, value, low=0.0, high=1.0, unit="(a probability)")


def check_int(name: str, value: Any, *, low: int | None = None, high: int | None = None) -> int:
    """Return ``value`` as an int, or raise if it is not a whole number in range.

    Floats such as ``1e5`` are refused: write ``100_000``. NumPy integers are fine.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number (int); got {_describe(value)}")
    n = int(value)
    if (low is not None and n < low) or (high is not None and n > high):
        lo = "-inf" if low is None else str(low)
        hi = "inf" if high is None else str(high)
        raise ValueError(f"{name} must be a whole number in [{lo}, {hi}]; got {value!r}")
    return n


def check_seed(value: Any, name: str = "seed") -> int:
    """Return a valid NumPy seed (a whole number >= 0)."""
    return check_int(name, value, low=0)


def check_bool(name: str, value: Any) -> bool:
    """Return ``value`` if it is a bool, or raise TypeError naming ``name``."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False; got {_describe(value)}")
    return value


def check_choice(name: str, value: Any, choices: Iterable[str]) -> str:
    """Return ``value`` (lower-cased, stripped) if it is one of ``choices``."""
    allowed = list(choices)
    if not isinstance(value, str):
        raise TypeError(
            f"{name} must be one of {', '.join(map(repr, allowed))}; got {_describe(value)}"
        )
    key = value.strip().lower()
    if key not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, allowed))}; got {value!r}")
    return key

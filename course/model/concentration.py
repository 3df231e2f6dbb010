"""How concentrated a quantity is: top shares, the Lorenz curve and the Gini coefficient.

Used for heavy tails: views per video, followers per creator, sales per host.
"""

from __future__ import annotations

import numpy as np

from course._validate import check_number

__all__ = ["gini", "lorenz", "top_share"]


def _as_values(values, name: str = "values") -> np.ndarray:
    try:
        x = np.asarray(values, dtype=float).ravel()
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a sequence of numbers; got {values!r}") from None
    if x.size == 0:
        raise ValueError(f"{name} must contain at least one number; got an empty sequence")
    if not np.all(np.isfinite(x)):
        raise ValueError(f"{name} must be finite numbers; found NaN or infinity")
    if np.any(x < 0):
        raise ValueError(f"{name} must be zero or more; found {x[x < 0][0]!r}")
    return x


def top_share(values, fraction: float) -> float:
    """Share of the total held by the top ``fraction`` of items.

    Parameters
    ----------
    values : array-like of float
        Non-negative amounts, one per item (e.g. views per video).
    fraction : float
        The top fraction of items, in (0, 1]; 0.01 means the top 1%. At least one
        item is always counted.

    Returns
    -------
    float
        A share in [0, 1]; 0 when every value is 0.
    """
    x = _as_values(values)
    f = check_number("fraction", fraction, low=0.0, high=1.0, low_inclusive=False)
    total = x.sum()
    if total == 0:
        return 0.0
    k = max(1, int(np.ceil(f * x.size)))
    top = np.partition(x, x.size - k)[x.size - k :]
    return float(top.sum() / total)


def lorenz(values) -> tuple[np.ndarray, np.ndarray]:
    """The Lorenz curve: cumulative share of items (poorest first) against share of the total.

    Returns two arrays of length ``n + 1`` starting at (0, 0) and ending at (1, 1).
    """
    x = np.sort(_as_values(values))
    cum = np.concatenate([[0.0], np.cumsum(x)])
    total = cum[-1]
    share_items = np.linspace(0.0, 1.0, x.size + 1)
    share_value = cum / total if total > 0 else share_items.copy()
    return share_items, share_value


def gini(values) -> float:
    """The Gini coefficient: 0 when every item has the same, near 1 when one item has all.

    Uses the sorted-values formula ``G = sum((2i - n - 1) x_i) / (n * sum(x))``.
    """
    x = np.sort(_as_values(values))
    n = x.size
    total = x.sum()
    if total == 0 or n == 1:
        return 0.0
    i = np.arange(1, n + 1)
    return float(np.sum((2 * i - n - 1) * x) / (n * total))

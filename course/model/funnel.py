"""Build the funnel frame shared by the model, the data loaders and the plots.

A funnel is a DataFrame with one row per stage, in order, and exactly these columns
(see ``docs/design.md``):

================== =========================================================
column             meaning
================== =========================================================
stage              ``population``, one row per factor (e.g. ``need: has the
                   need``), then ``purchase``
factor             ``"need"``, ``"touchpoint"`` or ``"trust"`` on the factor
                   rows; None on population and purchase
shoppers           how many shoppers reached the stage
rate_from_previous shoppers / shoppers of the row above (1.0 on the first
                   row; NaN when the row above has no shoppers)
rate_from_start    shoppers / shoppers of the first row
================== =========================================================
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

import numpy as np
import pandas as pd

from course.factors import Factor

__all__ = ["FUNNEL_COLUMNS", "factor_of_stage", "funnel_frame"]

#: The columns of every funnel frame, in order.
FUNNEL_COLUMNS: tuple[str, ...] = (
    "stage",
    "factor",
    "shoppers",
    "rate_from_previous",
    "rate_from_start",
)


def factor_of_stage(stage: str) -> str | None:
    """The factor a stage name starts with (``"need: has the need"`` → ``"need"``), else None.

    Examples
    --------
    >>> factor_of_stage("touchpoint: saw the listing")
    'touchpoint'
    >>> factor_of_stage("purchase") is None
    True
    """
    if not isinstance(stage, str):
        raise TypeError(f"stage must be a string; got {stage!r} (type {type(stage).__name__})")
    head = stage.split(":", 1)[0].strip().lower()
    return head if head in {f.value for f in Factor} else None


def funnel_frame(stages: Sequence[str], shoppers: Sequence[float]) -> pd.DataFrame:
    """Make a funnel frame from stage names and the number of shoppers at each stage.

    Parameters
    ----------
    stages : sequence of str
        Stage names in order; a factor row starts with its factor's name and a colon
        (``"trust: trusts the listing"``).
    shoppers : sequence of int or float
        Shoppers reaching each stage: whole counts from a simulation, expected
        counts (floats) from a formula, NaN where a real export does not know.

    Returns
    -------
    pandas.DataFrame
        Columns ``stage, factor, shoppers, rate_from_previous, rate_from_start``.
        ``shoppers`` is int64 when every count is a whole number, else float.

    Raises
    ------
    TypeError
        If a stage is not a string or a count is not a number.
    ValueError
        If the lengths differ, there are no stages, or a count is negative or
        infinite.

    Examples
    --------
    >>> f = funnel_frame(["population", "need: has it", "purchase"], [100, 10, 2])
    >>> f["rate_from_previous"].tolist()
    [1.0, 0.1, 0.2]
    """
    stages = list(stages)
    counts = list(shoppers)
    if len(stages) != len(counts):
        raise ValueError(
            f"stages and shoppers must have the same length; got {len(stages)} stages "
            f"and {len(counts)} counts"
        )
    if not stages:
        raise ValueError("stages must name at least one stage; got none")
    factors = [factor_of_stage(s) for s in stages]
    whole = True
    values: list[float] = []
    for i, c in enumerate(counts):
        if isinstance(c, bool) or not isinstance(c, numbers.Real):
            raise TypeError(f"shoppers[{i}] must be a number; got {c!r}")
        x = float(c)
        if math.isinf(x) or x < 0:
            raise ValueError(f"shoppers[{i}] must be zero or more and finite (or NaN); got {c!r}")
        whole = whole and isinstance(c, numbers.Integral)
        values.append(x)
    arr = np.asarray(values, dtype=float)
    previous = np.concatenate([[arr[0]], arr[:-1]])
    with np.errstate(divide="ignore", invalid="ignore"):
        from_previous = np.where(previous > 0, arr / np.where(previous > 0, previous, 1.0), np.nan)
        from_start = np.where(arr[0] > 0, arr / (arr[0] if arr[0] > 0 else 1.0), np.nan)
    from_previous[0] = 1.0 if arr[0] > 0 else np.nan
    return pd.DataFrame(
        {
            "stage": pd.Series(stages, dtype=object),
            "factor": pd.Series(factors, dtype=object),
            "shoppers": arr.astype(np.int64) if whole else arr,
            "rate_from_previous": from_previous,
            "rate_from_start": from_start,
        },
        columns=list(FUNNEL_COLUMNS),
    )

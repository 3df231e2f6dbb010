"""Helpers shared by the plotting modules: figures, axes, input checks, number formats.

Figures are created with :func:`matplotlib.pyplot.subplots` (so a notebook knows how
to show them) and closed in pyplot straight away, so a figure appears once, when a
cell returns it, and never a second time at the end of the cell. Callers who pass
their own axes get no new figure at all.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from course.factors import Ordering
from course.plots import text
from course.plots.style import course_style

__all__ = [
    "NeedsRedraw",
    "axes_list",
    "check_frame",
    "fmt_count",
    "fmt_number",
    "fmt_pct",
    "fmt_usd",
    "new_figure",
    "ordering_key",
    "single_ax",
]


class NeedsRedraw(Exception):  # noqa: N818 - it names a situation, not an error
    """An ``update_*`` function cannot change the chart in place: draw it again.

    Raised when new data does not fit the chart already drawn (other stages, other
    orderings, numbers beyond the axis). It is not a ValueError: the data are fine.
    """


def new_figure(nrows: int = 1, ncols: int = 1, *, figsize: tuple[float, float]) -> Figure:
    """Create a figure in the course style, closed in pyplot so it is shown only once."""
    with course_style():
        fig, _ = plt.subplots(nrows, ncols, figsize=figsize, squeeze=False)
    plt.close(fig)
    return fig


def single_ax(ax: Axes | None, *, figsize: tuple[float, float]) -> tuple[Figure, Axes]:
    """Return ``(figure, axes)``: the given axes and its figure, or a new figure."""
    if ax is None:
        fig = new_figure(figsize=figsize)
        return fig, fig.axes[0]
    if not isinstance(ax, Axes):
        raise TypeError(
            f"ax must be a matplotlib Axes or None; got {ax!r} (type {type(ax).__name__})"
        )
    return ax.figure, ax


def axes_list(
    ax: Axes | Sequence[Axes] | None, n: int, *, figsize: tuple[float, float]
) -> tuple[Figure, list[Axes]]:
    """Return ``(figure, [n axes])`` from ``ax``: None, one Axes (when n == 1) or n Axes.

    A new figure has the n axes side by side.
    """
    if ax is None:
        fig = new_figure(1, n, figsize=figsize)
        return fig, list(fig.axes)
    if isinstance(ax, Axes):
        if n == 1:
            return ax.figure, [ax]
        raise ValueError(f"ax must be a sequence of {n} Axes (one per panel); got a single Axes")
    if isinstance(ax, np.ndarray):
        ax = list(ax.ravel())
    if not isinstance(ax, Sequence) or not all(isinstance(a, Axes) for a in ax):
        raise TypeError(
            f"ax must be None or a sequence of {n} matplotlib Axes; got {ax!r} "
            f"(type {type(ax).__name__})"
        )
    if len(ax) != n:
        raise ValueError(f"ax must hold {n} Axes (one per panel); got {len(ax)}")
    figs = {id(a.figure) for a in ax}
    if len(figs) != 1:
        raise ValueError("ax must hold Axes of one and the same figure")
    return ax[0].figure, list(ax)


def check_frame(
    df: object, name: str, columns: Iterable[str], *, numeric: Iterable[str] = ()
) -> pd.DataFrame:
    """Check ``df`` is a non-empty DataFrame with ``columns``; ``numeric`` ones must be numbers."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame; got {type(df).__name__}")
    needed = list(columns)
    missing = [c for c in needed if c not in df.columns]
    if missing:
        raise ValueError(
            f"{name} must have the columns {needed}; missing {missing} (it has {list(df.columns)})"
        )
    if df.empty:
        raise ValueError(f"{name} must have at least one row; got an empty DataFrame")
    for col in numeric:
        if not pd.api.types.is_numeric_dtype(df[col]) or pd.api.types.is_bool_dtype(df[col]):
            raise TypeError(f"{name}[{col!r}] must hold numbers; got dtype {df[col].dtype}")
    return df


def ordering_key(value: object, name: str = "ordering") -> str:
    """The ordering's name ("search", "interest", "social") from an Ordering or string."""
    return Ordering.parse(value, name=name).value


def _trim(x: float, digits: int) -> str:
    s = f"{x:,.{digits}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def fmt_number(x: float) -> str:
    """A number short enough for a label: 950, 12,300, 1.2M, 3.4bn (thousands kept whole)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return text.FUNNEL["bar_note_missing"]
    a = abs(x)
    if a >= 1e9:
        return text.UNITS["billion"].format(n=_trim(x / 1e9, 1))
    if a >= 1e6:
        return text.UNITS["million"].format(n=_trim(x / 1e6, 1))
    if a >= 100 or float(x).is_integer():
        return f"{x:,.0f}"
    if a >= 1:
        return _trim(x, 1)
    return _trim(x, 2)


def fmt_count(x: float) -> str:
    """A count of people or things: 42,000 or 1.2M."""
    return fmt_number(x)


def fmt_usd(x: float) -> str:
    """Money in US dollars: $950, $12,300, $1.2M."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return text.FUNNEL["bar_note_missing"]
    sign = "-" if x < 0 else ""
    return sign + text.UNITS["usd"].format(n=fmt_number(abs(x)))


def fmt_pct(x: float) -> str:
    """A fraction as a percentage with enough digits to be non-zero: 42%, 1.2%, 0.05%."""
    if x is None or (isinstance(x, numbers.Real) and math.isnan(x)):
        return text.FUNNEL["bar_note_missing"]
    p = 100.0 * float(x)
    a = abs(p)
    if a == 0 or a >= 10:
        return f"{p:.0f}%"
    if a >= 1:
        return f"{_trim(p, 1)}%"
    if a >= 0.1:
        return f"{_trim(p, 2)}%"
    return f"{p:.2g}%"

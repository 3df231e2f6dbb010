"""Series over periods: trust, followers, GMV (and the like) as time goes on."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.ticker as mticker
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from course._validate import check_choice
from course.factors import Ordering
from course.plots import text
from course.plots._common import axes_list, check_frame, fmt_number, fmt_pct, fmt_usd
from course.plots.style import ORDERING_COLOURS, OTHER_COLOURS, course_style

__all__ = ["MAX_PANELS", "series_chart"]

#: At most this many columns (panels) in one chart.
MAX_PANELS = 4

_USD = {"gmv", "cumulative_gmv", "profit", "revenue"}
_PCT = {"retention", "conversion"}


def _formatter(column: str):
    if column in _USD:
        return fmt_usd
    if column in _PCT:
        return fmt_pct
    return fmt_number


def _group_colours(groups: list) -> dict:
    """Fixed colours for orderings; the other Okabe-Ito colours for anything else."""
    out = {}
    spare = iter(OTHER_COLOURS)
    for g in groups:
        try:
            out[g] = ORDERING_COLOURS[Ordering.parse(str(g)).value]
        except (TypeError, ValueError):
            try:
                out[g] = next(spare)
            except StopIteration:
                raise ValueError(
                    f"too many groups to colour ({len(groups)}); at most "
                    f"{len(OTHER_COLOURS)} groups that are not orderings"
                ) from None
    return out


def _group_name(g: object) -> str:
    try:
        return text.ORDERING_NAMES[Ordering.parse(str(g)).value]
    except (TypeError, ValueError):
        return str(g)


def series_chart(
    periods_df: pd.DataFrame,
    columns: Sequence[str] | str | None = None,
    ax: Axes | Sequence[Axes] | None = None,
    *,
    by: str | None = None,
    period_unit: str = "periods",
    title: str | None = None,
) -> Figure:
    """Draw one or more quantities over periods, one panel per quantity.

    Parameters
    ----------
    periods_df : DataFrame
        Tidy: a ``period`` column (numbers: 0, 1, 2, ...) and one column per
        quantity, e.g. the social model's ``periods`` table with ``period, trust,
        buyers, gmv``. Several groups (orderings, platforms, scenarios) may share
        the frame, told apart by the column named in ``by``.
    columns : str or sequence of str, optional
        The quantities to draw, at most :data:`MAX_PANELS`. By default every
        numeric column except ``period`` (and ``by``). Known names (``trust``,
        ``followers``, ``buyers``, ``orders``, ``gmv``, ``creators``, ``users``,
        ``content``, ``retention``, ``conversion``, ``views``, ``cumulative_gmv``)
        get plain-words axis labels with units from :mod:`course.plots.text`;
        others are shown by their column name.
    ax : Axes or sequence of Axes, optional
        One Axes per column. A new figure (panels side by side) is created when
        not given.
    by : str, optional
        A column that splits the rows into groups, one line each. When not given
        and the frame has an ``ordering`` column, that is used. Orderings get
        their fixed colours.
    period_unit : {"periods", "weeks", "months", "days"}
        What one period is; names the x-axis and the titles.
    title : str, optional
        The headline. By default it says how the first column changed from the
        first period to the last (or which group ends highest). It is the axes
        title with one panel; with several it is the figure's title, drawn when
        this function creates the figure or when ``title`` is given.

    Returns
    -------
    matplotlib.figure.Figure
    """
    period_unit = check_choice("period_unit", period_unit, tuple(text.SERIES["period_units"]))
    unit_words = text.SERIES["period_units"][period_unit]
    df = check_frame(periods_df, "periods_df", ["period"], numeric=["period"])
    if by is None and "ordering" in df.columns:
        by = "ordering"
    if by is not None and by not in df.columns:
        raise ValueError(
            f"by must name a column of periods_df; got {by!r} (columns: {list(df.columns)})"
        )
    if columns is None:
        columns = [
            c
            for c in df.columns
            if c not in ("period", by)
            and pd.api.types.is_numeric_dtype(df[c])
            and not pd.api.types.is_bool_dtype(df[c])
        ]
        if not columns:
            raise ValueError("periods_df has no numeric column to draw besides 'period'")
    elif isinstance(columns, str):
        columns = [columns]
    else:
        columns = list(columns)
    if not columns:
        raise ValueError("columns must name at least one column; got an empty list")
    if len(columns) > MAX_PANELS:
        raise ValueError(
            f"columns must name at most {MAX_PANELS} columns (one panel each); got "
            f"{len(columns)}: {columns}. Draw the rest in a second chart."
        )
    check_frame(df, "periods_df", columns, numeric=columns)
    own = ax is None
    n = len(columns)
    fig, axes = axes_list(ax, n, figsize=(min(4.2 * n, 13.0) if n > 1 else 7.0, 3.8))
    groups = list(pd.unique(df[by])) if by is not None else [None]
    colours = _group_colours(groups) if by is not None else {None: "#000000"}
    with course_style():
        for a, col in zip(axes, columns, strict=True):
            for g in groups:
                part = df if g is None else df[df[by] == g]
                part = part.sort_values("period")
                a.plot(
                    part["period"],
                    part[col],
                    color=colours[g],
                    label=None if g is None else _group_name(g),
                    marker="o" if len(part) <= 30 else None,
                    markersize=4,
                    gid=f"line-{col}-{g}",
                )
            fmt = _formatter(col)
            a.yaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _p, f=fmt: f(v)))
            a.xaxis.set_major_locator(mticker.MaxNLocator(integer=True))
            a.set_xlabel(unit_words["xlabel"])
            a.set_ylabel(text.SERIES["columns"].get(col, col))
            a.grid(True, axis="y")
            if n > 1:
                a.set_title(text.SERIES["panel_titles"].get(col, col), loc="left", fontsize=11)
        if by is not None and len(groups) > 1:
            axes[0].legend(loc="best")
        if title is None and (own or n == 1):
            title = _series_title(df, columns[0], by, groups, unit_words["plural"])
        if title is not None:
            if n == 1:
                axes[0].set_title(title, loc="left")
            else:
                fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    return fig


def _series_title(df: pd.DataFrame, col: str, by: str | None, groups: list, unit: str) -> str:
    name = text.SERIES["panel_titles"].get(col, col)
    fmt = _formatter(col)
    if by is not None and len(groups) > 1:
        last = {}
        for g in groups:
            part = df[df[by] == g].sort_values("period")
            last[g] = float(part[col].iloc[-1])
        best = max(last, key=lambda g: last[g])
        return text.SERIES["title_groups"].format(column=name, best=_group_name(best))
    part = df.sort_values("period")
    start, end = float(part[col].iloc[0]), float(part[col].iloc[-1])
    periods = int(part["period"].nunique())
    words = {"column": name, "start": fmt(start), "end": fmt(end), "periods": periods, "unit": unit}
    if np.isnan(start) or np.isnan(end):
        return text.SERIES["title_change"].format(**words)
    if np.isclose(start, end, rtol=1e-3, atol=1e-12):
        return text.SERIES["title_flat"].format(**words)
    return text.SERIES["title_rise" if end > start else "title_fall"].format(**words)

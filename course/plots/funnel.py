"""Funnels: how many shoppers reach each stage, for one ordering or three side by side.

Both functions read the funnel frame described in ``docs/design.md``: one row per
stage, in order, with the columns ``stage``, ``factor``, ``shoppers``,
``rate_from_previous`` and ``rate_from_start`` (and ``ordering`` first, for a
comparison). The model's ``stage`` strings are not shown: the words on the chart
come from :data:`course.plots.text.STAGES`, picked by each row's ``factor``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import matplotlib.ticker as mticker
import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import blended_transform_factory, offset_copy

from course._validate import check_choice
from course.factors import Factor, Ordering
from course.plots import text
from course.plots._common import (
    NeedsRedraw,
    check_frame,
    fmt_count,
    fmt_pct,
    ordering_key,
    single_ax,
)
from course.plots.style import (
    FACTOR_MARKERS,
    GREY,
    LIGHT_GREY,
    ORDERING_COLOURS,
    course_style,
)

__all__ = [
    "FUNNEL_COLUMNS",
    "SCALES",
    "funnel_chart",
    "funnel_comparison",
    "funnel_comparison_title",
    "funnel_title",
    "stage_labels",
    "update_funnel_chart",
    "update_funnel_comparison",
]

#: The columns every funnel frame has (see docs/design.md).
FUNNEL_COLUMNS = ("stage", "factor", "shoppers", "rate_from_previous", "rate_from_start")

_FACTORS = {f.value for f in Factor}


def _factor_of(value: object) -> str | None:
    """The factor name of a row, or None for population, purchase and unknown rows."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, Factor):
        return value.value
    if isinstance(value, str) and value.strip().lower() in _FACTORS:
        return value.strip().lower()
    return None


def _check_funnel(df: pd.DataFrame, name: str) -> pd.DataFrame:
    check_frame(
        df, name, FUNNEL_COLUMNS, numeric=("shoppers", "rate_from_previous", "rate_from_start")
    )
    shoppers = df["shoppers"].to_numpy(dtype=float)
    if np.any(shoppers[~np.isnan(shoppers)] < 0):
        raise ValueError(f"{name}['shoppers'] must be zero or more; found a negative count")
    if np.any(np.isinf(shoppers)):
        raise ValueError(f"{name}['shoppers'] must be finite; found infinity")
    for col in ("rate_from_previous", "rate_from_start"):
        r = df[col].to_numpy(dtype=float)
        bad = ~np.isnan(r) & ((r < 0) | (r > 1))
        if np.any(bad):
            raise ValueError(f"{name}[{col!r}] must be fractions in [0, 1]; found {r[bad][0]!r}")
    for i, v in enumerate(df["factor"]):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            continue
        if _factor_of(v) is None:
            raise ValueError(
                f"{name}['factor'] must be 'need', 'touchpoint', 'trust' or None; row {i} has {v!r}"
            )
    return df


def stage_labels(funnel: pd.DataFrame, ordering: Ordering | str | None = None) -> list[str]:
    """The words shown for each row of a funnel frame, top row first.

    The first row is the starting population, the last row the purchase, and each
    row in between is named by its factor (in the ordering's own words when the
    ordering is known). A middle row without a factor keeps its ``stage`` string.

    Parameters
    ----------
    funnel : DataFrame
        A funnel frame.
    ordering : Ordering or str, optional
        The ordering, for ordering-specific words.

    Returns
    -------
    list of str
    """
    _check_funnel(funnel, "funnel")
    words = text.STAGES[ordering_key(ordering)] if ordering is not None else text.STAGES["generic"]
    n = len(funnel)
    labels = []
    for i, (stage, factor) in enumerate(zip(funnel["stage"], funnel["factor"], strict=True)):
        f = _factor_of(factor)
        if f is not None:
            labels.append(words[f])
        elif i == 0:
            labels.append(text.STAGES["population"])
        elif i == n - 1:
            labels.append(text.STAGES["purchase"])
        else:
            labels.append(str(stage))
    return labels


def _unpack(funnel_or_result: object, ordering: object) -> tuple[pd.DataFrame, str | None]:
    """Return (funnel frame, ordering name or None) from a frame or a SimulationResult."""
    if isinstance(funnel_or_result, pd.DataFrame):
        df = funnel_or_result
    elif hasattr(funnel_or_result, "funnel") and isinstance(funnel_or_result.funnel, pd.DataFrame):
        df = funnel_or_result.funnel
        if ordering is None and getattr(funnel_or_result, "ordering", None) is not None:
            ordering = funnel_or_result.ordering
    else:
        raise TypeError(
            "funnel_or_result must be a funnel DataFrame or a simulation result "
            f"(from course.simulate); got {type(funnel_or_result).__name__}"
        )
    if "ordering" in df.columns:
        present = pd.unique(df["ordering"].astype(str))
        if len(present) > 1:
            raise ValueError(
                "funnel_or_result holds more than one ordering "
                f"({', '.join(present)}); use funnel_comparison for several"
            )
        if ordering is None:
            ordering = present[0]
    key = ordering_key(ordering) if ordering is not None else None
    return _check_funnel(df, "funnel"), key


def _drop_title_word(funnel: pd.DataFrame) -> str | None:
    """The factor (or 'purchase') of the row with the lowest rate from the row above."""
    rates = funnel["rate_from_previous"].to_numpy(dtype=float)[1:]
    if rates.size == 0 or np.all(np.isnan(rates)):
        return None
    i = int(np.nanargmin(rates)) + 1
    if rates[i - 1] >= 1.0:
        return None
    f = _factor_of(funnel["factor"].iloc[i])
    if f is not None:
        return text.FACTOR_NAMES[f].lower()
    return text.STAGES["purchase"].lower()


#: How to draw the count axis: "log" (each mark 10 times the one before) or "linear".
SCALES = ("log", "linear")

# Room to the right of the longest bar for the numbers: a factor of the top count
# (linear) or a share of the decades shown (log). Single funnel, comparison.
_ROOM = {"single": (1.7, 0.75), "compare": (1.25, 0.3)}


def _right_edge(top: float, scale: str, kind: str) -> float:
    linear, log = _ROOM[kind]
    if scale == "linear":
        return top * linear
    decades = max(1.0, math.log10(max(top, 1.0)))
    return max(top, 1.0) * 10 ** (log * decades)


def _count_axis(ax: Axes, top: float, scale: str, kind: str) -> None:
    """The count axis: ticks from 0 (or 1) to ``top`` only; the space right holds numbers."""
    right = _right_edge(top, scale, kind)
    if scale == "log":
        ax.set_xscale("log")
        ax.set_xlim(1.0, right)
        top = max(top, 1.0)
        ticks = [10.0**k for k in range(int(math.floor(math.log10(top))) + 1)]
        ax.xaxis.set_minor_locator(mticker.NullLocator())
        ax.set_xlabel(text.FUNNEL["xlabel_log"])
        ax.spines["bottom"].set_bounds(1.0, top)
    else:
        ax.set_xlim(0.0, right)
        ticks = [
            t
            for t in mticker.MaxNLocator(nbins=4).tick_values(0, top)
            if -1e-9 <= t <= top * 1.0001
        ]
        ax.set_xlabel(text.FUNNEL["xlabel"])
        ax.spines["bottom"].set_bounds(0, top)
    ax.set_xticks(ticks)
    ax.xaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _pos: fmt_count(v)))


def _check_axis(ax: Axes, top: float, scale: str, kind: str) -> None:
    """Raise NeedsRedraw unless ``ax`` has the count axis this data would get."""
    if ax.get_xscale() != scale:
        raise NeedsRedraw("the axis scale changed")
    if not math.isclose(ax.get_xlim()[1], _right_edge(top, scale, kind), rel_tol=1e-9):
        raise NeedsRedraw("the starting population changed")


def funnel_chart(
    funnel_or_result: object,
    ax: Axes | None = None,
    *,
    ordering: Ordering | str | None = None,
    scale: str = "log",
    title: str | None = None,
) -> Figure:
    """Draw one funnel: a bar per stage, with the count and the share kept from the row above.

    Bars are in the ordering's colour; each factor row carries its factor's mark.
    The first row (everyone simulated) is grey; the last row (buyers) is bold.

    Parameters
    ----------
    funnel_or_result : DataFrame or SimulationResult
        A funnel frame (columns ``stage, factor, shoppers, rate_from_previous,
        rate_from_start``; an ``ordering`` column with one value is allowed), or a
        result of :func:`course.simulate`, whose ``funnel`` and ``ordering`` are used.
    ax : matplotlib Axes, optional
        Where to draw. A new figure is created when not given.
    ordering : Ordering or str, optional
        The ordering, when ``funnel_or_result`` does not say. Without one the bars
        are grey and the stage names generic.
    scale : {"log", "linear"}
        How the count axis is drawn. ``"log"`` (default): each tick is 10 times the
        one before, so a stage with 0.2% of the shoppers still shows as a bar;
        ``"linear"``: bar lengths proportional to counts (small stages become
        slivers).
    title : str, optional
        Replaces the default title, which gives the share of shoppers who buy and
        the stage with the biggest drop.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    TypeError, ValueError
        If the input is not a funnel frame (or result) with the documented columns,
        counts are negative or rates are outside [0, 1].

    Examples
    --------
    >>> import course
    >>> fig = funnel_chart(course.simulate("search"))  # doctest: +SKIP
    """
    scale = check_choice("scale", scale, SCALES)
    df, key = _unpack(funnel_or_result, ordering)
    labels = stage_labels(df, key)
    n = len(df)
    fig, ax = single_ax(ax, figsize=(9.0, 1.2 + 0.55 * n))
    colour = ORDERING_COLOURS[key] if key is not None else GREY
    shoppers = df["shoppers"].to_numpy(dtype=float)
    top = _top(shoppers)
    ys = np.arange(n)[::-1].astype(float)
    notes = _notes(df)
    with course_style():
        marker_tf = offset_copy(
            blended_transform_factory(ax.transAxes, ax.transData),
            fig=fig,
            x=-10,
            y=0,
            units="points",
        )
        for i in range(n):
            value = shoppers[i]
            y = ys[i]
            face = LIGHT_GREY if i == 0 else colour
            width = 0.0 if np.isnan(value) else value
            ax.barh(y, width, height=0.7, color=face, edgecolor="none", gid=f"bar-{i}")
            ax.annotate(
                notes[i],
                xy=(_anchor(value, scale), y),
                xytext=(5, 0),
                textcoords="offset points",
                va="center",
                ha="left",
                fontsize=9.5,
                fontweight="bold" if i == n - 1 else "normal",
                color="#222222",
                gid=f"note-{i}",
                annotation_clip=False,
            )
            f = _factor_of(df["factor"].iloc[i])
            if f is not None:
                ax.plot(
                    [0.0],
                    [y],
                    marker=FACTOR_MARKERS[f],
                    color=colour,
                    markersize=8,
                    linestyle="none",
                    transform=marker_tf,
                    clip_on=False,
                    gid=f"marker-{f}",
                )
        ax.set_yticks(ys, labels)
        ax.tick_params(axis="y", length=0, pad=21)
        for tick_label, i in zip(ax.get_yticklabels(), range(n), strict=True):
            if i == n - 1:
                tick_label.set_fontweight("bold")
        ax.set_ylim(-0.6, n - 0.4)
        _count_axis(ax, top, scale, "single")
        ax.spines["left"].set_visible(False)
        if title is None:
            title = _funnel_title(df, key)
        ax.set_title(title, loc="left")
    return fig


def _anchor(value: float, scale: str) -> float:
    """Where a bar's note starts: at the bar's end, or at the axis start for an unknown count.

    A log axis has no 0, so an unknown count's note starts at 1 (the axis' left edge).
    """
    if np.isnan(value) or value <= 0:
        return 1.0 if scale == "log" else 0.0
    return float(value)


def _notes(df: pd.DataFrame) -> list[str]:
    """The words beside each bar: the count, and the share kept from the row above.

    A stage whose count is unknown (NaN: a real export that cannot see it) says so; the
    first known stage gives its count only, since there is no known row above it.
    """
    shoppers = df["shoppers"].to_numpy(dtype=float)
    rates = df["rate_from_previous"].to_numpy(dtype=float)
    known = ~np.isnan(shoppers)
    first_known = int(np.argmax(known)) if known.any() else -1
    out = []
    for i, value in enumerate(shoppers):
        if not known[i]:
            out.append(text.FUNNEL["bar_note_unknown"])
        elif i <= first_known or np.isnan(rates[i]):
            out.append(text.FUNNEL["bar_note_first"].format(count=fmt_count(value)))
        else:
            # After an unknown stage the rate is taken from the last known one, so say so.
            key = "bar_note" if known[i - 1] else "bar_note_after_unknown"
            out.append(text.FUNNEL[key].format(count=fmt_count(value), rate=fmt_pct(rates[i])))
    return out


def _by_gid(artists, prefix: str) -> dict[str, Artist]:
    return {
        a.get_gid()[len(prefix) :]: a
        for a in artists
        if isinstance(a.get_gid(), str) and a.get_gid().startswith(prefix)
    }


def update_funnel_chart(
    ax: Axes,
    funnel_or_result: object,
    *,
    ordering: Ordering | str | None = None,
    scale: str = "log",
    title: str | None = None,
) -> list[Artist]:
    """Change a funnel chart drawn by :func:`funnel_chart` in place, for new numbers.

    Much faster than drawing again: only the bars, the notes beside them and the
    title change. Widgets use it with :class:`course.widgets.base.FigureImage`.

    Parameters
    ----------
    ax : matplotlib Axes
        Axes on which :func:`funnel_chart` drew.
    funnel_or_result, ordering, scale, title
        As for :func:`funnel_chart`.

    Returns
    -------
    list of matplotlib Artist
        The artists that changed (bars, notes, title), for fast re-rendering.

    Raises
    ------
    NeedsRedraw
        When the new funnel does not fit the chart on ``ax`` (other stages, other
        ordering, another starting population): draw it again with
        :func:`funnel_chart`.
    """
    scale = check_choice("scale", scale, SCALES)
    df, key = _unpack(funnel_or_result, ordering)
    shoppers = df["shoppers"].to_numpy(dtype=float)
    bars = _by_gid(ax.patches, "bar-")
    notes = _by_gid(ax.texts, "note-")
    n = len(df)
    if len(bars) != n or len(notes) != n:
        raise NeedsRedraw(f"the chart has {len(bars)} stages; the new funnel has {n}")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    if labels != stage_labels(df, key):
        raise NeedsRedraw("the stages or the ordering changed")
    _check_axis(ax, _top(shoppers), scale, "single")
    words = _notes(df)
    for i in range(n):
        width = 0.0 if np.isnan(shoppers[i]) else shoppers[i]
        bars[str(i)].set_width(width)
        note = notes[str(i)]
        note.xy = (_anchor(shoppers[i], scale), note.xy[1])
        note.set_text(words[i])
    title_artist = ax.set_title(_funnel_title(df, key) if title is None else title, loc="left")
    return [*(bars[str(i)] for i in range(n)), *(notes[str(i)] for i in range(n)), title_artist]


def _top(shoppers: np.ndarray) -> float:
    """The largest count (the x-axis reaches it), 1 when there is none."""
    top = float(np.nanmax(shoppers)) if np.any(~np.isnan(shoppers)) else 1.0
    return top if top > 0 else 1.0


def funnel_title(funnel_or_result: object, *, ordering: Ordering | str | None = None) -> str:
    """The default title of :func:`funnel_chart`: who buys, and where the biggest drop is.

    Widgets show it above the picture, as text.
    """
    df, key = _unpack(funnel_or_result, ordering)
    return _funnel_title(df, key)


def funnel_comparison_title(compare_df: pd.DataFrame | Mapping) -> str:
    """The default title of :func:`funnel_comparison`: which ordering ends with most buyers."""
    return _comparison_title(_split_comparison(compare_df))


def _funnel_title(df: pd.DataFrame, key: str | None) -> str:
    conversion = fmt_pct(float(df["rate_from_start"].iloc[-1]))
    word = _drop_title_word(df)
    name = text.ORDERING_NAMES[key] if key is not None else None
    if word is None:
        template = "title_no_drop" if name else "title_no_drop_no_ordering"
        return text.FUNNEL[template].format(ordering=name, conversion=conversion)
    template = "title" if name else "title_no_ordering"
    return text.FUNNEL[template].format(ordering=name, conversion=conversion, stage=word)


def _split_comparison(compare_df: object) -> dict[str, pd.DataFrame]:
    """{ordering name: funnel frame}, in the fixed order search, interest, social."""
    if isinstance(compare_df, Mapping):
        found: dict[str, pd.DataFrame] = {}
        for k, v in compare_df.items():
            funnel = v.funnel if hasattr(v, "funnel") else v
            if not isinstance(funnel, pd.DataFrame):
                raise TypeError(
                    "compare_df must be a DataFrame from course.compare or a dict of "
                    f"simulation results; the entry {k!r} is {type(v).__name__}"
                )
            key = ordering_key(k, "compare_df key")
            if key in found:
                raise ValueError(f"compare_df names the ordering {key!r} twice")
            found[key] = _check_funnel(funnel, f"compare_df[{key}]")
        if not found:
            raise ValueError("compare_df must hold at least one ordering; got an empty dict")
        return {o.value: found[o.value] for o in Ordering if o.value in found}
    check_frame(compare_df, "compare_df", ("ordering", *FUNNEL_COLUMNS))
    out: dict[str, pd.DataFrame] = {}
    keys = [ordering_key(v, "compare_df['ordering']") for v in compare_df["ordering"]]
    grouped = compare_df.assign(_key=keys)
    for o in Ordering:
        part = grouped[grouped["_key"] == o.value].drop(columns="_key")
        if not part.empty:
            out[o.value] = _check_funnel(part.reset_index(drop=True), f"compare_df[{o.value}]")
    return out


def funnel_comparison(
    compare_df: pd.DataFrame | Mapping,
    ax: Axes | None = None,
    *,
    scale: str = "log",
    title: str | None = None,
) -> Figure:
    """Draw up to three funnels side by side, step by step, on the same shoppers.

    Each row is one step of the funnel (start, step 1, 2, 3, bought); within a
    row there is one bar per ordering, in its fixed colour, and each bar carries
    the mark of the factor met at that step, so the reader sees that the same
    factor comes at a different step in each ordering.

    Parameters
    ----------
    compare_df : DataFrame or dict
        The frame returned by :func:`course.compare` (column ``ordering`` first,
        then the funnel columns), or a dict of simulation results keyed by
        ordering (as from :func:`course.compare_results`).
    ax : matplotlib Axes, optional
        Where to draw. A new figure is created when not given.
    scale : {"log", "linear"}
        How the count axis is drawn (see :func:`funnel_chart`).
    title : str, optional
        Replaces the default title, which names the ordering with the most buyers.

    Returns
    -------
    matplotlib.figure.Figure
    """
    scale = check_choice("scale", scale, SCALES)
    funnels = _split_comparison(compare_df)
    keys = list(funnels)
    n_rows = max(len(f) for f in funnels.values())
    m = len(keys)
    fig, ax = single_ax(ax, figsize=(10.0, 1.4 + 0.26 * n_rows * m))
    top = _comparison_top(funnels)
    group = 0.82
    bar_h = group / m
    with course_style():
        marker_tf = offset_copy(ax.transData, fig=fig, x=7, y=0, units="points")
        for j, key in enumerate(keys):
            df = funnels[key]
            colour = ORDERING_COLOURS[key]
            values = df["shoppers"].to_numpy(dtype=float)
            for i in range(len(df)):
                y = (n_rows - 1 - i) + group / 2 - bar_h * (j + 0.5)
                value = 0.0 if np.isnan(values[i]) else values[i]
                ax.barh(
                    y,
                    value,
                    height=bar_h * 0.9,
                    color=colour,
                    edgecolor="none",
                    gid=f"bar-{key}-{i}",
                )
                f = _factor_of(df["factor"].iloc[i])
                offset = 5
                if f is not None:
                    ax.plot(
                        [value],
                        [y],
                        marker=FACTOR_MARKERS[f],
                        color=colour,
                        markersize=6.5,
                        linestyle="none",
                        transform=marker_tf,
                        clip_on=False,
                        gid=f"marker-{key}-{i}-{f}",
                    )
                    offset = 14
                ax.annotate(
                    fmt_count(values[i]),
                    xy=(value, y),
                    xytext=(offset, 0),
                    textcoords="offset points",
                    va="center",
                    ha="left",
                    fontsize=8.5,
                    color="#222222",
                    gid=f"note-{key}-{i}",
                    annotation_clip=False,
                )
        row_labels = []
        for i in range(n_rows):
            if i == 0:
                row_labels.append(text.STAGES["population"])
            elif i == n_rows - 1:
                row_labels.append(text.STAGES["purchase"])
            else:
                row_labels.append(text.STAGES["step"].format(k=i))
        ax.set_yticks(np.arange(n_rows)[::-1], row_labels)
        ax.tick_params(axis="y", length=0)
        ax.set_ylim(-0.6, n_rows - 0.4)
        _count_axis(ax, top, scale, "compare")
        ax.set_ylabel(text.FUNNEL["compare_ylabel"])
        ax.spines["left"].set_visible(False)
        ordering_handles = [
            Patch(color=ORDERING_COLOURS[k], label=text.ORDERING_NAMES[k]) for k in keys
        ]
        factor_handles = [
            Line2D(
                [],
                [],
                marker=FACTOR_MARKERS[f.value],
                color=GREY,
                linestyle="none",
                label=text.FACTOR_NAMES[f.value],
            )
            for f in Factor
        ]
        leg1 = ax.legend(
            handles=ordering_handles,
            title=text.FUNNEL["legend_orderings"],
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            alignment="left",
        )
        ax.add_artist(leg1)
        ax.legend(
            handles=factor_handles,
            title=text.FUNNEL["legend_factors"],
            loc="upper left",
            bbox_to_anchor=(1.0, 0.55),
            alignment="left",
        )
        ax.set_title(_comparison_title(funnels) if title is None else title, loc="left")
    return fig


def _comparison_top(funnels: dict[str, pd.DataFrame]) -> float:
    return max(_top(f["shoppers"].to_numpy(dtype=float)) for f in funnels.values())


def _comparison_title(funnels: dict[str, pd.DataFrame]) -> str:
    buyers = {k: float(f["shoppers"].iloc[-1]) for k, f in funnels.items()}
    finite = {k: v for k, v in buyers.items() if not math.isnan(v)}
    best = max(finite.values()) if finite else math.nan
    winners = [k for k, v in finite.items() if v == best]
    if len(winners) == 1 and len(funnels) > 1:
        return text.FUNNEL["compare_title"].format(best=text.ORDERING_NAMES[winners[0]])
    return text.FUNNEL["compare_title_tie"]


def update_funnel_comparison(
    ax: Axes,
    compare_df: pd.DataFrame | Mapping,
    *,
    scale: str = "log",
    title: str | None = None,
) -> list[Artist]:
    """Change a chart drawn by :func:`funnel_comparison` in place, for new numbers.

    Parameters
    ----------
    ax : matplotlib Axes
        Axes on which :func:`funnel_comparison` drew.
    compare_df, scale, title
        As for :func:`funnel_comparison`.

    Returns
    -------
    list of matplotlib Artist
        The artists that changed (bars, marks, numbers, title).

    Raises
    ------
    NeedsRedraw
        When the new funnels do not fit the chart (other orderings, other steps or
        another starting population): draw again with :func:`funnel_comparison`.
    """
    scale = check_choice("scale", scale, SCALES)
    funnels = _split_comparison(compare_df)
    bars = _by_gid(ax.patches, "bar-")
    notes = _by_gid(ax.texts, "note-")
    marks = _by_gid(ax.lines, "marker-")
    expected = {f"{k}-{i}" for k, f in funnels.items() for i in range(len(f))}
    if set(bars) != expected or set(notes) != expected:
        raise NeedsRedraw("the orderings or their steps changed")
    _check_axis(ax, _comparison_top(funnels), scale, "compare")
    mark_of = {}
    for name, line in marks.items():
        key, i, factor = name.split("-")
        mark_of[f"{key}-{i}"] = (factor, line)
    changed: list[Artist] = []
    for key, df in funnels.items():
        values = df["shoppers"].to_numpy(dtype=float)
        for i in range(len(df)):
            name = f"{key}-{i}"
            value = 0.0 if np.isnan(values[i]) else values[i]
            bar = bars[name]
            bar.set_width(value)
            note = notes[name]
            note.xy = (value, note.xy[1])
            note.set_text(fmt_count(values[i]))
            changed += [bar, note]
            f = _factor_of(df["factor"].iloc[i])
            old = mark_of.get(name)
            if (old[0] if old else None) != f:
                raise NeedsRedraw("a factor moved to another step")
            if old is not None:
                old[1].set_xdata([value])
                changed.append(old[1])
    changed.append(ax.set_title(_comparison_title(funnels) if title is None else title, loc="left"))
    return changed

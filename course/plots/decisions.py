"""Figures for chapters 5-7: the platform race and the seller's plan with its range.

* :func:`platform_race_chart`: users, GMV per week and trust over the weeks, one
  line per platform, and the share of followers the top 1% and top 10% of
  creators hold on each platform.
* :func:`plan_fan_chart`: a seller's weekly plan as a fan: the band from the 10th
  to the 90th percentile (8 outcomes in 10 fall inside it) around the median line.
* :func:`lever_chart`: the few levers that move the plan's margin the most, from
  the planner's sensitivity (tornado) frame.

Each has an ``update_*`` companion that changes the drawn artists in place for
new numbers (for fast widgets) and raises :class:`course.plots.NeedsRedraw` when
the numbers no longer fit the chart already drawn.

Every word shown lives in :data:`TEXT` below (kept here, not in
:mod:`course.plots.text`, until the lead folds it in).
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.ticker as mticker
import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from course.plots._common import (
    NeedsRedraw,
    check_frame,
    fmt_number,
    fmt_pct,
    fmt_usd,
    new_figure,
)
from course.plots.style import GREY, HIGHLIGHT, LIGHT_GREY, course_style

__all__ = [
    "PLATFORM_COLOURS",
    "TEXT",
    "lever_chart",
    "plan_fan_chart",
    "platform_race_chart",
    "update_lever_chart",
    "update_plan_fan_chart",
    "update_platform_race_chart",
]

#: Every word in these figures. Templates use str.format fields; keep their names.
TEXT = {
    "race": {
        "panels": {
            "users_m": "Users (million people)",
            "gmv_usd": "GMV per week (USD)",
            "trust": "Trust in shopping (0 = none, 1 = complete)",
            "heads": "Followers held by the biggest creators",
        },
        "titles": {
            "users_m": "Users",
            "gmv_usd": "GMV per week",
            "trust": "Trust",
            "heads": "Head creators",
        },
        "xlabel": "Week",
        "top1": "Top 1% of creators",
        "top10": "Top 10% of creators",
        "even": "An even split gives the top 10% a tenth",
        "suptitle": "The platform race over {periods} weeks",
    },
    "fan": {
        "ylabels": {
            "impressions": "Impressions per week (views)",
            "clicks": "Clicks per week",
            "orders": "Orders per week",
            "gmv": "GMV per week (USD)",
            "cost": "Cost per week (USD)",
            "margin": "Margin per week (USD)",
        },
        "titles": {
            "impressions": "Impressions",
            "clicks": "Clicks",
            "orders": "Orders",
            "gmv": "GMV",
            "cost": "Cost",
            "margin": "Margin (what you keep)",
        },
        "xlabel": "Week on TikTok",
        "band": "8 in 10 outcomes fall in the band (10th to 90th percentile)",
        "median": "Middle outcome (median)",
        "zero": "Break-even",
    },
    "levers": {
        "title": "What moves your 12-week margin the most",
        "xlabel": "Expected margin over the plan (USD)\ngrey: lever at its low setting; "
        "orange: at its high setting",
        "row": "{label}: {low} to {high}",
    },
}

#: Colours for platforms (not orderings): Okabe-Ito colours other than the three
#: ordering colours, in this order.
PLATFORM_COLOURS = ("#56B4E9", "#CC79A7", "#000000", HIGHLIGHT, GREY)

_RACE_LINES = ("users_m", "gmv_usd", "trust")
_RACE_FMT = {"users_m": fmt_number, "gmv_usd": fmt_usd, "trust": lambda v: f"{v:.1f}"}


def _platform_names(periods_df: pd.DataFrame) -> list[str]:
    names = list(pd.unique(periods_df["platform"].astype(str)))
    if len(names) > len(PLATFORM_COLOURS):
        raise ValueError(
            f"periods_df must hold at most {len(PLATFORM_COLOURS)} platforms; got {len(names)}"
        )
    return names


def _check_race(periods_df, concentration_df) -> tuple[pd.DataFrame, pd.DataFrame]:
    check_frame(
        periods_df,
        "periods_df",
        ["platform", "period", *_RACE_LINES],
        numeric=["period", *_RACE_LINES],
    )
    check_frame(
        concentration_df,
        "concentration_df",
        ["platform", "top1_share", "top10_share", "gini"],
        numeric=["top1_share", "top10_share", "gini"],
    )
    missing = set(periods_df["platform"].astype(str)) - set(
        concentration_df["platform"].astype(str)
    )
    if missing:
        raise ValueError(
            f"concentration_df must have a row for every platform in periods_df; missing "
            f"{sorted(missing)}"
        )
    return periods_df, concentration_df.set_index(concentration_df["platform"].astype(str))


def _series(periods_df: pd.DataFrame, names: list[str], col: str) -> dict[str, tuple]:
    """Per platform: (periods, values) as arrays sorted by period."""
    platform = periods_df["platform"].astype(str).to_numpy()
    period = periods_df["period"].to_numpy(dtype=float)
    values = periods_df[col].to_numpy(dtype=float)
    out = {}
    for name in names:
        idx = np.flatnonzero(platform == name)
        idx = idx[np.argsort(period[idx], kind="stable")]
        out[name] = (period[idx], values[idx])
    return out


def _top_of(values: np.ndarray, headroom: float) -> float:
    vmax = float(np.nanmax(values)) if values.size else 0.0
    return vmax * headroom if vmax > 0 else 1.0


def _check_headroom(headroom: object) -> float:
    if (
        isinstance(headroom, bool)
        or not isinstance(headroom, (int, float))
        or not (1.0 <= headroom <= 10.0)
    ):
        raise ValueError(f"headroom must be a number in [1, 10]; got {headroom!r}")
    return float(headroom)


def platform_race_chart(
    periods_df: pd.DataFrame,
    concentration_df: pd.DataFrame,
    axes: Sequence[Axes] | None = None,
    *,
    title: str | None = None,
    headroom: float = 1.15,
    users_top: float | None = None,
    weeks_axis: int | None = None,
) -> Figure:
    """Draw the platform race: users, GMV per week and trust, and head creators.

    Parameters
    ----------
    periods_df : DataFrame
        :attr:`course.model.platform.RaceResult.periods`: one row per platform
        and period with at least ``platform``, ``period``, ``users_m``
        (million), ``gmv_usd`` (USD per period) and ``trust`` (0-1).
    concentration_df : DataFrame
        :attr:`course.model.platform.RaceResult.concentration`: one row per
        platform with ``top1_share``, ``top10_share`` and ``gini`` (0-1).
    axes : sequence of 4 Axes, optional
        Where to draw (users, GMV, trust, head creators). A new 2 x 2 figure
        when not given.
    title : str, optional
        The figure's headline (drawn when this function makes the figure or
        when given).
    headroom : float
        The users and GMV axes reach this many times the highest value (1-10).
        A widget passes more room so that its updates fit the axes for longer.
    users_top : float, optional
        Fix the top of the users axis (million), e.g. at the market's size.
    weeks_axis : int, optional
        Let the time axis reach this many periods (at least the data's), so that a
        widget can show shorter or longer runs in place without drawing again.

    Returns
    -------
    matplotlib.figure.Figure
    """
    periods_df, conc = _check_race(periods_df, concentration_df)
    headroom = _check_headroom(headroom)
    if users_top is not None and (
        isinstance(users_top, bool) or not isinstance(users_top, (int, float)) or not users_top > 0
    ):
        raise ValueError(f"users_top must be a number above 0 or None; got {users_top!r}")
    names = _platform_names(periods_df)
    own = axes is None
    if own:
        fig = new_figure(2, 2, figsize=(11.0, 6.6))
        axes = list(fig.axes)
    else:
        axes = list(axes)
        if len(axes) != 4:
            raise ValueError(f"axes must hold 4 Axes; got {len(axes)}")
        fig = axes[0].figure
    words = TEXT["race"]
    colours = dict(zip(names, PLATFORM_COLOURS, strict=False))
    n_periods = int(periods_df["period"].max()) + 1
    if weeks_axis is not None:
        if isinstance(weeks_axis, bool) or not isinstance(weeks_axis, (int, np.integer)):
            raise TypeError(f"weeks_axis must be a whole number or None; got {weeks_axis!r}")
        if weeks_axis < n_periods:
            raise ValueError(
                f"weeks_axis must be at least the number of periods ({n_periods}); got {weeks_axis}"
            )
    axis_periods = n_periods if weeks_axis is None else int(weeks_axis)
    with course_style():
        for ax, col in zip(axes[:3], _RACE_LINES, strict=True):
            for name, (x, y) in _series(periods_df, names, col).items():
                ax.plot(x, y, color=colours[name], label=name, gid=f"line-{col}-{name}")
            if col == "trust":
                top = 1.0
            elif col == "users_m" and users_top is not None:
                top = float(max(users_top, periods_df[col].max()))
            else:
                top = _top_of(periods_df[col].to_numpy(dtype=float), headroom)
            ax.set_ylim(0, top)
            ax.set_xlim(0, max(1, axis_periods - 1))
            fmt = _RACE_FMT[col]
            ax.yaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _p, f=fmt: f(v)))
            ax.xaxis.set_major_locator(mticker.MaxNLocator(integer=True))
            ax.set_title(words["titles"][col], loc="left", fontsize=11)
            ax.set_ylabel(words["panels"][col], fontsize=9)
            ax.set_xlabel(words["xlabel"])
            ax.grid(True, axis="y", color=LIGHT_GREY)
        axes[0].legend(loc="upper left", fontsize=8.5)
        ax = axes[3]
        x = np.arange(len(names))
        width = 0.38
        for k, (col, colour, label) in enumerate(
            (("top1_share", GREY, words["top1"]), ("top10_share", HIGHLIGHT, words["top10"]))
        ):
            values = conc.loc[names, col].to_numpy(dtype=float)
            bars = ax.bar(x + (k - 0.5) * width, values, width=width, color=colour, label=label)
            for i, bar in enumerate(bars):
                bar.set_gid(f"bar-{col}-{i}")
                ax.annotate(
                    fmt_pct(values[i]),
                    xy=(bar.get_x() + width / 2, values[i]),
                    xytext=(0, 2),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=8,
                    gid=f"value-{col}-{i}",
                )
        ax.axhline(0.10, color=GREY, linestyle=":", linewidth=1.2, label=words["even"])
        ax.set_xticks(x, names, fontsize=9)
        ax.set_ylim(0, 1)
        ax.yaxis.set_major_formatter(mticker.PercentFormatter(xmax=1.0, decimals=0))
        ax.set_title(words["titles"]["heads"], loc="left", fontsize=11)
        ax.set_ylabel(words["panels"]["heads"], fontsize=9)
        ax.legend(loc="upper left", fontsize=8)
        if title is None and own:
            title = words["suptitle"].format(periods=n_periods)
        if title is not None:
            fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    return fig


def update_platform_race_chart(
    axes: Sequence[Axes],
    periods_df: pd.DataFrame,
    concentration_df: pd.DataFrame,
    *,
    shrink: float = 3.0,
    fixed: Sequence[str] = (),
) -> list[Artist]:
    """Change a chart drawn by :func:`platform_race_chart` in place, for new numbers.

    Parameters
    ----------
    axes : sequence of 4 Axes
        The panels the chart was drawn on.
    periods_df, concentration_df : DataFrame
        As for :func:`platform_race_chart`.
    shrink : float
        Draw again when a panel's highest value uses less than 1/shrink of its
        axis (> 1).
    fixed : sequence of str
        Panels (``"users_m"``, ``"gmv_usd"``) whose axis was fixed: only
        values beyond the top make them draw again.

    Returns
    -------
    list of matplotlib Artist
        The lines, bars and numbers that changed.

    Raises
    ------
    NeedsRedraw
        When the platforms differ from the chart's, the periods no longer fit the
        time axis (more than it holds, or under half of it), or a line left its
        panel's scale (above the top, or under 1/shrink of it).
    """
    periods_df, conc = _check_race(periods_df, concentration_df)
    names = _platform_names(periods_df)
    axes = list(axes)
    if len(axes) != 4:
        raise ValueError(f"axes must hold 4 Axes; got {len(axes)}")
    changed: list[Artist] = []
    n_periods = int(periods_df["period"].max()) + 1
    right = axes[0].get_xlim()[1]
    if n_periods - 1 > right or n_periods - 1 < right / 2:
        raise NeedsRedraw("the number of periods no longer fits the time axis")
    for ax, col in zip(axes[:3], _RACE_LINES, strict=True):
        lines = {ln.get_gid(): ln for ln in ax.lines}
        if set(lines) != {f"line-{col}-{n}" for n in names}:
            raise NeedsRedraw("the platforms changed")
        if col != "trust":
            vmax = float(periods_df[col].max())
            top = ax.get_ylim()[1]
            too_small = col not in fixed and (vmax < top / shrink or (vmax == 0 and top != 1))
            if vmax > top / 1.02 or too_small:
                raise NeedsRedraw(f"{col} left the panel's scale")
        for name, (x, y) in _series(periods_df, names, col).items():
            line = lines[f"line-{col}-{name}"]
            line.set_data(x, y)
            changed.append(line)
    ax = axes[3]
    bars = {p.get_gid(): p for p in ax.patches}
    notes = {t.get_gid(): t for t in ax.texts}
    if len(bars) != 2 * len(names):
        raise NeedsRedraw("the platforms changed")
    for col in ("top1_share", "top10_share"):
        values = conc.loc[names, col].to_numpy(dtype=float)
        for i, v in enumerate(values):
            bar = bars[f"bar-{col}-{i}"]
            bar.set_height(v)
            note = notes[f"value-{col}-{i}"]
            note.xy = (note.xy[0], v)
            note.set_text(fmt_pct(v))
            changed += [bar, note]
    return changed


# ----------------------------------------------------------------------- plan fan
_FAN_COLUMNS = ("week", "metric", "p10", "p50", "p90")
_USD_METRICS = {"gmv", "cost", "margin"}


class _Fan:
    """One metric's fan as arrays sorted by week: ``week``, ``p10``, ``p50``, ``p90``."""

    def __init__(self, weekly_df: pd.DataFrame, metric: str) -> None:
        metrics = weekly_df["metric"].to_numpy()
        idx = np.flatnonzero(metrics == metric)
        if idx.size == 0:
            raise ValueError(
                f"weekly_df has no rows for metric {metric!r}; it has {sorted(pd.unique(metrics))}"
            )
        week = weekly_df["week"].to_numpy(dtype=float)[idx]
        order = np.argsort(week, kind="stable")
        idx = idx[order]
        self.week = week[order]
        self.p10 = weekly_df["p10"].to_numpy(dtype=float)[idx]
        self.p50 = weekly_df["p50"].to_numpy(dtype=float)[idx]
        self.p90 = weekly_df["p90"].to_numpy(dtype=float)[idx]


def _fan_data_range(fan: _Fan) -> tuple[float, float]:
    lo = min(0.0, float(fan.p10.min()))
    hi = max(0.0, float(fan.p90.max()))
    return lo, hi


def _fan_limits(fan: _Fan, headroom: float) -> tuple[float, float]:
    """Axis limits about ``headroom`` times the fan's height (0 always shown).

    The extra room goes above the fan; when the fan dips below 0 a third of it
    goes below.
    """
    lo, hi = _fan_data_range(fan)
    span = hi - lo if hi > lo else 1.0
    extra = ((headroom - 1.0) + 0.04) * span
    below = extra / 3.0 if lo < 0 else 0.0
    return lo - below, hi + extra - below


def _band_verts(fan: _Fan) -> np.ndarray:
    w = fan.week
    return np.concatenate(
        [np.column_stack([w, fan.p10]), np.column_stack([w[::-1], fan.p90[::-1]])]
    )


def plan_fan_chart(
    weekly_df: pd.DataFrame,
    metrics: Sequence[str] = ("gmv", "margin"),
    axes: Sequence[Axes] | None = None,
    *,
    headroom: float = 1.1,
) -> Figure:
    """Draw a seller's weekly plan as fans: the p10-p90 band around the median line.

    Parameters
    ----------
    weekly_df : DataFrame
        :attr:`course.model.planner.PlanResult.weekly`: tidy, with ``week``,
        ``metric``, ``p10``, ``p50``, ``p90``.
    metrics : sequence of str
        The metrics to draw, one panel each (1 to 4): any of impressions,
        clicks, orders, gmv, cost, margin. Money metrics show USD; margin gets a
        break-even line at 0.
    axes : sequence of Axes, optional
        One per metric. A new figure with the panels side by side when not given.
    headroom : float
        The axis is about this many times the fan's height (1-10); a widget
        passes more so that its updates fit the axes for longer.

    Returns
    -------
    matplotlib.figure.Figure
    """
    check_frame(weekly_df, "weekly_df", _FAN_COLUMNS, numeric=("week", "p10", "p50", "p90"))
    headroom = _check_headroom(headroom)
    metrics = [metrics] if isinstance(metrics, str) else list(metrics)
    if not 1 <= len(metrics) <= 4:
        raise ValueError(f"metrics must name 1 to 4 metrics; got {len(metrics)}")
    for m in metrics:
        if m not in TEXT["fan"]["titles"]:
            raise ValueError(f"metrics must be among {', '.join(TEXT['fan']['titles'])}; got {m!r}")
    if axes is None:
        fig = new_figure(1, len(metrics), figsize=(min(5.2 * len(metrics), 13.0), 3.9))
        axes = list(fig.axes)
    else:
        axes = list(axes)
        if len(axes) != len(metrics):
            raise ValueError(
                f"axes must hold {len(metrics)} Axes (one per metric); got {len(axes)}"
            )
        fig = axes[0].figure
    words = TEXT["fan"]
    with course_style():
        for ax, m in zip(axes, metrics, strict=True):
            fan = _Fan(weekly_df, m)
            colour = "#0072B2" if m != "margin" else "#009E73"
            band = ax.fill_between(
                fan.week,
                fan.p10,
                fan.p90,
                color=colour,
                alpha=0.22,
                linewidth=0,
                label=words["band"],
            )
            band.set_gid(f"band-{m}")
            ax.plot(
                fan.week,
                fan.p50,
                color=colour,
                linewidth=2.2,
                marker="o",
                markersize=4,
                label=words["median"],
                gid=f"median-{m}",
            )
            if m == "margin":
                ax.axhline(0, color=GREY, linewidth=1.0, linestyle="--", label=words["zero"])
            lo, hi = _fan_limits(fan, headroom)
            ax.set_ylim(lo, hi)
            weeks = fan.week
            ax.set_xlim(weeks.min() - 0.3, weeks.max() + 0.3)
            ax.xaxis.set_major_locator(mticker.MaxNLocator(integer=True))
            fmt = fmt_usd if m in _USD_METRICS else fmt_number
            ax.yaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _p, f=fmt: f(v)))
            ax.set_title(words["titles"][m], loc="left", fontsize=11)
            ax.set_ylabel(words["ylabels"][m], fontsize=9)
            ax.set_xlabel(words["xlabel"])
            ax.grid(True, axis="y", color=LIGHT_GREY)
        axes[0].legend(loc="upper left", fontsize=8)
    return fig


def update_plan_fan_chart(
    axes: Sequence[Axes],
    weekly_df: pd.DataFrame,
    metrics: Sequence[str] = ("gmv", "margin"),
    *,
    shrink: float = 3.0,
) -> list[Artist]:
    """Change a chart drawn by :func:`plan_fan_chart` in place, for new numbers.

    Returns the bands and median lines that changed. Raises
    :class:`course.plots.NeedsRedraw` when the weeks differ or a fan left its
    panel's scale (beyond it, or using under 1/shrink of it).
    """
    check_frame(weekly_df, "weekly_df", _FAN_COLUMNS, numeric=("week", "p10", "p50", "p90"))
    metrics = [metrics] if isinstance(metrics, str) else list(metrics)
    axes = list(axes)
    if len(axes) != len(metrics):
        raise ValueError(f"axes must hold {len(metrics)} Axes; got {len(axes)}")
    changed: list[Artist] = []
    for ax, m in zip(axes, metrics, strict=True):
        fan = _Fan(weekly_df, m)
        weeks = fan.week
        if ax.get_xlim() != (weeks.min() - 0.3, weeks.max() + 0.3):
            raise NeedsRedraw("the weeks changed")
        lo, hi = _fan_data_range(fan)
        cur_lo, cur_hi = ax.get_ylim()
        span = cur_hi - cur_lo
        if lo < cur_lo or hi > cur_hi or (hi - lo) < span / shrink:
            raise NeedsRedraw(f"the {m} fan left the panel's scale")
        band = next((c for c in ax.collections if c.get_gid() == f"band-{m}"), None)
        line = next((ln for ln in ax.lines if ln.get_gid() == f"median-{m}"), None)
        if band is None or line is None:
            raise NeedsRedraw("the chart is not a plan fan chart")
        band.set_verts([_band_verts(fan)])
        line.set_data(weeks, fan.p50)
        changed += [band, line]
    return changed


# ----------------------------------------------------------------------- levers
_LEVER_COLUMNS = ("lever", "label", "low", "high", "base", "low_setting", "high_setting")


def _setting(lever: str, value: float) -> str:
    if lever in (
        "commission_rate",
        "price_change",
        "creator_response",
        "click_through",
        "refund_rate",
    ):
        return fmt_pct(value)
    if lever in ("ad_budget_per_week", "cpm_usd"):
        return fmt_usd(value)
    return fmt_number(value)


def _lever_rows(sensitivity_df: pd.DataFrame, top: int) -> pd.DataFrame:
    check_frame(
        sensitivity_df,
        "sensitivity_df",
        _LEVER_COLUMNS,
        numeric=("low", "high", "base", "low_setting", "high_setting"),
    )
    swing = (sensitivity_df["high"] - sensitivity_df["low"]).abs()
    order = np.argsort(-swing.to_numpy(), kind="stable")[:top]
    return sensitivity_df.iloc[order].reset_index(drop=True)


def _lever_range(rows: pd.DataFrame) -> tuple[float, float]:
    values = np.concatenate([rows["low"], rows["high"], rows["base"].iloc[:1]])
    return float(values.min()), float(values.max())


def _lever_limits(rows: pd.DataFrame, headroom: float) -> tuple[float, float]:
    lo, hi = _lever_range(rows)
    span = hi - lo if hi > lo else max(abs(hi), 1.0)
    extra = (headroom - 1.0) / 2 + 0.08
    return lo - extra * span, hi + extra * span


def lever_chart(
    sensitivity_df: pd.DataFrame,
    ax: Axes | None = None,
    *,
    top: int = 5,
    headroom: float = 1.0,
) -> Figure:
    """The few levers that move the plan's margin the most, as a compact tornado.

    Each row is one lever: a grey bar from the plan's expected margin to the
    margin with the lever at its low setting, an orange bar to its high setting.
    The lever's name and its two settings are written above its bars (not as
    tick labels), so a widget can update them in place.

    Parameters
    ----------
    sensitivity_df : DataFrame
        :attr:`course.model.planner.PlanResult.sensitivity` (the tornado frame):
        ``lever``, ``label``, ``low``, ``high``, ``base``, ``low_setting``,
        ``high_setting``.
    ax : Axes, optional
        Where to draw; a new figure when not given.
    top : int
        How many levers to show (1-10), widest swing first.
    headroom : float
        Extra room on the axis, as a multiple of the bars' span (1-10); a
        widget passes more so that its updates fit for longer.

    Returns
    -------
    matplotlib.figure.Figure
    """
    if isinstance(top, bool) or not isinstance(top, int) or not 1 <= top <= 10:
        raise ValueError(f"top must be a whole number in [1, 10]; got {top!r}")
    headroom = _check_headroom(headroom)
    rows = _lever_rows(sensitivity_df, top)
    if ax is None:
        fig = new_figure(figsize=(6.0, 0.75 * len(rows) + 1.2))
        ax = fig.axes[0]
    fig = ax.figure
    words = TEXT["levers"]
    base = float(rows["base"].iloc[0])
    with course_style():
        for i in range(top):
            y = -i
            for side, colour in (("low", GREY), ("high", HIGHLIGHT)):
                v = float(rows[side].iloc[i]) if i < len(rows) else base
                ax.barh(
                    y,
                    v - base,
                    left=base,
                    height=0.42,
                    color=colour,
                    gid=f"lever-{side}-{i}",
                    visible=i < len(rows),
                )
            ax.text(
                0.0,
                y + 0.27,
                _lever_label(rows, i),
                transform=ax.get_yaxis_transform(),
                ha="left",
                va="bottom",
                fontsize=8.5,
                gid=f"lever-label-{i}",
                visible=i < len(rows),
                parse_math=False,
            )  # "$4 to $15" is money
        ax.axvline(base, color="#000000", linewidth=1.2, gid="lever-base")
        ax.set_yticks([])
        ax.set_ylim(-top + 0.5, 0.85)
        ax.set_xlim(*_lever_limits(rows, headroom))
        ax.xaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _p: fmt_usd(v)))
        ax.spines["left"].set_visible(False)
        ax.grid(True, axis="x", color=LIGHT_GREY)
        ax.set_axisbelow(True)
        ax.set_xlabel(words["xlabel"])
        ax.set_title(words["title"], loc="left", fontsize=11)
    return fig


def _lever_label(rows: pd.DataFrame, i: int) -> str:
    if i >= len(rows):
        return ""
    r = rows.iloc[i]
    return TEXT["levers"]["row"].format(
        label=r["label"],
        low=_setting(r["lever"], r["low_setting"]),
        high=_setting(r["lever"], r["high_setting"]),
    )


def update_lever_chart(
    ax: Axes, sensitivity_df: pd.DataFrame, *, top: int = 5, shrink: float = 3.0
) -> list[Artist]:
    """Change a chart drawn by :func:`lever_chart` in place, for new numbers.

    Returns the bars, labels and the plan's line that changed. Raises
    :class:`course.plots.NeedsRedraw` when the numbers left the axis (or use
    under 1/shrink of it).
    """
    rows = _lever_rows(sensitivity_df, top)
    base = float(rows["base"].iloc[0])
    line = next((ln for ln in ax.lines if ln.get_gid() == "lever-base"), None)
    if line is None:
        raise NeedsRedraw("the chart is not a lever chart")
    lo, hi = _lever_range(rows)
    cur_lo, cur_hi = ax.get_xlim()
    if lo < cur_lo or hi > cur_hi or (hi - lo) < (cur_hi - cur_lo) / shrink:
        raise NeedsRedraw("the levers left the axis")
    bars = {p.get_gid(): p for p in ax.patches}
    notes = {t.get_gid(): t for t in ax.texts}
    changed: list[Artist] = []
    for i in range(top):
        for side in ("low", "high"):
            bar = bars.get(f"lever-{side}-{i}")
            if bar is None:
                raise NeedsRedraw("the chart shows fewer levers")
            if i < len(rows):
                v = float(rows[side].iloc[i])
                bar.set_x(min(base, v))
                bar.set_width(abs(v - base))
            bar.set_visible(i < len(rows))
            changed.append(bar)
        note = notes[f"lever-label-{i}"]
        note.set_text(_lever_label(rows, i))
        changed.append(note)
    line.set_xdata([base, base])
    changed.append(line)
    return changed

"""Benchmark of the widgets' responsiveness: from a control's change to the finished picture.

For each widget at its default settings, a control is moved the way a learner moves
it (one step of the slider at a time, or the next choice of a drop-down list), and
the wall-clock time from setting ``control.value`` to the return of the call is
measured. The call is synchronous: it includes the simulation, the update of the
figure, its rendering and its encoding as a picture (everything but the trip to the
browser). One change is made first and not counted (fonts and caches warm up); then
the median (p50) and the 95th percentile (p95) of 20 changes (5 with ``quick``) are
reported, with the median CPU time of this process per change, which a busy machine
(other jobs on the same cores) inflates much less than the wall-clock time. Target on the course machine (2 cores): p50 under 100 ms, p95 under
250 ms; 100 ms is where a response stops feeling instant.

To show why the widgets render the way they do, the funnel lab (search) is also
timed with each technique switched off in turn:

* ``naive``: clear the axes, draw the chart again and save a PNG on every change;
* ``matplotlib_text``: the changing numbers drawn by matplotlib instead of Pillow;
* ``png``: the picture encoded as PNG instead of JPEG.

Run ``python benchmarks/bench_widgets.py`` (add ``--quick`` for a few seconds' check).
Speed is never asserted in a test.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable, Iterator

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import course
from course.plots import course_style, funnel_chart
from course.widgets import (
    compare_orderings,
    funnel_lab,
    ordering_explorer,
    platform_race,
    seller_planner,
)
from course.widgets.base import FigureImage

CHANGES = 20
QUICK_CHANGES = 5


def _slider_values(control: widgets.ValueWidget, n: int) -> Iterator[float]:
    """n values one step apart, from the current value up, turning back at the end."""
    value, step = control.value, control.step
    direction = 1
    for _ in range(n):
        nxt = value + direction * step
        if nxt > control.max or nxt < control.min:
            direction = -direction
            nxt = value + direction * step
        value = type(control.value)(round(nxt, 10))
        yield value


def _first_slider(w) -> str:
    for name, control in w.controls.items():
        if isinstance(control, widgets.FloatSlider | widgets.IntSlider):
            return name
    raise LookupError("the widget has no slider")


def _time_changes(w, name: str, values: list, *, allow_messages: bool = False) -> list:
    """(wall ms, CPU ms) per change of ``w.controls[name]`` to each of ``values``."""
    control = w.controls[name]
    out = []
    for v in values:
        start, cpu = time.perf_counter(), time.process_time()
        control.value = v
        out.append(((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000))
        if w.error and not allow_messages:
            raise RuntimeError(f"the widget reported a problem at {name}={v!r}: {w.error}")
    return out


def _summary(times: list) -> tuple[float, float, float]:
    """(wall p50, wall p95, CPU p50) in milliseconds."""
    wall = np.asarray([t[0] for t in times])
    cpu = np.asarray([t[1] for t in times])
    return (
        round(float(np.median(wall)), 1),
        round(float(np.percentile(wall, 95)), 1),
        round(float(np.median(cpu)), 1),
    )


def _slider_case(factory: Callable, n: int, control: str | None = None):
    def case():
        start = time.perf_counter()
        w = factory()
        build = (time.perf_counter() - start) * 1000
        name = control or _first_slider(w)
        values = list(_slider_values(w.controls[name], n + 1))
        times = _time_changes(w, name, values)[1:]  # the first change warms up
        return name, build, times, getattr(getattr(w, "view", None), "full_renders", None)

    return case


def _explorer_case(n: int):
    def case():
        start = time.perf_counter()
        w = ordering_explorer()
        build = (time.perf_counter() - start) * 1000
        cycle = ["need", "trust", "touchpoint"]  # need first: search, need-need-trust, ...
        values = [cycle[k % 3] for k in range(n + 1)]
        # The explorer answers some arrangements with a message: that is its job here.
        times = _time_changes(w, "first", values, allow_messages=True)[1:]
        return "first", build, times, w.view.full_renders

    return case


def _naive_funnel_times(n: int) -> list:
    """Clear, draw again and save a PNG on every change: the technique not used."""
    with course_style():
        fig = Figure(figsize=(9.0, 3.6), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    row = course.levers("search").iloc[0]
    value = float(row["default"])
    out = []
    for _ in range(n + 1):
        value = min(float(row["high"]), value + float(row["step"]))
        start, cpu = time.perf_counter(), time.process_time()
        result = course.simulate("search", shoppers=50_000, **{row["name"]: value})
        ax.clear()
        funnel_chart(result, ax=ax)
        fig.savefig(io.BytesIO(), format="png")
        out.append(((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000))
    return out[1:]


def _variant_case(n: int, *, fast_text: bool, fmt: str):
    def factory():
        w = funnel_lab("search")
        if fmt != w.view.format:
            # Rebuild the view with the other encoding, then show the current result.
            old = w.view
            w.view = FigureImage(tuple(old.figure.get_size_inches()), format=fmt)
            w.refresh()
        w.view.fast_text = fast_text
        return w

    return _slider_case(factory, n)


def run(quick: bool = False) -> dict:
    """Time every widget; print a table and return the figures (milliseconds)."""
    n = QUICK_CHANGES if quick else CHANGES
    cases: dict[str, Callable] = {
        "ordering_explorer": _explorer_case(n),
        "funnel_lab_search": _slider_case(lambda: funnel_lab("search"), n),
        "funnel_lab_interest": _slider_case(lambda: funnel_lab("interest"), n),
        "funnel_lab_social": _slider_case(lambda: funnel_lab("social"), n),
        "compare_orderings": _slider_case(compare_orderings, n, "price"),
        "platform_race": _slider_case(platform_race, n),
        "seller_planner": _slider_case(seller_planner, n),
        "funnel_lab_search_matplotlib_text": _variant_case(n, fast_text=False, fmt="jpeg"),
        "funnel_lab_search_png": _variant_case(n, fast_text=True, fmt="png"),
    }
    figures: dict[str, float | int | str] = {"changes": n}
    header = (
        f"{'widget':36} {'control':16} {'build ms':>9} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'CPU p50':>8} {'redraws':>8}"
    )
    print(header)
    print("-" * len(header))
    for key, case in cases.items():
        try:
            control, build, times, redraws = case()
        except Exception as exc:  # one broken widget hides no other
            print(f"{key:36} FAILED: {type(exc).__name__}: {exc}")
            figures[f"{key}_error"] = f"{type(exc).__name__}: {exc}"
            continue
        p50, p95, cpu = _summary(times)
        figures[f"{key}_p50_ms"] = p50
        figures[f"{key}_p95_ms"] = p95
        figures[f"{key}_cpu_p50_ms"] = cpu
        figures[f"{key}_build_ms"] = round(build, 1)
        shown = "-" if redraws is None else str(redraws)
        print(f"{key:36} {control:16} {build:9.0f} {p50:8.1f} {p95:8.1f} {cpu:8.1f} {shown:>8}")
    p50, p95, cpu = _summary(_naive_funnel_times(n))
    figures["funnel_lab_search_naive_p50_ms"] = p50
    figures["funnel_lab_search_naive_p95_ms"] = p95
    figures["funnel_lab_search_naive_cpu_p50_ms"] = cpu
    print(
        f"{'funnel_lab_search_naive':36} {'(first lever)':16} {'':>9} {p50:8.1f} {p95:8.1f} "
        f"{cpu:8.1f} {'every':>8}"
    )
    widgets_only = [k for k in cases if not k.endswith(("_matplotlib_text", "_png"))]
    p50s = [figures[f"{k}_p50_ms"] for k in widgets_only if f"{k}_p50_ms" in figures]
    if p50s:
        figures["worst_p50_ms"] = max(p50s)
        figures["median_p50_ms"] = round(statistics.median(p50s), 1)
    print(
        "p50/p95: wall-clock time per change; CPU p50: this process's CPU time per change\n"
        "(on a busy machine wall-clock time grows, CPU time much less); redraws: full\n"
        "layouts and draws of the figure during the run (1 = only the first)"
    )
    return figures


if __name__ == "__main__":
    run(quick="--quick" in sys.argv[1:])

"""Benchmark the decision models of chapters 5-7 and their two widgets.

Figures:

* model run times (median of a few runs, milliseconds): product fit on the bundled
  catalogue, the platform race (three platforms, 52 weeks), the seller planner
  (three products, 12 weeks, 1,000 draws, with its sensitivity analysis);
* widget responsiveness: the time from a control's value change to the finished
  picture (the model run, the figure update and the encoded image), p50 and p95
  over a scripted sequence of changes a learner might make (one control at a
  time, a step or two along its slider), plus how many changes needed a full
  redraw of the figure rather than a fast in-place update. Setting a control's
  value from Python runs the widget's whole update before it returns, so the
  time around the assignment is the time to the rendered picture.

Machines are noisy: the load average before the run is reported with the figures,
and CPU time (this process only) is given next to wall time.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

import numpy as np


def _median_ms(fn: Callable[[], object], repeats: int) -> float:
    fn()  # warm up (imports, caches)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return round(1000 * statistics.median(times), 1)


def _race_changes(n: int) -> list[tuple[str, object]]:
    base = [
        ("p3_product_quality", 0.60),
        ("p3_product_quality", 0.65),
        ("p3_product_quality", 0.70),
        ("p2_recommendation_accuracy", 0.85),
        ("p2_recommendation_accuracy", 0.80),
        ("p2_recommendation_accuracy", 0.75),
        ("p1_content_quality", 0.60),
        ("p1_content_quality", 0.65),
        ("p2_content_quality", 0.75),
        ("p2_content_quality", 0.70),
        ("p1_creators", 1_600),
        ("p1_creators", 1_700),
        ("p3_creators", 850),
        ("p3_ecommerce_pct", 11),
        ("p3_ecommerce_pct", 10),
        ("p3_ecommerce_pct", 9),
        ("p2_users_m", 3.5),
        ("p2_users_m", 4.0),
        ("seed", 1),
        ("seed", 2),
        ("p1_recommendation_accuracy", 0.50),
        ("p1_recommendation_accuracy", 0.55),
        ("p3_product_quality", 0.75),
        ("p3_product_quality", 0.80),
    ]
    return (base * (n // len(base) + 1))[:n]


def _planner_changes(n: int) -> list[tuple[str, object]]:
    base = [
        ("videos_per_week", 6),
        ("videos_per_week", 7),
        ("videos_per_week", 8),
        ("creators_engaged", 6),
        ("creators_engaged", 7),
        ("creators_engaged", 8),
        ("commission_pct", 16),
        ("commission_pct", 17),
        ("commission_pct", 18),
        ("ad_budget", 110),
        ("ad_budget", 120),
        ("ad_budget", 130),
        ("price_change_pct", -1),
        ("price_change_pct", -2),
        ("price_change_pct", -3),
        ("cost_per_video", 11),
        ("cost_per_video", 12),
        ("seed", 1),
        ("seed", 2),
        ("seed", 3),
        ("videos_per_week", 9),
        ("videos_per_week", 10),
        ("creators_engaged", 9),
        ("creators_engaged", 10),
    ]
    return (base * (n // len(base) + 1))[:n]


def _drive(widget, changes: list[tuple[str, object]]) -> dict[str, float]:
    wall, cpu = [], []
    full_before = widget.view.full_renders
    errors = 0
    for name, value in changes:
        start, start_cpu = time.perf_counter(), time.process_time()
        widget.controls[name].value = value
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        errors += widget.error is not None
    ms = 1000 * np.asarray(wall)
    return {
        "p50_ms": round(float(np.percentile(ms, 50)), 1),
        "p95_ms": round(float(np.percentile(ms, 95)), 1),
        "max_ms": round(float(ms.max()), 1),
        "cpu_p50_ms": round(1000 * statistics.median(cpu), 1),
        "changes": len(changes),
        "full_redraws": widget.view.full_renders - full_before,
        "errors": errors,
    }


def run(quick: bool = False) -> dict:
    """Time the models and the two widgets; print a table; return flat figures."""
    from course import data
    from course.model.fit import best_fit
    from course.model.planner import SellerPlan, plan
    from course.model.platform import example_platforms, race
    from course.widgets.platform_race import platform_race
    from course.widgets.seller_planner import SAMPLE_PRODUCTS, seller_planner

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    repeats = 3 if quick else 7
    products = data.load("products")
    report = data.load("amazon_business_report")
    skus = tuple(s for s in SAMPLE_PRODUCTS if s in set(report["sku"])) or tuple(report["sku"][:3])
    platforms = example_platforms()
    figures: dict[str, float] = {"load_average_1min": round(load, 2)}
    figures["fit_ms"] = _median_ms(lambda: best_fit(products), repeats)
    figures["race_3x52_ms"] = _median_ms(lambda: race(platforms, periods=52), repeats)
    figures["plan_1000_draws_ms"] = _median_ms(
        lambda: plan(report, products, SellerPlan(skus=skus), draws=1000), repeats
    )

    n_changes = 20 if quick else 40
    start = time.perf_counter()
    race_widget = platform_race()
    figures["race_widget_build_ms"] = round(1000 * (time.perf_counter() - start), 1)
    for key, value in _drive(race_widget, _race_changes(n_changes)).items():
        figures[f"race_widget_{key}"] = value
    start = time.perf_counter()
    planner = seller_planner()
    figures["planner_widget_build_ms"] = round(1000 * (time.perf_counter() - start), 1)
    for key, value in _drive(planner, _planner_changes(n_changes)).items():
        figures[f"planner_widget_{key}"] = value

    width = max(len(k) for k in figures)
    print(f"{'figure':<{width}}  value")
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    print("targets: widget p50 < 100 ms, p95 < 250 ms (wall time, change to rendered picture)")
    return figures


if __name__ == "__main__":
    import sys

    run(quick="--quick" in sys.argv)

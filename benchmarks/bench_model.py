"""Benchmark of the decision-factor model (course.model): speed, floor ratio, memory.

For each ordering, at the default levers:

* the median wall-clock seconds over several runs of ``course.simulate`` for 10,000,
  100,000 and 1,000,000 shoppers;
* the *floor*: the seconds NumPy needs just to draw as many uniform random numbers
  as the model draws (counted by the model's random streams), and the ratio of the
  model's time to it at the largest size;
* the scaling: time at the largest size divided by ten times the time at a tenth of
  it (1.0 = exactly linear in shoppers);
* the peak memory (MB) NumPy and Python allocate during one run at the largest size
  (``tracemalloc``), the interpreter and libraries not counted.

For scale it also times an agent-per-shopper version (one Python object per shopper,
as in Mesa) of a plain four-stage funnel, and extrapolates it linearly to a million
shoppers.

Run ``python benchmarks/bench_model.py`` (add ``--quick`` for a few seconds' check).
Speed is never asserted in a test.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
import tracemalloc

import numpy as np

from course.factors import Ordering
from course.model.simulation import _run

FULL_SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (10_000, 100_000)


def _median_seconds(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _simulate(ordering: Ordering, shoppers: int) -> int:
    """One run at default levers; returns the random numbers it drew."""
    return _run(ordering, shoppers=shoppers, seed=0, outcomes=False, levers={})[1]


def _floor_seconds(draws: int, repeats: int) -> float:
    rng = np.random.default_rng(0)
    return _median_seconds(lambda: rng.random(draws), repeats)


def _peak_mb(ordering: Ordering, shoppers: int) -> float:
    tracemalloc.start()
    try:
        _simulate(ordering, shoppers)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak / 1e6


class _Shopper:
    """One agent per shopper, as in an agent-based framework such as Mesa."""

    __slots__ = ("rng", "need", "touchpoint", "trust", "bought")

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.need = self.touchpoint = self.trust = self.bought = False

    def step(self) -> None:
        self.need = self.rng.random() < 0.05
        self.touchpoint = self.need and self.rng.random() < 0.6
        self.trust = self.touchpoint and self.rng.random() < 0.5
        self.bought = self.trust and self.rng.random() < 0.2


def _agent_funnel(shoppers: int, seed: int = 0) -> int:
    """A plain 4-stage funnel with one Python object per shopper: the peer to beat."""
    rng = random.Random(seed)
    agents = [_Shopper(rng) for _ in range(shoppers)]
    for agent in agents:
        agent.step()
    return sum(agent.bought for agent in agents)


def run(quick: bool = False) -> dict:
    """Time the model and return its figures as a flat dict.

    Parameters
    ----------
    quick : bool
        Smaller sizes (up to 100,000 shoppers) and 2 repeats instead of 5, so the
        whole benchmark takes a few seconds.

    Returns
    -------
    dict
        Keys such as ``search_1000000_median_s``, ``search_floor_s``,
        ``search_floor_ratio``, ``search_scaling``, ``search_peak_mb``,
        ``search_draws_per_shopper``, plus ``model_largest_shoppers`` and
        ``model_agent_loop_1000000_s``.
    """
    sizes = QUICK_SIZES if quick else FULL_SIZES
    repeats = 2 if quick else 5
    largest = sizes[-1]
    figures: dict[str, float | int] = {"model_largest_shoppers": largest}
    lines = []
    for ordering in Ordering:
        name = ordering.value
        _simulate(ordering, sizes[0])  # warm up imports and caches
        for n in sizes:
            figures[f"{name}_{n}_median_s"] = _median_seconds(
                lambda n=n, o=ordering: _simulate(o, n), repeats
            )
        draws = _simulate(ordering, largest)
        floor = _floor_seconds(draws, repeats)
        top = figures[f"{name}_{largest}_median_s"]
        tenth = figures.get(f"{name}_{largest // 10}_median_s")
        figures[f"{name}_draws_per_shopper"] = draws / largest
        figures[f"{name}_floor_s"] = floor
        figures[f"{name}_floor_ratio"] = top / floor
        figures[f"{name}_scaling"] = top / (10 * tenth) if tenth else float("nan")
        figures[f"{name}_peak_mb"] = _peak_mb(ordering, largest)
        lines.append(
            f"{name:9s}"
            + "".join(f"{figures[f'{name}_{n}_median_s']:>12.4f}" for n in sizes)
            + f"{figures[f'{name}_floor_ratio']:>9.1f}x"
            + f"{figures[f'{name}_scaling']:>9.2f}"
            + f"{figures[f'{name}_peak_mb']:>9.0f}"
            + f"{figures[f'{name}_draws_per_shopper']:>9.1f}"
        )
    loop_n = 20_000 if quick else 100_000
    loop = _median_seconds(lambda: _agent_funnel(loop_n), 1 if quick else 3)
    figures["model_agent_loop_1000000_s"] = loop * (1_000_000 / loop_n)

    header = (
        f"{'ordering':9s}"
        + "".join(f"{f'{n:,} s':>12s}" for n in sizes)
        + f"{'/floor':>10s}{'scaling':>9s}{'peak MB':>9s}{'draws/n':>9s}"
    )
    print(f"course.model: median seconds over {repeats} runs at default levers")
    print(header)
    print("\n".join(lines))
    print(
        f"floor = NumPy drawing the same uniforms at {largest:,} shoppers; scaling 1.00 = "
        "linear; peak MB = tracemalloc during one run"
    )
    print(
        "peer: one Python object per shopper (agent style) for a plain 4-stage funnel "
        f"takes about {figures['model_agent_loop_1000000_s']:.2f} s per million shoppers "
        f"(timed at {loop_n:,}, extrapolated)"
    )
    return figures


if __name__ == "__main__":
    run(quick="--quick" in sys.argv[1:])

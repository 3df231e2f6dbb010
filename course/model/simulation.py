"""One call per run: simulate an ordering, compare all three, summarise results.

>>> from course import simulate, compare
>>> result = simulate("search", shoppers=10_000, seed=1, price=18)
>>> list(result.funnel["factor"])
[None, 'need', 'touchpoint', 'trust', None]
>>> table = compare(shoppers=10_000, seed=1)
>>> sorted(set(table["ordering"]))
['interest', 'search', 'social']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from course._validate import check_bool, check_int, check_seed
from course.factors import Ordering
from course.model import interest, search, social
from course.model.funnel import FUNNEL_COLUMNS, funnel_frame
from course.model.lever_registry import CHANNEL, build_parameters, check_levers, lever_names
from course.model.runs import ModelRun
from course.model.streams import Streams

__all__ = [
    "MAX_SHOPPERS",
    "SimulationResult",
    "compare",
    "compare_results",
    "expected_funnel",
    "simulate",
    "summarize",
]

#: The largest population one call may simulate (memory stays under about 1 GB).
MAX_SHOPPERS = 5_000_000

_MODULES = {Ordering.SEARCH: search, Ordering.INTEREST: interest, Ordering.SOCIAL: social}


@dataclass(frozen=True, repr=False)
class SimulationResult:
    """The result of one simulated run of one ordering.

    Parameters
    ----------
    ordering : Ordering
        Which ordering was simulated.
    shoppers : int
        Shoppers in the population.
    seed : int
        The seed used; the same seed gives the same result.
    levers : dict
        Every lever of the ordering and the value used (defaults included).
    funnel : pandas.DataFrame
        The funnel frame: ``stage, factor, shoppers, rate_from_previous,
        rate_from_start``; rows ``population``, the three factors in the ordering's
        order, ``purchase``.
    orders : int
        Orders placed (one per buying shopper).
    units : int
        Units sold.
    gmv : float
        Gross merchandise value in USD: what buyers paid.
    conversion : float
        Orders per shopper in the population (0-1).
    tables : dict of str to DataFrame
        Extra tidy tables: ``"shelf"`` (search: one row per position), ``"videos"``
        (interest: one row per video with ``views`` and ``orders``), ``"periods"``
        (social: one row per week with ``period``, ``trust``, ``buyers``, ``gmv``)
        and ``"creators"`` (social: one row per creator with ``followers``).
    outcomes : pandas.DataFrame or None
        One row per shopper (booleans ``need``, ``touchpoint``, ``trust``,
        ``purchase`` and more), only when asked for with ``outcomes=True``.
    """

    ordering: Ordering
    shoppers: int
    seed: int
    levers: dict[str, Any]
    funnel: pd.DataFrame
    orders: int
    units: int
    gmv: float
    conversion: float
    tables: dict[str, pd.DataFrame]
    outcomes: pd.DataFrame | None = None

    def __repr__(self) -> str:
        return (
            f"SimulationResult({self.ordering.value}: {self.shoppers:,} shoppers, seed "
            f"{self.seed}; {self.orders:,} orders, {self.units:,} units, "
            f"GMV {self.gmv:,.2f} USD, conversion {self.conversion:.3%})"
        )


def _check_shoppers(shoppers: Any) -> int:
    return check_int("shoppers", shoppers, low=1, high=MAX_SHOPPERS)


def _run(
    ordering: Ordering | str,
    *,
    shoppers: int,
    seed: int,
    outcomes: bool,
    levers: Mapping[str, Any],
) -> tuple[SimulationResult, int]:
    """Simulate and also return how many random numbers were drawn (for the benchmark)."""
    o = Ordering.parse(ordering)
    n = _check_shoppers(shoppers)
    s = check_seed(seed)
    check_bool("outcomes", outcomes)
    params = build_parameters(o, levers)
    streams = Streams(s)
    raw: ModelRun = _MODULES[o].run(
        params["population"],
        params["product"],
        params[CHANNEL[o]],
        shoppers=n,
        streams=streams,
        outcomes=outcomes,
    )
    result = SimulationResult(
        ordering=o,
        shoppers=n,
        seed=s,
        levers=params["levers"],
        funnel=funnel_frame(raw.stages, raw.counts),
        orders=raw.orders,
        units=raw.units,
        gmv=raw.gmv,
        conversion=raw.orders / n,
        tables=raw.tables,
        outcomes=raw.outcomes,
    )
    return result, raw.draws


def simulate(
    ordering: Ordering | str,
    *,
    shoppers: int = 100_000,
    seed: int = 0,
    outcomes: bool = False,
    **levers: Any,
) -> SimulationResult:
    """Simulate one ordering for a population of shoppers and the seller's product.

    Parameters
    ----------
    ordering : Ordering or str
        ``"search"`` (or ``"traditional"``), ``"interest"`` or ``"social"``.
    shoppers : int
        Shoppers in the population, 1 to 5,000,000. Default 100,000.
    seed : int
        Whole number >= 0; the same seed gives the same result, and the same
        shoppers (needs, trust thresholds, interests) in every ordering.
    outcomes : bool
        Also return one row per shopper in ``result.outcomes`` (large).
    **levers
        Lever values, by name; see :func:`course.model.lever_registry.levers` for each
        ordering's levers, their bounds and meaning. Levers not given keep their
        defaults.

    Returns
    -------
    SimulationResult

    Raises
    ------
    ValueError
        Unknown ordering or lever (the message lists the valid ones), a lever
        outside its bounds, NaN or infinity, ``shoppers`` below 1 or above the
        maximum, a negative seed.
    TypeError
        A value of the wrong type (a string for a number, a float for a whole
        number such as ``shoppers=1e5``, a non-bool ``outcomes``).

    Examples
    --------
    >>> r = simulate("interest", shoppers=20_000, seed=3, reach=0.3)
    >>> r.funnel["stage"].tolist()[1]
    'touchpoint: the feed showed a video'
    """
    return _run(ordering, shoppers=shoppers, seed=seed, outcomes=outcomes, levers=levers)[0]


def compare_results(
    *, shoppers: int = 100_000, seed: int = 0, **levers: Any
) -> dict[Ordering, SimulationResult]:
    """Simulate all three orderings on the same population and product.

    Parameters
    ----------
    shoppers, seed
        As in :func:`simulate`; the same shoppers in all three orderings.
    **levers
        Any lever of any ordering; each ordering gets the ones it has (``price``
        goes to all three, ``rank`` only to search).

    Returns
    -------
    dict of Ordering to SimulationResult
        In the order search, interest, social.
    """
    _check_shoppers(shoppers)
    check_seed(seed)
    check_levers(levers, None)
    results = {}
    for o in Ordering:
        own = {k: v for k, v in levers.items() if k in lever_names(o)}
        results[o] = simulate(o, shoppers=shoppers, seed=seed, **own)
    return results


def compare(*, shoppers: int = 100_000, seed: int = 0, **levers: Any) -> pd.DataFrame:
    """The three funnels stacked: the same population and product, three orderings.

    Parameters
    ----------
    shoppers, seed, **levers
        As in :func:`compare_results`.

    Returns
    -------
    pandas.DataFrame
        Columns ``ordering`` (``"search"``, ``"interest"``, ``"social"``) then the
        funnel columns ``stage, factor, shoppers, rate_from_previous,
        rate_from_start``.
    """
    results = compare_results(shoppers=shoppers, seed=seed, **levers)
    frames = [r.funnel.assign(ordering=o.value) for o, r in results.items()]
    table = pd.concat(frames, ignore_index=True)
    return table[["ordering", *FUNNEL_COLUMNS]]


def summarize(results) -> pd.DataFrame:
    """One row per result: ``ordering, orders, units, gmv, conversion``.

    Parameters
    ----------
    results : SimulationResult, iterable of them, or mapping whose values are them
        For example the dict :func:`compare_results` returns.

    Raises
    ------
    TypeError
        If an item is not a SimulationResult.
    ValueError
        If there are no results.
    """
    if isinstance(results, SimulationResult):
        items = [results]
    elif isinstance(results, Mapping):
        items = list(results.values())
    elif isinstance(results, Iterable) and not isinstance(results, (str, bytes)):
        items = list(results)
    else:
        raise TypeError(
            "results must be a SimulationResult, a list of them or a dict of them; got "
            f"{results!r} (type {type(results).__name__})"
        )
    if not items:
        raise ValueError("results must contain at least one SimulationResult; got none")
    for i, r in enumerate(items):
        if not isinstance(r, SimulationResult):
            raise TypeError(f"results[{i}] must be a SimulationResult; got {type(r).__name__}")
    return pd.DataFrame(
        {
            "ordering": [r.ordering.value for r in items],
            "orders": [r.orders for r in items],
            "units": [r.units for r in items],
            "gmv": [r.gmv for r in items],
            "conversion": [r.conversion for r in items],
        }
    )


def expected_funnel(
    ordering: Ordering | str, *, shoppers: int = 100_000, **levers: Any
) -> pd.DataFrame:
    """The funnel a simulation gives on average, in closed form (search and interest).

    Same parameters as :func:`simulate` (no seed: nothing is random). ``shoppers``
    in the result are expected counts (floats).

    Raises
    ------
    ValueError
        For the social ordering: trust there moves with each week's buyers and word of
        mouth spreads over a random network, so there is no closed form; average
        :func:`simulate` over several seeds instead.
    """
    o = Ordering.parse(ordering)
    if o is Ordering.SOCIAL:
        raise ValueError(
            "ordering must be 'search' or 'interest' for expected_funnel; got 'social' "
            "(its trust feedback and word of mouth have no closed form: average "
            "simulate('social', ...) over several seeds instead)"
        )
    n = _check_shoppers(shoppers)
    params = build_parameters(o, levers)
    counts = _MODULES[o].expected(params["population"], params["product"], params[CHANNEL[o]], n)
    return funnel_frame(_MODULES[o].STAGES, [float(c) for c in counts])

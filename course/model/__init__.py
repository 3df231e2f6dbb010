"""The decision-factor model: one population, one product, three orderings.

Pure NumPy/pandas simulations (no plotting, no widgets). The names a learner uses:

>>> from course.model import simulate, levers, compare, compare_results, summarize
>>> simulate("search", shoppers=10_000, seed=0).orders > 0
True

Modules, each short:

* :mod:`~course.model.params`: the parameter dataclasses (Population, Product,
  Shelf, Feed, CreatorNetwork) with units, bounds, defaults and sources;
* :mod:`~course.model.lever_registry`: the sliders, each explained once;
* :mod:`~course.model.shoppers`: how shoppers judge rating, reviews and price;
* :mod:`~course.model.search`, :mod:`~course.model.interest`,
  :mod:`~course.model.social`: the three orderings;
* :mod:`~course.model.funnel`: the funnel frame;
* :mod:`~course.model.simulation`: simulate, compare, compare_results, summarize,
  expected_funnel;
* :mod:`~course.model.streams`: seeded random streams (common random numbers);
* :mod:`~course.model.concentration`: top shares, Lorenz curve, Gini coefficient.
"""

from course.model.concentration import gini, lorenz, top_share
from course.model.fit import FitWeights, best_fit, fit_scores
from course.model.funnel import FUNNEL_COLUMNS, funnel_frame
from course.model.lever_registry import LEVERS, Lever, lever_names, levers
from course.model.params import CreatorNetwork, Feed, Population, Product, Shelf
from course.model.planner import PlannerAssumptions, PlanResult, SellerPlan, plan
from course.model.platform import Platform, RaceResult, RaceSettings, example_platforms, race
from course.model.simulation import (
    SimulationResult,
    compare,
    compare_results,
    expected_funnel,
    simulate,
    summarize,
)

__all__ = [
    "FUNNEL_COLUMNS",
    "FitWeights",
    "PlanResult",
    "PlannerAssumptions",
    "Platform",
    "RaceResult",
    "RaceSettings",
    "SellerPlan",
    "best_fit",
    "example_platforms",
    "fit_scores",
    "plan",
    "race",
    "LEVERS",
    "CreatorNetwork",
    "Feed",
    "Lever",
    "Population",
    "Product",
    "Shelf",
    "SimulationResult",
    "compare",
    "compare_results",
    "expected_funnel",
    "funnel_frame",
    "gini",
    "lever_names",
    "levers",
    "lorenz",
    "simulate",
    "summarize",
    "top_share",
]

"""What one ordering's simulation hands back before it is wrapped for the learner.

:func:`course.model.simulate` turns a :class:`ModelRun` into a
:class:`~course.model.simulation.SimulationResult`; the three ordering modules
(:mod:`~course.model.search`, :mod:`~course.model.interest`,
:mod:`~course.model.social`) each return one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from course.model.streams import Streams

__all__ = ["ModelRun", "draw_units", "scatter"]


@dataclass(frozen=True)
class ModelRun:
    """The raw result of one simulation.

    Parameters
    ----------
    stages : tuple of str
        Stage names: ``population``, the three factor stages in the ordering's order,
        ``purchase``.
    counts : tuple of int
        Shoppers reaching each stage.
    orders : int
        Orders (one per buying shopper).
    units : int
        Units sold.
    gmv : float
        Gross merchandise value in USD (what buyers paid).
    tables : dict of str to DataFrame
        Extra tidy tables (``"shelf"``, ``"videos"``, ``"periods"``, ``"creators"``).
    outcomes : DataFrame or None
        One row per shopper when asked for.
    draws : int
        Random numbers drawn (for the benchmark's floor).
    """

    stages: tuple[str, ...]
    counts: tuple[int, ...]
    orders: int
    units: int
    gmv: float
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    outcomes: pd.DataFrame | None = None
    draws: int = 0


def draw_units(
    streams: Streams, name: str, shoppers: int, buyers: np.ndarray, units_per_order: float
) -> np.ndarray:
    """Units in each buyer's order: 1, or 2 with chance ``units_per_order - 1``.

    One number is drawn per shopper (from its own stream) and read for the buyers
    (``buyers`` are shopper numbers), so a buyer's units never depend on who else buys
    and never change who buys.
    """
    extra = units_per_order - 1.0
    return 1 + (streams.uniform(name, shoppers)[buyers] < extra).astype(np.int64)


def scatter(n: int, who: np.ndarray, values, dtype) -> np.ndarray:
    """One value per shopper of ``n``: ``values`` at the positions ``who``, zero elsewhere.

    The journeys work on the subset of shoppers who reached a stage; per-shopper outcome
    tables need every shopper, so this puts the subset's values back in place.
    """
    out = np.zeros(n, dtype=dtype)
    out[who] = values
    return out

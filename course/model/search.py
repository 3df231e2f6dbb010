"""Search e-commerce: need → touchpoint → trust → purchase.

How one month of search works for the seller's listing:

1. **Need.** Each shopper needs the product this month with chance ``need_rate``.
2. **Touchpoint.** A share ``search_share`` of them search on this platform. They
   look down the results one listing at a time and, after each, go on to the next
   with chance ``scroll_on`` (a cascade model; Craswell et al. 2008). A shopper
   *sees* the seller's listing if they get as far as its ``rank``.
3. **Trust.** A shopper trusts a listing if its trust (from rating and reviews, see
   :mod:`course.model.shoppers`) is above their personal threshold.
4. **Purchase.** Among the listings they looked at and trust, they pick one, or
   none, by a multinomial logit on price and trust ("compare three shops"): the
   weight of a listing is ``exp(-price effect + trust_weight * trust log-odds)``,
   and buying nothing has the weight set by ``walk_away``.

Every step is a comparison of a uniform random number with a probability, computed
for all shoppers at once (NumPy), with one random stream per quantity, so raising a
lever moves each shopper's outcome in one direction only. :func:`expected` gives the
same funnel in closed form.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd
from scipy.special import logit

from course.model.params import Population, Product, Shelf
from course.model.runs import ModelRun, draw_units, scatter
from course.model.shoppers import listing_trust, listing_trust_logit, price_effect
from course.model.streams import Streams

__all__ = ["STAGES", "choice_weights", "expected", "look_probabilities", "run"]

#: Funnel stages of the search ordering.
STAGES: tuple[str, ...] = (
    "population",
    "need: has the need",
    "touchpoint: searched and saw the listing",
    "trust: trusts the listing",
    "purchase",
)


def look_probabilities(shelf: Shelf) -> np.ndarray:
    """Chance that a searcher looks at each position, top first (length competitors + 1).

    Examples
    --------
    >>> p = look_probabilities(Shelf())
    >>> round(float(p[0]), 3), round(float(p[10]), 3)   # position 1, position 11
    (1.0, 0.197)
    """
    positions = np.arange(shelf.competitors + 1)
    return shelf.scroll_on**positions


def choice_weights(population: Population, product: Product, shelf: Shelf) -> dict[str, float]:
    """Trust probabilities and multinomial-logit weights of the listings.

    Returns
    -------
    dict
        ``trust_own`` and ``trust_competitor``: share of shoppers who trust each
        listing; ``own``, ``competitor`` and ``none``: choice weights, scaled so a
        competitor's weight is 1.
    """

    def utility(price: float, rating: float, reviews: int) -> float:
        trust = float(listing_trust_logit(rating, reviews, population))
        return float(-price_effect(price, population) + shelf.trust_weight * trust)

    v_own = utility(product.price, product.rating, product.reviews)
    v_comp = utility(shelf.competitor_price, shelf.competitor_rating, shelf.competitor_reviews)
    return {
        "trust_own": listing_trust(product.rating, product.reviews, population),
        "trust_competitor": listing_trust(
            shelf.competitor_rating, shelf.competitor_reviews, population
        ),
        "own": float(np.exp(v_own - v_comp)),
        "competitor": 1.0,
        "none": float(np.exp(logit(shelf.walk_away))),
    }


def expected(population: Population, product: Product, shelf: Shelf, shoppers: int) -> tuple:
    """Expected shoppers at each stage (floats), in closed form.

    Sums over how far down the results a searcher looks (``d``) and over whether
    their trust threshold lets them trust the competitors too.
    """
    n = float(shoppers)
    w = choice_weights(population, product, shelf)
    t_own, t_comp = w["trust_own"], w["trust_competitor"]
    look = look_probabilities(shelf)  # P(depth >= d), d = 1..K
    depth = look - np.append(look[1:], 0.0)  # P(depth == d)
    d = np.arange(1, shelf.competitors + 2)
    seen = d >= shelf.rank
    comps_seen = d - 1  # competitors seen when the own listing is among the d
    p_with = w["own"] / (w["none"] + w["own"] + comps_seen * w["competitor"])
    p_alone = w["own"] / (w["none"] + w["own"])
    buy_given_search = float(
        np.sum(
            depth[seen] * (min(t_own, t_comp) * p_with[seen] + max(0.0, t_own - t_comp) * p_alone)
        )
    )
    need = n * population.need_rate
    searched = need * shelf.search_share
    saw = searched * look[shelf.rank - 1]
    return (n, need, saw, saw * t_own, searched * buy_given_search)


def _depth(u: np.ndarray, scroll_on: float, shelf_size: int) -> np.ndarray:
    """How many listings each searcher looks at (1 .. shelf_size), from uniforms."""
    if scroll_on <= 0.0:
        return np.ones(u.size, dtype=np.int64)
    if scroll_on >= 1.0:
        return np.full(u.size, shelf_size, dtype=np.int64)
    steps = np.floor(np.log1p(-u) / np.log(scroll_on))
    return np.minimum(steps, shelf_size - 1).astype(np.int64) + 1


def run(
    population: Population,
    product: Product,
    shelf: Shelf,
    *,
    shoppers: int,
    streams: Streams,
    outcomes: bool = False,
) -> ModelRun:
    """Simulate one month of search for ``shoppers`` shoppers.

    Parameters
    ----------
    population, product, shelf
        The parameters (validated dataclasses).
    shoppers : int
        Number of shoppers.
    streams : Streams
        The run's random streams (its seed decides everything).
    outcomes : bool
        Also return one row per shopper.

    Returns
    -------
    ModelRun
        With the table ``"shelf"``: one row per position (``position``, ``listing``,
        ``price``, ``rating``, ``reviews``, ``trust``, ``looked_at``, ``orders``).
    """
    n = shoppers
    size = shelf.competitors + 1
    w = choice_weights(population, product, shelf)

    need = streams.uniform("need", n) < population.need_rate
    searched = need & (streams.uniform("search.search", n) < shelf.search_share)
    who = np.flatnonzero(searched)
    depth = _depth(streams.uniform("search.depth", n)[who], shelf.scroll_on, size)
    u_trust = streams.uniform("trust", n)[who]
    u_choice = streams.uniform("search.choice", n)[who]

    saw = depth >= shelf.rank
    trusts_own = saw & (u_trust < w["trust_own"])
    trusts_comp = u_trust < w["trust_competitor"]
    comps_seen = depth - saw
    weight_own = w["own"] * trusts_own
    weight_comp = w["competitor"] * trusts_comp
    total = w["none"] + weight_own + weight_comp * comps_seen
    p_own = weight_own / total
    p_comp = weight_comp / total
    buys_own = u_choice < p_own

    # Which competitor the others pick (for the shelf table): intervals after the own one.
    with np.errstate(divide="ignore", invalid="ignore"):
        pick = np.floor((u_choice - p_own) / p_comp)
    buys_comp = (~buys_own) & (p_comp > 0) & (pick < comps_seen)
    pick = pick[buys_comp].astype(np.int64)
    position = pick + 1 + (saw[buys_comp] & (pick + 1 >= shelf.rank))

    orders = int(buys_own.sum())
    units = draw_units(streams, "search.units", n, who[buys_own], product.units_per_order)
    gmv = float(units.sum() * product.price)

    looked = np.bincount(depth, minlength=size + 1)[::-1].cumsum()[::-1][1 : size + 1]
    sold = np.bincount(position, minlength=size + 1)[1 : size + 1]
    sold[shelf.rank - 1] = orders
    is_own = np.arange(1, size + 1) == shelf.rank
    table = pd.DataFrame(
        {
            "position": np.arange(1, size + 1),
            "listing": np.where(is_own, "yours", "competitor"),
            "price": np.where(is_own, product.price, shelf.competitor_price),
            "rating": np.where(is_own, product.rating, shelf.competitor_rating),
            "reviews": np.where(is_own, product.reviews, shelf.competitor_reviews),
            "trust": np.where(is_own, w["trust_own"], w["trust_competitor"]),
            "looked_at": looked.astype(np.int64),
            "orders": sold.astype(np.int64),
        }
    )

    counts = (n, int(need.sum()), int(saw.sum()), int(trusts_own.sum()), orders)
    frame = None
    if outcomes:
        frame = _outcomes(
            n,
            need,
            searched,
            who,
            depth,
            saw,
            trusts_own,
            buys_own,
            buys_comp,
            position,
            shelf.rank,
            units,
            product.price,
        )
    return ModelRun(
        stages=STAGES,
        counts=counts,
        orders=orders,
        units=int(units.sum()),
        gmv=gmv,
        tables={"shelf": table},
        outcomes=frame,
        draws=streams.draws,
    )


def _outcomes(
    n,
    need,
    searched,
    who,
    depth,
    saw,
    trusts_own,
    buys_own,
    buys_comp,
    position,
    rank,
    units,
    price,
) -> pd.DataFrame:
    spread = partial(scatter, n, who)

    bought_at = np.zeros(who.size, dtype=np.int64)
    bought_at[buys_comp] = position
    bought_at[buys_own] = rank
    unit_count = np.zeros(who.size, dtype=np.int64)
    unit_count[buys_own] = units
    return pd.DataFrame(
        {
            "shopper": np.arange(n),
            "need": need,
            "searched": searched,
            "looked_at": spread(depth, np.int64),
            "touchpoint": spread(saw, bool),
            "trust": spread(trusts_own, bool),
            "purchase": spread(buys_own, bool),
            "bought_position": spread(bought_at, np.int64),
            "units": spread(unit_count, np.int64),
            "spend": spread(unit_count * price, float),
        }
    )

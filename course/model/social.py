"""Social e-commerce: trust → need → touchpoint → purchase.

How the creators' recommendations sell the product, week by week:

1. **Trust.** A share ``follower_share`` of shoppers follow one creator in the
   product's niche; follower counts are heavy-tailed (Zipf). The seller works with the
   ``creators`` largest creators. A follower trusts their creator if the creator's
   current trust is above the follower's personal threshold (the same threshold the
   shopper uses for listings in the other orderings). Every creator starts at
   ``creator_trust``.
2. **Need.** Each week a follower's need arises with the weekly chance that makes
   ``need_rate`` a month (a month counts as 4 weeks). Word of mouth can bring it
   forward: each follower hears from ``contacts`` others in the same creator's
   community, and each of their purchases gives the follower the need with chance
   ``word_of_mouth`` (an independent-cascade step each week, on a scipy.sparse
   network).
3. **Touchpoint.** A follower whose need arises while they trust the creator goes to
   the creator's link with a chance that grows with the ``discount``.
4. **Purchase.** At the link they buy with a chance that falls with the price paid.
5. **Trust moves.** Each week, a creator's trust moves toward the share of that
   week's buyers who were satisfied (``quality``): up after satisfied purchases, down
   after unsatisfied ones.

Timing matters: a need that arises before trust has built up is met elsewhere and
lost. So a higher ``need_rate`` brings more needs but also earlier ones; when trust is
still rising and needs are very common (most followers' needs arise in the first
weeks anyway), more of them arrive too early and orders can fall. The lever table
therefore says ``"depends"`` for ``need_rate`` in this ordering.

A shopper is counted at the trust stage if they trusted their creator when their need
arose (or, if it never arose, at the end). The loop runs over weeks only; inside a
week everything is vectorised.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd
import scipy.sparse as sp

from course.model.params import CreatorNetwork, Population, Product
from course.model.runs import ModelRun, draw_units, scatter
from course.model.shoppers import price_effect, shift_probability
from course.model.streams import Streams

__all__ = [
    "STAGES",
    "WEEKS_PER_MONTH",
    "buy_probability",
    "follower_shares",
    "link_probability",
    "run",
    "weekly_need_rate",
]

#: Funnel stages of the social ordering.
STAGES: tuple[str, ...] = (
    "population",
    "trust: trusts a creator who recommends it",
    "need: needed it in the weeks simulated",
    "touchpoint: used the creator's link",
    "purchase",
)

#: Weeks counted as one month when turning the monthly need rate into a weekly one.
WEEKS_PER_MONTH = 4


def follower_shares(network: CreatorNetwork) -> np.ndarray:
    """Share of the niche's followers who follow each creator, largest first (Zipf)."""
    weight = np.arange(1, network.pool + 1, dtype=float) ** -network.follower_tail
    return weight / weight.sum()


def weekly_need_rate(need_rate: float) -> float:
    """Chance per week that a need arises, so that a month (4 weeks) gives ``need_rate``."""
    return 1.0 - (1.0 - need_rate) ** (1.0 / WEEKS_PER_MONTH)


def link_probability(network: CreatorNetwork) -> float:
    """Chance that a trusting follower with the need uses the creator's link."""
    return shift_probability(network.link_use, network.discount_pull * network.discount)


def buy_probability(population: Population, product: Product, network: CreatorNetwork) -> float:
    """Chance that a follower at the creator's link buys, at the discounted price."""
    paid = product.price * (1.0 - network.discount)
    return shift_probability(network.buy_at_link, -float(price_effect(paid, population)))


def _need_week(u: np.ndarray, need_rate: float, never: int) -> np.ndarray:
    """Week (1, 2, ...) in which each need arises, or ``never`` if after the last week."""
    h = weekly_need_rate(need_rate)
    if h <= 0.0:
        return np.full(u.size, never, dtype=np.int64)
    if h >= 1.0:
        return np.ones(u.size, dtype=np.int64)
    week = np.floor(np.log1p(-u) / np.log1p(-h)) + 1.0
    return np.minimum(week, never).astype(np.int64)


def _community_network(
    who: np.ndarray, creator: np.ndarray, contacts: int, shoppers: int, streams: Streams
) -> sp.csr_array:
    """Who hears from whom: each follower hears from ``contacts`` followers of the same creator.

    ``who`` are the followers' shopper numbers and ``creator`` their creators. Row i
    lists the followers whose purchases follower i hears about (duplicates allowed,
    as two conversations with the same person). The random numbers are drawn for
    every shopper and picked by shopper number, so a follower keeps the same draws
    when a lever adds or removes other followers.
    """
    n = creator.size
    order = np.argsort(creator, kind="stable")
    groups = np.bincount(creator)
    starts = np.concatenate([[0], np.cumsum(groups)[:-1]])
    u = streams.uniform("social.contacts", shoppers * contacts).reshape(shoppers, contacts)[who]
    within = np.floor(u * groups[creator][:, None]).astype(np.int64)
    heard = order[starts[creator][:, None] + within].ravel()
    indptr = np.arange(0, n * contacts + 1, contacts, dtype=np.int64)
    return sp.csr_array((np.ones(n * contacts, dtype=np.float64), heard, indptr), shape=(n, n))


def run(
    population: Population,
    product: Product,
    network: CreatorNetwork,
    *,
    shoppers: int,
    streams: Streams,
    outcomes: bool = False,
) -> ModelRun:
    """Simulate ``network.weeks`` weeks of creators recommending the product.

    Returns
    -------
    ModelRun
        With the tables ``"periods"`` (one row per week: ``period``, ``trust``,
        ``followers``, ``needs``, ``word_of_mouth_needs``, ``trusting``, ``link_visits``,
        ``buyers``, ``satisfied``, ``units``, ``gmv``) and ``"creators"`` (one row per
        creator, largest first: ``creator``, ``followers``, ``trust_start``,
        ``trust``, ``buyers``, ``satisfied``, ``units``, ``gmv``).
    """
    n = shoppers
    weeks = network.weeks
    never = weeks + 1
    k_max = network.creators

    follows = streams.uniform("social.follows", n) < network.follower_share
    followers = np.flatnonzero(follows)
    cumulative = np.cumsum(follower_shares(network))
    cumulative[-1] = 1.0
    u_creator = streams.uniform("social.creator", n)[followers]
    creator_all = np.minimum(np.searchsorted(cumulative, u_creator, side="right"), network.pool - 1)
    partner = creator_all < k_max
    who = followers[partner]  # followers of a partner creator, in shopper order
    creator = creator_all[partner]
    m = who.size

    need_week = _need_week(streams.uniform("need", n)[who], population.need_rate, never)
    u_trust = streams.uniform("trust", n)[who]
    u_link = streams.uniform("social.link", n)[who]
    u_buy = streams.uniform("social.buy", n)[who]
    u_sat = streams.uniform("social.satisfied", n)[who]
    u_wom = streams.uniform("social.word_of_mouth", n)[who]
    p_wom = network.word_of_mouth
    if p_wom <= 0.0:
        wom_threshold = np.full(m, np.inf)
    else:
        with np.errstate(divide="ignore", over="ignore"):  # tiny chances: never (inf)
            wom_threshold = np.log(u_wom) / np.log1p(-p_wom) if p_wom < 1.0 else np.zeros(m)
    hears = None
    if p_wom > 0 and m > 0:
        hears = _community_network(who, creator, population.contacts, n, streams)

    p_link = link_probability(network)
    p_buy = buy_probability(population, product, network)
    paid = product.price * (1.0 - network.discount)

    trust = np.full(k_max, network.creator_trust)
    fans = np.bincount(creator, minlength=k_max)
    trusted = np.zeros(m, dtype=bool)
    via_wom = np.zeros(m, dtype=bool)
    linked = np.zeros(m, dtype=bool)
    bought = np.zeros(m, dtype=bool)
    bought_week = np.zeros(m, dtype=np.int64)
    satisfied = np.zeros(m, dtype=bool)
    exposure = np.zeros(m)
    new_buyers = np.zeros(m)
    rows = []
    for week in range(1, weeks + 1):
        wom_now = 0
        if hears is not None and week > 1 and new_buyers.any():
            exposure += hears @ new_buyers
            sparked = (need_week > week) & (exposure > 0) & (exposure >= wom_threshold)
            need_week[sparked] = week
            via_wom[sparked] = True
            wom_now = int(sparked.sum())
        now = np.flatnonzero(need_week == week)
        trusting = now[u_trust[now] < trust[creator[now]]]
        trusted[trusting] = True
        visiting = trusting[u_link[trusting] < p_link]
        linked[visiting] = True
        buyers = visiting[u_buy[visiting] < p_buy]
        bought[buyers] = True
        bought_week[buyers] = week
        happy = buyers[u_sat[buyers] < product.quality]
        satisfied[happy] = True
        trust_in_week = float(np.sum(trust * fans) / fans.sum()) if m else network.creator_trust
        rows.append(
            {
                "period": week,
                "trust": trust_in_week,
                "followers": m,
                "needs": now.size,
                "word_of_mouth_needs": wom_now,
                "trusting": trusting.size,
                "link_visits": visiting.size,
                "buyers": buyers.size,
                "satisfied": happy.size,
            }
        )
        # Feedback: trust moves toward the satisfied share of this week's buyers.
        per_creator = np.bincount(creator[buyers], minlength=k_max).astype(float)
        happy_per_creator = np.bincount(creator[happy], minlength=k_max)
        has = per_creator > 0
        speed = network.trust_speed * per_creator / (per_creator + network.feedback_half)
        target = np.divide(happy_per_creator, per_creator, out=np.zeros(k_max), where=has)
        trust = np.where(has, trust + speed * (target - trust), trust)
        new_buyers = np.zeros(m)
        new_buyers[buyers] = 1.0
    rest = np.flatnonzero(need_week > weeks)
    trusted[rest] = u_trust[rest] < trust[creator[rest]]

    orders = int(bought.sum())
    buyer_index = np.flatnonzero(bought)
    units_each = draw_units(streams, "social.units", n, who[buyer_index], product.units_per_order)
    units = np.zeros(m, dtype=np.int64)
    units[buyer_index] = units_each
    gmv = float(units_each.sum() * paid)

    periods = pd.DataFrame(rows)
    units_by_week = np.bincount(bought_week, weights=units, minlength=weeks + 1)[1:]
    periods["units"] = units_by_week.astype(np.int64)
    periods["gmv"] = units_by_week * paid
    creators = pd.DataFrame(
        {
            "creator": np.arange(1, k_max + 1),
            "followers": fans.astype(np.int64),
            "trust_start": np.full(k_max, network.creator_trust),
            "trust": trust,
            "buyers": np.bincount(creator[bought], minlength=k_max).astype(np.int64),
            "satisfied": np.bincount(creator[satisfied], minlength=k_max).astype(np.int64),
            "units": np.bincount(creator, weights=units, minlength=k_max).astype(np.int64),
        }
    )
    creators["gmv"] = creators["units"] * paid

    needed = trusted & (need_week <= weeks)
    counts = (n, int(trusted.sum()), int(needed.sum()), int(linked.sum()), orders)
    frame = None
    if outcomes:
        frame = _outcomes(
            n,
            followers,
            creator_all,
            who,
            trusted,
            needed,
            need_week,
            weeks,
            via_wom,
            linked,
            bought,
            satisfied,
            units,
            paid,
        )
    return ModelRun(
        stages=STAGES,
        counts=counts,
        orders=orders,
        units=int(units_each.sum()),
        gmv=gmv,
        tables={"periods": periods, "creators": creators},
        outcomes=frame,
        draws=streams.draws,
    )


def _outcomes(
    n,
    followers,
    creator_all,
    who,
    trusted,
    needed,
    need_week,
    weeks,
    via_wom,
    linked,
    bought,
    satisfied,
    units,
    paid,
) -> pd.DataFrame:
    spread = partial(scatter, n, who)

    followed = np.zeros(n, dtype=np.int64)
    followed[followers] = creator_all + 1
    return pd.DataFrame(
        {
            "shopper": np.arange(n),
            "follows_creator": followed,
            "partner": spread(np.ones(who.size, dtype=bool), bool),
            "trust": spread(trusted, bool),
            "need": spread(needed, bool),
            "need_week": spread(np.where(need_week <= weeks, need_week, 0), np.int64),
            "word_of_mouth": spread(via_wom & (need_week <= weeks), bool),
            "touchpoint": spread(linked, bool),
            "purchase": spread(bought, bool),
            "satisfied": spread(satisfied, bool),
            "units": spread(units, np.int64),
            "spend": spread(units * paid, float),
        }
    )

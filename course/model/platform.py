"""The platform race: creators, users, content and recommendation feeding each other.

A teaching model of two-sided platforms (one to five of them) competing for the
same market of people over a number of periods (weeks). It shows four ideas:

1. **Network effects.** More creators make the feed richer; a richer, better
   matched feed keeps users watching and brings new users in (by word of mouth:
   the Bass diffusion model); more users who watch bring more creators.
2. **What the feed is worth.** Watch time comes from content richness, content
   quality and recommendation accuracy; sales come from the share of the feed
   that is shopping content, how well products are matched to viewers, and trust.
3. **Head creators.** Attention (new followers) goes partly to creators who are
   already big (preferential attachment, Barabási-Albert) and partly to creators
   whose content is good, as judged by the recommender; a little luck each week
   does the rest. A few creators end up with most followers: the model reports
   the top 1% and top 10% shares and the Gini coefficient.
4. **GMV now against trust later.** Poor products are cheap, so they sell more at
   first. But buyers who are not satisfied lower trust; low trust cuts sales and
   drives users away, so GMV falls later. Too much shopping content in the feed
   (above about 8%, as Douyin found) also makes users leave.

Every number is a teaching default; the docstrings of :class:`Platform` and
:class:`RaceSettings` say which rest on a public figure and which are illustrative.

Examples
--------
>>> result = race(example_platforms(), periods=26, seed=1)
>>> sorted(result.periods.columns)[:3]
['churn', 'creators', 'engagement']
>>> bool((result.concentration["top10_share"] > 0.10).all())
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from course._validate import check_int, check_number, check_probability, check_seed
from course.model.concentration import gini, top_share

__all__ = [
    "MAX_PLATFORMS",
    "Platform",
    "RaceResult",
    "RaceSettings",
    "example_platforms",
    "race",
]

#: At most this many platforms race side by side.
MAX_PLATFORMS = 5


@dataclass(frozen=True)
class Platform:
    """One platform's starting point and strengths.

    Attributes
    ----------
    name : str
        What to call the platform in tables and charts (unique within a race).
    creators : int
        Creators posting on the platform at the start (count, 1-50,000). The model
        is scaled down: one model creator stands for many real accounts.
        Illustrative.
    users_m : float
        Users at the start (million people, >= 0). Illustrative.
    content_quality : float
        How good the average video is, 0-1 (1: every video worth watching). Raises
        watch time. Illustrative.
    recommendation_accuracy : float
        How well the feed matches videos and products to each viewer's
        interests, 0-1 (0: a random feed). Raises watch time and sales, and sends
        attention to good content rather than to already big creators.
        Douyin named "mature interest-recommendation technology" one of its four
        strengths (April 2021). Illustrative value.
    product_quality : float
        Chance that a buyer is satisfied with what they bought, 0-1. Low quality
        means cheap products that sell more at first and lose trust later.
        Illustrative.
    ecommerce_share : float
        Share of the feed that is shopping content, 0-1. Douyin kept it near
        7-8%; above about 8% user retention suffered (LatePost via Rest of World,
        2022; medium trust, contested).
    initial_trust : float
        Share of users who trust shopping on the platform at the start, 0-1.
        Illustrative.
    """

    name: str = "Platform"
    creators: int = 500
    users_m: float = 5.0
    content_quality: float = 0.6
    recommendation_accuracy: float = 0.6
    product_quality: float = 0.85
    ecommerce_share: float = 0.07
    initial_trust: float = 0.7

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise ValueError(f"name must be a non-empty string; got {self.name!r}")
        check_int("creators", self.creators, low=1, high=50_000)
        check_number("users_m", self.users_m, low=0.0, unit="million users")
        for name in (
            "content_quality",
            "recommendation_accuracy",
            "product_quality",
            "ecommerce_share",
            "initial_trust",
        ):
            check_probability(name, getattr(self, name))


@dataclass(frozen=True)
class RaceSettings:
    """The market and the behaviour every platform in a race shares.

    Attributes
    ----------
    market_users_m : float
        People who could join any platform (million people, > 0). Illustrative.
    innovation : float
        Bass diffusion's innovation coefficient: share of people not yet on any
        platform who join a platform of full appeal in a week on their own
        (per week, 0-0.1). Bass's p is often 0.01-0.03 per *year*; weekly here,
        so the value is illustrative.
    imitation : float
        Bass's imitation coefficient: how strongly existing users bring others
        in (per week, 0-0.5); joiners rise with the platform's share of the
        market. Bass's q is often 0.3-0.5 per year; illustrative here.
    base_churn : float
        Share of users who leave each week even when the feed is perfect
        (per week, 0-0.2). Illustrative.
    boredom_churn : float
        Extra weekly churn when the feed holds no interest at all; scaled by
        ``1 - engagement`` (per week, 0-0.3). Illustrative.
    distrust_churn : float
        Extra weekly churn when nobody trusts shopping on the platform; scaled
        by ``1 - trust`` (per week, 0-0.3). Illustrative.
    overload_churn : float
        Extra weekly churn when the whole feed is shopping; scaled by the
        overload (how far the shopping share is above ``ecommerce_tolerance``,
        as a fraction of the room above it) (per week, 0-0.3). Illustrative.
    ecommerce_tolerance : float
        Shopping share of the feed that users accept without watching less or
        leaving, 0-1. About 8% on Douyin (LatePost via Rest of World, 2022).
    creator_join_rate : float
        New creators per week for each million users, at full engagement
        (creators per million users per week, >= 0). Illustrative.
    creator_churn : float
        Share of creators who stop posting each week (per week, 0-0.5).
        Illustrative.
    richness_half_creators : float
        Creators at which content richness is one half (count, > 0): richness
        is ``creators / (creators + this)``. Illustrative.
    max_hours_per_week : float
        Weekly watch time of a user whose feed could not be better (hours per
        user per week, > 0). Illustrative.
    orders_per_shopping_hour : float
        Orders per hour of shopping content watched, with perfect matching,
        full trust and good products (orders per hour, > 0). Illustrative.
    avg_order_usd : float
        Average order value (USD, > 0). Illustrative.
    low_quality_boost : float
        Extra orders from cheap, poor products: orders are multiplied by
        ``1 + low_quality_boost * (1 - product_quality)`` (no unit, >= 0).
        Illustrative.
    trust_learning : float
        Share of the gap between trust and buyers' satisfaction that closes each
        week (per week, 0-1): trust drifts toward ``product_quality``.
        Illustrative.
    trust_elasticity : float
        How strongly trust drives sales: orders scale with ``trust ** this``
        (no unit, >= 0). Illustrative.
    follows_per_user : float
        New follows each engaged user gives creators per week (follows per user
        per week, > 0). Only the split between creators matters for the
        concentration figures. Illustrative.
    fitness_sigma : float
        Spread of creators' content appeal: each creator's "fitness" is
        lognormal with this sigma (no unit, >= 0). Follower counts are heavy
        tailed (Kwak et al., WWW 2010); the value is illustrative.
    luck_sigma : float
        Week-to-week luck of a creator's videos: lognormal sigma of the weekly
        multiplier on the attention a creator gets (no unit, >= 0).
        Illustrative.
    head_start : float
        Followers a new creator counts as having for preferential attachment
        (followers, > 0): the ``a`` in "attention proportional to followers +
        a". Illustrative.
    """

    market_users_m: float = 100.0
    innovation: float = 0.002
    imitation: float = 0.30
    base_churn: float = 0.004
    boredom_churn: float = 0.02
    distrust_churn: float = 0.04
    overload_churn: float = 0.06
    ecommerce_tolerance: float = 0.08
    creator_join_rate: float = 10.0
    creator_churn: float = 0.01
    richness_half_creators: float = 500.0
    max_hours_per_week: float = 14.0
    orders_per_shopping_hour: float = 0.02
    avg_order_usd: float = 30.0
    low_quality_boost: float = 1.5
    trust_learning: float = 0.10
    trust_elasticity: float = 2.0
    follows_per_user: float = 0.5
    fitness_sigma: float = 1.0
    luck_sigma: float = 0.6
    head_start: float = 50.0

    def __post_init__(self) -> None:
        positive = (
            "market_users_m",
            "richness_half_creators",
            "max_hours_per_week",
            "orders_per_shopping_hour",
            "avg_order_usd",
            "follows_per_user",
            "head_start",
        )
        for name in positive:
            unit = "USD" if name == "avg_order_usd" else ""
            check_number(name, getattr(self, name), low=0.0, low_inclusive=False, unit=unit)
        bounded = {
            "innovation": 0.1,
            "imitation": 0.5,
            "base_churn": 0.2,
            "boredom_churn": 0.3,
            "distrust_churn": 0.3,
            "overload_churn": 0.3,
            "creator_churn": 0.5,
            "trust_learning": 1.0,
            "ecommerce_tolerance": 1.0,
        }
        for name, high in bounded.items():
            check_number(
                name,
                getattr(self, name),
                low=0.0,
                high=high,
                unit="per week" if name not in ("ecommerce_tolerance",) else "",
            )
        if self.ecommerce_tolerance >= 1.0:
            raise ValueError(
                f"ecommerce_tolerance must be below 1; got {self.ecommerce_tolerance!r}"
            )
        for name in (
            "creator_join_rate",
            "low_quality_boost",
            "trust_elasticity",
            "fitness_sigma",
            "luck_sigma",
        ):
            check_number(name, getattr(self, name), low=0.0)


@dataclass(frozen=True)
class RaceResult:
    """What :func:`race` returns.

    Attributes
    ----------
    platforms : tuple of Platform
        The platforms as given.
    settings : RaceSettings
        The shared market and behaviour used.
    seed : int
        The seed used.
    periods : pandas.DataFrame
        One row per platform and period (0 = the start), columns: ``platform``,
        ``period``, ``creators`` (count), ``users_m`` (million), ``user_share``
        (0-1: share of all platforms' users), ``richness`` (0-1),
        ``engagement`` (0-1), ``watch_hours_m`` (million hours in the period),
        ``orders`` (count), ``gmv_usd`` (USD in the period), ``trust`` (0-1),
        ``churn`` (0-1: share of users leaving in the period), ``retention``
        (``1 - churn``), ``new_users_m`` (million joining in the period),
        ``top1_share`` and ``top10_share`` (0-1: followers held by the top 1% and
        10% of creators).
    creators : pandas.DataFrame
        The creators still posting at the end, one row each: ``platform``,
        ``creator`` (id), ``joined_period``, ``fitness`` (content appeal, no
        unit), ``followers`` (count), ``follower_share`` (0-1 within the
        platform), ``rank`` (1 = biggest).
    concentration : pandas.DataFrame
        One row per platform: ``platform``, ``creators``, ``top1_share``,
        ``top10_share`` and ``gini`` (each 0-1) of the final follower counts.
    summary : pandas.DataFrame
        One row per platform: ``platform``, ``final_users_m``, ``final_user_share``,
        ``final_creators``, ``total_gmv_usd``, ``gmv_first_quarter_usd`` and
        ``gmv_last_quarter_usd`` (GMV over the first and last quarter of the
        periods), ``final_trust``, ``mean_retention``.
    """

    platforms: tuple[Platform, ...]
    settings: RaceSettings
    seed: int
    periods: pd.DataFrame = field(repr=False)
    creators: pd.DataFrame = field(repr=False)
    concentration: pd.DataFrame = field(repr=False)
    summary: pd.DataFrame = field(repr=False)


def example_platforms() -> tuple[Platform, Platform, Platform]:
    """Three platforms that tell a story when they race.

    * **Incumbent**: many creators and users, average content and recommendation.
    * **Interest feed**: small, but excellent content and recommendation.
    * **Bargain bin**: average platform that lets poor, cheap products in and
      fills more of the feed with shopping.

    Returns
    -------
    tuple of Platform
    """
    return (
        Platform(
            name="Incumbent",
            creators=1_500,
            users_m=20.0,
            content_quality=0.55,
            recommendation_accuracy=0.45,
            product_quality=0.85,
            ecommerce_share=0.07,
            initial_trust=0.75,
        ),
        Platform(
            name="Interest feed",
            creators=250,
            users_m=3.0,
            content_quality=0.8,
            recommendation_accuracy=0.9,
            product_quality=0.9,
            ecommerce_share=0.07,
            initial_trust=0.6,
        ),
        Platform(
            name="Bargain bin",
            creators=750,
            users_m=10.0,
            content_quality=0.55,
            recommendation_accuracy=0.55,
            product_quality=0.55,
            ecommerce_share=0.12,
            initial_trust=0.75,
        ),
    )


def _check_platforms(platforms) -> tuple[Platform, ...]:
    if isinstance(platforms, Platform):
        platforms = (platforms,)
    if isinstance(platforms, (str, bytes)) or not hasattr(platforms, "__iter__"):
        raise TypeError(
            f"platforms must be a Platform or a sequence of Platform; got "
            f"{type(platforms).__name__}"
        )
    items = tuple(platforms)
    if not 1 <= len(items) <= MAX_PLATFORMS:
        raise ValueError(f"platforms must hold 1 to {MAX_PLATFORMS} platforms; got {len(items)}")
    for i, p in enumerate(items):
        if not isinstance(p, Platform):
            raise TypeError(f"platforms[{i}] must be a Platform; got {type(p).__name__}")
    names = [p.name for p in items]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise ValueError(f"platform names must be unique; {dup[0]!r} appears twice")
    return items


def race(
    platforms,
    *,
    periods: int = 52,
    seed: int = 0,
    settings: RaceSettings | None = None,
) -> RaceResult:
    """Run platforms side by side for a number of weeks, competing for one market.

    Each week, for each platform:

    * content richness ``= creators / (creators + richness_half_creators)``;
    * feed match ``= 0.3 + 0.7 * recommendation_accuracy`` (a random feed still
      interests some viewers);
    * overload ``= max(0, ecommerce_share - tolerance) / (1 - tolerance)``;
    * engagement ``= content_quality * match * richness * (1 - overload)``, and
      watch time ``= users * max_hours_per_week * engagement``;
    * orders ``= watch time * ecommerce_share * orders_per_shopping_hour * match
      * trust ** trust_elasticity * (1 + low_quality_boost * (1 - product_quality))``;
      GMV ``= orders * avg_order_usd``;
    * trust moves ``trust_learning`` of the way toward ``product_quality`` (the
      share of satisfied buyers);
    * churn ``= base + boredom * (1 - engagement) + distrust * (1 - trust) +
      overload_churn * overload``;
    * people not on any platform join it at the rate ``engagement * (innovation
      + imitation * users / market)`` (Bass diffusion; churned users go back to
      the pool and may join again);
    * new creators arrive (Poisson, mean ``creator_join_rate * users *
      engagement``) and each creator stops with chance ``creator_churn``;
    * new follows (``users * follows_per_user * engagement``) are split among
      the creators: a share ``1 - recommendation_accuracy`` in proportion to
      followers + head start (the rich get richer), a share
      ``recommendation_accuracy`` in proportion to content fitness, each
      creator's slice then multiplied by a lognormal bit of luck.

    Parameters
    ----------
    platforms : Platform or sequence of Platform
        One to five platforms with unique names (see :func:`example_platforms`).
    periods : int
        Weeks to run (1-520).
    seed : int
        Seed for the random parts (creators' fitness, luck, arrivals, exits);
        the same seed gives the same numbers.
    settings : RaceSettings, optional
        Shared market and behaviour; the documented defaults when omitted.

    Returns
    -------
    RaceResult
        Tidy tables: ``periods``, ``creators``, ``concentration``, ``summary``.

    Raises
    ------
    TypeError, ValueError
        If an argument is of the wrong type or out of range (the message names
        it), or the platforms' starting users add up to more than the market.
    """
    items = _check_platforms(platforms)
    n_periods = check_int("periods", periods, low=1, high=520)
    seed = check_seed(seed)
    if settings is None:
        settings = RaceSettings()
    if not isinstance(settings, RaceSettings):
        raise TypeError(f"settings must be a RaceSettings or None; got {type(settings).__name__}")
    s = settings
    total_users = sum(p.users_m for p in items)
    if total_users > s.market_users_m:
        raise ValueError(
            f"the platforms' starting users add up to {total_users:g} million, more than "
            f"the market (market_users_m = {s.market_users_m:g} million); lower users_m or "
            f"raise market_users_m"
        )

    n = len(items)
    rngs = [np.random.default_rng(child) for child in np.random.SeedSequence(seed).spawn(n)]
    quality = np.array([p.content_quality for p in items])
    accuracy = np.array([p.recommendation_accuracy for p in items])
    product_q = np.array([p.product_quality for p in items])
    share = np.array([p.ecommerce_share for p in items])
    match = 0.3 + 0.7 * accuracy
    overload = np.maximum(0.0, share - s.ecommerce_tolerance) / (1.0 - s.ecommerce_tolerance)
    boost = 1.0 + s.low_quality_boost * (1.0 - product_q)

    users = np.array([p.users_m for p in items], dtype=float)
    trust = np.array([p.initial_trust for p in items], dtype=float)
    # creators as agents, per platform; arrays hold only creators still posting
    ids = [np.arange(p.creators) for p in items]
    next_id = [p.creators for p in items]
    joined = [np.zeros(p.creators, dtype=int) for p in items]
    fitness = [rngs[i].lognormal(0.0, s.fitness_sigma, p.creators) for i, p in enumerate(items)]
    followers = [np.zeros(p.creators) for p in items]
    fitness_sum = [float(np.add.reduce(fit)) for fit in fitness]

    rows = {
        k: np.zeros((n_periods, n))
        for k in (
            "creators",
            "users_m",
            "richness",
            "engagement",
            "watch_hours_m",
            "orders",
            "gmv_usd",
            "trust",
            "churn",
            "new_users_m",
            "top1_share",
            "top10_share",
        )
    }

    for t in range(n_periods):
        n_creators = np.array([f.size for f in followers], dtype=float)
        richness = n_creators / (n_creators + s.richness_half_creators)
        engagement = quality * match * richness * (1.0 - overload)
        watch_m = users * s.max_hours_per_week * engagement  # million hours
        orders = (
            watch_m
            * 1e6
            * share
            * s.orders_per_shopping_hour
            * match
            * trust**s.trust_elasticity
            * boost
        )
        churn = (
            s.base_churn
            + s.boredom_churn * (1.0 - engagement)
            + s.distrust_churn * (1.0 - trust)
            + s.overload_churn * overload
        )
        pool = s.market_users_m - users.sum()
        joiners = pool * engagement * (s.innovation + s.imitation * users / s.market_users_m)

        # attention: this period's new follows split among the creators
        follows = users * 1e6 * s.follows_per_user * engagement
        for i in range(n):
            f = followers[i]
            if f.size and follows[i] > 0:
                weight = f + s.head_start
                weight *= (1.0 - accuracy[i]) / np.add.reduce(weight)
                weight += accuracy[i] / fitness_sum[i] * fitness[i]
                # luck: lognormal, drawn in single precision (fast; ample for luck)
                luck = rngs[i].standard_normal(f.size, dtype=np.float32)
                luck *= np.float32(s.luck_sigma)
                weight *= np.exp(luck)
                f += follows[i] / np.add.reduce(weight) * weight
            rows["top1_share"][t, i], rows["top10_share"][t, i] = _top_shares(f)

        for k, v in (
            ("creators", n_creators),
            ("users_m", users),
            ("richness", richness),
            ("engagement", engagement),
            ("watch_hours_m", watch_m),
            ("orders", orders),
            ("gmv_usd", orders * s.avg_order_usd),
            ("trust", trust),
            ("churn", churn),
            ("new_users_m", joiners),
        ):
            rows[k][t] = v
        if t == n_periods - 1:
            break

        # next period's users, trust and creators
        users = users * (1.0 - churn) + joiners
        trust = trust + s.trust_learning * (product_q - trust)
        for i in range(n):
            rng = rngs[i]
            stay = rng.random(followers[i].size) >= s.creator_churn
            arrivals = int(rng.poisson(s.creator_join_rate * users[i] * engagement[i]))
            ids[i] = np.concatenate([ids[i][stay], np.arange(next_id[i], next_id[i] + arrivals)])
            next_id[i] += arrivals
            joined[i] = np.concatenate([joined[i][stay], np.full(arrivals, t + 1)])
            fitness[i] = np.concatenate(
                [fitness[i][stay], rng.lognormal(0.0, s.fitness_sigma, arrivals)]
            )
            fitness_sum[i] = float(np.add.reduce(fitness[i]))
            followers[i] = np.concatenate([followers[i][stay], np.zeros(arrivals)])

    names = [p.name for p in items]
    period_frame = pd.DataFrame(
        {
            "platform": np.tile(names, n_periods),
            "period": np.repeat(np.arange(n_periods), n),
        }
    )
    for k in ("creators", "users_m"):
        period_frame[k] = rows[k].ravel()
    period_frame["creators"] = period_frame["creators"].astype(int)
    total = rows["users_m"].sum(axis=1, keepdims=True)
    user_share = np.divide(
        rows["users_m"], total, out=np.zeros_like(rows["users_m"]), where=total > 0
    )
    period_frame["user_share"] = user_share.ravel()
    for k in ("richness", "engagement", "watch_hours_m", "orders", "gmv_usd", "trust", "churn"):
        period_frame[k] = rows[k].ravel()
    period_frame["retention"] = 1.0 - period_frame["churn"]
    for k in ("new_users_m", "top1_share", "top10_share"):
        period_frame[k] = rows[k].ravel()
    period_frame = period_frame.sort_values(
        ["platform", "period"], key=_platform_key(names), kind="stable"
    ).reset_index(drop=True)

    creator_frames, conc_rows = [], []
    for i, name in enumerate(names):
        f = followers[i]
        order = np.argsort(-f, kind="stable")
        tot = f.sum()
        creator_frames.append(
            pd.DataFrame(
                {
                    "platform": name,
                    "creator": ids[i][order],
                    "joined_period": joined[i][order],
                    "fitness": fitness[i][order],
                    "followers": f[order],
                    "follower_share": f[order] / tot if tot > 0 else np.zeros(f.size),
                    "rank": np.arange(1, f.size + 1),
                }
            )
        )
        conc_rows.append(
            {
                "platform": name,
                "creators": int(f.size),
                "top1_share": top_share(f, 0.01) if f.size else 0.0,
                "top10_share": top_share(f, 0.10) if f.size else 0.0,
                "gini": gini(f) if f.size else 0.0,
            }
        )
    creators_frame = pd.concat(creator_frames, ignore_index=True)
    concentration = pd.DataFrame(conc_rows)

    quarter = max(1, n_periods // 4)
    summary = []
    for i, name in enumerate(names):
        g = rows["gmv_usd"][:, i]
        summary.append(
            {
                "platform": name,
                "final_users_m": float(rows["users_m"][-1, i]),
                "final_user_share": float(user_share[-1, i]),
                "final_creators": int(rows["creators"][-1, i]),
                "total_gmv_usd": float(g.sum()),
                "gmv_first_quarter_usd": float(g[:quarter].sum()),
                "gmv_last_quarter_usd": float(g[-quarter:].sum()),
                "final_trust": float(rows["trust"][-1, i]),
                "mean_retention": float(1.0 - rows["churn"][:, i].mean()),
            }
        )
    return RaceResult(
        platforms=items,
        settings=s,
        seed=seed,
        periods=period_frame,
        creators=creators_frame,
        concentration=concentration,
        summary=pd.DataFrame(summary),
    )


def _top_shares(values: np.ndarray) -> tuple[float, float]:
    """Shares of the total held by the top 1% and top 10% (at least one item each).

    The same figures as :func:`course.model.concentration.top_share`, computed with
    one partition for both, because the race asks for them every period.
    """
    n = values.size
    total = values.sum()
    if n == 0 or total <= 0:
        return 0.0, 0.0
    k10 = max(1, int(np.ceil(0.10 * n)))
    k1 = max(1, int(np.ceil(0.01 * n)))
    top10 = np.partition(values, n - k10)[n - k10 :]
    top1 = np.partition(top10, k10 - k1)[k10 - k1 :]
    return float(top1.sum() / total), float(top10.sum() / total)


def _platform_key(names: list[str]):
    order = {name: i for i, name in enumerate(names)}

    def key(col: pd.Series) -> pd.Series:
        return col.map(order) if col.name == "platform" else col

    return key

"""Interest e-commerce: touchpoint → need → trust → purchase.

How one month of the feed works for the seller's videos:

1. **Touchpoint.** The feed shows one of the seller's videos to a share ``reach`` of
   shoppers. It picks them by a score ``accuracy * interest + (1 - accuracy) * noise``
   (both uniform on 0-1): with accuracy 0 it picks at random, with accuracy 1 it
   picks the most interested shoppers first. Which video a viewer gets is random,
   weighted by ``exp(virality * appeal)``: a few videos get most views.
2. **Need.** The viewer watches the video through with a chance that grows with
   ``content_quality`` and the video's appeal. A watched video wakes a latent need
   with chance ``spark * showability * interest``.
3. **Trust.** A viewer who wants it opens the product page and trusts it with a
   chance set by rating, reviews and price against expectation
   (:func:`course.model.shoppers.page_trust`).
4. **Purchase.** They buy on the spot with chance ``impulse``.

With the default levers about 1.5% of the shoppers shown a video buy, of the order
of the under-2% average conversion agencies report for TikTok LIVE viewers (a weak,
vendor figure); the defaults are illustrative.

Video appeal: the ``videos`` videos have standard-normal appeals at evenly spaced
quantiles (so results do not hinge on one lucky draw), posted in an order that the
seed shuffles. :func:`expected` gives the funnel in closed form.
"""

from __future__ import annotations

import math
from functools import partial

import numpy as np
import pandas as pd
from scipy.special import expit, logit, ndtri

from course.model.params import Feed, Population, Product
from course.model.runs import ModelRun, draw_units, scatter
from course.model.shoppers import page_trust
from course.model.streams import Streams

__all__ = [
    "STAGES",
    "expected",
    "run",
    "shown_interest",
    "show_threshold",
    "video_appeal",
    "video_views_share",
    "video_watch_rates",
]

#: Funnel stages of the interest ordering.
STAGES: tuple[str, ...] = (
    "population",
    "touchpoint: the feed showed a video",
    "need: watched and wanted it",
    "trust: trusted the product page",
    "purchase",
)


def video_appeal(feed: Feed) -> np.ndarray:
    """Standard-normal appeal of each video, lowest first (evenly spaced quantiles)."""
    v = feed.videos
    return ndtri((np.arange(v) + 0.5) / v)


def video_views_share(feed: Feed) -> np.ndarray:
    """Expected share of views of each video (same order as :func:`video_appeal`)."""
    weight = np.exp(feed.virality * video_appeal(feed))
    return weight / weight.sum()


def video_watch_rates(feed: Feed) -> np.ndarray:
    """Chance a viewer watches each video through (same order as :func:`video_appeal`)."""
    z = video_appeal(feed)
    q = feed.content_quality
    if q <= 0.0 or q >= 1.0:
        return np.full(z.size, q)
    return expit(logit(q) + feed.watch_spread * z)


def show_threshold(accuracy: float, reach: float) -> float:
    """Score above which the feed shows a video, so that a share ``reach`` is shown.

    The score ``a * X + (1 - a) * U`` of two independent uniforms has a trapezoid
    distribution; this inverts its distribution function exactly.
    """
    a, b = accuracy, 1.0 - accuracy
    lo, hi = min(a, b), max(a, b)
    target = 1.0 - reach  # the threshold's distribution function value
    corner = lo / (2.0 * hi)
    if target <= corner:
        return math.sqrt(2.0 * a * b * target)
    if target <= 1.0 - corner:
        return hi * target + lo / 2.0
    return 1.0 - math.sqrt(2.0 * a * b * reach)


def shown_interest(accuracy: float, reach: float) -> float:
    """Expected interest score (0-1) of the shoppers the feed shows a video to.

    Integrates ``x * P(shown | x)`` over the uniform interest ``x``; ``P(shown | x)``
    is 0, then rises linearly, then is 1. Returns 0.5 (random viewers) when
    ``reach`` is 0, by continuity.
    """
    r = max(reach, 1e-9)
    return float(_mean_shown(accuracy, show_threshold(accuracy, r), r))


def _mean_shown(a: float, t: float, reach: float) -> float:
    b = 1.0 - a
    if b <= 0.0:  # perfect accuracy: the top `reach` by interest
        return (1.0 - t * t) / 2.0 / reach
    if a <= 0.0:
        return 0.5
    lo = min(max((t - b) / a, 0.0), 1.0)
    hi = min(max(t / a, 0.0), 1.0)
    # P(shown | x) = 1 - (t - a x) / b on [lo, hi], 1 above hi.
    linear = (1.0 - t / b) * (hi**2 - lo**2) / 2.0 + (a / b) * (hi**3 - lo**3) / 3.0
    top = (1.0 - hi**2) / 2.0
    return (linear + top) / reach


def expected(population: Population, product: Product, feed: Feed, shoppers: int) -> tuple:
    """Expected shoppers at each stage (floats), in closed form."""
    n = float(shoppers)
    shown = n * feed.reach
    watch = float(np.sum(video_views_share(feed) * video_watch_rates(feed)))
    spark = feed.spark * product.showability * shown_interest(feed.accuracy, feed.reach)
    need = shown * watch * spark
    trust = need * page_trust(product.price, product.rating, product.reviews, population)
    return (n, shown, need, trust, trust * product.impulse)


def run(
    population: Population,
    product: Product,
    feed: Feed,
    *,
    shoppers: int,
    streams: Streams,
    outcomes: bool = False,
) -> ModelRun:
    """Simulate one month of the feed for ``shoppers`` shoppers.

    Returns
    -------
    ModelRun
        With the table ``"videos"``: one row per video in posting order (``video``,
        ``appeal``, ``watch_rate``, ``views``, ``watched``, ``needs``, ``orders``,
        ``gmv``).
    """
    n = shoppers
    interest = streams.uniform("interest", n)
    noise = streams.uniform("interest.feed_noise", n)
    score = feed.accuracy * interest + (1.0 - feed.accuracy) * noise
    shown = score > show_threshold(feed.accuracy, feed.reach)
    who = np.flatnonzero(shown)

    share = video_views_share(feed)
    cumulative = np.cumsum(share)
    cumulative[-1] = 1.0
    video = np.searchsorted(cumulative, streams.uniform("interest.video", n)[who], side="right")
    video = np.minimum(video, feed.videos - 1)
    watched = streams.uniform("interest.watch", n)[who] < video_watch_rates(feed)[video]
    spark = feed.spark * product.showability * interest[who]
    wants = watched & (streams.uniform("interest.spark", n)[who] < spark)
    trust_p = page_trust(product.price, product.rating, product.reviews, population)
    trusts = wants & (streams.uniform("trust", n)[who] < trust_p)
    buys = trusts & (streams.uniform("interest.impulse", n)[who] < product.impulse)

    orders = int(buys.sum())
    units = draw_units(streams, "interest.units", n, who[buys], product.units_per_order)
    gmv = float(units.sum() * product.price)

    videos = feed.videos
    posted = streams.permutation("interest.video_order", videos)  # appeal rank -> post number
    unit_by_video = np.bincount(video[buys], weights=units, minlength=videos)
    table = pd.DataFrame(
        {
            "video": posted + 1,
            "appeal": video_appeal(feed),
            "watch_rate": video_watch_rates(feed),
            "views": np.bincount(video, minlength=videos),
            "watched": np.bincount(video[watched], minlength=videos),
            "needs": np.bincount(video[wants], minlength=videos),
            "orders": np.bincount(video[buys], minlength=videos),
            "gmv": unit_by_video * product.price,
        }
    )
    table = table.sort_values("video", ignore_index=True)

    counts = (n, int(who.size), int(wants.sum()), int(trusts.sum()), orders)
    frame = None
    if outcomes:
        unit_count = np.zeros(who.size, dtype=np.int64)
        unit_count[buys] = units

        spread = partial(scatter, n, who)

        frame = pd.DataFrame(
            {
                "shopper": np.arange(n),
                "interest": interest,
                "touchpoint": shown,
                "video": spread(posted[video] + 1, np.int64),
                "watched": spread(watched, bool),
                "need": spread(wants, bool),
                "trust": spread(trusts, bool),
                "purchase": spread(buys, bool),
                "units": spread(unit_count, np.int64),
                "spend": spread(unit_count * product.price, float),
            }
        )
    return ModelRun(
        stages=STAGES,
        counts=counts,
        orders=orders,
        units=int(units.sum()),
        gmv=gmv,
        tables={"videos": table},
        outcomes=frame,
        draws=streams.draws,
    )

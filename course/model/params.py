"""The parameters of the decision-factor model, as validated dataclasses.

Five groups, one dataclass each:

* :class:`Population`: the shoppers, shared by the three orderings (how often they
  need the product, what price they expect, how they judge ratings and reviews);
* :class:`Product`: the seller's product, shared by the three orderings;
* :class:`Shelf`: the search results page (search ordering);
* :class:`Feed`: the recommendation feed and the seller's videos (interest ordering);
* :class:`CreatorNetwork`: the creators, their followers and word of mouth
  (social ordering).

Every field has a unit, a bound and a default. The class docstrings say, per field,
what it means in plain words and where the default comes from (a public source, or
"illustrative" when no public figure exists). The constructors check every field
and raise a ValueError or TypeError that names the field, the value given and what
is allowed; nothing is clipped. Fields that a learner can move with a slider are
called *levers*; :mod:`course.model.lever_registry` explains each of them once.

Examples
--------
>>> Product(price=25).price
25.0
>>> Product(price=900)
Traceback (most recent call last):
...
ValueError: price must be in [1, 500] USD; got 900
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from course._validate import check_int, check_number

__all__ = [
    "SHARE",
    "CreatorNetwork",
    "Feed",
    "Population",
    "Product",
    "Shelf",
    "bounds",
]

#: The unit written for every fraction between 0 and 1.
SHARE = "share (0-1)"


def _spec(
    default: float,
    *,
    low: float,
    high: float,
    unit: str,
    integer: bool = False,
    open_low: bool = False,
    open_high: bool = False,
) -> Any:
    """A dataclass field carrying its bounds and unit for validation and for sliders.

    ``open_low`` / ``open_high`` exclude the bound itself (a share that must be
    strictly above 0, for example).
    """
    return field(
        default=default,
        metadata={
            "low": low,
            "high": high,
            "unit": unit,
            "integer": integer,
            "open_low": open_low,
            "open_high": open_high,
        },
    )


def _message_unit(unit: str) -> str:
    # "need_rate must be in [0, 1]; got 2" reads better without "share (0-1)" repeated.
    return "" if unit == SHARE else unit


def bounds(cls: type, name: str) -> dict[str, Any]:
    """Default, low and high bounds, unit and integer flag of one field of a parameter class.

    Parameters
    ----------
    cls : type
        One of :class:`Population`, :class:`Product`, :class:`Shelf`, :class:`Feed`,
        :class:`CreatorNetwork`.
    name : str
        A field of that class.

    Returns
    -------
    dict
        Keys ``default``, ``low``, ``high``, ``unit``, ``integer``, ``open_low``,
        ``open_high``.

    Raises
    ------
    ValueError
        If ``name`` is not a field of ``cls`` (the message lists the fields).
    """
    for f in fields(cls):
        if f.name == name:
            return {"default": f.default, **f.metadata}
    valid = ", ".join(f.name for f in fields(cls))
    raise ValueError(f"name must be a field of {cls.__name__} ({valid}); got {name!r}")


class _Checked:
    """Mixin: validate and normalise every field in ``__post_init__``."""

    def __post_init__(self) -> None:
        for f in fields(self):  # type: ignore[arg-type]
            meta = f.metadata
            value = getattr(self, f.name)
            if meta["integer"]:
                checked: float | int = check_int(
                    f.name, value, low=int(meta["low"]), high=int(meta["high"])
                )
            else:
                checked = check_number(
                    f.name,
                    value,
                    low=meta["low"],
                    high=meta["high"],
                    low_inclusive=not meta["open_low"],
                    high_inclusive=not meta["open_high"],
                    unit=_message_unit(meta["unit"]),
                )
            object.__setattr__(self, f.name, checked)
        self._check_together()

    def _check_together(self) -> None:
        """Checks that involve more than one field (none by default)."""


@dataclass(frozen=True)
class Population(_Checked):
    """The shoppers: shared by the search, interest and social orderings.

    Every shopper also carries three random traits drawn from the seed (the same
    shoppers in every ordering): when their need arises, how sceptical they are
    (their trust threshold) and how interested they are in this kind of product
    (a score from 0 to 1).

    Parameters
    ----------
    need_rate : float
        Share (0-1) of shoppers who need a product like this one in a month.
        Default 0.05. Illustrative. A lever.
    reference_price : float
        Price in USD that shoppers expect to pay for this kind of product.
        Default 20. Illustrative (a typical car phone mount).
    price_sensitivity : float
        How strongly a price above expectation puts shoppers off, in log-odds per
        unit of log price ratio: with 2, a price 10% above expectation lowers the
        odds of buying by about 17% (1.1 ** -2 = 0.83). Default 2. Illustrative.
    trust_no_reviews : float
        Share (0-1) of shoppers who trust a 4.0-star listing with no reviews at the
        expected price. Default 0.10. Illustrative.
    five_review_lift : float
        How many times more likely a listing with 5 reviews is to be trusted than
        one with none (ratio). Default 3.7: "a product with five reviews is about
        270% more likely to be bought than one with none" (Spiegel Research Center,
        Northwestern University, 2017). Must keep
        ``five_review_lift * trust_no_reviews`` below 1.
    review_saturation : float
        Number of reviews (reviews) after which extra reviews add little trust: the
        review effect is ``1 - exp(-reviews / review_saturation)``, so about two
        thirds of it comes from the first ``review_saturation`` reviews. Default 5:
        most of the lift comes from the first five reviews (Spiegel 2017).
    rating_weight : float
        Log-odds of trust gained per star of rating above 4.0, up to
        ``rating_peak``. Default 2. Illustrative.
    rating_peak : float
        Rating in stars above which a higher rating looks "too good to be true" and
        trust falls again. Default 4.7: purchase likelihood peaks for ratings of
        4.0-4.7 stars, not 5.0 (Spiegel 2017).
    rating_drop : float
        Log-odds of trust lost per star above ``rating_peak``. Default 3: a 5.0-star
        listing is trusted about like a 4.25-star one. Illustrative.
    contacts : int
        Number of other followers in the same creator's community each shopper
        hears word of mouth from (shoppers). Default 5. Illustrative.
    """

    need_rate: float = _spec(0.05, low=0.0, high=1.0, unit=SHARE)
    reference_price: float = _spec(20.0, low=1.0, high=500.0, unit="USD")
    price_sensitivity: float = _spec(2.0, low=0.0, high=10.0, unit="log-odds per log price")
    trust_no_reviews: float = _spec(0.10, low=0.0, high=1.0, unit=SHARE, open_low=True)
    five_review_lift: float = _spec(3.7, low=1.0, high=100.0, unit="ratio")
    review_saturation: float = _spec(5.0, low=0.1, high=10_000.0, unit="reviews")
    rating_weight: float = _spec(2.0, low=0.0, high=10.0, unit="log-odds per star")
    rating_peak: float = _spec(4.7, low=4.0, high=5.0, unit="stars")
    rating_drop: float = _spec(3.0, low=0.0, high=20.0, unit="log-odds per star")
    contacts: int = _spec(5, low=1, high=50, unit="shoppers", integer=True)

    def _check_together(self) -> None:
        lifted = self.five_review_lift * self.trust_no_reviews
        if lifted >= 1.0:
            raise ValueError(
                "five_review_lift * trust_no_reviews must be below 1 (it is the "
                f"trust of a listing with 5 reviews); got {self.five_review_lift!r} * "
                f"{self.trust_no_reviews!r} = {lifted:g}"
            )


@dataclass(frozen=True)
class Product(_Checked):
    """The seller's product: the same product in all three orderings.

    Parameters
    ----------
    price : float
        Price in USD. Default 20. Illustrative (a car phone mount). A lever.
    rating : float
        Average star rating, 1 to 5 stars. Default 4.5. Illustrative. A lever.
    reviews : int
        Number of reviews. Default 80. Illustrative. A lever.
    quality : float
        Share (0-1) of buyers who are satisfied with the product. Default 0.85,
        illustrative, informed by US online returns of 17.6% of sales (NRF and
        Appriss Retail, 2023). A lever in the social ordering, where satisfied
        buyers raise trust in the creator and unsatisfied ones lower it.
    showability : float
        How well the product shows in a short video, from 0 (nothing to see) to 1
        (a striking before/after). Default 0.6. Illustrative. A lever.
    impulse : float
        Share (0-1) of feed viewers who want the product and trust its page and then
        buy on the spot. Default 0.33: about one third of online purchases are
        impulse purchases (HookLogic survey, 2016), used here as an illustrative
        conversion. A lever.
    units_per_order : float
        Average units per order (units), between 1 and 2: each order is 1 unit, or
        2 units with chance ``units_per_order - 1``. Default 1.1. Illustrative.
    """

    price: float = _spec(20.0, low=1.0, high=500.0, unit="USD")
    rating: float = _spec(4.5, low=1.0, high=5.0, unit="stars")
    reviews: int = _spec(80, low=0, high=10_000, unit="reviews", integer=True)
    quality: float = _spec(0.85, low=0.0, high=1.0, unit=SHARE)
    showability: float = _spec(0.6, low=0.0, high=1.0, unit="score (0-1)")
    impulse: float = _spec(0.33, low=0.0, high=1.0, unit=SHARE)
    units_per_order: float = _spec(1.1, low=1.0, high=2.0, unit="units")


@dataclass(frozen=True)
class Shelf(_Checked):
    """The search results page (search ordering: need → touchpoint → trust).

    Shoppers with the need search, then look down the results one listing at a time
    and stop at random (a cascade model: a listing is looked at only if every
    listing above it was; Craswell, Zoeter, Taylor and Ramsey, WSDM 2008). Among
    the listings they looked at and trust, they choose one, or none, by a
    multinomial logit on price, rating and review count ("compare three shops").

    Parameters
    ----------
    search_share : float
        Share (0-1) of shoppers with the need who search for it on this platform.
        Default 0.6. Illustrative. A lever.
    rank : int
        Position of the seller's listing in the results, 1 = top. Default 4.
        Illustrative. A lever. At most 20, and there are always at least 19
        competitors, so every rank is on the shelf.
    competitors : int
        Number of competing listings in the results (listings). Default 29 (a
        results list of 30). Illustrative. A lever.
    competitor_price : float
        Price in USD of a typical competing listing. Default 20. Illustrative.
    competitor_rating : float
        Star rating of a typical competing listing. Default 4.4. Illustrative.
    competitor_reviews : int
        Review count of a typical competing listing. Default 500. Illustrative.
    scroll_on : float
        Share (0-1) of shoppers who, having looked at a listing, go on to look at
        the next one. Default 0.85, calibrated so that 19.7% of searchers look past
        the 10th result, as 19.7% of searchers reached page 2 of the results in
        Compete's panel of 75 million searchers (2014). With equal listings the top
        position then gets about 28% of the purchases, 13 times as many as the 10th
        (Compete: 35.1% of searchers click the top result).
    trust_weight : float
        How much shoppers prefer a more trusted listing among those they trust, in
        log-odds of choice per log-odds of trust. Default 0.5. Illustrative.
    walk_away : float
        Share (0-1, both ends excluded) of shoppers who look at and trust just one
        typical competing listing and still leave without buying. Sets the appeal of
        buying nothing here (or elsewhere). Default 0.5, chosen so that at the
        default levers about 12% of the shoppers who see the seller's listing buy
        it, inside the 10-15% rule of thumb for Amazon listing conversion (unit
        session percentage), and about 60% of searchers buy one of the listings,
        between the 13% (non-Prime) and 74% (Prime) per-visit conversion Millward
        Brown Digital reported for Amazon (2015).
    """

    search_share: float = _spec(0.6, low=0.0, high=1.0, unit=SHARE)
    rank: int = _spec(4, low=1, high=20, unit="position", integer=True)
    competitors: int = _spec(29, low=19, high=59, unit="listings", integer=True)
    competitor_price: float = _spec(20.0, low=1.0, high=500.0, unit="USD")
    competitor_rating: float = _spec(4.4, low=1.0, high=5.0, unit="stars")
    competitor_reviews: int = _spec(500, low=0, high=10_000, unit="reviews", integer=True)
    scroll_on: float = _spec(0.85, low=0.0, high=1.0, unit=SHARE)
    trust_weight: float = _spec(0.5, low=0.0, high=5.0, unit="log-odds per log-odds")
    walk_away: float = _spec(0.5, low=0.0, high=1.0, unit=SHARE, open_low=True, open_high=True)


@dataclass(frozen=True)
class Feed(_Checked):
    """The recommendation feed and the seller's videos (interest: touchpoint → need → trust).

    The feed shows one of the seller's videos to a share of shoppers, choosing them
    by a score that mixes their interest in the product with noise; the more
    accurate the recommendation, the more the score is interest. Viewers watch
    through or scroll on; a watched video may wake a latent need, more often in
    interested viewers and for showable products; those who want it check the
    product page (trust) and some buy on impulse.

    Parameters
    ----------
    reach : float
        Share (0-1) of shoppers the feed shows one of the videos in the month.
        Default 0.2. Illustrative. A lever.
    accuracy : float
        Recommendation accuracy from 0 (viewers picked at random) to 1 (the most
        interested viewers first). Default 0.6. Illustrative. A lever.
    content_quality : float
        Share (0-1) of viewers who watch a typical video through. Default 0.3.
        Illustrative. A lever.
    virality : float
        How strongly the feed pushes the videos that hold attention best, from 0
        (every video gets the same number of views) to 3 (a few videos get almost
        all views). Views are proportional to ``exp(virality * z)``, with ``z`` a
        video's standard-normal appeal: lognormal, heavy-tailed views. Default 1.
        Illustrative. A lever.
    spark : float
        Share (0-1) of fully interested viewers of a perfectly showable product in
        whom a watched video wakes a need. Default 0.25. Illustrative. A lever.
    videos : int
        Number of videos the seller posts in the month. Default 12. Illustrative.
    watch_spread : float
        How much videos differ in watch-through, in log-odds per standard deviation
        of appeal. Default 0.8. Illustrative.
    """

    reach: float = _spec(0.2, low=0.0, high=1.0, unit=SHARE)
    accuracy: float = _spec(0.6, low=0.0, high=1.0, unit="score (0-1)")
    content_quality: float = _spec(0.3, low=0.0, high=1.0, unit=SHARE)
    virality: float = _spec(1.0, low=0.0, high=3.0, unit="index (0-3)")
    spark: float = _spec(0.25, low=0.0, high=1.0, unit=SHARE)
    videos: int = _spec(12, low=1, high=500, unit="videos", integer=True)
    watch_spread: float = _spec(0.8, low=0.0, high=5.0, unit="log-odds")


@dataclass(frozen=True)
class CreatorNetwork(_Checked):
    """Creators, their followers and word of mouth (social: trust → need → touchpoint).

    A niche has ``pool`` creators whose follower counts are heavy-tailed (Zipf). The
    seller works with the ``creators`` largest. Their followers trust them to a
    degree; when a follower's need arises (or a contact's purchase gives them the
    need: word of mouth), a follower who trusts the creator goes to the creator's
    link and may buy. Each week, the buyers' satisfaction moves the creator's trust
    up or down.

    Parameters
    ----------
    creators : int
        Number of creators recommending the product, the largest in the niche first.
        Default 10. Illustrative. A lever. At most ``pool``.
    pool : int
        Number of creators in the niche. Default 100. Illustrative.
    follower_tail : float
        Zipf exponent of follower counts: creator k has followers in proportion to
        ``k ** -follower_tail``. Default 1. Follower counts are heavy-tailed (Kwak,
        Lee, Park and Moon, WWW 2010, on 41.7 million Twitter users); the exponent
        is illustrative.
    follower_share : float
        Share (0-1) of shoppers who follow a creator in the niche. Default 0.2.
        Illustrative. A lever.
    creator_trust : float
        Share (0-1) of followers who trust a creator's recommendation at the start.
        Default 0.5. Illustrative. A lever.
    discount : float
        Discount with the creator's code, as a share (0-0.5) of the price.
        Default 0.1. Illustrative. A lever.
    link_use : float
        Share (0-1) of trusting followers with the need who go to the creator's
        link when there is no discount. Default 0.5. Illustrative.
    discount_pull : float
        Log-odds of using the link gained per unit of discount (a 10% discount
        adds 0.5). Default 5. Illustrative.
    buy_at_link : float
        Share (0-1) of followers at the link who buy when the price paid is the
        expected price. Default 0.7. Illustrative.
    word_of_mouth : float
        Chance (0-1) that one contact's purchase gives a follower the need (one
        step of an independent cascade per purchase). Default 0.2. Illustrative.
        A lever.
    weeks : int
        Number of weeks simulated. Default 4: about the month the other orderings
        cover (a month counts as 4 weeks); a modelling choice, not a measured
        figure. A lever.
    trust_speed : float
        Share (0-1) of the gap between a creator's trust and the satisfied share of
        the week's buyers that closes in one week. Default 0.3. Illustrative.
    feedback_half : float
        Number of buyers in a week (buyers) at which the feedback moves trust half
        as fast as with many buyers. Default 5. Illustrative.
    """

    creators: int = _spec(10, low=1, high=100, unit="creators", integer=True)
    pool: int = _spec(100, low=1, high=10_000, unit="creators", integer=True)
    follower_tail: float = _spec(1.0, low=0.0, high=3.0, unit="Zipf exponent")
    follower_share: float = _spec(0.2, low=0.0, high=1.0, unit=SHARE)
    creator_trust: float = _spec(0.5, low=0.0, high=1.0, unit=SHARE)
    discount: float = _spec(0.1, low=0.0, high=0.5, unit="share of price (0-0.5)")
    link_use: float = _spec(0.5, low=0.0, high=1.0, unit=SHARE)
    discount_pull: float = _spec(5.0, low=0.0, high=50.0, unit="log-odds per unit discount")
    buy_at_link: float = _spec(0.7, low=0.0, high=1.0, unit=SHARE)
    word_of_mouth: float = _spec(0.2, low=0.0, high=1.0, unit=SHARE)
    weeks: int = _spec(4, low=1, high=52, unit="weeks", integer=True)
    trust_speed: float = _spec(0.3, low=0.0, high=1.0, unit=SHARE)
    feedback_half: float = _spec(5.0, low=0.01, high=1e6, unit="buyers")

    def _check_together(self) -> None:
        if self.creators > self.pool:
            raise ValueError(
                f"creators must be at most pool ({self.pool}), the creators in the niche; "
                f"got {self.creators!r}"
            )

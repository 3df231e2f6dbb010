"""How shoppers judge a listing: trust from rating and reviews, and the pull of price.

One set of rules, used by all three orderings, so that the same product is judged the
same way wherever a shopper meets it.

Trust. A shopper trusts a listing with probability

    trust = logistic(base + rating effect + review effect [- price effect])

* base: the log-odds that a 4.0-star listing with no reviews is trusted
  (``Population.trust_no_reviews``);
* review effect: grows as ``1 - exp(-reviews / review_saturation)``, scaled so that
  5 reviews make a listing ``five_review_lift`` times as likely to be trusted as none
  (Spiegel Research Center 2017: most of the lift comes from the first five reviews);
* rating effect: ``rating_weight`` per star above 4.0 up to ``rating_peak`` (4.7),
  then falls by ``rating_drop`` per star (Spiegel 2017: purchase likelihood peaks at
  4.0-4.7 stars, not 5.0);
* price effect (on a product page, where there is nothing else to compare with):
  ``price_sensitivity * log(price / reference_price)``.

Each shopper has one trust threshold (a uniform number): they trust every listing
whose trust probability is above it. Sceptical shoppers trust only the best-reviewed.
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit, logit

from course.model.params import Population

__all__ = [
    "NEUTRAL_RATING",
    "listing_trust",
    "listing_trust_logit",
    "page_trust",
    "price_effect",
    "rating_effect",
    "review_effect",
    "shift_probability",
]

#: The rating (stars) at which the rating effect is zero.
NEUTRAL_RATING = 4.0


def review_effect(reviews, population: Population) -> np.ndarray | float:
    """Log-odds of trust added by ``reviews`` reviews (0 for no reviews).

    Examples
    --------
    >>> pop = Population()
    >>> p0 = listing_trust(4.0, 0, pop); p5 = listing_trust(4.0, 5, pop)
    >>> round(float(p5 / p0), 2)
    3.7
    """
    sat = population.review_saturation
    shape_at_five = 1.0 - np.exp(-5.0 / sat)
    base = logit(population.trust_no_reviews)
    lifted = logit(population.five_review_lift * population.trust_no_reviews)
    per_unit = (lifted - base) / shape_at_five
    return per_unit * (1.0 - np.exp(-np.asarray(reviews, dtype=float) / sat))


def rating_effect(rating, population: Population) -> np.ndarray | float:
    """Log-odds of trust added by a star rating (0 at 4.0 stars; highest at the peak)."""
    r = np.asarray(rating, dtype=float)
    peak = population.rating_peak
    rising = population.rating_weight * (np.minimum(r, peak) - NEUTRAL_RATING)
    falling = population.rating_drop * np.maximum(r - peak, 0.0)
    return rising - falling


def price_effect(price, population: Population) -> np.ndarray | float:
    """Log-odds lost because the price is above the expected price (gained if below)."""
    return population.price_sensitivity * np.log(
        np.asarray(price, dtype=float) / population.reference_price
    )


def listing_trust_logit(rating, reviews, population: Population) -> np.ndarray | float:
    """Log-odds that a shopper trusts a listing, from its rating and review count."""
    base = logit(population.trust_no_reviews)
    return base + rating_effect(rating, population) + review_effect(reviews, population)


def listing_trust(rating, reviews, population: Population) -> float:
    """Share of shoppers who trust a listing with this rating and review count (0-1)."""
    return float(expit(listing_trust_logit(rating, reviews, population)))


def page_trust(price, rating, reviews, population: Population) -> float:
    """Share of shoppers who trust a product page: rating, reviews and price against expectation."""
    z = listing_trust_logit(rating, reviews, population) - price_effect(price, population)
    return float(expit(z))


def shift_probability(p: float, log_odds: float) -> float:
    """Move a probability by ``log_odds`` on the logistic scale (0 and 1 stay put).

    Examples
    --------
    >>> round(shift_probability(0.5, np.log(3.0)), 4)
    0.75
    >>> shift_probability(1.0, -5.0)
    1.0
    """
    if p <= 0.0 or p >= 1.0:
        return float(p)
    return float(expit(logit(p) + log_odds))

"""The three decision factors and the three orders in which they appear.

Every purchase needs three things: a *need* (the shopper wants something), a
*touchpoint* (a place where buying can happen) and *trust* (the shopper believes
this seller and this product are good enough). The order in which the three
appear decides which kind of platform wins the sale:

========== ================================ ======================
ordering   steps                            typical platforms
========== ================================ ======================
search     need -> touchpoint -> trust      Amazon, Google Shopping
interest   touchpoint -> need -> trust      TikTok, Douyin
social     trust -> need -> touchpoint      a creator's followers
========== ================================ ======================

Examples
--------
>>> from course import Factor, Ordering, classify
>>> classify(["touchpoint", "need", "trust"])
<Ordering.INTEREST: 'interest'>
>>> Ordering("traditional") is Ordering.SEARCH
True
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

__all__ = ["Factor", "Ordering", "classify"]


class Factor(str, enum.Enum):
    """One of the three things every purchase needs."""

    NEED = "need"
    TOUCHPOINT = "touchpoint"
    TRUST = "trust"

    @property
    def label(self) -> str:
        """The factor's name in plain words, capitalised for display."""
        return self.value.capitalize()

    @property
    def meaning(self) -> str:
        """One sentence that says what the factor is."""
        return _FACTOR_MEANING[self]

    @classmethod
    def parse(cls, value: Factor | str, *, name: str = "factor") -> Factor:
        """Turn a Factor or a string (any case, spaces ignored) into a Factor."""
        if isinstance(value, Factor):
            return value
        if isinstance(value, str):
            key = value.strip().lower()
            for member in cls:
                if member.value == key:
                    return member
            raise ValueError(f"{name} must be one of 'need', 'touchpoint', 'trust'; got {value!r}")
        raise TypeError(
            f"{name} must be a Factor or one of the strings 'need', 'touchpoint', "
            f"'trust'; got {value!r} (type {type(value).__name__})"
        )

    def __str__(self) -> str:
        return self.value


_FACTOR_MEANING = {
    Factor.NEED: "The shopper wants or needs something: 'my phone broke'.",
    Factor.TOUCHPOINT: "A place where the buying can happen: a search page, a feed, "
    "a creator's link.",
    Factor.TRUST: "The shopper believes the seller and the product are good enough to pay for.",
}


class Ordering(str, enum.Enum):
    """The order in which need, touchpoint and trust appear before a purchase.

    ``Ordering("traditional")`` is another name for :attr:`SEARCH`.
    """

    SEARCH = "search"
    INTEREST = "interest"
    SOCIAL = "social"

    @classmethod
    def _missing_(cls, value: object) -> Ordering | None:
        if isinstance(value, str):
            key = value.strip().lower()
            key = _ALIASES.get(key, key)
            for member in cls:
                if member.value == key:
                    return member
        return None

    @classmethod
    def parse(cls, value: Ordering | str, *, name: str = "ordering") -> Ordering:
        """Turn an Ordering or its name (any case; "traditional" allowed) into an Ordering."""
        if isinstance(value, Ordering):
            return value
        if not isinstance(value, str):
            raise TypeError(
                f"{name} must be an Ordering or one of {_names()}; got {value!r} "
                f"(type {type(value).__name__})"
            )
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"{name} must be one of {_names()}; got {value!r}") from None

    @property
    def steps(self) -> tuple[Factor, Factor, Factor]:
        """The three factors in the order they appear."""
        return _INFO[self]["steps"]

    @property
    def label(self) -> str:
        """A short plain-language name, e.g. 'Search e-commerce'."""
        return _INFO[self]["label"]

    @property
    def platforms(self) -> tuple[str, ...]:
        """Example platforms where this ordering is the usual one."""
        return _INFO[self]["platforms"]

    @property
    def description(self) -> str:
        """One line that says how a purchase happens in this ordering."""
        return _INFO[self]["description"]

    @property
    def arrow(self) -> str:
        """The steps written with arrows, ending in 'purchase'."""
        return " → ".join([*(f.value for f in self.steps), "purchase"])

    def __str__(self) -> str:
        return self.value


_ALIASES = {"traditional": "search", "search e-commerce": "search"}

_INFO: dict[Ordering, dict] = {
    Ordering.SEARCH: {
        "steps": (Factor.NEED, Factor.TOUCHPOINT, Factor.TRUST),
        "label": "Search e-commerce",
        "platforms": ("Amazon", "eBay", "Walmart Marketplace", "Tmall search"),
        "description": "The shopper knows what they want, searches for it, compares "
        "the listings on the shelf and buys from the one they trust most.",
    },
    Ordering.INTEREST: {
        "steps": (Factor.TOUCHPOINT, Factor.NEED, Factor.TRUST),
        "label": "Interest e-commerce",
        "platforms": ("TikTok", "Douyin", "Kuaishou"),
        "description": "The shopper is not shopping: the feed shows a video, the video "
        "wakes a need they did not know they had, and they buy if the product page "
        "looks trustworthy.",
    },
    Ordering.SOCIAL: {
        "steps": (Factor.TRUST, Factor.NEED, Factor.TOUCHPOINT),
        "label": "Social e-commerce",
        "platforms": (
            "Instagram creators",
            "YouTube creators",
            "WhatsApp groups",
            "Discord",
            "Telegram",
        ),
        "description": "The shopper already trusts a creator; when a need appears, "
        "they go straight to that creator's link or discount code.",
    },
}


def _names() -> str:
    return "'search' (or 'traditional'), 'interest', 'social'"


def classify(steps: Iterable[Factor | str]) -> Ordering:
    """Name the ordering that a sequence of the three factors describes.

    Parameters
    ----------
    steps : sequence of Factor or str
        The three factors in the order they appeared, e.g.
        ``["need", "touchpoint", "trust"]``. Strings may be in any case.

    Returns
    -------
    Ordering

    Raises
    ------
    TypeError
        If ``steps`` is not a sequence, or an item is not a Factor or string.
    ValueError
        If ``steps`` is not exactly the three factors once each (the message
        names what is missing or repeated), or if it is one of the three orders
        that no kind of e-commerce follows (the message lists the three that do).

    Examples
    --------
    >>> classify(["trust", "need", "touchpoint"]).label
    'Social e-commerce'
    """
    if isinstance(steps, (str, bytes)) or not isinstance(steps, Iterable):
        raise TypeError(
            "steps must be a sequence of the three factors, e.g. "
            f"['need', 'touchpoint', 'trust']; got {steps!r}"
        )
    items = list(steps)
    parsed = [Factor.parse(s, name=f"steps[{i}]") for i, s in enumerate(items)]
    missing = [f.value for f in Factor if f not in parsed]
    repeated = sorted({f.value for f in parsed if parsed.count(f) > 1})
    if missing or repeated or len(parsed) != 3:
        parts = []
        if missing:
            parts.append("missing " + ", ".join(repr(m) for m in missing))
        if repeated:
            parts.append("repeated " + ", ".join(repr(r) for r in repeated))
        if not parts:
            parts.append(f"{len(parsed)} steps given")
        raise ValueError(
            "steps must contain need, touchpoint and trust exactly once each: "
            + "; ".join(parts)
            + f" (got {[p.value for p in parsed]})"
        )
    for ordering in Ordering:
        if tuple(parsed) == ordering.steps:
            return ordering
    known = "; ".join(f"{o.value}: {' → '.join(f.value for f in o.steps)}" for o in Ordering)
    raise ValueError(
        f"{' → '.join(p.value for p in parsed)} is not one of the three orderings "
        f"of e-commerce. The three are: {known}"
    )

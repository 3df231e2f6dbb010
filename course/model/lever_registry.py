"""The levers: the one place each slider of the model is explained.

A lever is a parameter a learner may move. Each one is a field of one of the
parameter dataclasses (:mod:`course.model.params`), which holds its default, bounds
and unit; this module adds its slider label, step, one-sentence meaning and, per
ordering, its ``effect`` on expected orders: ``"raises"`` (moving the lever up never
lowers expected orders), ``"lowers"`` (never raises them) or ``"depends"`` (up, then
down). Levers with the same name mean the same thing in every ordering that has them
(``price``, ``rating``, ``reviews``, ``need_rate``).

Examples
--------
>>> table = levers("search")
>>> table.loc[table["name"] == "rank", ["default", "low", "high", "effect"]].values.tolist()
[[4, 1, 20, 'lowers']]
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from course.factors import Ordering
from course.model.params import CreatorNetwork, Feed, Population, Product, Shelf, bounds

__all__ = [
    "LEVERS",
    "LEVER_COLUMNS",
    "Lever",
    "build_parameters",
    "check_levers",
    "lever_names",
    "levers",
]

#: The columns of :func:`levers`, in order.
LEVER_COLUMNS: tuple[str, ...] = (
    "name",
    "label",
    "default",
    "low",
    "high",
    "step",
    "unit",
    "meaning",
    "effect",
)

_GROUPS: dict[str, type] = {
    "population": Population,
    "product": Product,
    "shelf": Shelf,
    "feed": Feed,
    "creators": CreatorNetwork,
}

#: The channel dataclass each ordering uses besides Population and Product.
CHANNEL: dict[Ordering, str] = {
    Ordering.SEARCH: "shelf",
    Ordering.INTEREST: "feed",
    Ordering.SOCIAL: "creators",
}

_EFFECTS = ("raises", "lowers", "depends")


@dataclass(frozen=True)
class Lever:
    """One slider: a field of a parameter dataclass, explained in plain words.

    Parameters
    ----------
    name : str
        The field's name, which is also the keyword for :func:`course.simulate`.
    group : str
        Which dataclass holds it: ``"population"``, ``"product"``, ``"shelf"``,
        ``"feed"`` or ``"creators"``.
    label : str
        Slider label with its unit.
    step : float
        Slider step.
    meaning : str
        One sentence a learner reads.
    effects : mapping of Ordering to str
        For each ordering that has the lever, ``"raises"``, ``"lowers"`` or
        ``"depends"``: what moving the lever up does to expected orders.
    """

    name: str
    group: str
    label: str
    step: float
    meaning: str
    effects: Mapping[Ordering, str]

    def __post_init__(self) -> None:
        if self.group not in _GROUPS:
            raise ValueError(f"group must be one of {sorted(_GROUPS)}; got {self.group!r}")
        bounds(_GROUPS[self.group], self.name)  # raises if the field does not exist
        for ordering, effect in self.effects.items():
            if effect not in _EFFECTS:
                raise ValueError(
                    f"effect of {self.name!r} for {ordering.value!r} must be one of "
                    f"{_EFFECTS}; got {effect!r}"
                )

    @property
    def spec(self) -> dict[str, Any]:
        """Default, bounds, unit and integer flag, read from the dataclass field."""
        return bounds(_GROUPS[self.group], self.name)

    @property
    def default(self) -> float | int:
        return self.spec["default"]

    @property
    def low(self) -> float | int:
        return self.spec["low"]

    @property
    def high(self) -> float | int:
        return self.spec["high"]

    @property
    def unit(self) -> str:
        return self.spec["unit"]

    @property
    def integer(self) -> bool:
        return bool(self.spec["integer"])


_S, _I, _O = Ordering.SEARCH, Ordering.INTEREST, Ordering.SOCIAL

#: Every lever of the model.
LEVERS: tuple[Lever, ...] = (
    Lever(
        "need_rate",
        "population",
        "Shoppers who need this kind of product in a month (share 0-1)",
        0.01,
        "The share of shoppers who need a product like yours in a given month, before "
        "they see any listing, video or creator.",
        {_S: "raises", _O: "depends"},
    ),
    Lever(
        "price",
        "product",
        "Your price (USD)",
        0.5,
        "What a buyer pays you for one unit, in US dollars; shoppers compare it with the "
        "20 USD they expect to pay.",
        {_S: "lowers", _I: "lowers", _O: "lowers"},
    ),
    Lever(
        "rating",
        "product",
        "Your star rating (stars, 1-5)",
        0.1,
        "The average star rating on your listing; trust rises up to 4.7 stars and falls "
        "a little above that, where a rating looks too good to be true.",
        {_S: "depends", _I: "depends"},
    ),
    Lever(
        "reviews",
        "product",
        "Your number of reviews (reviews)",
        1,
        "How many reviews your listing has; the first five do most of the work.",
        {_S: "raises", _I: "raises"},
    ),
    Lever(
        "search_share",
        "shelf",
        "Shoppers with the need who search on this platform (share 0-1)",
        0.01,
        "Of the shoppers who need the product, the share who type it into this "
        "platform's search box rather than shop somewhere else.",
        {_S: "raises"},
    ),
    Lever(
        "rank",
        "shelf",
        "Your position in the search results (1 = top)",
        1,
        "Where the platform ranks your listing; each position further down is seen by "
        "15% fewer of the searchers who saw the one above.",
        {_S: "lowers"},
    ),
    Lever(
        "competitors",
        "shelf",
        "Competing listings in the search results (listings)",
        1,
        "How many other listings the search shows for the same keyword; the few "
        "shoppers who scroll far compare more of them.",
        {_S: "lowers"},
    ),
    Lever(
        "reach",
        "feed",
        "Shoppers the feed shows one of your videos (share 0-1)",
        0.01,
        "The share of shoppers the recommendation feed shows one of your videos this "
        "month, whether or not they were shopping.",
        {_I: "raises"},
    ),
    Lever(
        "accuracy",
        "feed",
        "Recommendation accuracy (0 = random viewers, 1 = most interested first)",
        0.05,
        "How well the feed matches your videos to viewers who care about this kind of product.",
        {_I: "raises"},
    ),
    Lever(
        "content_quality",
        "feed",
        "Viewers who watch a typical video through (share 0-1)",
        0.01,
        "How well your videos hold attention: the share of viewers who watch a typical "
        "one to the end.",
        {_I: "raises"},
    ),
    Lever(
        "virality",
        "feed",
        "Virality: how hard the feed pushes your best videos (0 = equal views, 3 = a few get all)",
        0.1,
        "How strongly the feed gives more views to the videos that hold attention best; "
        "a few videos then get most of the views.",
        {_I: "raises"},
    ),
    Lever(
        "showability",
        "product",
        "How well your product shows on video (0 = nothing to see, 1 = striking)",
        0.05,
        "Whether a short video can show what the product does: a before-and-after scores "
        "high, an insurance policy scores low.",
        {_I: "raises"},
    ),
    Lever(
        "spark",
        "feed",
        "Interested viewers in whom a watched video wakes a need (share 0-1)",
        0.01,
        "The chance that watching your video makes a fully interested viewer want the "
        "product they did not know they needed.",
        {_I: "raises"},
    ),
    Lever(
        "impulse",
        "product",
        "Viewers who want it and trust the page and buy on the spot (share 0-1)",
        0.01,
        "How easy the product is to buy on impulse: the share of viewers who want it and "
        "trust the page who buy right away.",
        {_I: "raises"},
    ),
    Lever(
        "creators",
        "creators",
        "Creators recommending your product (creators)",
        1,
        "How many creators in your niche recommend the product, starting with the "
        "largest; follower counts fall off fast, so each extra creator adds fewer "
        "followers.",
        {_O: "raises"},
    ),
    Lever(
        "follower_share",
        "creators",
        "Shoppers who follow a creator in your niche (share 0-1)",
        0.01,
        "The share of shoppers who follow one of the creators in your product's niche.",
        {_O: "raises"},
    ),
    Lever(
        "creator_trust",
        "creators",
        "Followers who trust their creator at the start (share 0-1)",
        0.01,
        "How many followers act on a creator's recommendation when the simulation "
        "starts; it then rises or falls with buyers' experience.",
        {_O: "raises"},
    ),
    Lever(
        "discount",
        "creators",
        "Discount with the creator's code (share of price, 0-0.5)",
        0.01,
        "The discount followers get through the creator's link or code; it brings more "
        "of them to the link but lowers what each order pays.",
        {_O: "raises"},
    ),
    Lever(
        "word_of_mouth",
        "creators",
        "Chance one contact's purchase gives a follower the need (share 0-1)",
        0.01,
        "How strongly purchases spread by word of mouth among a creator's followers.",
        {_O: "raises"},
    ),
    Lever(
        "quality",
        "product",
        "Buyers who are satisfied with the product (share 0-1)",
        0.01,
        "The share of buyers happy with what they got; satisfied buyers raise trust in "
        "the creator, unhappy ones lower it.",
        {_O: "raises"},
    ),
    Lever(
        "weeks",
        "creators",
        "Weeks simulated (weeks)",
        1,
        "How many weeks of recommendations to simulate; 4 weeks is about the month the "
        "other orderings cover.",
        {_O: "raises"},
    ),
)

_BY_NAME: dict[str, Lever] = {lever.name: lever for lever in LEVERS}


def lever_names(ordering: Ordering | str | None = None) -> tuple[str, ...]:
    """Names of the levers of ``ordering`` (of any ordering when None), in table order."""
    if ordering is None:
        return tuple(lever.name for lever in LEVERS)
    o = Ordering.parse(ordering)
    return tuple(lever.name for lever in LEVERS if o in lever.effects)


def levers(ordering: Ordering | str) -> pd.DataFrame:
    """The levers of one ordering, one row each, for sliders and for reading.

    Parameters
    ----------
    ordering : Ordering or str
        ``"search"`` (or ``"traditional"``), ``"interest"`` or ``"social"``.

    Returns
    -------
    pandas.DataFrame
        Columns ``name, label, default, low, high, step, unit, meaning, effect``.
        ``default``, ``low``, ``high`` and ``step`` keep Python ints for whole-number
        levers (``rank``, ``competitors``, ``reviews``, ``creators``, ``weeks``) and
        floats otherwise, so the column type is ``object``. ``effect`` is what moving
        the lever up does to expected orders: ``"raises"``, ``"lowers"`` or
        ``"depends"``.

    Raises
    ------
    ValueError, TypeError
        If ``ordering`` is not one of the three.
    """
    o = Ordering.parse(ordering)
    rows = []
    for lever in LEVERS:
        if o not in lever.effects:
            continue
        spec = lever.spec
        cast = int if spec["integer"] else float
        rows.append(
            {
                "name": lever.name,
                "label": lever.label,
                "default": cast(spec["default"]),
                "low": cast(spec["low"]),
                "high": cast(spec["high"]),
                "step": cast(lever.step),
                "unit": spec["unit"],
                "meaning": lever.meaning,
                "effect": lever.effects[o],
            }
        )
    numeric = ("default", "low", "high", "step")
    return pd.DataFrame(
        {
            column: pd.Series(
                [row[column] for row in rows], dtype=object if column in numeric else None
            )
            for column in LEVER_COLUMNS
        }
    )


def check_levers(names, ordering: Ordering | None) -> None:
    """Raise a ValueError naming the first unknown lever and listing the valid ones.

    ``ordering`` None means "a lever of any ordering" (as in :func:`course.compare`).
    """
    valid = lever_names(ordering)
    for name in names:
        if name in valid:
            continue
        where = f" for ordering {ordering.value!r}" if ordering is not None else ""
        close = difflib.get_close_matches(str(name), valid, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        if ordering is not None and name in _BY_NAME:
            owners = ", ".join(o.value for o in _BY_NAME[name].effects)
            hint = f" ({name!r} is a lever of {owners})"
        raise ValueError(f"unknown lever {name!r}{where}{hint}; valid levers: {', '.join(valid)}")


def build_parameters(ordering: Ordering, values: Mapping[str, Any]) -> dict[str, Any]:
    """Validated parameter objects for one ordering, defaults overridden by ``values``.

    Returns
    -------
    dict
        ``population``, ``product`` and the ordering's channel (``shelf``, ``feed`` or
        ``creators``) as dataclass instances, and ``levers``: every lever's value used.
    """
    check_levers(values, ordering)
    channel = CHANNEL[ordering]
    groups = {"population": {}, "product": {}, channel: {}}
    for name, value in values.items():
        groups[_BY_NAME[name].group][name] = value
    built = {group: _GROUPS[group](**kwargs) for group, kwargs in groups.items()}
    used = {name: getattr(built[_BY_NAME[name].group], name) for name in lever_names(ordering)}
    return {**built, "levers": used}

"""Product fit: which of the three orderings suits which product, and why.

A product sells best where the order of *need*, *touchpoint* and *trust* matches
how people come to buy it:

* **search** (need → touchpoint → trust) suits products people research and
  compare before buying: they already know they need one, so they type it into a
  search box;
* **interest** (touchpoint → need → trust) suits products that look good on video,
  are bought on impulse and are cheap enough to buy without thinking twice;
* **social** (trust → need → touchpoint) suits products people buy on the word of
  someone they trust: things tied to who they are or want to be, and pricier
  things where a trusted opinion lowers the risk.

Each ordering's score is a *weighted average* of a few product features, each
turned into a number between 0 and 1 that says how much the feature helps that
ordering (``considered`` helps search; ``1 - considered`` helps interest). Because
the weights are non-negative and every term lies in [0, 1], every score lies in
[0, 1]. The weights live in :class:`FitWeights`; the formula is in
:func:`fit_terms`, one row per product, ordering and term, so a reader can see
exactly where each score comes from.

Examples
--------
>>> import pandas as pd
>>> products = pd.DataFrame({
...     "sku": ["LAMP", "DRILL"], "product_name": ["Sunset lamp", "Cordless drill"],
...     "price_usd": [19.0, 149.0], "considered": [0.1, 0.9], "showability": [0.95, 0.3],
...     "impulse": [0.9, 0.1], "identity": [0.3, 0.2]})
>>> best_fit(products)[["sku", "best_ordering"]].to_dict("records")
[{'sku': 'LAMP', 'best_ordering': 'interest'}, {'sku': 'DRILL', 'best_ordering': 'search'}]
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from course._validate import check_number
from course.factors import Ordering

__all__ = [
    "FEATURES",
    "FitWeights",
    "best_fit",
    "fit_scores",
    "fit_terms",
    "price_ease",
    "validate_products",
]

#: The product features the fit scores read, each a number between 0 and 1.
FEATURES: tuple[str, ...] = ("considered", "showability", "impulse", "identity")

#: Columns a products table must have.
REQUIRED_COLUMNS: tuple[str, ...] = ("sku", "product_name", "price_usd", *FEATURES)

# How each feature is described in a reason, when it helps (value of the term high)
# or when it holds a score back. ``{v}`` is the feature's value, already formatted.
_PHRASES: dict[str, tuple[str, str]] = {
    "considered": ("researched before buying", "bought without much research"),
    "showability": ("shows well on video", "hard to show on video"),
    "impulse": ("an easy impulse buy", "rarely bought on impulse"),
    "identity": ("bought on a creator's word", "not tied to who recommends it"),
    "price_usd": ("a high price", "a low price"),
}

_ORDERING_WORDS = {"search": "Search", "interest": "Interest", "social": "Social"}


@dataclass(frozen=True)
class FitWeights:
    """How much each product feature counts toward each ordering's fit score.

    Every weight is a non-negative number without unit; only the weights *within*
    one ordering matter relative to each other (each score is a weighted average,
    so multiplying all of one ordering's weights by 2 changes nothing). Each
    ordering needs at least one positive weight. All weights are illustrative:
    they encode the course's argument, not a measured regression.

    Attributes
    ----------
    search_considered : float
        Search fit from ``considered`` (0-1: how much people research before
        buying). Shoppers who research already know their need, so they search.
        Illustrative.
    search_not_impulse : float
        Search fit from ``1 - impulse``: planned purchases start with a need, not
        with a video. Illustrative.
    search_not_showable : float
        Search fit from ``1 - showability``: a product that does not show well on
        video is found by searching for it. Illustrative.
    search_price : float
        Search fit from a high price (``1 - price_ease``): dearer products invite
        comparing three shops on a shelf. Illustrative.
    interest_showability : float
        Interest fit from ``showability`` (0-1: how well a short video can show
        it): the video is the touchpoint that wakes the need. Illustrative.
    interest_impulse : float
        Interest fit from ``impulse`` (0-1: how often it is bought on a whim):
        the need is released while watching. About one third of online purchases
        are impulse purchases (HookLogic survey, 2016). Illustrative weight.
    interest_low_price : float
        Interest fit from a low price (``price_ease``): impulse buys are cheap.
        Shopify orders under $60 convert about 4.6%, over $200 about 0.95%
        (Littledata, 2023). Illustrative weight.
    interest_not_considered : float
        Interest fit from ``1 - considered``: little research stands between
        the sparked need and the purchase. Illustrative.
    social_identity : float
        Social fit from ``identity`` (0-1: bought on a creator's word, tied to
        who the buyer is or wants to be). Illustrative.
    social_considered : float
        Social fit from ``considered``: a trusted person's advice stands in for
        the buyer's own research. Illustrative.
    social_showability : float
        Social fit from ``showability``: the creator still shows the product.
        Illustrative.
    social_price_tolerance : float
        Social fit from a high price (``1 - price_ease``): the dearer the
        product, the more a trusted creator's word is worth. Illustrative.
    reference_price_usd : float
        Price (USD) at which ``price_ease`` is one half: below it a product is
        "cheap" for an impulse buy. Default 60 USD, the Littledata (2023)
        threshold below which Shopify orders convert about 4.6%.
    price_steepness : float
        How sharply ``price_ease`` falls around the reference price (no unit,
        > 0). With 1.5, a $200 product has a price ease of about 0.14 and a $20
        product about 0.84. Illustrative.
    """

    search_considered: float = 0.45
    search_not_impulse: float = 0.25
    search_not_showable: float = 0.15
    search_price: float = 0.15
    interest_showability: float = 0.35
    interest_impulse: float = 0.30
    interest_low_price: float = 0.20
    interest_not_considered: float = 0.15
    social_identity: float = 0.55
    social_considered: float = 0.15
    social_showability: float = 0.15
    social_price_tolerance: float = 0.15
    reference_price_usd: float = 60.0
    price_steepness: float = 1.5

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name == "reference_price_usd":
                check_number(f.name, value, low=0.0, low_inclusive=False, unit="USD")
            elif f.name == "price_steepness":
                check_number(f.name, value, low=0.0, low_inclusive=False)
            else:
                check_number(f.name, value, low=0.0)
        for ordering in Ordering:
            total = sum(w for _, _, _, w in self.terms(ordering.value))
            if total <= 0:
                names = ", ".join(
                    f"{ordering.value}_{t}" for t, _, _, _ in self.terms(ordering.value)
                )
                raise ValueError(
                    f"FitWeights for {ordering.value!r} must have at least one positive "
                    f"weight; got all zero ({names})"
                )

    def terms(self, ordering: str) -> list[tuple[str, str, bool, float]]:
        """The terms of one ordering's score: ``(term, feature, rising, weight)``.

        ``rising`` is True when the score rises with the feature, False when it
        rises with ``1 - feature`` (for price: with the price itself rather than
        with its ease).
        """
        o = Ordering.parse(ordering).value
        if o == "search":
            return [
                ("considered", "considered", True, self.search_considered),
                ("not_impulse", "impulse", False, self.search_not_impulse),
                ("not_showable", "showability", False, self.search_not_showable),
                ("price", "price_usd", True, self.search_price),
            ]
        if o == "interest":
            return [
                ("showability", "showability", True, self.interest_showability),
                ("impulse", "impulse", True, self.interest_impulse),
                ("low_price", "price_usd", False, self.interest_low_price),
                ("not_considered", "considered", False, self.interest_not_considered),
            ]
        return [
            ("identity", "identity", True, self.social_identity),
            ("considered", "considered", True, self.social_considered),
            ("showability", "showability", True, self.social_showability),
            ("price_tolerance", "price_usd", True, self.social_price_tolerance),
        ]


def price_ease(price_usd, *, reference_price_usd: float = 60.0, steepness: float = 1.5):
    """How easy a price is for an impulse buy: 1 for nearly free, 0 for very dear.

    ``price_ease = 1 / (1 + (price / reference_price) ** steepness)``; it is 0.5
    at the reference price and falls smoothly, never below 0 or above 1.

    Parameters
    ----------
    price_usd : float or array-like of float
        Prices in USD, each > 0.
    reference_price_usd : float
        Price (USD, > 0) at which the ease is one half.
    steepness : float
        How sharply ease falls around the reference price (> 0).

    Returns
    -------
    numpy.ndarray or float
        Ease in (0, 1), same shape as ``price_usd``.

    Examples
    --------
    >>> round(float(price_ease(60.0)), 2)
    0.5
    """
    ref = check_number(
        "reference_price_usd", reference_price_usd, low=0.0, low_inclusive=False, unit="USD"
    )
    k = check_number("steepness", steepness, low=0.0, low_inclusive=False)
    p = np.asarray(price_usd, dtype=float)
    if not np.all(np.isfinite(p)) or np.any(p <= 0):
        bad = p[~(np.isfinite(p) & (p > 0))].ravel()[0]
        raise ValueError(f"price_usd must be finite prices above 0 USD; got {bad!r}")
    ease = 1.0 / (1.0 + (p / ref) ** k)
    return float(ease) if ease.ndim == 0 else ease


def validate_products(products: pd.DataFrame) -> pd.DataFrame:
    """Check a products table and return a clean copy with the columns the fit needs.

    Parameters
    ----------
    products : pandas.DataFrame
        One row per product with at least the columns ``sku``, ``product_name``,
        ``price_usd`` (USD, > 0) and ``considered``, ``showability``, ``impulse``,
        ``identity`` (each a number between 0 and 1). Other columns are kept.

    Returns
    -------
    pandas.DataFrame
        A copy with a fresh 0..n-1 index, ``sku`` and ``product_name`` as str and
        the numeric columns as float.

    Raises
    ------
    TypeError
        If ``products`` is not a DataFrame.
    ValueError
        If it is empty, a column is missing (all missing columns are named), a
        value is not a number, a feature lies outside [0, 1] or a price is not
        above 0 (the message names the column, the row's sku and the value), or
        a sku appears twice.
    """
    if not isinstance(products, pd.DataFrame):
        raise TypeError(f"products must be a pandas DataFrame; got {type(products).__name__}")
    missing = [c for c in REQUIRED_COLUMNS if c not in products.columns]
    if missing:
        raise ValueError(
            f"products is missing column(s) {', '.join(map(repr, missing))}; it needs "
            f"{', '.join(REQUIRED_COLUMNS)}"
        )
    if len(products) == 0:
        raise ValueError("products must have at least one row; got an empty table")
    df = products.reset_index(drop=True).copy()
    if df["sku"].isna().any():
        row = int(np.flatnonzero(df["sku"].isna().to_numpy())[0])
        raise ValueError(f"products column 'sku' is empty in row {row}")
    df["sku"] = df["sku"].astype(str)
    df["product_name"] = df["product_name"].fillna("").astype(str)
    dup = df["sku"][df["sku"].duplicated()]
    if len(dup):
        raise ValueError(f"products column 'sku' must be unique; {dup.iloc[0]!r} appears twice")
    for col in ("price_usd", *FEATURES):
        values = pd.to_numeric(df[col], errors="coerce")
        bad = values.isna() | ~np.isfinite(values.to_numpy(dtype=float))
        if bad.any():
            i = int(np.flatnonzero(bad.to_numpy())[0])
            raise ValueError(
                f"products column {col!r} must hold numbers; row {i} (sku "
                f"{df['sku'].iloc[i]!r}) has {df[col].iloc[i]!r}"
            )
        values = values.astype(float)
        if col == "price_usd":
            out = values <= 0
            allowed = "a price above 0 USD"
        else:
            out = (values < 0) | (values > 1)
            allowed = "a number between 0 and 1"
        if out.any():
            i = int(np.flatnonzero(out.to_numpy())[0])
            raise ValueError(
                f"products column {col!r} must be {allowed}; row {i} (sku "
                f"{df['sku'].iloc[i]!r}) has {values.iloc[i]!r}"
            )
        df[col] = values
    return df


def _check_weights(weights: FitWeights | None) -> FitWeights:
    if weights is None:
        return FitWeights()
    if not isinstance(weights, FitWeights):
        raise TypeError(f"weights must be a FitWeights or None; got {type(weights).__name__}")
    return weights


def _term_arrays(df: pd.DataFrame, w: FitWeights):
    """Per ordering: the term list, term values (n x k, each 0-1) and normalised weights."""
    ease = price_ease(
        df["price_usd"].to_numpy(),
        reference_price_usd=w.reference_price_usd,
        steepness=w.price_steepness,
    )
    ease = np.atleast_1d(ease)
    out = {}
    for ordering in Ordering:
        terms = w.terms(ordering.value)
        weights = np.array([t[3] for t in terms], dtype=float)
        weights = weights / weights.sum()
        columns = []
        for _, feature, rising, _ in terms:
            base = 1.0 - ease if feature == "price_usd" else df[feature].to_numpy(dtype=float)
            columns.append(base if rising else 1.0 - base)
        out[ordering.value] = (terms, np.column_stack(columns), weights)
    return out


def fit_terms(products: pd.DataFrame, weights: FitWeights | None = None) -> pd.DataFrame:
    """Every term of every fit score: where each product's scores come from.

    Parameters
    ----------
    products : pandas.DataFrame
        Products table (see :func:`validate_products` for the columns).
    weights : FitWeights, optional
        The weights; the defaults when omitted.

    Returns
    -------
    pandas.DataFrame
        One row per product, ordering and term (products in the order given,
        then search, interest, social), with columns ``sku``, ``product_name``,
        ``ordering``, ``term`` (e.g. ``"not_impulse"``), ``feature`` (the
        product column it reads), ``feature_value`` (that column's value: 0-1,
        or USD for price), ``rising`` (True when the score rises with the
        feature), ``term_value`` (0-1: how much the term helps), ``weight`` (the
        weight divided by the ordering's total, so an ordering's weights sum to
        1) and ``contribution`` (``weight * term_value``; an ordering's
        contributions sum to its score).
    """
    df = validate_products(products)
    arrays = _term_arrays(df, _check_weights(weights))
    n = len(df)
    rows: dict[str, list] = {
        k: []
        for k in (
            "sku",
            "product_name",
            "ordering",
            "term",
            "feature",
            "feature_value",
            "rising",
            "term_value",
            "weight",
            "contribution",
        )
    }
    skus, names = df["sku"].to_numpy(), df["product_name"].to_numpy()
    for i in range(n):
        for ordering, (terms, values, wts) in arrays.items():
            for j, (term, feature, rising, _) in enumerate(terms):
                rows["sku"].append(skus[i])
                rows["product_name"].append(names[i])
                rows["ordering"].append(ordering)
                rows["term"].append(term)
                rows["feature"].append(feature)
                rows["feature_value"].append(float(df[feature].iat[i]))
                rows["rising"].append(rising)
                rows["term_value"].append(float(values[i, j]))
                rows["weight"].append(float(wts[j]))
                rows["contribution"].append(float(wts[j] * values[i, j]))
    return pd.DataFrame(rows)


def _format_feature(feature: str, value: float) -> str:
    if feature == "price_usd":
        return f"${value:,.0f}"
    return f"{value:.2f}"


def _phrase(feature: str, value: float, rising: bool, helps: bool) -> str:
    """Describe a feature's level, for a term that helps (True) or holds a score back."""
    high_words, low_words = _PHRASES[feature]
    # a term helps when its value is high; its value is high when the feature is on
    # the side the term rises with
    words = high_words if rising == helps else low_words
    shown = _format_feature(feature, value)
    if feature == "price_usd":
        return f"{words} ({shown})"
    return f"{words} ({feature} {shown})"


def _reason(ordering: str, score: float, terms, values, weights, features) -> str:
    """One plain sentence for one product and ordering, from its terms.

    A term "helps" when its value is at least 0.55 and "holds back" when it is at
    most 0.45; middling terms are not mentioned. The two biggest helpers (by
    contribution) and the biggest drag (by points lost) are named.
    """
    contribution = weights * values
    loss = weights * (1.0 - values)
    helpers = [j for j in np.argsort(-contribution, kind="stable") if values[j] >= 0.55][:2]
    drags = [j for j in np.argsort(-loss, kind="stable") if values[j] <= 0.45][:1]
    text = f"{_ORDERING_WORDS[ordering]} fit {score:.2f}."
    if helpers:
        phrases = [_phrase(terms[j][1], features[terms[j][1]], terms[j][2], True) for j in helpers]
        text += " Helps: " + ", ".join(phrases) + "."
    if drags:
        j = drags[0]
        text += (
            " Holds it back: "
            + _phrase(terms[j][1], features[terms[j][1]], terms[j][2], False)
            + "."
        )
    if not helpers and not drags:
        text += " No feature stands out."
    return text


def fit_scores(products: pd.DataFrame, weights: FitWeights | None = None) -> pd.DataFrame:
    """A fit score between 0 and 1 for each product under each ordering, with reasons.

    Parameters
    ----------
    products : pandas.DataFrame
        One row per product with ``sku``, ``product_name``, ``price_usd`` (USD)
        and the features ``considered``, ``showability``, ``impulse``,
        ``identity`` (each 0-1). The bundled catalogue
        (``course.data.load("products")``) has them all.
    weights : FitWeights, optional
        How much each feature counts; the documented defaults when omitted.

    Returns
    -------
    pandas.DataFrame
        Tidy: one row per product and ordering (products in the order given;
        search, interest, social), columns ``sku``, ``product_name``,
        ``ordering``, ``score`` (0-1, higher fits better), ``rank`` (1 = the
        product's best ordering; ties go to the earlier ordering) and
        ``reasons`` (one plain sentence naming the features that helped most
        and the one that held the score back).

    Raises
    ------
    TypeError, ValueError
        If ``products`` is not a valid products table (see
        :func:`validate_products`) or ``weights`` is not a FitWeights.

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"sku": ["A"], "product_name": ["Glow lamp"], "price_usd": [15.0],
    ...                   "considered": [0.1], "showability": [0.9], "impulse": [0.9],
    ...                   "identity": [0.2]})
    >>> fit_scores(p)[["ordering", "rank"]].to_dict("list")
    {'ordering': ['search', 'interest', 'social'], 'rank': [3, 1, 2]}
    """
    df = validate_products(products)
    arrays = _term_arrays(df, _check_weights(weights))
    orderings = list(arrays)
    scores = np.column_stack([arrays[o][1] @ arrays[o][2] for o in orderings])  # (n, 3)
    order = np.argsort(-scores, axis=1, kind="stable")
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(1, 4)[None, :].repeat(len(df), 0), axis=1)
    feature_values = {c: df[c].to_numpy(dtype=float) for c in ("price_usd", *FEATURES)}
    reasons = []
    for i in range(len(df)):
        feats = {c: v[i] for c, v in feature_values.items()}
        for k, o in enumerate(orderings):
            terms, values, wts = arrays[o]
            reasons.append(_reason(o, scores[i, k], terms, values[i], wts, feats))
    n = len(df)
    return pd.DataFrame(
        {
            "sku": np.repeat(df["sku"].to_numpy(), 3),
            "product_name": np.repeat(df["product_name"].to_numpy(), 3),
            "ordering": np.tile(orderings, n),
            "score": scores.ravel(),
            "rank": ranks.ravel().astype(int),
            "reasons": reasons,
        }
    )


def best_fit(products: pd.DataFrame, weights: FitWeights | None = None) -> pd.DataFrame:
    """The ordering that suits each product best, the runner-up and why.

    Parameters
    ----------
    products : pandas.DataFrame
        Products table, as for :func:`fit_scores`. Extra columns such as
        ``category`` are carried into the result when present.
    weights : FitWeights, optional
        How much each feature counts; the documented defaults when omitted.

    Returns
    -------
    pandas.DataFrame
        One row per product (in the order given) with columns ``sku``,
        ``product_name``, ``category`` (only if the input has it),
        ``best_ordering``, ``best_score`` (0-1), ``runner_up``,
        ``runner_up_score`` (0-1), ``lead`` (best minus runner-up score; small
        means the product could go either way), ``search``, ``interest``,
        ``social`` (the three scores) and ``reasons`` (the best ordering's
        reason sentence, prefixed with the comparison).
    """
    df = validate_products(products)
    scores = fit_scores(df, weights)
    wide = scores.pivot(index="sku", columns="ordering", values="score")
    wide = wide.loc[df["sku"], [o.value for o in Ordering]]
    best = scores[scores["rank"] == 1].set_index("sku").loc[df["sku"]]
    second = scores[scores["rank"] == 2].set_index("sku").loc[df["sku"]]
    out = pd.DataFrame(
        {
            "sku": df["sku"].to_numpy(),
            "product_name": df["product_name"].to_numpy(),
        }
    )
    if "category" in df.columns:
        out["category"] = df["category"].to_numpy()
    out["best_ordering"] = best["ordering"].to_numpy()
    out["best_score"] = best["score"].to_numpy(dtype=float)
    out["runner_up"] = second["ordering"].to_numpy()
    out["runner_up_score"] = second["score"].to_numpy(dtype=float)
    out["lead"] = out["best_score"] - out["runner_up_score"]
    for o in Ordering:
        out[o.value] = wide[o.value].to_numpy(dtype=float)
    out["reasons"] = [
        f"Best as {b} ({bs:.2f}), then {r} ({rs:.2f}). {why}"
        for b, bs, r, rs, why in zip(
            out["best_ordering"],
            out["best_score"],
            out["runner_up"],
            out["runner_up_score"],
            best["reasons"].to_numpy(),
            strict=True,
        )
    ]
    return out

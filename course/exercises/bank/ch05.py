"""Exercises for Chapter 5, "Same product, three orderings".

Four exercises: which of three catalogue products fits interest e-commerce best and
why (choice), interest orders minus search orders for the sunset lamp in a seeded
comparison (number, from a simulation), how many SKUs of the bundled catalogue fit
social e-commerce best (number, from the data and the fit model) and which product
features push a product toward interest e-commerce (multi).
"""

from __future__ import annotations

from course.exercises.core import Exercise

__all__ = [
    "EXERCISES",
    "LAMP_LEVERS",
    "LAMP_SEED",
    "LAMP_SHOPPERS",
    "interest_minus_search_orders",
    "social_fit_count",
]

LAMP_SEED = 11
"""Seed of the comparison in ``ch05-lamp-gap``."""

LAMP_SHOPPERS = 50_000
"""Simulated shoppers in ``ch05-lamp-gap``."""

LAMP_LEVERS: dict[str, float] = {
    "price": 22,
    "need_rate": 0.01,
    "showability": 0.95,
    "spark": 0.4,
    "impulse": 0.5,
    "creator_trust": 0.5,
    "word_of_mouth": 0.2,
}
"""The sunset lamp's levers, as in the chapter (illustrative values)."""


def interest_minus_search_orders() -> int:
    """Interest orders minus search orders for the lamp in ``ch05-lamp-gap``.

    Returns
    -------
    int
        ``r["interest"].orders - r["search"].orders`` where
        ``r = compare_results(shoppers=50_000, seed=11, **LAMP_LEVERS)``.
    """
    from course import compare_results

    runs = compare_results(shoppers=LAMP_SHOPPERS, seed=LAMP_SEED, **LAMP_LEVERS)
    return int(runs["interest"].orders - runs["search"].orders)


def social_fit_count() -> int:
    """How many SKUs of the bundled catalogue fit social e-commerce best.

    Returns
    -------
    int
        Rows of ``best_fit(data.load("products"))`` whose ``best_ordering`` is
        ``"social"``.
    """
    from course import data
    from course.model.fit import best_fit

    fit = best_fit(data.load("products"))
    return int((fit["best_ordering"] == "social").sum())


_GEL_RIGHT = (
    "The cleaning gel: a short video shows it pulling crumbs out of a keyboard, it costs "
    "about 7 USD, and nobody researches it before buying."
)

EXERCISES = [
    Exercise(
        id="ch05-fits-interest",
        chapter=5,
        kind="choice",
        question=(
            "Three products from the course catalogue:\n\n"
            "- a **65 W wall charger** with two ports, 33 USD, which buyers research "
            "carefully (will it charge my laptop? is it safe?);\n"
            "- a **cleaning gel** for car vents and keyboards, 7 USD, a squishy blob that "
            "lifts dirt out of gaps;\n"
            "- a **6 mm yoga mat**, 30 USD, which people like to buy on the advice of a "
            "yoga teacher they follow.\n\n"
            "Which one fits **interest e-commerce** best, and why?"
        ),
        options=(
            "The wall charger: buyers have many questions, and a video can answer them all.",
            _GEL_RIGHT,
            "The yoga mat: it costs the most, so each sale in the feed brings the most GMV.",
            "The cleaning gel, only because it is the cheapest: in the feed, the lowest "
            "price always wins.",
        ),
        answer=_GEL_RIGHT,
        hints={
            "a": (
                "A buyer with many questions already knows the need and wants to compare. "
                "Which ordering starts with the need? The feed has to wake a need first."
            ),
            "c": (
                "GMV per order is not the question: the feed has to make a stranger want the "
                "product in a few seconds. What does a yoga teacher's advice point to?"
            ),
            "d": (
                "Price helps, but it is one feature of four. A cheap product that looks like "
                "nothing on video (a replacement filter) still fits search. What else does "
                "the gel have?"
            ),
            "default": (
                "Interest e-commerce starts with the video. Which product shows well on "
                "video, is cheap enough to buy on a whim and needs no research?"
            ),
        },
        solution=(
            "**{answer}**\n\n"
            "Interest e-commerce runs touchpoint → need → trust: the video comes first and "
            "has to wake a need the viewer did not have. That needs a product that **shows "
            "well on video**, is **bought on impulse**, is **cheap** and needs **little "
            "research**. The gel scores high on all four, and the fit model gives it an "
            "interest score of about 0.9 out of 1. The charger is a search product: people "
            "who need one type it into a search box and compare specifications (interest "
            "score about 0.3). The yoga mat leans to social e-commerce and search: it is "
            "tied to who the buyer is, and people take a teacher's word on it (interest "
            "score about 0.5). Price alone does not decide: the fit is a weighted average "
            "of several features."
        ),
        explanation="The feed sells what a few seconds of video can make someone want.",
    ),
    Exercise(
        id="ch05-lamp-gap",
        chapter=5,
        kind="number",
        question=(
            "Run the three orderings for the sunset lamp with **50,000** shoppers and "
            "**seed 11** (the chapter used seed 5):\n\n"
            "```python\n"
            "lamp = dict(price=22, need_rate=0.01, showability=0.95, spark=0.4,\n"
            "            impulse=0.5, creator_trust=0.5, word_of_mouth=0.2)\n"
            "runs = compare_results(shoppers=50_000, seed=11, **lamp)\n"
            "summarize(runs)\n"
            "```\n\n"
            "How many **more orders** does the lamp get in interest e-commerce than in "
            "search e-commerce? (Interest orders minus search orders.)"
        ),
        answer=interest_minus_search_orders,
        unit="orders",
        uses_simulation=True,
        hints={
            "low": (
                "Too few. Subtract the **search** orders from the **interest** orders (not "
                "social), and check seed=11 and shoppers=50_000."
            ),
            "high": (
                "Too many. Did you subtract the search orders? Check that seed=11 (not 5) "
                "and shoppers=50_000."
            ),
            "default": (
                "Run the code in the question, read the `orders` column, and subtract the "
                "search row from the interest row."
            ),
        },
        solution=(
            "```python\n"
            "runs = compare_results(shoppers=50_000, seed=11, **lamp)\n"
            'runs["interest"].orders - runs["search"].orders\n'
            "```\n\n"
            "gives **{answer}** orders. The same shoppers meet the same lamp in both "
            "orderings; only the order of the factors differs. In search, only the 1% who "
            "already want a sunset lamp can find it, so the funnel is empty from the first "
            "step. In the feed, one shopper in five sees a video, and a striking video wakes "
            "the need in many of them."
        ),
        explanation="Same shoppers, same lamp: the ordering alone moved the orders.",
    ),
    Exercise(
        id="ch05-social-skus",
        chapter=5,
        kind="number",
        question=(
            "Score the course catalogue with the fit model:\n\n"
            "```python\n"
            'fit = best_fit(data.load("products"))\n'
            "```\n\n"
            "How many of the catalogue's products (SKUs) fit **social e-commerce** best? "
            "Read the `best_ordering` column."
        ),
        answer=social_fit_count,
        unit="SKUs",
        hints={
            30: (
                "That is how many fit **interest** best. Count the rows whose best ordering "
                "is social."
            ),
            12: (
                "That is how many fit **search** best. Count the rows whose best ordering "
                "is social."
            ),
            44: "That is every product in the catalogue. Count only the social rows.",
            "low": (
                "Look again: count the rows where `best_ordering` is `social`, for example "
                'with `(fit["best_ordering"] == "social").sum()`.'
            ),
            "high": (
                "Too many. Count only the rows where `best_ordering` is `social`, not those "
                "where social is the runner-up."
            ),
            "default": 'Count with `(fit["best_ordering"] == "social").sum()`.',
        },
        solution=(
            "```python\n"
            'fit = best_fit(data.load("products"))\n'
            'fit["best_ordering"].value_counts()\n'
            "```\n\n"
            "**{answer}** SKUs fit social best: the products most tied to who the buyer is "
            "(the yoga mat and the vitamin C serum). Many more products have social as their "
            "**runner-up**: the sports bottles and resistance bands lose to interest by only "
            "a few hundredths. For those, a creator who is trusted in fitness can sell as well "
            "as the feed; look at the `lead` column to find them."
        ),
        explanation="Social wins where buyers take a trusted person's word on who they are.",
    ),
    Exercise(
        id="ch05-interest-features",
        chapter=5,
        kind="multi",
        question=(
            "In the fit model, which features **raise** a product's fit with interest "
            "e-commerce? Tick every one that applies."
        ),
        options=(
            "It shows well in a short video",
            "People often buy it on impulse",
            "It is cheap (well under 60 USD)",
            "Buyers research it carefully before buying",
            "It is tied to who the buyer is, so people buy it on a creator's word",
        ),
        answer=(
            "It shows well in a short video",
            "People often buy it on impulse",
            "It is cheap (well under 60 USD)",
        ),
        hints={
            "d": (
                "Research means the buyer knows the need first and compares. Which ordering "
                "starts with the need? In the model, research *lowers* interest fit."
            ),
            "e": (
                "A creator's word is trust first. Which ordering starts with trust? That "
                "feature raises the social score, not the interest score."
            ),
            "c": (
                "Think of Littledata's 2023 figures: orders under 60 USD convert about "
                "4.6%, over 200 USD about 0.95%. Does a low price help an impulse sale?"
            ),
            "default": (
                "Interest e-commerce runs touchpoint → need → trust. Which features help a "
                "video wake a need and turn it into a quick purchase?"
            ),
        },
        solution=(
            "The right options are: {answer}.\n\n"
            "Interest fit is a weighted average of **showability** (0.35), **impulse** "
            "(0.30), a **low price** (0.20) and **little research** (0.15). Careful research "
            "is the mark of a search product (the buyer already knows the need), and a strong "
            "link to identity is the mark of a social product (trust comes first)."
        ),
    ),
]

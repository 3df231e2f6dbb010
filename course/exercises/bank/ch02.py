"""Exercises for Chapter 2: search e-commerce and its funnel.

Four exercises: what position bias means for a listing on page 2 (choice), the
orders of a seeded search simulation at rank 3 (number, from a simulation), the
overall unit session percentage of the bundled Amazon business report (number, from
the data) and which levers a search seller can move (multi).
"""

from __future__ import annotations

from course.exercises.core import Exercise

__all__ = [
    "EXERCISES",
    "RANK_EXERCISE_RANK",
    "RANK_EXERCISE_SEED",
    "RANK_EXERCISE_SHOPPERS",
    "orders_at_rank",
    "report_unit_session_pct",
]

RANK_EXERCISE_SEED = 7
"""Seed of the simulation in ``ch02-orders-rank-3``."""

RANK_EXERCISE_SHOPPERS = 50_000
"""Simulated shoppers in ``ch02-orders-rank-3``."""

RANK_EXERCISE_RANK = 3
"""The listing's position (1 = top) in ``ch02-orders-rank-3``."""


def orders_at_rank() -> int:
    """Orders of the seller's listing in the seeded search simulation of ``ch02-orders-rank-3``.

    Returns
    -------
    int
        ``simulate("search", shoppers=50_000, seed=7, rank=3).orders``.
    """
    from course import simulate

    result = simulate(
        "search",
        shoppers=RANK_EXERCISE_SHOPPERS,
        seed=RANK_EXERCISE_SEED,
        rank=RANK_EXERCISE_RANK,
    )
    return int(result.orders)


def report_unit_session_pct() -> float:
    """The bundled Amazon business report's overall unit session percentage, in percent.

    Returns
    -------
    float
        Units ordered divided by sessions, added up over every product in
        ``course.data.load("amazon_business_report")``, times 100.
    """
    from course import data

    funnel = data.amazon_funnel(data.load("amazon_business_report"))
    return 100.0 * float(funnel.attrs["unit_session_pct"])


EXERCISES = [
    Exercise(
        id="ch02-page-two",
        chapter=2,
        kind="choice",
        question=(
            "Your listing is on **page 2** of the results for your main keyword. Its price, "
            "photos, rating and reviews are as good as those of the listings on page 1. "
            "What does **position bias** mean for your listing?"
        ),
        options=(
            "Far fewer searchers will even look at it, so it gets far fewer orders, although "
            "it is as good as the listings above it.",
            "Shoppers who reach page 2 are keen buyers, so it sells about as well as a "
            "listing on page 1.",
            "Nothing, as long as its price is the lowest on the shelf.",
            "Position bias only affects sponsored (paid) listings, not ordinary ones.",
        ),
        answer=(
            "Far fewer searchers will even look at it, so it gets far fewer orders, although "
            "it is as good as the listings above it."
        ),
        hints={
            "b": (
                "In the cascade model, what share of searchers still looks at position 11 "
                "or lower? A keen buyer who never sees the listing cannot buy it."
            ),
            "c": (
                "Price matters in the comparison, but only among listings the shopper looked "
                "at. Which gate comes before the comparison?"
            ),
            "d": (
                "Position bias is about where a listing sits on the page, whoever paid for "
                "the place. Think of the shares who look at each rank."
            ),
            "default": "Look again at the cascade model and the table of shares who look.",
        },
        solution=(
            "Position bias means that shoppers look at, and click, the top of the results far "
            "more than the rest, whatever the quality of the listings. In the cascade model "
            "with 85% of lookers moving on at each step, only about 20% of searchers reach "
            "position 11, and fewer still go deeper (Compete, 2014: 19.7% of searchers reach "
            "page 2). So the answer is:\n\n**{answer}**\n\n"
            "A low price cannot help a listing nobody looks at: on a search platform the rank "
            "is the touchpoint."
        ),
        explanation="On a search platform, rank is the touchpoint.",
    ),
    Exercise(
        id="ch02-orders-rank-3",
        chapter=2,
        kind="number",
        question=(
            "Run the search model for **50,000** shoppers with **seed 7**, with your listing "
            "at **rank 3** and every other lever at its default:\n\n"
            "```python\n"
            'simulate("search", shoppers=50_000, seed=7, rank=3).orders\n'
            "```\n\n"
            "How many orders does your listing get?"
        ),
        answer=orders_at_rank,
        unit="orders",
        uses_simulation=True,
        hints={
            "low": (
                "That is fewer orders than rank 3 gives. Check the rank: a bigger number is "
                "lower on the page (the default is 4). Check the seed and shoppers too."
            ),
            "high": (
                "That is more orders than rank 3 gives. Check that rank=3 (not 1 or 2), "
                "seed=7 and shoppers=50_000."
            ),
            "default": "Run the code in the question exactly as written and read `.orders`.",
        },
        solution=(
            "```python\n"
            'simulate("search", shoppers=50_000, seed=7, rank=3).orders\n'
            "```\n\n"
            "gives **{answer}**. The same seed always gives the same shoppers, so this number "
            "is the same on every computer. Try rank 1 and rank 5 with the same seed: rank 3 "
            "sits between them, because each step down the page is seen by fewer searchers."
        ),
        explanation="Same seed, same shoppers: only the rank changed the result.",
    ),
    Exercise(
        id="ch02-report-usp",
        chapter=2,
        kind="number",
        question=(
            'Use the sample Amazon Business Report, `data.load("amazon_business_report")`. '
            "What is the seller's **overall unit session percentage**, across all products "
            "together? Give it in percent, to one decimal place (for example 9.8)."
        ),
        answer=report_unit_session_pct,
        tolerance=0.06,
        unit="%",
        answer_format=".2f",
        hints={
            "low": (
                "Too low. Unit session percentage counts **units** ordered, not orders. Add "
                "up units and sessions over all products first, then divide; an average of "
                "the products' own percentages gives small products too much weight. Give "
                "the answer in percent (12.3, not 0.123)."
            ),
            "high": (
                "Too high. Divide by **sessions**, not by page views or by the number of "
                "products, and add up over all products before dividing."
            ),
            "default": "Overall unit session percentage = total units ordered / total sessions × 100.",
        },
        solution=(
            "Add up over all products, then divide:\n\n"
            "```python\n"
            'report = data.load("amazon_business_report")\n'
            '100 * report["units_ordered"].sum() / report["sessions"].sum()\n'
            "```\n\n"
            'The same number is in `data.amazon_funnel(report).attrs["unit_session_pct"]` '
            "(as a fraction). The answer is **{answer}**. {tolerance} Compare it with the "
            "10-15% that seller tools often quote as typical: a rule of thumb, not a "
            "published benchmark."
        ),
    ),
    Exercise(
        id="ch02-seller-controls",
        chapter=2,
        kind="multi",
        question=(
            "In search e-commerce, which of these can a seller **influence** with their own "
            "work or money? Tick every one that applies."
        ),
        options=(
            "The listing's rank for its keyword",
            "The price",
            "The number of reviews",
            "How many shoppers need this kind of product this month",
            "How far down the results page shoppers are willing to scroll",
            "The star rating, through product quality and honest descriptions",
        ),
        answer=(
            "The listing's rank for its keyword",
            "The price",
            "The number of reviews",
            "The star rating, through product quality and honest descriptions",
        ),
        hints={
            "d": (
                "In the search ordering the need comes first, before the shopper meets any "
                "listing. Can a listing create a need in someone who never searches?"
            ),
            "e": (
                "Scrolling is how shoppers read every results page (position bias); a seller "
                "can move their listing up, not change how far people scroll."
            ),
            "a": (
                "Rank responds to sales history, conversion, keywords and paid placement, all "
                "of which the seller can work on."
            ),
            "default": (
                "Sort the options into the three gates: need, touchpoint, trust. Which gates "
                "does a listing reach?"
            ),
        },
        solution=(
            "A search seller competes on the touchpoint and on trust:\n\n"
            "- **rank** (through keywords, sales history, conversion and sponsored places),\n"
            "- **price** (in the ranking and in the comparison),\n"
            "- **reviews** and **rating** (through the first reviews, product quality and "
            "honest descriptions).\n\n"
            "The right options are: {answer}.\n\n"
            "The seller cannot create the **need**: search harvests needs that already exist. "
            "Nor can they change **how shoppers read a results page**; they can only move up it."
        ),
    ),
]

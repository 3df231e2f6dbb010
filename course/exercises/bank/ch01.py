"""Exercises for Chapter 1: the three decision factors.

Four exercises: name the ordering of a story (choice), put the factors in the
interest order (order), count the social stories in the bundled purchase stories
(number, from the data) and count the orders of a seeded search simulation in which
nobody has the need (number, from a simulation).
"""

from __future__ import annotations

from course.exercises.core import Exercise

__all__ = [
    "BEST_LISTING",
    "EXERCISES",
    "NO_NEED_SEED",
    "NO_NEED_SHOPPERS",
    "no_need_orders",
    "social_stories",
]

NO_NEED_SEED = 1
"""Seed of the simulation in ``ch01-no-need-orders`` (also used in the chapter)."""

NO_NEED_SHOPPERS = 20_000
"""Simulated shoppers in ``ch01-no-need-orders`` (also used in the chapter)."""


def social_stories() -> int:
    """How many bundled purchase stories are labelled as social e-commerce.

    Returns
    -------
    int
        The number of rows of ``course.data.load("purchase_stories")`` whose
        ``ordering`` is ``"social"``.
    """
    from course import data

    stories = data.load("purchase_stories")
    return int((stories["ordering"] == "social").sum())


BEST_LISTING = {"rank": 1, "price": 15.0, "reviews": 5000}
"""The levers of the best-possible listing in ``ch01-no-need-orders``: top rank, a price
5 USD below what shoppers expect, and 5,000 reviews."""


def no_need_orders() -> int:
    """Orders of the best-possible listing in a seeded search simulation with no need.

    Returns
    -------
    int
        ``simulate("search", shoppers=20_000, seed=1, need_rate=0.0, rank=1,
        price=15.0, reviews=5000).orders``.
    """
    from course import simulate

    result = simulate(
        "search", shoppers=NO_NEED_SHOPPERS, seed=NO_NEED_SEED, need_rate=0.0, **BEST_LISTING
    )
    return int(result.orders)


EXERCISES = [
    Exercise(
        id="ch01-classify-story",
        chapter=1,
        kind="choice",
        question=(
            "Chen is watching videos in his TikTok feed after dinner. A cooking creator he has "
            "never heard of stretches a silicone lid over a half-eaten bowl of salad, and it "
            "seals tight. Chen thinks of the bowls in his fridge, all covered with plates, and "
            "suddenly wants a set. He taps the product link, sees 4.6 stars from 900 reviews "
            "and free returns, and buys.\n\n"
            "Which ordering does Chen's purchase follow?"
        ),
        options=(
            "Search: need → touchpoint → trust",
            "Interest: touchpoint → need → trust",
            "Social: trust → need → touchpoint",
            "None: one of the three factors is missing",
        ),
        answer="Interest: touchpoint → need → trust",
        hints={
            "Search: need → touchpoint → trust": (
                "Did Chen want silicone lids *before* the video appeared? Ask what happened first."
            ),
            "Social: trust → need → touchpoint": (
                "Social starts with trust in a person. Had Chen trusted this creator before "
                "the video?"
            ),
            "None: one of the three factors is missing": (
                "Look for each factor in the story: a need (the bowls), a touchpoint (the "
                "feed and its link) and trust (the product page)."
            ),
            "default": "Write the three factors in the order they happened, then name the order.",
        },
        solution=(
            "Write the factors in the order they happened:\n\n"
            "1. **Touchpoint**: the video in the feed, with its product link. Chen was not "
            "shopping.\n"
            "2. **Need**: the video made him think of his covered bowls; the need was woken.\n"
            "3. **Trust**: the rating, the reviews and the free returns on the product page.\n\n"
            "Touchpoint → need → trust is the interest ordering, so the answer is "
            "**{answer}**. It is not social, because Chen had never heard of the creator."
        ),
    ),
    Exercise(
        id="ch01-order-interest",
        chapter=1,
        kind="order",
        question=(
            "Put the three decision factors in the order in which they appear in **interest "
            "e-commerce**, the ordering most TikTok purchases follow."
        ),
        options=("need", "trust", "touchpoint"),
        answer=["touchpoint", "need", "trust"],
        hints={
            "need -> touchpoint -> trust": (
                "That is the search ordering: the shopper wants something first. On TikTok, "
                "what is the shopper doing before any need appears?"
            ),
            "trust -> need -> touchpoint": (
                "That is the social ordering, which starts with a person the shopper already "
                "trusts. Interest starts somewhere else."
            ),
            "default": (
                "Think of Maria and the oven spray: what did she meet first, what woke next, "
                "and what did she check last?"
            ),
        },
        solution=(
            "In interest e-commerce the shopper is not shopping. The feed (a **touchpoint**) "
            "shows a video; the video wakes a **need**; the product page must then earn "
            "**trust** before the purchase. So the order is **{answer}**."
        ),
        explanation="The touchpoint comes first: the content itself creates the need.",
    ),
    Exercise(
        id="ch01-social-count",
        chapter=1,
        kind="number",
        question=(
            'Load the course\'s purchase stories with `data.load("purchase_stories")`. '
            "How many of the stories are labelled as **social** e-commerce (column "
            "`ordering`)?"
        ),
        answer=social_stories,
        unit="stories",
        hints={
            "default": (
                "Count the rows whose `ordering` is 'social', for example with "
                '`(stories["ordering"] == "social").sum()` or `value_counts()`.'
            ),
        },
        solution=(
            "Count the rows labelled social:\n\n"
            "```python\n"
            'stories = data.load("purchase_stories")\n'
            '(stories["ordering"] == "social").sum()\n'
            "```\n\n"
            "The answer is **{answer}**. {tolerance}"
        ),
    ),
    Exercise(
        id="ch01-no-need-orders",
        chapter=1,
        kind="number",
        question=(
            "Give your listing every advantage the search model offers: the top position "
            "(rank 1), a price of 15 USD (below the 20 USD shoppers expect) and 5,000 "
            "reviews. But set the share of shoppers who have the need to zero. Run it for "
            "20,000 shoppers with seed 1:\n\n"
            "```python\n"
            'simulate("search", shoppers=20_000, seed=1, need_rate=0.0,\n'
            "         rank=1, price=15.0, reviews=5000).orders\n"
            "```\n\n"
            "How many orders does the listing get?"
        ),
        answer=no_need_orders,
        unit="orders",
        uses_simulation=True,
        hints={
            "high": (
                "Check that you set need_rate=0.0. Can anyone buy if nobody wants the "
                "product, however good the listing is?"
            ),
            "default": "Run the code in the question exactly as written and read `.orders`.",
        },
        solution=(
            "With nobody having the need, nobody passes the first gate, so nobody reaches the "
            "touchpoint or trust gates, however good the listing is:\n\n"
            "```python\n"
            'simulate("search", shoppers=20_000, seed=1, need_rate=0.0,\n'
            "         rank=1, price=15.0, reviews=5000).orders\n"
            "```\n\n"
            "gives **{answer}**. (With the need at its default, the same listing gets many "
            "orders.) Every purchase needs all three factors; a missing need cannot "
            "be made up by rank, price or reviews."
        ),
        explanation="The factors multiply: one factor at zero makes the whole product zero.",
    ),
]

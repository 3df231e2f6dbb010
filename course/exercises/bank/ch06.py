"""Exercises for Chapter 6, "The platform race".

Four exercises: why head creators emerge (choice), the share of followers held by the
top 10% of creators on one platform of a seeded race (number, from a simulation),
which of two platforms that differ only in product quality has the higher GMV at the
start and at the end (choice, from a simulation) and the order of the network-effect
loop between creators and users (order).
"""

from __future__ import annotations

from course.exercises.core import Exercise

__all__ = [
    "EXERCISES",
    "HEADS_PLATFORM",
    "HEADS_SEED",
    "QUALITY_OPTIONS",
    "QUALITY_PERIODS",
    "QUALITY_SEED",
    "quality_race_answer",
    "top10_share_pct",
]

HEADS_SEED = 6
"""Seed of the race in ``ch06-top10-share``."""

HEADS_PLATFORM = "Interest feed"
"""The platform whose top 10% share ``ch06-top10-share`` asks for."""

QUALITY_SEED = 8
"""Seed of the race in ``ch06-quality-gmv``."""

QUALITY_PERIODS = 12
"""Weeks raced in ``ch06-quality-gmv``."""

#: The options of ``ch06-quality-gmv``, keyed by (leader in week 0, leader in the last week).
QUALITY_OPTIONS: dict[tuple[str, str], str] = {
    ("Cheap and cheerful", "Cheap and cheerful"): (
        "Cheap and cheerful has the higher GMV both in week 0 and in the last week."
    ),
    ("Steady", "Steady"): "Steady has the higher GMV both in week 0 and in the last week.",
    ("Cheap and cheerful", "Steady"): (
        "Cheap and cheerful is ahead in week 0, but Steady is ahead in the last week."
    ),
    ("Steady", "Cheap and cheerful"): (
        "Steady is ahead in week 0, but Cheap and cheerful is ahead in the last week."
    ),
}


def top10_share_pct() -> float:
    """Top 10% creators' share of followers on the Interest feed, in percent.

    Returns
    -------
    float
        ``100 * top10_share`` of the ``"Interest feed"`` row of
        ``race(example_platforms(), periods=52, seed=6).concentration``.
    """
    from course.model.platform import example_platforms, race

    result = race(example_platforms(), periods=52, seed=HEADS_SEED)
    table = result.concentration.set_index("platform")
    return 100.0 * float(table.loc[HEADS_PLATFORM, "top10_share"])


def quality_race_answer() -> str:
    """The right option of ``ch06-quality-gmv``, read from the seeded race.

    Returns
    -------
    str
        The option naming which platform has the higher GMV in week 0 and in the
        last week of ``race([steady, cheap], periods=12, seed=8)``.
    """
    from course.model.platform import Platform, race

    steady = Platform(name="Steady", product_quality=0.9)
    cheap = Platform(name="Cheap and cheerful", product_quality=0.75)
    periods = race([steady, cheap], periods=QUALITY_PERIODS, seed=QUALITY_SEED).periods
    leaders = []
    for week in (0, QUALITY_PERIODS - 1):
        rows = periods[periods["period"] == week]
        leaders.append(str(rows.loc[rows["gmv_usd"].idxmax(), "platform"]))
    return QUALITY_OPTIONS[(leaders[0], leaders[1])]


_HEADS_RIGHT = (
    "Attention feeds on attention: creators who are already big are shown and followed "
    "more, so small early leads from good content and luck grow week after week."
)

EXERCISES = [
    Exercise(
        id="ch06-why-heads",
        chapter=6,
        kind="choice",
        question=(
            "In the platform race, every creator starts with zero followers. After a year, "
            "the top 10% of creators hold about half of all followers. **Why do head "
            "creators emerge?**"
        ),
        options=(
            "The platform picks a few creators at the start and gives them all the traffic.",
            _HEADS_RIGHT,
            "Head creators post far more videos than everyone else.",
            "Each user can follow only one creator, so the first creators take everyone.",
        ),
        answer=_HEADS_RIGHT,
        hints={
            "a": (
                "Nobody is picked in the model: every creator starts equal. What decides "
                "where each week's new follows go?"
            ),
            "c": (
                "In the model every creator posts; nobody posts more. Look at how the new "
                "follows are split: what do they depend on?"
            ),
            "d": (
                "Users follow many creators in the model, and new creators keep arriving. "
                "Think of 'the rich get richer'."
            ),
            "default": (
                "Re-read the section on preferential attachment: part of each week's "
                "attention goes in proportion to followers a creator already has."
            ),
        },
        solution=(
            "**{answer}**\n\n"
            "This is **preferential attachment** (the Barabási-Albert model): part of each "
            "week's new follows goes to creators in proportion to the followers they already "
            "have. The rest goes to creators whose content the recommender rates well, and a "
            "little luck changes the split each week. An early lead, whether it came from good "
            "videos or from luck, brings more follows next week, which brings more the week "
            "after. Nobody was chosen at the start; the head grew out of the rule."
        ),
        explanation="The rich get richer: that is preferential attachment.",
    ),
    Exercise(
        id="ch06-top10-share",
        chapter=6,
        kind="number",
        question=(
            "Run the three example platforms for a year with **seed 6** (the chapter used "
            "seed 3):\n\n"
            "```python\n"
            "result = race(example_platforms(), periods=52, seed=6)\n"
            "result.concentration\n"
            "```\n\n"
            "What share of all followers on the **Interest feed** do its top 10% of creators "
            "hold at the end? Answer in percent, to one decimal place (for example 43.2)."
        ),
        answer=top10_share_pct,
        tolerance=0.15,
        unit="%",
        answer_format=".1f",
        uses_simulation=True,
        hints={
            10: (
                "10% would be an even split, where every creator has the same number of "
                "followers. Read the `top10_share` column of the Interest feed row."
            ),
            "low": (
                "Too low. Check that you read `top10_share` (not `top1_share`) in the "
                "**Interest feed** row, that seed=6, and that you gave a percentage (50.1, "
                "not 0.501)."
            ),
            "high": (
                "Too high. Check that you read the **Interest feed** row (not the "
                "Incumbent), that seed=6, and that you did not read the Gini column."
            ),
            "default": (
                "Run the code in the question and read `top10_share` in the Interest feed "
                "row; multiply by 100 for a percentage."
            ),
        },
        solution=(
            "```python\n"
            "result = race(example_platforms(), periods=52, seed=6)\n"
            'result.concentration.set_index("platform").loc["Interest feed", "top10_share"]\n'
            "```\n\n"
            "The top 10% of the Interest feed's creators hold **{answer}%** of its followers. "
            "{tolerance} An even split would give them 10%: the head holds about five times "
            "its share. Try another seed: the exact figure moves a little, the pattern does "
            "not."
        ),
        explanation="A tenth of the creators hold about half of the attention.",
    ),
    Exercise(
        id="ch06-quality-gmv",
        chapter=6,
        kind="choice",
        question=(
            "Two platforms are the same in every way except the quality of the products "
            "sold on them: on **Steady**, 90% of buyers are satisfied; on **Cheap and "
            "cheerful**, 75%. Race them for 12 weeks with seed 8:\n\n"
            "```python\n"
            'steady = Platform(name="Steady", product_quality=0.9)\n'
            'cheap = Platform(name="Cheap and cheerful", product_quality=0.75)\n'
            "weeks = race([steady, cheap], periods=12, seed=8).periods\n"
            'weeks[weeks["period"].isin([0, 11])][["platform", "period", "gmv_usd", '
            '"trust"]]\n'
            "```\n\n"
            "Which platform has the higher GMV in week 0, and which in the last week "
            "(week 11)?"
        ),
        options=tuple(QUALITY_OPTIONS.values()),
        answer=quality_race_answer,
        uses_simulation=True,
        hints={
            QUALITY_OPTIONS[("Steady", "Steady")]: (
                "Look at week 0 again. Cheap, poor products sell more at first: the model "
                "multiplies orders by 1 + 1.5 × (1 − product quality)."
            ),
            QUALITY_OPTIONS[("Cheap and cheerful", "Cheap and cheerful")]: (
                "Look at the trust column. Trust drifts toward the share of satisfied "
                "buyers, and orders fall with trust. Where is trust after 12 weeks?"
            ),
            QUALITY_OPTIONS[("Steady", "Cheap and cheerful")]: (
                "That is the wrong way round. Which platform sells cheaper products, and "
                "which keeps its buyers' trust?"
            ),
            "default": "Run the code and compare the gmv_usd column in week 0 and week 11.",
        },
        solution=(
            "**{answer}**\n\n"
            "In week 0 both platforms start with the same trust, and cheaper, poorer "
            "products sell more, so Cheap and cheerful's GMV is higher. Then trust moves "
            "toward the share of buyers who were satisfied: up toward 0.9 on Steady, down "
            "toward 0.75 on Cheap and cheerful. Lower trust means fewer orders and more "
            "users who leave, while Steady's users bring their friends. Within a few weeks "
            "Steady is ahead, and the gap keeps growing. A GMV chart for the first week "
            "would have backed the wrong platform."
        ),
        explanation="Poor products lift GMV now and cut it later.",
    ),
    Exercise(
        id="ch06-network-loop",
        chapter=6,
        kind="order",
        question=(
            "A platform's network effect is a loop. Start from the creators and put the "
            "steps of one turn of the loop in order."
        ),
        options=(
            "More users join and bring their friends",
            "More creators post on the platform",
            "Viewers watch longer because the feed finds something for everyone",
            "The feed holds more kinds of videos (richer content)",
        ),
        answer=(
            "More creators post on the platform",
            "The feed holds more kinds of videos (richer content)",
            "Viewers watch longer because the feed finds something for everyone",
            "More users join and bring their friends",
        ),
        hints={
            (
                "More creators post on the platform",
                "More users join and bring their friends",
                "The feed holds more kinds of videos (richer content)",
                "Viewers watch longer because the feed finds something for everyone",
            ): (
                "Users do not arrive straight from creators: what do they come for? What "
                "do more creators change first?"
            ),
            "default": (
                "Creators make videos; videos make the feed; the feed keeps viewers; "
                "viewers bring friends. Which of the steps is about the feed itself?"
            ),
        },
        solution=(
            "{answer}\n\n"
            "And then the loop closes: more users who watch more give creators a bigger "
            "audience, so more creators come. This is why Douyin named many creators, "
            "rich content, diverse users and recommendation technology together: each one "
            "feeds the next."
        ),
    ),
]

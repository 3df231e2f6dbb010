"""Exercises for Chapter 7: the capstone, a seller's TikTok plan from their Amazon numbers.

Five exercises, one per step of the workshop:

1. ``ch07-top-five-share`` (number, from the data): the share of the sample shop's
   Amazon sales that its five best-selling products bring.
2. ``ch07-interest-picks`` (multi, from the fit model): which of the five Amazon best
   sellers the fit model puts in the interest ordering.
3. ``ch07-read-the-range`` (choice): what a 10th-90th percentile range says, and what
   it does not.
4. ``ch07-median-orders`` (number, from the planner with a fixed seed): the median
   12-week orders of the chapter's plan with ten creators instead of five.
5. ``ch07-top-lever`` (choice, from the planner's sensitivity analysis): which of the
   seller's own levers moves the expected 12-week margin the most.

Every computed answer reads the bundled, synthetic datasets and runs the planner with
the seed given in the question, so the notebook, the check and the teachers' answer
key agree on every computer.
"""

from __future__ import annotations

from course.exercises.core import Exercise

__all__ = [
    "EXERCISES",
    "LEVER_OPTIONS",
    "MORE_CREATORS",
    "PLAN_SEED",
    "PLAN_SKUS",
    "TOP_N",
    "chapter_plan",
    "interest_picks",
    "median_orders_more_creators",
    "top_own_lever",
    "top_sales_share_pct",
]

PLAN_SKUS = ("HO-LEDSTRIP", "KI-CHOPPER", "HO-LAMP-SUN")
"""The chapter's shortlist on the sample shop: the products with an interest fit of at
least 0.8, best Amazon sellers first (what the notebook's shortlist cell finds)."""

PLAN_SEED = 7
"""Seed of every planner run in the chapter."""

MORE_CREATORS = 10
"""Creators asked to post each week in ``ch07-median-orders`` (the chapter's plan has 5)."""

TOP_N = 5
"""How many best-selling products ``ch07-top-five-share`` and ``ch07-interest-picks`` use."""

LEVER_OPTIONS = {
    "videos_per_week": "Own videos per week",
    "creators_engaged": "Creators asked to post",
    "commission_rate": "Creator commission",
    "ad_budget_per_week": "Ad budget per week",
    "price_change": "TikTok price against the Amazon price",
}
"""The seller's own levers in the planner, and the option text each has in ``ch07-top-lever``."""


def _sample():
    from course import data

    return data.load("amazon_business_report"), data.load("products")


def top_sales_share_pct(n: int = TOP_N) -> float:
    """Share of the sample shop's Amazon sales from its ``n`` best-selling products, in percent.

    Parameters
    ----------
    n : int
        How many products, best sellers first (1 to the number of products).

    Returns
    -------
    float
        Sales (USD) of the ``n`` products with the highest ``sales`` in
        ``course.data.load("amazon_business_report")``, divided by the sales of all
        products, times 100.
    """
    from course._validate import check_int

    report, _ = _sample()
    n = check_int("n", n, low=1, high=len(report))
    sales = report["sales"].astype(float)
    return 100.0 * float(sales.nlargest(n).sum() / sales.sum())


def interest_picks(n: int = TOP_N) -> list[str]:
    """Names of the ``n`` best Amazon sellers whose best ordering is interest in the fit model.

    Parameters
    ----------
    n : int
        How many best sellers to look at (1 to the number of products).

    Returns
    -------
    list of str
        ``product_name`` from the products table, best Amazon sellers first, of the
        products among the ``n`` best sellers for which
        :func:`course.model.fit.best_fit` gives ``best_ordering == "interest"``.
    """
    from course._validate import check_int
    from course.model.fit import best_fit

    report, products = _sample()
    n = check_int("n", n, low=1, high=len(report))
    top = report.nlargest(n, "sales")[["sku"]]
    fit = best_fit(products)[["sku", "product_name", "best_ordering"]]
    joined = top.merge(fit, on="sku", how="left", validate="one_to_one")
    return joined.loc[joined["best_ordering"] == "interest", "product_name"].tolist()


def chapter_plan(**changes):
    """Run the planner on the sample shop with the chapter's plan, changed as asked.

    Parameters
    ----------
    **changes
        Fields of :class:`course.model.planner.SellerPlan` to change from the chapter's
        plan (the shortlist :data:`PLAN_SKUS` and the planner's defaults), e.g.
        ``creators_engaged=10``.

    Returns
    -------
    course.model.planner.PlanResult
        12 weeks, 1,000 draws, seed :data:`PLAN_SEED`.
    """
    from course.model.planner import SellerPlan, plan

    report, products = _sample()
    settings = {"skus": PLAN_SKUS, **changes}
    return plan(report, products, SellerPlan(**settings), seed=PLAN_SEED)


def median_orders_more_creators() -> float:
    """Median (p50) 12-week orders of the chapter's plan with :data:`MORE_CREATORS` creators.

    Returns
    -------
    float
        ``chapter_plan(creators_engaged=10).totals``, row ``orders``, column ``p50``.
    """
    totals = chapter_plan(creators_engaged=MORE_CREATORS).totals.set_index("metric")
    return float(totals.loc["orders", "p50"])


def top_own_lever() -> str:
    """The option text of the seller's lever with the widest swing in the chapter's plan.

    Returns
    -------
    str
        :data:`LEVER_OPTIONS` of ``chapter_plan().top_lever("your plan")["lever"]``.
    """
    return LEVER_OPTIONS[str(chapter_plan().top_lever("your plan")["lever"])]


_PLAN_CODE = (
    "```python\n"
    "from course import data\n"
    "from course.model.planner import SellerPlan, plan\n\n"
    'sample = data.load("amazon_business_report")\n'
    'skus = ("HO-LEDSTRIP", "KI-CHOPPER", "HO-LAMP-SUN")\n'
    'more = plan(sample, data.load("products"),\n'
    "            SellerPlan(skus=skus, creators_engaged=10), seed=7)\n"
    "more.totals\n"
    "```"
)

EXERCISES = [
    Exercise(
        id="ch07-top-five-share",
        chapter=7,
        kind="number",
        question=(
            "Step 1, the diagnosis. The sample shop sells 44 products (child ASINs) on "
            "Amazon. Sort them by sales, best first. What share of the shop's Amazon sales "
            "do the **five** best sellers bring, in percent?"
        ),
        answer=top_sales_share_pct,
        tolerance=0.5,
        unit="%",
        answer_format=".1f",
        hints={
            0.401: (
                "You have the share as a fraction of 1. The question asks for percent: "
                "multiply by 100."
            ),
            100 * 5 / 44: (
                "That is the share of the *products* that are in the top five (5 of 44). "
                "The question asks for their share of the *sales* in USD."
            ),
            "low": (
                "Too low. Did you add up the five largest values of the `sales` column, "
                "not the first five rows of the file or the units?"
            ),
            "high": (
                "Too high. Divide the top five's sales by the sales of **all** 44 products, "
                "not by the sales of the top ten or of the first page."
            ),
            "default": (
                "Add up the `sales` of the five products with the highest sales, divide by "
                "the sum of `sales` over every product, and multiply by 100. The table of "
                "products sorted by sales has a `cumulative_share` column that does it for you."
            ),
        },
        solution=(
            "Sort the report by `sales`, add up the first five (label maker tape, LED strip "
            "lights, yoga mat, cat water fountain and the HEPA filter: about 94,000 USD of "
            "about 235,000 USD) and divide by the total. The answer is **{answer}**. "
            "{tolerance}\n\n"
            "So about a ninth of the products bring about two fifths of the sales. That is "
            "normal for a marketplace shop, and it is why the diagnosis starts with the "
            "few products that carry the business: they are the ones a TikTok experiment "
            "must not put at risk, and, as the next step shows, often not the ones that "
            "suit TikTok best."
        ),
        explanation="A few products carry most Amazon shops; know which ones before you experiment.",
    ),
    Exercise(
        id="ch07-interest-picks",
        chapter=7,
        kind="multi",
        question=(
            "Step 2, picking products. Look at the sample shop's **five** best sellers on "
            "Amazon in the table that joins the report with the fit model. For which of "
            "them is **interest** (touchpoint → need → trust) the best ordering? Tick every "
            "one that applies."
        ),
        options=(
            "Label maker tape, 4 rolls",
            "LED strip lights, 10 m",
            "Yoga mat, 6 mm",
            "Cat water fountain, 2 l",
            "Air purifier HEPA filter, 2 pack",
        ),
        answer=interest_picks,
        hints={
            "a": (
                "Label tape is a refill: people buy it when the old roll runs out, and they "
                "search for the exact size. Which ordering starts with that need?"
            ),
            "e": (
                "A replacement filter is bought when the old one is used up, by people who "
                "type its model number. Does a video need to wake that need?"
            ),
            "c": (
                "Read the yoga mat's `best_ordering` and its reason: a product tied to who "
                "the buyer is (a fitness routine) can fit another ordering better than "
                "interest."
            ),
            "d": (
                "Read the fountain's row: look at `best_ordering` and at `lead`, the gap "
                "between its best and second-best ordering. A small lead means the product "
                "could go either way, but the question asks for the best ordering."
            ),
            "default": (
                "Read the `best_ordering` column for the five products with the highest "
                "`sales`. Products bought to replace something used up are search products."
            ),
        },
        solution=(
            "The interest products among the five best sellers are: **{answer}**.\n\n"
            "The LED strips are an easy pick: they change a room in seconds on video and "
            "cost about 19 USD. The cat fountain only just fits interest: its lead over "
            "the runner-up ordering is tiny, so treat it as a test product, not a sure "
            "one. The label tape and the HEPA filter are refills that people search for "
            "by model number (search), and the yoga mat is tied to the buyer's routine and "
            "sells best on a trusted creator's word (social). Your Amazon best sellers "
            "are often search products, so a TikTok plan should not simply copy the "
            "Amazon ranking."
        ),
    ),
    Exercise(
        id="ch07-read-the-range",
        chapter=7,
        kind="choice",
        question=(
            "Step 4, reading the range. A planner tried 1,000 possible worlds and gives "
            "this 12-week margin (what you keep after every cost): **p10 = −1,000 USD, "
            "p50 = 1,500 USD, p90 = 10,000 USD**. Which sentence reads it correctly?"
        ),
        options=(
            "You will make about 1,500 USD; the other two numbers are rounding.",
            "In 8 of the 10 possible worlds the margin lies between −1,000 and 10,000 USD; "
            "if the planner's assumptions are right, about 1 plan in 10 does worse than "
            "−1,000 USD.",
            "The margin cannot be lower than −1,000 USD, so the worst case is a small loss.",
            "The margin will be 10,000 USD if you work hard enough, because p90 is what a "
            "good seller gets.",
            "The range is measured from sellers' real results on TikTok, so it holds for "
            "every product.",
        ),
        answer=(
            "In 8 of the 10 possible worlds the margin lies between −1,000 and 10,000 USD; "
            "if the planner's assumptions are right, about 1 plan in 10 does worse than "
            "−1,000 USD."
        ),
        hints={
            "a": (
                "p50 is the middle outcome: half the possible worlds are below it and half "
                "above. Is the middle of a wide range a promise?"
            ),
            "c": (
                "p10 is the 10th percentile: one possible world in ten is **below** it. "
                "What does that say about the worst case?"
            ),
            "d": (
                "The possible worlds differ in things nobody controls before the first "
                "video (views, click-through, returns), not in effort. Your plan is the "
                "same in every one of them."
            ),
            "e": (
                "Where do the planner's ranges come from? Look again at the section on what "
                "the model cannot know: most of them are illustrative."
            ),
            "default": (
                "p10, p50 and p90 are percentiles of the possible worlds the planner tried: "
                "10%, 50% and 90% of them fall below each number."
            ),
        },
        solution=(
            "The right reading is:\n\n**{answer}**\n\n"
            "p10 and p90 are the 10th and 90th percentiles of the planner's possible "
            "worlds, so 8 worlds in 10 fall between them, 1 in 10 below p10 and 1 in 10 "
            "above p90. The band is not a promise and not a worst or best case: it shows "
            "how much the result depends on numbers nobody knows before the first video. "
            "And it is only as good as the assumptions behind it, which are illustrative "
            "until you replace them with your own first weeks' figures."
        ),
        explanation="A range shows what you do not know yet; it is not a promise.",
    ),
    Exercise(
        id="ch07-median-orders",
        chapter=7,
        kind="number",
        question=(
            "Step 3, changing the plan. Take the chapter's plan for the sample shop (LED "
            "strips, vegetable chopper, sunset lamp; seed 7) and ask **10 creators** a week "
            "instead of 5, everything else unchanged:\n\n"
            + _PLAN_CODE
            + "\n\nWhat is the **median** (p50) number of orders over the 12 weeks?"
        ),
        answer=median_orders_more_creators,
        tolerance=1.0,
        unit="orders",
        answer_format=",.1f",
        uses_simulation=True,
        hints={
            602.5: (
                "That is the median of the chapter's plan with 5 creators. Did you set "
                "`creators_engaged=10`?"
            ),
            2025.5: (
                "That is the **mean** (average) of the possible worlds, pulled up by a few "
                "worlds where a video takes off. The question asks for the median, column "
                "`p50`."
            ),
            "low": (
                "Too low. Read the row `orders` and the column `p50` (not `p10`), and check "
                "the plan has 10 creators and seed 7."
            ),
            "high": (
                "Too high. Read the row `orders` and the column `p50` (not `mean` or "
                "`p90`), and check the seed is 7."
            ),
            "default": (
                "Run the code in the question and read the row `orders`, column `p50`, of "
                "the totals table."
            ),
        },
        solution=(
            "With 10 creators the median 12-week orders are **{answer}**. {tolerance}\n\n"
            "More creators means more creator videos; each one gets far more views than a "
            "video on a new account, so orders rise. Notice that the mean is much higher "
            "than the median: in a few possible worlds a creator's video takes off. Plan "
            "on the median and treat the top of the range as luck, not as the target."
        ),
    ),
    Exercise(
        id="ch07-top-lever",
        chapter=7,
        kind="choice",
        question=(
            "Step 4, the tornado. In the chapter's plan (seed 7), which of **your own** "
            "levers moves the expected 12-week margin the most, when each is moved on its "
            "own from its low to its high setting?"
        ),
        options=tuple(LEVER_OPTIONS.values()),
        answer=top_own_lever,
        uses_simulation=True,
        hints={
            "Own videos per week": (
                "Own videos matter, but a new account's videos get few views at first. "
                "Compare the width of that bar with the creators' bar."
            ),
            "Creator commission": (
                "Commission changes how many creators post, but 5 points either way moves "
                "little. Look for the widest bar among the rows marked as your plan."
            ),
            "Ad budget per week": (
                "Ads buy views at a fixed price per thousand; at 50 to 200 USD a week that "
                "is a modest number of views. Which bar is wider?"
            ),
            "TikTok price against the Amazon price": (
                "Price moves both the margin per order and the conversion, and the two "
                "partly cancel. Look for a wider bar among your levers."
            ),
            "default": (
                "In the tornado chart of your own levers, the widest bar (at the top) is "
                "the lever that matters most."
            ),
        },
        solution=(
            "The lever is **{answer}**. Asking 2 instead of 5 creators, or 10, moves the "
            "expected margin more than any other setting you control, because each "
            "creator video reaches far more people than a video on a new account, and a "
            "creator is paid only when their video sells. The uncertain assumptions "
            "(click-through above all) swing the result even more, but you cannot set "
            "them: you can only measure them in your first weeks, which is why the plan "
            "says what to measure first."
        ),
        explanation="Work on the widest bar first; measure the widest unknown first.",
    ),
]

"""The numbers that the chapters' prose quotes still match the model and the data.

Chapters 3 and 4 quote figures from seeded runs at the model's defaults (for example "294
orders" or "trust ends near 0.3"). If a maintainer retunes a default or regenerates a dataset,
these tests name the sentence that went stale, so the text never contradicts what a learner's
notebook prints. Each check is (what the text says, the value now, the tolerance the wording
allows).
"""

from __future__ import annotations

import pytest

from course import data, simulate
from course.model import top_share


class Claims:
    def __init__(self):
        self.failures: list[str] = []

    def __call__(self, name, got, want, tol):
        if abs(got - want) > tol:
            self.failures.append(
                f"{name}: the text says about {want} (±{tol}); the model gives {got}"
            )

    def assert_all(self):
        assert not self.failures, "stale numbers in the chapter text:\n" + "\n".join(self.failures)


@pytest.fixture
def check():
    claims = Claims()
    yield claims
    claims.assert_all()


def test_chapter_3_numbers(check):
    f = simulate("interest", shoppers=100_000, seed=3)
    fs = f.funnel["shoppers"].tolist()
    check("ch03 shown", fs[1], 20_000, 500)
    check("ch03 wanted", fs[2], 1_200, 100)
    check("ch03 wanted/shown %", 100 * fs[2] / fs[1], 6, 0.7)
    check("ch03 trusted", fs[3], 900, 60)
    check("ch03 trust rate %", 100 * fs[3] / fs[2], 80, 3)
    check("ch03 orders", f.orders, 300, 15)
    check("ch03 conversion %", 100 * f.conversion, 0.3, 0.03)
    check("ch03 bought/wanted", f.orders / fs[2], 0.25, 0.03)
    check("ch03 default orders (hint 294)", f.orders, 294, 0)
    v = f.tables["videos"]["views"]
    check("ch03 videos", len(v), 12, 0)
    check("ch03 top1 %", 100 * top_share(v, 0.01), 30, 2)
    check("ch03 top10 % (hint 47.7)", 100 * top_share(v, 0.1), 47.7, 2)
    check("ch03 best/worst", v.max() / v.min(), 30, 5)
    vt = f.tables["videos"].sort_values("views")
    check(
        "ch03 best video orders > 7 weakest",
        int(vt["orders"].iloc[-1] > vt["orders"].iloc[:7].sum()),
        1,
        0,
    )
    o1 = simulate("interest", shoppers=100_000, seed=3, outcomes=True).outcomes
    o2 = simulate("search", shoppers=100_000, seed=3, outcomes=True).outcomes
    b = o1.index[o1["purchase"]]
    check("ch03 incremental share", 1 - o2.loc[b, "need"].mean(), 0.93, 0.03)
    check("ch03 would buy on search", o2.loc[b, "purchase"].sum(), 2, 3)
    p16 = simulate("interest", shoppers=100_000, seed=3, price=16)
    check("ch03 price cut orders +%", 100 * (p16.orders / f.orders - 1), 10, 3)
    check("ch03 price cut GMV -%", 100 * (1 - p16.gmv / f.gmv), 12, 3)
    check(
        "ch03 reviews 500 same",
        simulate("interest", shoppers=100_000, seed=3, reviews=500).orders,
        f.orders,
        0,
    )
    c4 = simulate("interest", shoppers=100_000, seed=3, content_quality=0.4)
    check("ch03 better videos orders +% (hint 376)", c4.orders, 376, 0)
    check("ch03 better videos +%", 100 * (c4.orders / f.orders - 1), 28, 3)
    ev = data.load("tiktok_videos")["views"]
    check("ch03 export median views", ev.median(), 1000, 200)
    check("ch03 export max views", ev.max(), 150_000, 50_000)


def test_chapter_4_numbers(check):
    s = simulate("social", shoppers=100_000, seed=4)
    ss = s.funnel["shoppers"].tolist()
    check("ch04 trusting", ss[1], 7_500, 300)
    check("ch04 needed", ss[2], 400, 40)
    check("ch04 link rate", ss[3] / ss[2], 0.6, 0.05)
    check("ch04 buy rate", ss[4] / ss[3], 0.8, 0.05)
    p = s.tables["periods"]
    check("ch04 week1 wom needs", p["word_of_mouth_needs"].iloc[0], 0, 0)
    share = (p["word_of_mouth_needs"] / p["needs"]).tolist()
    check(
        "ch04 wom share growing",
        int(all(x < y for x, y in zip(share[1:], share[2:], strict=False))),
        1,
        0,
    )
    check("ch04 trust rising", int(p["trust"].is_monotonic_increasing), 1, 0)
    g = simulate("social", shoppers=100_000, seed=4, weeks=12, quality=0.95)
    q = simulate("social", shoppers=100_000, seed=4, weeks=12, quality=0.2)
    check("ch04 good/poor orders ratio > 2", g.orders / q.orders, 2.2, 0.2)
    gp, qp = g.tables["periods"], q.tables["periods"]
    check("ch04 week1 same buyers", gp["buyers"].iloc[0] - qp["buyers"].iloc[0], 0, 0)
    check("ch04 good trust end", gp["trust"].iloc[-1], 0.9, 0.05)
    check("ch04 poor trust end", qp["trust"].iloc[-1], 0.3, 0.05)
    check("ch04 poor GMV falls", int(qp["gmv"].iloc[-1] < qp["gmv"].iloc[0]), 1, 0)
    t = simulate("social", shoppers=100_000, seed=12, weeks=12, quality=0.95).tables["periods"]
    check("ch04 exercise good trust (solution ~0.9)", t["trust"].iloc[-1], 0.9, 0.03)
    cr = data.load("creators")
    check("ch04 creators median", cr["followers"].median(), 21_000, 1_500)
    check("ch04 creators top10 > 50%", 100 * top_share(cr["followers"], 0.1), 56, 5)
    check("ch04 engagement median ~5%", 100 * cr["engagement_rate"].median(), 5, 0.6)
    check("ch04 commission q1", cr["commission_rate"].quantile(0.25), 0.10, 0.011)
    check("ch04 commission q3", cr["commission_rate"].quantile(0.75), 0.17, 0.011)

"""Generate the bundled synthetic datasets, byte for byte, from a seed.

Run ``python -m course.data generate [--out DIR] [--seed N]``. Without
``--out`` it rewrites the files in the bundled ``datasets/`` folder, together
with the descriptor ``datapackage.json`` (which records each file's size and
SHA-256 hash). A test regenerates everything into a temporary folder and
compares the bytes with the committed files.

How the numbers are made (all illustrative unless a source is named):

* **The seller.** One fictional small brand selling 44 SKUs on amazon.com,
  with 19 products also listed on TikTok Shop (:mod:`course.data.catalogue`).
* **Amazon, last 30 days.** Sessions per child ASIN are lognormal (median about
  1,300, more for products people research before buying); unit session
  percentage is about 11% (FACTS.md: 10-15% is often quoted) moved by rating and
  research intensity; the Buy Box is held 84-100% of the time; 0.5-4% of
  sessions are B2B; each SKU has a one-in-four chance of having run a 10%
  coupon.
* **TikTok, the same 30 days.** Videos by the seller's account and by
  affiliate creators: views lognormal and heavy-tailed (most videos get a few
  hundred to a few thousand views, a few get hundreds of thousands); clicks and
  orders follow from how showable, impulse-friendly and good each product is.
  The product-analytics export adds up the videos per product and adds the
  seller's LIVE streams and the product card (search and shop tab), so channel
  GMVs add up to GMV exactly.
* **Creators.** Followers lognormal (median about 15,000, spread 1.8 on the log
  scale) truncated below at 1,000; heavy-tailed like real follower counts (Kwak
  et al., WWW 2010, compare power-law and lognormal fits).

Reproducibility: every random number comes from ``numpy.random.default_rng``
uniform draws, one independent stream per file (so changing one file's recipe
does not change the others), transformed with Python's ``math`` functions and
written with fixed decimal places.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import math
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from course._validate import check_seed
from course.data.catalogue import CATALOGUE, Product
from course.data.package import build_descriptor
from course.data.registry import DATASETS, DESCRIPTOR_FILE, datasets_dir
from course.data.stories import STORIES

__all__ = [
    "ANALYSIS_END",
    "ANALYSIS_START",
    "DEFAULT_SEED",
    "build_files",
    "generate",
    "write_tiktok_xlsx",
]

#: The seed the bundled files were made with.
DEFAULT_SEED = 20240531

#: The 30 days that both the Amazon report and the TikTok export cover.
ANALYSIS_START = dt.date(2024, 5, 1)
ANALYSIS_END = dt.date(2024, 5, 30)
DAYS = (ANALYSIS_END - ANALYSIS_START).days + 1

_STREAMS = {"products": 1, "creators": 2, "videos": 3, "analytics": 4}


class _Draws:
    """Random numbers from one seeded stream, built only from uniform draws."""

    def __init__(self, seed: int, stream: int) -> None:
        self._rng = np.random.default_rng([seed, stream])

    def u(self) -> float:
        """A uniform number in [0, 1)."""
        return float(self._rng.random())

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self.u()

    def normal(self) -> float:
        """A standard normal number (Box-Muller)."""
        u1, u2 = self.u(), self.u()
        return math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2.0 * math.pi * u2)

    def lognormal(self, median: float, sigma: float) -> float:
        return median * math.exp(sigma * self.normal())

    def below(self, n: int) -> int:
        """A whole number in 0 .. n-1."""
        return min(int(self.u() * n), n - 1)

    def weighted(self, weights: list[float]) -> int:
        """An index drawn with probability proportional to ``weights``."""
        total = sum(weights)
        target = self.u() * total
        acc = 0.0
        for i, w in enumerate(weights):
            acc += w
            if target < acc:
                return i
        return len(weights) - 1

    def round_random(self, x: float) -> int:
        """Round at random so that the expected value is ``x`` (x >= 0)."""
        return int(math.floor(x + self.u()))

    def code(self, alphabet: str, length: int) -> str:
        return "".join(alphabet[self.below(len(alphabet))] for _ in range(length))


# ---------------------------------------------------------------------------
# Formatting
# ---------------------------------------------------------------------------


def _csv_text(header: list[str], rows: list[list[str]], preamble: list[str] = ()) -> str:
    buffer = io.StringIO()
    for line in preamble:
        buffer.write(line + "\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _f(x: float, places: int) -> str:
    text = f"{x:.{places}f}"
    return "0." + "0" * places if text.startswith("-") and float(text) == 0 else text


def _thousands(n: int) -> str:
    return f"{n:,d}"


def _money(x: float) -> str:
    return f"${x:,.2f}"


def _pct(fraction: float) -> str:
    return f"{fraction * 100:.2f}%"


# ---------------------------------------------------------------------------
# The seller's products and their Amazon month
# ---------------------------------------------------------------------------

_ASIN_CHARS = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"


@dataclass
class _Amazon:
    product: Product
    asin: str
    parent: str
    rating: float
    reviews: int
    sessions: int
    sessions_b2b: int
    page_views: int
    page_views_b2b: int
    buy_box: float
    buy_box_b2b: float
    units: int
    units_b2b: int
    order_items: int
    order_items_b2b: int
    sales: float
    sales_b2b: float


def _amazon_month(seed: int) -> list[_Amazon]:
    d = _Draws(seed, _STREAMS["products"])
    used: set[str] = set()

    def new_asin() -> str:
        while True:
            asin = "B0" + d.code(_ASIN_CHARS, 8)
            if asin not in used:
                used.add(asin)
                return asin

    parents: dict[str, str] = {}
    out = []
    for p in CATALOGUE:
        asin = new_asin()
        if p.family and p.family not in parents:
            parents[p.family] = new_asin()
        parent = parents[p.family] if p.family else asin
        rating = round(2.4 + 2.6 * p.quality + d.uniform(-0.12, 0.12), 1)
        sessions = round(d.lognormal(1300.0, 0.8) * math.exp(1.2 * (p.considered - 0.5)))
        usp = (
            0.11
            * math.exp(0.2 * d.normal())
            * (0.85 + 0.35 * p.considered)
            * (1.0 + 0.5 * (rating - 4.5))
        )
        units = round(sessions * usp)
        order_items = units - math.floor(units * d.uniform(0.0, 0.08))
        page_views = round(sessions * d.uniform(1.12, 1.55))
        buy_box = 1.0 if d.u() < 0.35 else round(d.uniform(0.84, 0.999), 4)
        sessions_b2b = round(sessions * d.uniform(0.005, 0.04))
        page_views_b2b = round(sessions_b2b * d.uniform(1.1, 1.5))
        units_b2b = min(units, d.round_random(units * d.uniform(0.0, 0.05)))
        order_items_b2b = min(order_items, units_b2b - math.floor(units_b2b * d.uniform(0.0, 0.2)))
        buy_box_b2b = 1.0 if d.u() < 0.5 else round(d.uniform(0.9, 0.999), 4)
        coupon_units = 0
        if d.u() < 0.25:
            coupon_units = round((units - units_b2b) * d.uniform(0.2, 0.6))
        sales_b2b = round(units_b2b * p.price_usd * 0.95, 2)
        sales = round(
            p.price_usd * (units - units_b2b) - 0.10 * p.price_usd * coupon_units + sales_b2b, 2
        )
        months_listed = 6 + d.below(37)
        reviews = round(units * months_listed * d.uniform(0.02, 0.05) * (0.6 + 0.4 * p.considered))
        out.append(
            _Amazon(
                p,
                asin,
                parent,
                rating,
                reviews,
                sessions,
                sessions_b2b,
                page_views,
                page_views_b2b,
                buy_box,
                buy_box_b2b,
                units,
                units_b2b,
                order_items,
                order_items_b2b,
                sales,
                sales_b2b,
            )
        )
    return out


AMAZON_HEADER = [
    "(Parent) ASIN", "(Child) ASIN", "Title", "SKU",
    "Sessions - Total", "Sessions - Total - B2B",
    "Session Percentage - Total", "Session Percentage - Total - B2B",
    "Page Views - Total", "Page Views - Total - B2B",
    "Page Views Percentage - Total", "Page Views Percentage - Total - B2B",
    "Featured Offer (Buy Box) Percentage", "Featured Offer (Buy Box) Percentage - B2B",
    "Units Ordered", "Units Ordered - B2B",
    "Unit Session Percentage", "Unit Session Percentage - B2B",
    "Ordered Product Sales", "Ordered Product Sales - B2B",
    "Total Order Items", "Total Order Items - B2B",
]  # fmt: skip


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _amazon_report_text(month: list[_Amazon]) -> str:
    total_s = sum(m.sessions for m in month)
    total_s_b2b = sum(m.sessions_b2b for m in month)
    total_pv = sum(m.page_views for m in month)
    total_pv_b2b = sum(m.page_views_b2b for m in month)
    rows = []
    for m in sorted(month, key=lambda m: (m.parent, m.asin)):
        rows.append(
            [
                m.parent, m.asin, f"{m.product.product_name.capitalize()}, {m.product.title_tail}",
                m.product.sku,
                _thousands(m.sessions), _thousands(m.sessions_b2b),
                _pct(_ratio(m.sessions, total_s)), _pct(_ratio(m.sessions_b2b, total_s_b2b)),
                _thousands(m.page_views), _thousands(m.page_views_b2b),
                _pct(_ratio(m.page_views, total_pv)), _pct(_ratio(m.page_views_b2b, total_pv_b2b)),
                _pct(m.buy_box), _pct(m.buy_box_b2b),
                _thousands(m.units), _thousands(m.units_b2b),
                _pct(_ratio(m.units, m.sessions)), _pct(_ratio(m.units_b2b, m.sessions_b2b)),
                _money(m.sales), _money(m.sales_b2b),
                _thousands(m.order_items), _thousands(m.order_items_b2b),
            ]
        )  # fmt: skip
    return _csv_text(AMAZON_HEADER, rows)


# ---------------------------------------------------------------------------
# TikTok: the products listed there
# ---------------------------------------------------------------------------


@dataclass
class _TikTokProduct:
    product_id: str
    name: str
    skus: list[str]
    product: Product  # the first SKU's facts (variants share them)


def _tiktok_products(seed: int) -> list[_TikTokProduct]:
    d = _Draws(seed, _STREAMS["analytics"] + 100)
    out: list[_TikTokProduct] = []
    by_family: dict[str, _TikTokProduct] = {}
    for p in CATALOGUE:
        if p.family and p.family in by_family:
            by_family[p.family].skus.append(p.sku)
            continue
        if not p.on_tiktok:
            continue
        pid = "1729" + d.code("0123456789", 15)
        name = p.product_name
        if p.family:
            name = name.rsplit(",", 1)[0] + ", 3 colours"
        tp = _TikTokProduct(pid, name, [p.sku], p)
        out.append(tp)
        if p.family:
            by_family[p.family] = tp
    return out


def _products_text(month: list[_Amazon], tiktok: list[_TikTokProduct]) -> str:
    tiktok_id = {sku: t.product_id for t in tiktok for sku in t.skus}
    header = [
        "sku", "product_name", "category", "price_usd", "rating", "review_count",
        "showability", "impulse", "considered", "identity", "margin", "quality",
        "amazon_asin", "amazon_sessions_30d", "amazon_units_30d", "amazon_sales_usd_30d",
        "amazon_parent_asin", "on_tiktok", "tiktok_product_id",
    ]  # fmt: skip
    rows = []
    for m in month:
        p = m.product
        rows.append(
            [
                p.sku, p.product_name, p.category, _f(p.price_usd, 2), _f(m.rating, 1),
                str(m.reviews), _f(p.showability, 2), _f(p.impulse, 2), _f(p.considered, 2),
                _f(p.identity, 2), _f(p.margin, 2), _f(p.quality, 2), m.asin,
                str(m.sessions), str(m.units), _f(m.sales, 2), m.parent,
                "true" if p.sku in tiktok_id else "false", tiktok_id.get(p.sku, ""),
            ]
        )  # fmt: skip
    return _csv_text(header, rows)


# ---------------------------------------------------------------------------
# Creators
# ---------------------------------------------------------------------------

_CREATOR_CATEGORIES = [
    ("fitness", 16), ("beauty", 18), ("home", 14), ("kitchen", 10), ("pets", 10),
    ("tech", 10), ("outdoors", 6), ("lifestyle", 10), ("fashion", 4), ("comedy", 2),
]  # fmt: skip
_COMMERCE_FACTOR = {"comedy": 0.3, "lifestyle": 0.8, "fashion": 0.7}
_HANDLE_A = [
    "sunny", "daily", "cozy", "happy", "urban", "little", "tiny", "brave", "quiet", "wild",
    "lazy", "smart", "fresh", "golden", "simple", "bold", "calm", "busy", "clever", "honest",
]  # fmt: skip
_HANDLE_B = {
    "fitness": ["lifts", "reps", "runner", "gains", "sweat", "moves"],
    "beauty": ["glow", "skin", "lashes", "blush", "beauty", "makeup"],
    "home": ["home", "nest", "corner", "rooms", "decor", "space"],
    "kitchen": ["kitchen", "bites", "chef", "recipes", "cooks", "pantry"],
    "pets": ["paws", "pup", "kitty", "woof", "tails", "pets"],
    "tech": ["gadgets", "tech", "setup", "desk", "unboxed", "bytes"],
    "outdoors": ["trails", "camp", "hikes", "outdoors", "summit", "wander"],
    "lifestyle": ["life", "days", "vibes", "journal", "routine", "finds"],
    "fashion": ["style", "fits", "closet", "outfits", "threads", "looks"],
    "comedy": ["laughs", "jokes", "skits", "chaos", "bits", "giggles"],
}
_COMMISSIONS = [(0.05, 1), (0.08, 2), (0.10, 5), (0.12, 4), (0.15, 5), (0.18, 2), (0.20, 3),
                (0.25, 1)]  # fmt: skip
N_CREATORS = 150


@dataclass
class _Creator:
    creator_id: str
    handle: str
    category: str
    followers: int
    engagement: float
    avg_views: int
    videos_per_month: int
    commission: float
    gmv_per_video: float


def _creators(seed: int) -> list[_Creator]:
    d = _Draws(seed, _STREAMS["creators"])
    out = []
    handles: set[str] = set()
    for i in range(N_CREATORS):
        category = _CREATOR_CATEGORIES[d.weighted([w for _, w in _CREATOR_CATEGORIES])][0]
        while True:
            handle = (
                f"@{_HANDLE_A[d.below(len(_HANDLE_A))]}_"
                f"{_HANDLE_B[category][d.below(6)]}{10 + d.below(90)}"
            )
            if handle not in handles:
                handles.add(handle)
                break
        followers = 0
        while followers < 1000:  # truncated lognormal: affiliates need an audience
            followers = round(d.lognormal(15_000.0, 1.8))
        scale = followers / 15_000.0
        engagement = 0.045 * math.exp(0.45 * d.normal()) * scale**-0.08
        reach = 0.25 * scale**-0.25 * math.exp(0.5 * d.normal())
        avg_views = max(50, round(followers * reach))
        videos = 4 + d.below(37)
        commission = _COMMISSIONS[d.weighted([w for _, w in _COMMISSIONS])][0]
        click = 0.012 * math.exp(0.4 * d.normal())
        gmv = avg_views * click * 0.04 * 20.0 * _COMMERCE_FACTOR.get(category, 1.0)
        out.append(
            _Creator(
                f"CR{i + 1:03d}",
                handle,
                category,
                followers,
                engagement,
                avg_views,
                videos,
                commission,
                round(gmv, 2),
            )
        )
    return out


# ---------------------------------------------------------------------------
# Videos and the product-analytics export
# ---------------------------------------------------------------------------

_SELLER_TYPES = ["product demo", "problem and solution", "tutorial", "unboxing",
                 "behind the scenes", "LIVE clip"]  # fmt: skip
_CREATOR_TYPES = ["review", "product demo", "unboxing", "routine", "day in my life",
                  "before and after"]  # fmt: skip
_MATCH = {
    "fitness": {"fitness"}, "beauty": {"beauty"}, "home": {"home", "office"},
    "kitchen": {"kitchen"}, "pets": {"pet"}, "tech": {"phone accessories", "office"},
    "outdoors": {"outdoor"}, "lifestyle": {"home", "kitchen", "beauty", "fitness"},
    "fashion": {"beauty"}, "comedy": set(),
}  # fmt: skip
SELLER_VIDEOS = 90
CREATORS_ENGAGED = 40


@dataclass
class _Video:
    video_id: str
    posted: dt.date
    account: str
    creator_id: str
    product: _TikTokProduct
    content_type: str
    duration: int
    views: int
    avg_watch: float
    completion: float
    likes: int
    comments: int
    shares: int
    clicks: int
    orders: int
    items: int
    gmv: float


def _one_video(
    d: _Draws, tp: _TikTokProduct, account: str, creator: _Creator | None, used: set[str]
) -> _Video:
    p = tp.product
    while True:
        vid = "73" + d.code("0123456789", 17)
        if vid not in used:
            used.add(vid)
            break
    posted = ANALYSIS_START + dt.timedelta(days=d.below(DAYS))
    types = _SELLER_TYPES if creator is None else _CREATOR_TYPES
    content_type = types[d.below(len(types))]
    duration = 9 + d.below(52)
    if creator is None:
        views = round(d.lognormal(300.0, 2.0) * (0.5 + p.showability))
        engagement = 0.03 * math.exp(0.4 * d.normal())
    else:
        views = round(creator.avg_views * math.exp(1.5 * d.normal() - 1.1))
        engagement = creator.engagement * math.exp(0.2 * d.normal())
    views = max(views, 20 + d.below(40))
    completion = 0.08 + 0.3 * p.showability * d.uniform(0.6, 1.2) * math.sqrt(
        30.0 / (duration + 10)
    )
    avg_watch = duration * (completion + (1.0 - completion) * d.uniform(0.2, 0.45))
    likes = round(views * engagement * 0.85)
    comments = round(likes * d.uniform(0.01, 0.05))
    shares = round(likes * d.uniform(0.02, 0.10))
    click_rate = (0.006 + 0.02 * p.showability * p.impulse) * math.exp(0.3 * d.normal())
    if creator is not None:
        click_rate *= 0.6 + 0.8 * p.identity  # a creator's word moves identity products
    clicks = d.round_random(views * click_rate)
    conv = (0.02 + 0.06 * p.quality * (0.5 + p.impulse) / 1.5) * math.exp(0.2 * d.normal())
    orders = min(clicks, d.round_random(clicks * conv))
    items = orders + d.round_random(orders * 0.08)
    gmv = round(items * p.price_usd, 2)
    return _Video(
        vid,
        posted,
        account,
        "" if creator is None else creator.creator_id,
        tp,
        content_type,
        duration,
        views,
        round(avg_watch, 1),
        round(completion, 4),
        likes,
        comments,
        shares,
        clicks,
        orders,
        items,
        gmv,
    )


def _videos(seed: int, tiktok: list[_TikTokProduct], creators: list[_Creator]) -> list[_Video]:
    d = _Draws(seed, _STREAMS["videos"])
    used: set[str] = set()
    videos = []
    for _ in range(SELLER_VIDEOS):
        tp = tiktok[d.weighted([t.product.showability for t in tiktok])]
        videos.append(_one_video(d, tp, "seller", None, used))
    # the creators the seller engaged: mostly those whose category fits the products
    weights = [0.05 if not _MATCH[c.category] else 1.0 for c in creators]
    engaged: list[_Creator] = []
    while len(engaged) < CREATORS_ENGAGED:
        c = creators[d.weighted(weights)]
        if c not in engaged:
            engaged.append(c)
    for c in engaged:
        fits = [t for t in tiktok if t.product.category in _MATCH[c.category]] or tiktok
        for _ in range(1 + d.below(5)):
            tp = fits[d.weighted([0.2 + t.product.identity for t in fits])]
            videos.append(_one_video(d, tp, "creator", c, used))
    videos.sort(key=lambda v: (v.posted, v.video_id))
    return videos


VIDEO_HEADER = [
    "video_id", "posted_date", "account", "creator_id", "tiktok_product_id", "product_name",
    "content_type", "duration_s", "views", "avg_watch_s", "completion_rate", "likes",
    "comments", "shares", "product_clicks", "orders", "items_sold", "gmv_usd",
]  # fmt: skip


def _videos_text(videos: list[_Video]) -> str:
    rows = [
        [
            v.video_id, v.posted.isoformat(), v.account, v.creator_id, v.product.product_id,
            v.product.name, v.content_type, str(v.duration), str(v.views), _f(v.avg_watch, 1),
            _f(v.completion, 4), str(v.likes), str(v.comments), str(v.shares), str(v.clicks),
            str(v.orders), str(v.items), _f(v.gmv, 2),
        ]
        for v in videos
    ]  # fmt: skip
    return _csv_text(VIDEO_HEADER, rows)


def _creators_text(creators: list[_Creator], videos: list[_Video]) -> str:
    worked = {v.creator_id for v in videos if v.creator_id}
    header = [
        "creator_id", "handle", "category", "followers", "engagement_rate",
        "avg_views_per_video", "videos_per_month", "commission_rate",
        "typical_gmv_per_video_usd", "worked_with_seller",
    ]  # fmt: skip
    rows = [
        [
            c.creator_id, c.handle, c.category, str(c.followers), _f(c.engagement, 4),
            str(c.avg_views), str(c.videos_per_month), _f(c.commission, 2),
            _f(c.gmv_per_video, 2), "true" if c.creator_id in worked else "false",
        ]
        for c in creators
    ]  # fmt: skip
    return _csv_text(header, rows)


TIKTOK_HEADER = [
    "Product Name", "Product ID", "GMV", "Orders", "SKU orders", "Items sold",
    "AOV (SKU orders)", "Product impressions", "Product clicks", "CTR", "Add-to-cart count",
    "CTOR (SKU order)", "Refunds", "Items refunded", "Seller LIVE GMV", "Seller video GMV",
    "Creator GMV", "Product card GMV",
]  # fmt: skip


def _analytics_text(seed: int, tiktok: list[_TikTokProduct], videos: list[_Video]) -> str:
    d = _Draws(seed, _STREAMS["analytics"])
    rows = []
    for tp in tiktok:
        p = tp.product
        mine = [v for v in videos if v.product is tp]
        chan: dict[str, tuple[int, int, int]] = {}  # channel -> (clicks, orders, items)
        for account in ("seller", "creator"):
            vs = [v for v in mine if v.account == account]
            chan[account] = (
                sum(v.clicks for v in vs),
                sum(v.orders for v in vs),
                sum(v.items for v in vs),
            )
        live_orders = d.round_random(p.showability * p.impulse * d.uniform(0.0, 14.0))
        live_clicks = d.round_random(live_orders / d.uniform(0.05, 0.12)) + d.below(25)
        card_orders = d.round_random(p.considered * d.uniform(2.0, 14.0) + 1.0)
        card_clicks = d.round_random(card_orders / d.uniform(0.04, 0.09)) + d.below(30)
        chan["live"] = (live_clicks, live_orders, live_orders + d.round_random(live_orders * 0.1))
        chan["card"] = (card_clicks, card_orders, card_orders + d.round_random(card_orders * 0.05))
        gmv_by = {k: round(v[2] * p.price_usd, 2) for k, v in chan.items()}
        clicks = sum(v[0] for v in chan.values())
        sku_orders = sum(v[1] for v in chan.values())
        items = sum(v[2] for v in chan.values())
        orders = sku_orders - (math.floor(sku_orders * 0.05) if len(tp.skus) > 1 else 0)
        gmv = round(sum(gmv_by.values()), 2)
        ctr = d.uniform(0.012, 0.035) * (0.6 + 0.8 * p.showability)
        impressions = round(clicks / ctr) if clicks else 200 + d.below(800)
        add_to_cart = d.round_random(clicks * d.uniform(0.02, 0.07))
        refund_rate = 0.03 + 0.45 * (1.0 - p.quality)
        items_refunded = min(items, d.round_random(items * refund_rate))
        refunds = round(items_refunded * p.price_usd, 2)
        rows.append(
            [
                tp.name, tp.product_id, _money(gmv), _thousands(orders), _thousands(sku_orders),
                _thousands(items), _money(gmv / sku_orders) if sku_orders else "--",
                _thousands(impressions), _thousands(clicks), _pct(_ratio(clicks, impressions)),
                _thousands(add_to_cart), _pct(_ratio(sku_orders, clicks)), _money(refunds),
                _thousands(items_refunded), _money(gmv_by["live"]), _money(gmv_by["seller"]),
                _money(gmv_by["creator"]), _money(gmv_by["card"]),
            ]
        )  # fmt: skip
    rows.sort(key=lambda r: -float(r[2].replace("$", "").replace(",", "")))
    period = f"Analysis date: {ANALYSIS_START:%d/%m/%Y}~{ANALYSIS_END:%d/%m/%Y}"
    return _csv_text(TIKTOK_HEADER, rows, preamble=[period, ""])


def _stories_text() -> str:
    header = ["story_id", "story", "platform", "first", "second", "third", "ordering",
              "tricky", "explanation"]  # fmt: skip
    rows = [
        [s.story_id, s.story, s.platform, s.first, s.second, s.third, s.ordering,
         "true" if s.tricky else "false", s.explanation]
        for s in STORIES
    ]  # fmt: skip
    return _csv_text(header, rows)


# ---------------------------------------------------------------------------
# Public entry points
# ---------------------------------------------------------------------------


def build_files(seed: int = DEFAULT_SEED) -> dict[str, bytes]:
    """Build every bundled file in memory.

    Parameters
    ----------
    seed : int
        Seed (>= 0) for all random draws; :data:`DEFAULT_SEED` made the
        committed files.

    Returns
    -------
    dict of str to bytes
        File name (e.g. ``"products.csv"``, ``"datapackage.json"``) -> its bytes.
    """
    seed = check_seed(seed)
    month = _amazon_month(seed)
    tiktok = _tiktok_products(seed)
    creators = _creators(seed)
    videos = _videos(seed, tiktok, creators)
    texts = {
        "products": _products_text(month, tiktok),
        "amazon_business_report": _amazon_report_text(month),
        "tiktok_product_analytics": _analytics_text(seed, tiktok, videos),
        "tiktok_videos": _videos_text(videos),
        "creators": _creators_text(creators, videos),
        "purchase_stories": _stories_text(),
    }
    files = {DATASETS[name]: text.encode("utf-8") for name, text in texts.items()}
    stats = {
        name: (len(files[DATASETS[name]]), hashlib.sha256(files[DATASETS[name]]).hexdigest())
        for name in texts
    }
    descriptor = build_descriptor(stats, seed=seed)
    files[DESCRIPTOR_FILE] = (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode(
        "utf-8"
    )
    return files


def generate(out: str | os.PathLike | None = None, *, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write every synthetic dataset and the descriptor into a folder.

    Parameters
    ----------
    out : str or os.PathLike, optional
        Folder to write into (created if missing). Default: the bundled
        ``datasets/`` folder. Files there with the same names are replaced;
        other files (README.md) are left alone.
    seed : int
        Seed (>= 0); the default reproduces the committed files byte for byte.

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    if out is None:
        folder = datasets_dir()
    else:
        if not isinstance(out, (str, os.PathLike)):
            raise TypeError(f"out must be a folder path or None; got {out!r}")
        folder = Path(out).expanduser()
        if folder.exists() and not folder.is_dir():
            raise NotADirectoryError(f"out must be a folder; {str(folder)!r} is a file")
        folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in build_files(seed).items():
        target = folder / name
        target.write_bytes(data)
        written.append(target)
    return written


def write_tiktok_xlsx(target: str | os.PathLike, source: str | os.PathLike | None = None) -> Path:
    """Save a TikTok product-analytics CSV as an XLSX shaped like TikTok's own download.

    The date line goes in cell A1, the header in row 3 and the products below,
    every value as text exactly as in the CSV (TikTok's XLSX writes
    ``"$1,234.56"`` and ``"2.35%"`` as text too). Handy for trying the reader
    on an XLSX file; nothing in the course needs it at run time.

    Parameters
    ----------
    target : str or os.PathLike
        The XLSX file to write. It must not exist yet (nothing is overwritten).
    source : str or os.PathLike, optional
        The CSV to convert; the bundled export by default.

    Returns
    -------
    pathlib.Path
        ``target``.
    """
    import openpyxl

    from course.data.registry import path as dataset_path

    if not isinstance(target, (str, os.PathLike)):
        raise TypeError(f"target must be a file path; got {target!r}")
    dest = Path(target).expanduser()
    if dest.exists():
        raise FileExistsError(f"target {str(dest)!r} exists; choose a new file name")
    src = Path(source) if source is not None else dataset_path("tiktok_product_analytics")
    text = src.read_bytes().decode("utf-8-sig")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Product list"
    for row in csv.reader(io.StringIO(text, newline="")):
        sheet.append(row if row else [None])
    book.save(dest)
    return dest

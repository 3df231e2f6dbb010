"""Read a TikTok Shop Seller Center product-analytics export.

The export comes from *Seller Center > Data Compass > Product Analytics*
(download the product list). Its first line names the period, for example
``Analysis date: 01/05/2024~30/05/2024`` (day/month/year); the header is a row
or more below; each row below that is one product.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import BinaryIO

import pandas as pd

from course.data.cleaning import Column, build_table, normalise_header, read_grid

__all__ = [
    "CHANNEL_COLUMNS",
    "CORE_COLUMNS",
    "TIKTOK_COLUMNS",
    "parse_analysis_period",
    "read_tiktok_product_analytics",
]

#: The columns every result has, in this order.
CORE_COLUMNS = (
    "product_id",
    "product_name",
    "gmv",
    "orders",
    "sku_orders",
    "items_sold",
    "aov",
    "impressions",
    "clicks",
    "ctr",
    "add_to_cart",
    "ctor",
    "refunds",
    "items_refunded",
)

#: GMV by where the sale happened; together they add up to ``gmv``.
CHANNEL_COLUMNS = ("gmv_seller_live", "gmv_seller_video", "gmv_creator", "gmv_product_card")

TIKTOK_COLUMNS: tuple[Column, ...] = (
    Column("product_id", ("Product ID", "Product Id", "ID"), "id", True),
    Column("product_name", ("Product Name", "Product", "Product name"), "text", True),
    Column("gmv", ("GMV",), "money", True),
    Column("orders", ("Orders", "Paid orders"), "count", True),
    Column("sku_orders", ("SKU orders",), "count", True),
    Column("items_sold", ("Items sold", "Units sold"), "count", True),
    Column("aov", ("AOV (SKU orders)", "AOV"), "money", True),
    Column("impressions", ("Product impressions", "Impressions"), "count", True),
    Column("clicks", ("Product clicks", "Clicks"), "count", True),
    Column("ctr", ("CTR", "Click-through rate"), "share", True),
    Column("add_to_cart", ("Add-to-cart count", "Add to cart count", "Add-to-cart"), "count", True),
    Column("ctor", ("CTOR (SKU order)", "CTOR (SKU orders)", "CTOR"), "ratio", True),
    Column("refunds", ("Refunds", "Refund amount"), "money", True),
    Column("items_refunded", ("Items refunded", "Refunded items"), "count", True),
    Column("gmv_seller_live", ("Seller LIVE GMV", "LIVE GMV", "Shop LIVE GMV"), "money"),
    Column("gmv_seller_video", ("Seller video GMV", "Video GMV", "Shop video GMV"), "money"),
    Column("gmv_creator", ("Creator GMV", "Affiliate GMV", "Affiliate creator GMV"), "money"),
    Column("gmv_product_card", ("Product card GMV", "Product card and other GMV"), "money"),
    Column("buyers", ("Buyers", "Customers"), "count"),
    Column("page_views", ("Product page views", "Page views"), "count"),
    Column("visitors", ("Unique product page visitors", "Visitors"), "count"),
)

_DATE = r"(\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4})"
_PERIOD = re.compile(_DATE + r"\s*(?:~|～|to|至|–|—|\s-\s)\s*" + _DATE, re.IGNORECASE)
_TOTAL_WORDS = re.compile(r"^(grand\s+)?(totals?|sum|合计|总计|總計|合計)\s*:?$", re.IGNORECASE)


def _parse_date(text: str, *, day_first: bool) -> dt.date:
    parts = re.split(r"[/.\-]", text)
    a, b, c = (int(p) for p in parts)
    if len(parts[0]) == 4:
        return dt.date(a, b, c)
    return dt.date(c, b, a) if day_first else dt.date(c, a, b)


def parse_analysis_period(text: str) -> tuple[dt.date, dt.date] | None:
    """Find the analysis period in a line such as ``Analysis date: 01/05/2024~30/05/2024``.

    Dates are read day first (DD/MM/YYYY), as TikTok Shop writes them; ISO
    dates (``2024-05-01``) are read as year-month-day. A pair that is
    impossible day first but valid month first (``05/13/2024``) is read month
    first.

    Returns
    -------
    (datetime.date, datetime.date) or None
        ``None`` if the text holds no period.

    Raises
    ------
    ValueError
        If the dates are not real dates, or the start is after the end.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str; got {text!r} (type {type(text).__name__})")
    match = _PERIOD.search(text)
    if not match:
        return None
    first, second = match.group(1), match.group(2)
    try:
        start, end = _parse_date(first, day_first=True), _parse_date(second, day_first=True)
    except ValueError:
        try:
            start, end = (
                _parse_date(first, day_first=False),
                _parse_date(second, day_first=False),
            )
        except ValueError:
            raise ValueError(
                f"analysis period {match.group(0)!r} does not hold real dates "
                "(expected DD/MM/YYYY~DD/MM/YYYY)"
            ) from None
    if start > end:
        raise ValueError(
            f"analysis period {match.group(0)!r} starts ({start.isoformat()}) after it "
            f"ends ({end.isoformat()})"
        )
    return start, end


def _is_totals_row(raw: dict[str, object]) -> bool:
    for key in ("product_id", "product_name"):
        cell = raw.get(key)
        if isinstance(cell, str) and _TOTAL_WORDS.match(normalise_header(cell)):
            return True
    return False


def read_tiktok_product_analytics(
    path: str | os.PathLike | BinaryIO,
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    unknown_columns: str = "error",
) -> pd.DataFrame:
    """Read a TikTok Shop Seller Center product-analytics export (XLSX or CSV).

    Parameters
    ----------
    path : str, os.PathLike or binary file object
        The export, XLSX or CSV (told from the file's content). Only read:
        never written to, moved or locked. An ``io.BytesIO`` holding an
        uploaded file's bytes works too.
    encoding : str, optional
        Text encoding of a CSV file; detected when ``None`` (UTF-8 with or
        without a byte-order mark, UTF-16, GBK/GB18030, Windows-1252).
    sheet : str, optional
        Worksheet of an XLSX file (the first when ``None``).
    unknown_columns : {"error", "keep", "drop"}
        What to do with a column the reader does not know (see
        :func:`course.data.read_amazon_business_report`).

    Returns
    -------
    pandas.DataFrame
        One row per product, indexed by ``file_row`` (the row's number as Excel
        shows it), with these columns in this order:

        ============== ======= ===============================================
        column         dtype   meaning
        ============== ======= ===============================================
        product_id     string  TikTok's product ID (kept as text: 19 digits do
                               not fit in a float)
        product_name   string  the product's name
        gmv            float   gross merchandise value, USD (includes orders
                               later cancelled or refunded)
        orders         Int64   paid orders that included the product
        sku_orders     Int64   SKU orders (an order of two variations counts 2)
        items_sold     Int64   units sold
        aov            float   average value of a SKU order, USD
        impressions    Int64   times the product was shown (in videos, LIVE,
                               product cards, search)
        clicks         Int64   clicks on the product
        ctr            float   clicks / impressions, a fraction 0-1
        add_to_cart    Int64   times the product was added to a cart
        ctor           float   SKU orders / clicks, a fraction (may exceed 1)
        refunds        float   amount refunded, USD
        items_refunded Int64   units refunded
        ============== ======= ===============================================

        Then the channel GMVs when the export has them (USD, together they add
        up to ``gmv``): ``gmv_seller_live`` (the seller's own LIVE streams),
        ``gmv_seller_video`` (the seller's own videos), ``gmv_creator``
        (affiliate creators' videos and LIVE), ``gmv_product_card`` (the
        product card: search, shop tab, recommendations); and ``buyers``,
        ``page_views``, ``visitors`` if present. Missing values (empty, ``--``,
        ``—``) are NaN or <NA>, never 0.

        ``df.attrs`` holds ``analysis_start`` and ``analysis_end``
        (``datetime.date``, or ``None`` if the file has no date line),
        ``analysis_days``, ``source``, ``file_format``, ``encoding``,
        ``header_row``, ``columns`` and ``dropped_rows``.

    Raises
    ------
    FileNotFoundError
        If there is no file at ``path``.
    ValueError
        As for the Amazon reader: empty file, no header, missing or unknown
        columns, impossible values (negative counts, CTR over 100%, a product
        ID shortened by Excel into scientific notation, a repeated product ID),
        each named by column, row (as Excel numbers rows) and value; and an
        analysis period that is not a real date range.

    Examples
    --------
    >>> from course import data
    >>> export = data.read_tiktok_product_analytics(data.path("tiktok_product_analytics"))
    >>> export.attrs["analysis_start"] <= export.attrs["analysis_end"]
    True
    """
    grid = read_grid(path, encoding=encoding, sheet=sheet)
    result = build_table(
        grid,
        TIKTOK_COLUMNS,
        what="TikTok product-analytics export",
        unknown_columns=unknown_columns,
        is_totals_row=_is_totals_row,
        id_key="product_id",
    )
    period = None
    for row in result.preamble:
        line = " ".join(str(c) for c in row if c is not None and str(c).strip())
        period = parse_analysis_period(line)
        if period is not None:
            break
    frame = result.frame
    known = [c.key for c in TIKTOK_COLUMNS]
    optional = [k for k in known if k in frame.columns and k not in CORE_COLUMNS]
    extra = [c for c in frame.columns if c not in known]
    frame = frame[[*CORE_COLUMNS, *optional, *extra]]
    start, end = period if period is not None else (None, None)
    frame.attrs = {
        "analysis_start": start,
        "analysis_end": end,
        "analysis_days": (end - start).days + 1 if period is not None else None,
        "source": grid.source,
        "file_format": grid.file_format,
        "encoding": grid.encoding,
        "header_row": result.header_row,
        "columns": dict(result.columns),
        "dropped_rows": list(result.dropped_rows),
    }
    return frame

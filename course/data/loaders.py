"""``load(name)``: a bundled dataset as a typed DataFrame, checked first.

Every bundled file is checked against ``datasets/datapackage.json`` (types,
required values, ranges, allowed values, unique keys, and the file's size and
hash) before it is returned, so a hand-edited or damaged file fails loudly with
the field, row and value, instead of feeding wrong numbers into a chapter.
"""

from __future__ import annotations

import pandas as pd

from course.data.amazon import read_amazon_business_report
from course.data.registry import _check_name, datasets_dir, path, resource
from course.data.schema import check_file, read_table
from course.data.tiktok import read_tiktok_product_analytics

__all__ = ["load", "validate"]

_READERS = {
    "amazon_business_report": read_amazon_business_report,
    "tiktok_product_analytics": read_tiktok_product_analytics,
}


def validate(name: str | None = None) -> dict[str, list[str]]:
    """Check bundled files against the descriptor and list the problems.

    Parameters
    ----------
    name : str, optional
        One dataset (see :func:`course.data.names`); all of them when ``None``.

    Returns
    -------
    dict of str to list of str
        Dataset name -> problems found (empty lists when all is well).
    """
    from course.data.registry import DATASETS

    todo = list(DATASETS) if name is None else [_check_name(name)]
    out: dict[str, list[str]] = {}
    for key in todo:
        problems, _, _ = check_file(path(key), resource(key))
        out[key] = problems
    return out


def load(name: str) -> pd.DataFrame:
    """Load a bundled dataset as a typed DataFrame, checked against its descriptor.

    Parameters
    ----------
    name : str
        One of :func:`course.data.names`:

        ``"products"``
            The seller's catalogue (44 SKUs): price, rating, reviews, the
            teaching scores (showability, impulse, considered, identity,
            quality), margin and the last 30 days on Amazon.
        ``"amazon_business_report"``
            The same seller's Amazon business report, parsed exactly as
            :func:`course.data.read_amazon_business_report` parses a real one
            (snake_case columns, fractions, USD floats).
        ``"tiktok_product_analytics"``
            The seller's TikTok Shop product-analytics export, parsed by
            :func:`course.data.read_tiktok_product_analytics` (the analysis
            period is in ``df.attrs``).
        ``"tiktok_videos"``
            One row per video: date, account, content type, views,
            watch time, engagement, clicks, orders, GMV.
        ``"creators"``
            150 affiliate creators: followers, engagement, category,
            commission, typical GMV per video.
        ``"purchase_stories"``
            Chapter 1's labelled purchase stories.

    Returns
    -------
    pandas.DataFrame
        Columns typed from the descriptor: text as ``string``, whole numbers as
        ``int64``, other numbers as ``float64``, yes/no as ``bool``, dates as
        ``datetime64[ns]``. ``df.attrs["source"]`` is the file's path and
        ``df.attrs["dataset"]`` the name.

    Raises
    ------
    ValueError
        If ``name`` is not a bundled dataset, or the file does not match the
        descriptor (the message lists each problem with field, row and value).
    FileNotFoundError
        If the datasets folder or the file is missing.

    Examples
    --------
    >>> from course import data
    >>> stories = data.load("purchase_stories")
    >>> sorted(stories["ordering"].unique())
    ['interest', 'search', 'social']
    """
    key = _check_name(name)
    datasets_dir()  # a clear error first if the folder is missing
    file = path(key)
    entry = resource(key)
    if key in _READERS:
        problems, _, _ = check_file(file, entry)
        if problems:
            from course.data.schema import SchemaError

            raise SchemaError(str(file), problems)
        frame = _READERS[key](file)
    else:
        frame = read_table(file, entry)
        frame.attrs["source"] = str(file)
    frame.attrs["dataset"] = key
    return frame

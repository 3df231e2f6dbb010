"""Load the bundled datasets and read a seller's own exports.

The names a notebook uses:

>>> from course import data
>>> data.names()
['products', 'amazon_business_report', 'tiktok_product_analytics', 'tiktok_videos', 'creators', 'purchase_stories']
>>> products = data.load("products")
>>> report = data.read_amazon_business_report(data.path("amazon_business_report"))
>>> funnel = data.amazon_funnel(report)

Everything bundled is synthetic (see ``datasets/README.md``). Nothing here
downloads anything; the readers only read the files they are given.
"""

from course.data.amazon import read_amazon_business_report
from course.data.funnels import amazon_funnel, funnel_from_counts, tiktok_funnel
from course.data.loaders import load, validate
from course.data.registry import datasets_dir, descriptor, names, path
from course.data.tiktok import read_tiktok_product_analytics

__all__ = [
    "amazon_funnel",
    "datasets_dir",
    "descriptor",
    "funnel_from_counts",
    "load",
    "names",
    "path",
    "read_amazon_business_report",
    "read_tiktok_product_analytics",
    "tiktok_funnel",
    "validate",
]

"""Where the bundled datasets live and what they are called.

The bundled files sit in the folder ``datasets/`` at the root of the repository,
next to the ``course/`` package. They are found from the package's own location,
so a notebook can load them from any working directory.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from course._validate import check_choice

__all__ = ["DATASETS", "datasets_dir", "descriptor", "names", "path", "resource"]

#: Bundled dataset name -> file name inside ``datasets/``. The names are also the
#: resource names in ``datasets/datapackage.json``.
DATASETS: dict[str, str] = {
    "products": "products.csv",
    "amazon_business_report": "amazon_business_report.csv",
    "tiktok_product_analytics": "tiktok_product_analytics.csv",
    "tiktok_videos": "tiktok_videos.csv",
    "creators": "creators.csv",
    "purchase_stories": "purchase_stories.csv",
}

DESCRIPTOR_FILE = "datapackage.json"

#: Environment variable that points at another datasets folder (for maintainers
#: who keep a regenerated copy elsewhere). Unset in normal use.
ENV_VAR = "SHELF_TO_FEED_DATASETS"


def datasets_dir() -> Path:
    """Return the folder that holds the bundled datasets.

    The folder is ``datasets/`` in the repository root, that is the parent of the
    ``course/`` package, unless the environment variable
    ``SHELF_TO_FEED_DATASETS`` names another folder.

    Returns
    -------
    pathlib.Path
        An absolute path to an existing folder.

    Raises
    ------
    FileNotFoundError
        If the folder does not exist; the message says where it was looked for
        and how to get it back.
    """
    override = os.environ.get(ENV_VAR)
    if override:
        folder = Path(override).expanduser().resolve()
        where = f"the folder named by the environment variable {ENV_VAR}"
    else:
        folder = Path(__file__).resolve().parents[2] / "datasets"
        where = "the repository root, next to the course/ package"
    if not folder.is_dir():
        raise FileNotFoundError(
            f"The bundled datasets folder was not found at {folder} ({where}). "
            "It comes with the course repository: clone or download the whole "
            "repository (not only the course/ package), or regenerate the synthetic "
            "files with `python -m course.data generate --out DIR` and set "
            f"{ENV_VAR}=DIR."
        )
    return folder


def names() -> list[str]:
    """List the names of the bundled datasets, in a fixed order.

    Examples
    --------
    >>> from course import data
    >>> data.names()[:2]
    ['products', 'amazon_business_report']
    """
    return list(DATASETS)


def _check_name(name: object) -> str:
    if not isinstance(name, str):
        raise TypeError(
            f"name must be one of {', '.join(map(repr, DATASETS))}; got {name!r} "
            f"(type {type(name).__name__})"
        )
    return check_choice("name", name, DATASETS)


def path(name: str) -> Path:
    """Return the path of a bundled dataset file.

    Parameters
    ----------
    name : str
        One of :func:`names`, e.g. ``"amazon_business_report"``.

    Returns
    -------
    pathlib.Path
        The file's absolute path. Pass it to a reader (for example
        :func:`course.data.read_amazon_business_report`) exactly as you would pass
        the path of your own export.

    Raises
    ------
    ValueError
        If ``name`` is not a bundled dataset.
    FileNotFoundError
        If the datasets folder or the file is missing.
    """
    key = _check_name(name)
    file = datasets_dir() / DATASETS[key]
    if not file.is_file():
        raise FileNotFoundError(
            f"The bundled file for {key!r} is missing: {file}. Regenerate it with "
            "`python -m course.data generate` (synthetic files) or restore it from git."
        )
    return file


def descriptor() -> dict:
    """Return the Data Package descriptor ``datasets/datapackage.json`` as a dict.

    Raises
    ------
    FileNotFoundError
        If the descriptor is missing.
    ValueError
        If it is not valid JSON (the message gives the line and column).
    """
    file = datasets_dir() / DESCRIPTOR_FILE
    if not file.is_file():
        raise FileNotFoundError(
            f"The data package descriptor is missing: {file}. Regenerate it with "
            "`python -m course.data generate`."
        )
    text = file.read_text(encoding="utf-8")
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(
            f"{file} is not valid JSON: {err.msg} at line {err.lineno}, column {err.colno}"
        ) from None


def resource(name: str) -> dict:
    """Return the descriptor's resource entry (path, schema, ...) for a dataset."""
    key = _check_name(name)
    for entry in descriptor().get("resources", []):
        if entry.get("name") == key:
            return entry
    raise ValueError(f"datapackage.json has no resource named {key!r}")

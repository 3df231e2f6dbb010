"""Give every cell of the chapter notebooks a slide type, for ``make slides``.

Usage::

    python scripts/add_slide_metadata.py                 # every notebook in notebooks/
    python scripts/add_slide_metadata.py notebooks/03_interest_ecommerce.ipynb
    python scripts/add_slide_metadata.py --check         # list cells without one; exit 1
    python scripts/add_slide_metadata.py --reset         # rule for every cell, even set ones

It writes ``metadata.slideshow.slide_type`` (what JupyterLab's property inspector calls
"Slide Type") by the course's rule, :func:`course.slides.slide_type`:

- a Markdown cell that starts with a ``#`` or ``##`` heading starts a new **slide**;
- any other Markdown cell starts a **subslide**;
- a code cell that only imports, or holds only comments, is **skipped**;
- any other code cell (``-``) stays on the slide of the Markdown cell before it.

Cells that already have a slide type keep it (a choice made by hand in JupyterLab
wins) unless ``--reset`` is given. Nothing else in a notebook changes: the file is
read and written as plain JSON in nbformat's own layout (sorted keys, one-space
indent), and a notebook that needs no change is not rewritten, so running the script
twice changes nothing the second time.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))

from course.slides import add_slide_metadata, missing_slide_metadata  # noqa: E402


def dumps(nb: dict) -> str:
    """A notebook as nbformat writes it: sorted keys, one-space indent, final newline."""
    return json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def process(path: Path, *, reset: bool = False, check: bool = False) -> tuple[int, list[int]]:
    """Add slide types to one notebook file.

    Parameters
    ----------
    path : Path
        The ``.ipynb`` file.
    reset : bool
        Give every cell the rule's type, also cells that already have one.
    check : bool
        Write nothing; only report the cells without a slide type.

    Returns
    -------
    tuple of (int, list of int)
        How many cells were (or, with ``check``, would be) changed, and the numbers
        (1-based) of the cells that had no slide type before.
    """
    text = path.read_text(encoding="utf-8")
    nb = json.loads(text)
    missing = missing_slide_metadata(nb)
    changed = add_slide_metadata(nb, reset=reset)
    if changed and not check:
        path.write_text(dumps(nb), encoding="utf-8")
    return changed, missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: notebooks/*)")
    parser.add_argument("--reset", action="store_true", help="apply the rule to every cell")
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a cell has no slide type"
    )
    args = parser.parse_args(argv)
    paths = args.paths or sorted((ROOT / "notebooks").glob("*.ipynb"))
    not_files = [str(p) for p in paths if not p.is_file()]
    if not_files:
        parser.error(f"paths must be existing notebook files; not found: {', '.join(not_files)}")
    incomplete = 0
    for path in paths:
        changed, missing = process(path, reset=args.reset, check=args.check)
        if args.check:
            if missing:
                incomplete += 1
                shown = ", ".join(map(str, missing[:10])) + (", ..." if len(missing) > 10 else "")
                print(f"{path}: {len(missing)} cells without a slide type (cells {shown})")
            else:
                print(f"{path}: every cell has a slide type")
        elif changed:
            print(f"{path}: slide type written into {changed} cells")
        else:
            print(f"{path}: unchanged")
    if args.check and incomplete:
        print("Run: python scripts/add_slide_metadata.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

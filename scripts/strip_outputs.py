"""Remove outputs and execution counts from notebooks, or check that none are left.

Usage::

    python scripts/strip_outputs.py notebooks/*.ipynb          # strip in place
    python scripts/strip_outputs.py --check notebooks/*.ipynb  # exit 1 if any has outputs

Notebooks are committed clean: a learner runs them. Only the outputs, execution counts and
the per-cell execution metadata are removed; every cell's source stays as it is, and a file is
rewritten only when something changes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat


def dirty_cells(nb) -> list[int]:
    """Indices of code cells that carry outputs or an execution count."""
    return [
        i
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count"))
    ]


def strip(nb) -> bool:
    """Strip ``nb`` in place; return True when anything changed."""
    changed = False
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if cell.get("outputs") or cell.get("execution_count") is not None:
            changed = True
        cell["outputs"] = []
        cell["execution_count"] = None
        if "execution" in cell.get("metadata", {}):
            del cell["metadata"]["execution"]
            changed = True
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Strip or check notebook outputs.")
    parser.add_argument("--check", action="store_true", help="only report; change nothing")
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = args.paths or sorted(Path("notebooks").glob("*.ipynb"))
    bad = 0
    for path in paths:
        nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
        if args.check:
            cells = dirty_cells(nb)
            if cells:
                bad += 1
                print(
                    f"{path}: outputs or execution counts in code cells {cells}; "
                    f"run: python scripts/strip_outputs.py {path}"
                )
        elif strip(nb):
            nbformat.write(nb, path)
            print(f"stripped {path}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

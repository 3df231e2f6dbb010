"""The README's chapter table stays true: every notebook listed once, with its own minutes."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from course.notebook_rules import TIME_LINE, notebook_paths

ROOT = Path(__file__).resolve().parents[1]
ROW = re.compile(
    r"^\|\s*(\d+)\s*\|\s*\[[^\]]+\]\((notebooks/[^)]+\.ipynb)\)\s*\|.*\|\s*(\d+)\s*\|\s*$"
)


def _table() -> dict[str, tuple[int, int]]:
    rows = {}
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match:
            number, path, minutes = match.groups()
            assert path not in rows, f"README lists {path} twice"
            rows[path] = (int(number), int(minutes))
    return rows


def test_readme_lists_every_chapter_with_its_minutes():
    table = _table()
    notebooks = [p.relative_to(ROOT).as_posix() for p in notebook_paths(ROOT / "notebooks")]
    assert sorted(table) == sorted(notebooks), (
        f"README's chapter table and notebooks/ differ: only in README "
        f"{sorted(set(table) - set(notebooks))}, only in notebooks/ "
        f"{sorted(set(notebooks) - set(table))}"
    )
    for path, (number, minutes) in table.items():
        first = nbformat.read(ROOT / path, as_version=4).cells[0].source
        own = int(TIME_LINE.search(first).group(1))
        assert number == int(Path(path).name[:2]), f"README numbers {path} as {number}"
        assert minutes == own, f"README says {minutes} minutes for {path}; the notebook says {own}"

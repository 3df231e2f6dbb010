"""The chapter template gives a contributor the whole scaffold, and the tests say what is missing.

CONTRIBUTING.md promises: copy ``templates/chapter_template.ipynb`` to ``notebooks/NN_slug.ipynb``,
fill it in, and ``make test`` names every part still missing. These tests keep that promise.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat

from course import notebook_rules

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "templates" / "chapter_template.ipynb"


def test_template_is_a_clean_valid_notebook():
    nb = nbformat.read(TEMPLATE, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_template_has_every_part_of_the_scaffold():
    text = "\n".join(c.source for c in nbformat.read(TEMPLATE, as_version=4).cells)
    for part in (
        "# Chapter N:",
        "**Time:** about",
        "## In this chapter you will",
        "## For sellers",
        "## Summary",
        "widgets.",
        "ask(",
        "Next:",
    ):
        assert part in text, f"the template lacks {part!r}"


def test_a_chapter_copied_from_the_template_is_told_what_is_missing(tmp_path):
    chapter = tmp_path / "08_new_chapter.ipynb"
    shutil.copy(TEMPLATE, chapter)
    problems = "\n".join(notebook_rules.chapter_problems(chapter))
    for expected in (
        "the title must be '# Chapter 8: Title'",
        "exercises; a chapter needs at least 3",
        "words of Markdown narrative; a chapter needs at least 1,200",
        "still say TODO",
        "next chapter",
    ):
        assert expected in problems, f"expected a problem about {expected!r}; got:\n{problems}"
    assert not notebook_rules.hygiene_problems(chapter), "the template itself must be clean"

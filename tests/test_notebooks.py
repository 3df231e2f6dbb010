"""Every notebook is clean and every chapter has all its parts.

The rules live in :mod:`course.notebook_rules` (run ``python -m course.notebook_rules``
to list problems without pytest). The conventions every notebook follows:

File and hygiene (all notebooks, the welcome included)
    - File name ``NN_slug.ipynb``: two digits, ``_``, lower-case letters, digits and
      ``_``. Numbered 00, 01, 02, ... in chapter order, with no gaps or repeats.
    - Saved without outputs, execution counts or saved widget state; kernelspec name
      ``python3`` (display name "Python 3 (ipykernel)"); valid under
      ``nbformat.validate``.

First cell (all notebooks), Markdown::

    # Chapter N: Title                (the welcome: "# Welcome: ...")
    One or two sentences on what the chapter is about.

    **Time:** about NN minutes

    ## In this chapter you will       (the welcome may say "In this notebook")

    - three to five bullet points

Chapters 01 onwards also need
    - ``N`` in the title equal to the file's number; 25 to 45 minutes;
    - a heading ``## For sellers`` (what to do differently on Monday) and a heading
      ``## Summary``;
    - a last cell in Markdown linking the next chapter,
      ``[Chapter N+1: Title](NN_slug.ipynb)``, where the file exists; the last chapter
      says "This is the last chapter" instead;
    - at least 3 exercises, as ``ask("chNN-...")`` (or ``check("chNN-...", answer)``) in
      code cells, all registered in ``course/exercises/bank/chNN.py``, at least one of
      kind ``"choice"`` and at least one with ``uses_simulation=True``;
    - at least one widget besides the exercises: a code cell that uses ``course.widgets``
      (``from course.widgets import ...``, then call it); ``ask(...)`` does not count,
      since every chapter has exercises anyway;
    - at least 1,200 words of Markdown narrative;
    - code cells of at most 15 non-blank lines (aim for about 10).

Every failure names the notebook and the missing part, e.g.
``notebooks/03_interest_feed.ipynb: no '## Summary' heading``.

The ``slow`` test at the end runs every notebook twice and compares the text it prints.
"""

from __future__ import annotations

import json
import types
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from course import notebook_rules as R

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = R.notebook_paths(ROOT / "notebooks")
CHAPTERS = [p for p in NOTEBOOKS if (R.chapter_number(p) or 0) >= 1]


def _ids(paths):
    return [p.name for p in paths]


def _explain(problems):
    return "\n".join(["", *problems])


# ----------------------------------------------------------------------------- the real notebooks
def test_the_welcome_notebook_exists():
    assert (ROOT / "notebooks" / "00_welcome.ipynb") in NOTEBOOKS


def test_notebooks_are_numbered_in_order_without_gaps():
    problems = R.sequence_problems(NOTEBOOKS)
    assert not problems, _explain(problems)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_notebook_hygiene(path):
    problems = R.hygiene_problems(path)
    assert not problems, _explain(problems)


@pytest.mark.parametrize("path", CHAPTERS, ids=_ids(CHAPTERS))
def test_chapter_has_every_part(path):
    problems = R.chapter_problems(path)
    assert not problems, _explain(problems)


def test_welcome_notebook_content():
    path = ROOT / "notebooks" / "00_welcome.ipynb"
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[0].source.startswith("# Welcome")
    assert nb.metadata.kernelspec.display_name == "Python 3 (ipykernel)"
    assert nb.metadata.language_info.name == "python"
    assert R.markdown_words(nb) >= 900
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "welcome_check()" in code
    from course.exercises import ids

    called = R.exercise_ids(nb)
    assert len(called) >= 2 and set(called) <= set(ids())
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for must in [
        "Shift+Enter",
        "[*]",
        "Kernel > Restart Kernel and Run All Cells",
        "File > Download",
        "10 minutes",
        "## For sellers",
        "## Summary",
    ]:
        assert must in text, must
    for chapter in range(1, 8):
        assert f"\n| {chapter} |" in text, f"chapter {chapter} missing from the map"
    links = R.NOTEBOOK_LINK.findall(nb.cells[-1].source)
    assert links and R.chapter_number(links[-1]) == 1
    first_chapters = [p for p in NOTEBOOKS if R.chapter_number(p) == 1]
    if first_chapters:
        assert links[-1] == first_chapters[0].name


def test_code_cells_in_every_notebook_are_short():
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for n, cell in enumerate(nb.cells, start=1):
            if cell.cell_type == "code":
                lines = [ln for ln in cell.source.splitlines() if ln.strip()]
                assert len(lines) <= R.MAX_CODE_LINES, f"{path.name} cell {n}"


# ----------------------------------------------------------------------------- the rules themselves
FAKE_REGISTRY = {
    "ch01-pick": types.SimpleNamespace(kind="choice", uses_simulation=False),
    "ch01-simulate": types.SimpleNamespace(kind="number", uses_simulation=True),
    "ch01-order": types.SimpleNamespace(kind="order", uses_simulation=False),
    "ch02-other": types.SimpleNamespace(kind="choice", uses_simulation=True),
}


@pytest.fixture
def fake_registry(monkeypatch):
    monkeypatch.setattr(R, "_registry_lookup", lambda: (dict(FAKE_REGISTRY), None))


def good_chapter(number: int = 1) -> nbformat.NotebookNode:
    """A chapter notebook with every required part (the shape of the chapter template)."""
    narrative = " ".join(["word"] * 1250)
    cells = [
        new_markdown_cell(
            f"# Chapter {number}: Testing\n\nWhat this is about.\n\n**Time:** about 30 "
            "minutes\n\n## In this chapter you will\n\n- learn a\n- learn b\n- learn c"
        ),
        new_markdown_cell(f"## A section\n\n{narrative}"),
        new_code_cell("from course.widgets import thing\n\nthing()"),
        new_code_cell('from course.exercises import ask, check\n\nask("ch01-pick")'),
        new_code_cell('ask("ch01-simulate")'),
        new_code_cell('check("ch01-order", ["a", "b"])'),
        new_markdown_cell("## For sellers\n\n- do this on Monday"),
        new_markdown_cell("## Summary\n\n- the point"),
        new_markdown_cell(f"Next: [Chapter {number + 1}]({number + 1:02d}_next.ipynb)"),
    ]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    return nb


def write(folder: Path, name: str, nb) -> Path:
    path = folder / name
    nbformat.write(nb, path)
    return path


@pytest.fixture
def chapter_dir(tmp_path):
    """A folder with 00 and 02 present, so that a 01 chapter can link to 02."""
    write(tmp_path, "00_welcome.ipynb", good_chapter(0))
    write(tmp_path, "02_next.ipynb", good_chapter(2))
    return tmp_path


def problems_after(chapter_dir, change) -> list[str]:
    nb = good_chapter(1)
    change(nb)
    path = write(chapter_dir, "01_test.ipynb", nb)
    return R.hygiene_problems(path) + R.chapter_problems(path)


def test_the_template_shape_has_no_problems(chapter_dir, fake_registry):
    assert problems_after(chapter_dir, lambda nb: None) == []


def test_the_message_names_the_notebook_and_the_missing_part(chapter_dir, fake_registry):
    def drop_summary(nb):
        nb.cells = [c for c in nb.cells if not c.source.startswith("## Summary")]

    problems = problems_after(chapter_dir, drop_summary)
    assert problems == [f"{(chapter_dir / '01_test.ipynb').as_posix()}: no '## Summary' heading"]


def _replace_first(text):
    def change(nb):
        nb.cells[0].source = text

    return change


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda nb: nb.cells.pop(6), "no '## For sellers' heading"),
        (
            _replace_first("Chapter one\n\n**Time:** about 30 minutes"),
            "must start with a '# ' title",
        ),
        (
            _replace_first("# Chapter 1: T\n\n## In this chapter you will\n\n- a\n- b\n- c"),
            "needs a line '**Time:** about NN minutes'",
        ),
        (
            _replace_first("# Chapter 1: T\n\n**Time:** about 30 minutes\n\n- a\n- b\n- c"),
            "needs the heading '## In this chapter you will'",
        ),
        (
            _replace_first(
                "# Chapter 1: T\n\n**Time:** about 30 minutes\n\n## In this chapter you will\n\n- a"
            ),
            "needs 3 to 5 bullet points; found 1",
        ),
        (
            _replace_first(
                "# Chapter 1: T\n\n**Time:** about 60 minutes\n\n## In this chapter you will"
                "\n\n- a\n- b\n- c"
            ),
            "a chapter takes 25 to 45 minutes; the first cell says 60",
        ),
        (
            _replace_first(
                "# Chapter 3: T\n\n**Time:** about 30 minutes\n\n## In this chapter you will"
                "\n\n- a\n- b\n- c"
            ),
            "the title says Chapter 3 but the file is number 01",
        ),
        (
            _replace_first(
                "# Testing\n\n**Time:** about 30 minutes\n\n## In this chapter you will"
                "\n\n- a\n- b\n- c"
            ),
            "the title must be '# Chapter 1: Title'",
        ),
        (
            _replace_first(
                "# Chapter 1: T\n\n**Time:** about 30 minutes\n\n## In this notebook you will"
                "\n\n- a\n- b\n- c"
            ),
            "the objectives heading must be '## In this chapter you will'",
        ),
        (
            lambda nb: setattr(nb.cells[1], "source", "## A section\n\nToo short."),
            "words of Markdown narrative; a chapter needs at least 1,200",
        ),
        (
            lambda nb: setattr(nb.cells[2], "source", "\n".join(["x = 1"] * 16)),
            "code cell 3 has 16 lines",
        ),
        (lambda nb: setattr(nb.cells[2], "source", "x = 1"), "no widget"),
        (lambda nb: nb.cells.pop(5), "2 exercises; a chapter needs at least 3"),
        (
            lambda nb: setattr(nb.cells[4], "source", 'ask("ch01-missing")'),
            "exercise ids not registered in course/exercises/bank/ch01.py: ch01-missing",
        ),
        (
            lambda nb: setattr(nb.cells[4], "source", 'ask("ch02-other")'),
            "exercises from another chapter: ch02-other",
        ),
        (
            lambda nb: setattr(nb.cells[3], "source", 'ask("ch01-order")'),
            "no multiple-choice exercise (kind='choice')",
        ),
        (
            lambda nb: setattr(nb.cells[4], "source", 'ask("ch01-order")'),
            "no exercise that uses a simulation (uses_simulation=True)",
        ),
        (
            lambda nb: setattr(nb.cells[-1], "source", "The end."),
            "the last cell must link the next chapter",
        ),
        (lambda nb: nb.cells.append(new_code_cell("1")), "the last cell must be Markdown"),
        (
            lambda nb: setattr(nb.cells[-1], "source", "[Next](03_next.ipynb)"),
            "the last cell links 03_next.ipynb, but the next chapter is number 02",
        ),
        (
            lambda nb: setattr(nb.cells[-1], "source", "[Next](02_other.ipynb)"),
            "the last cell links 02_other.ipynb, which does not exist",
        ),
        (
            lambda nb: setattr(nb.cells[2], "outputs", [new_output("stream", text="hi")]),
            "code cells 3 have outputs",
        ),
        (
            lambda nb: setattr(nb.cells[2], "execution_count", 4),
            "code cells 3 have execution counts",
        ),
        (
            lambda nb: nb.metadata.__setitem__(
                "kernelspec", {"name": "python2", "display_name": "x"}
            ),
            "kernelspec name must be 'python3'; got 'python2'",
        ),
        (
            lambda nb: nb.metadata.__setitem__("widgets", {"state": {}}),
            "holds saved widget state",
        ),
    ],
)
def test_each_missing_part_is_named(chapter_dir, fake_registry, change, expected):
    problems = problems_after(chapter_dir, change)
    assert any(expected in p for p in problems), _explain(problems)
    assert all(p.startswith(f"{(chapter_dir / '01_test.ipynb').as_posix()}: ") for p in problems)


def test_the_last_chapter_may_say_so_instead_of_linking(chapter_dir, fake_registry):
    def last(nb):
        nb.cells[-1].source = "This is the last chapter. Well done!"

    assert problems_after(chapter_dir, last) == []


def test_a_broken_exercise_bank_is_reported_not_raised(chapter_dir, monkeypatch):
    monkeypatch.setattr(R, "_registry_lookup", lambda: ({}, "ExerciseDefinitionError: oops"))
    problems = problems_after(chapter_dir, lambda nb: None)
    assert any(
        "the exercise bank cannot be loaded: ExerciseDefinitionError: oops" in p for p in problems
    )


def test_an_invalid_notebook_is_reported(tmp_path):
    path = write(tmp_path, "01_broken.ipynb", good_chapter(1))
    data = json.loads(path.read_text())
    del data["cells"][2]["outputs"]  # a code cell must have outputs, even if empty
    path.write_text(json.dumps(data))
    problems = R.hygiene_problems(path)
    assert any(p.startswith(f"{path.as_posix()}: not a valid notebook") for p in problems)
    (tmp_path / "02_text.ipynb").write_text("not json")
    assert "cannot be read as a notebook" in R.hygiene_problems(tmp_path / "02_text.ipynb")[0]


def test_file_names_must_follow_the_pattern(tmp_path):
    path = write(tmp_path, "1-Intro.ipynb", good_chapter(1))
    assert any("the file name must be NN_slug.ipynb" in p for p in R.hygiene_problems(path))
    assert R.chapter_problems(path) == []  # not a chapter file at all


def test_numbering_gaps_and_repeats_are_named():
    names = ["00_a.ipynb", "01_b.ipynb", "01_c.ipynb", "03_d.ipynb"]
    problems = R.sequence_problems(Path(n) for n in names)
    assert "notebooks: number 01 is used by 01_b.ipynb, 01_c.ipynb" in problems
    assert "notebooks: number 02 missing (found 00, 01, 03); number from 00" in problems
    starts_late = R.sequence_problems([Path("01_a.ipynb")])
    assert starts_late == ["notebooks: number 00 missing (found 01); number from 00"]
    assert R.sequence_problems([Path("00_a.ipynb"), Path("01_b.ipynb")]) == []


def test_all_problems_and_the_command_line(chapter_dir, fake_registry, capsys):
    write(chapter_dir, "01_test.ipynb", good_chapter(1))
    second = (chapter_dir / "02_next.ipynb").as_posix()
    # 02_next is a copy of the chapter shape: it links a missing 03 and calls ch01 exercises
    assert R.all_problems(chapter_dir) == [
        f"{second}: the last cell links 03_next.ipynb, which does not exist in "
        f"{chapter_dir.as_posix()}/",
        f"{second}: exercises from another chapter: ch01-pick, ch01-simulate, ch01-order "
        "(ids here start with 'ch02-')",
    ]
    assert R.main([str(chapter_dir / "01_test.ipynb")]) == 0
    assert "All 1 notebooks follow the rules." in capsys.readouterr().out
    assert R.main([str(chapter_dir / "02_next.ipynb")]) == 1
    with pytest.raises(FileNotFoundError, match="existing notebooks folder"):
        R.notebook_paths(chapter_dir / "nowhere")


def test_markdown_words_skip_code_html_and_link_targets():
    nb = new_notebook(
        cells=[
            new_markdown_cell(
                "Two words\n\n```python\nignored code here\n```\n<b>bold</b> "
                "[a link](https://example.com/very/long/path) it's e-commerce"
            ),
            new_code_cell("these do not count"),
        ]
    )
    assert R.markdown_words(nb) == 7  # Two words bold a link it's e-commerce


def test_exercise_ids_are_found_once_each_in_order():
    nb = new_notebook(
        cells=[
            new_code_cell("ask('ch01-b')\nask(\"ch01-a\")"),
            new_code_cell("check( 'ch01-b', 3)\ncheck(\"ch01-c\", x)\nprint('ch01-d')"),
        ]
    )
    assert R.exercise_ids(nb) == ["ch01-b", "ch01-a", "ch01-c"]


def test_text_outputs_hide_addresses_and_model_ids():
    cell = new_code_cell("x")
    cell.outputs = [
        new_output("stream", name="stdout", text="<object at 0x7f3a9c>\n"),
        new_output(
            "display_data",
            data={"text/plain": "VBox(model 0123456789abcdef0123456789abcdef)"},
        ),
        new_output("error", ename="ValueError", evalue="bad", traceback=[]),
    ]
    nb = new_notebook(cells=[cell])
    assert R.text_outputs(nb) == [
        "[cell 1] <object at 0x…>\n",
        "[cell 1] VBox(model <model-id>)",
        "[cell 1] ValueError: bad",
    ]


# ----------------------------------------------------------------------------- determinism
@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_running_a_notebook_twice_prints_the_same(path):
    first = R.text_outputs(R.execute(path, timeout=600))
    second = R.text_outputs(R.execute(path, timeout=600))
    assert first, f"{path.name} printed nothing at all"
    assert first == second

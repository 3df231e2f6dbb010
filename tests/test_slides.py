"""The slide decks (course/slides.py) and scripts/add_slide_metadata.py.

A deck must work offline: it may load nothing from the internet. The script that writes
slide types into the notebooks must change nothing but ``metadata.slideshow`` and must
change nothing at all when run a second time.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course import slides
from course.notebook_rules import notebook_paths

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "add_slide_metadata.py"

# An independent, blunt check next to slides.remote_references: any src= or any
# <link href=> with an http(s) or protocol-relative address, or a known CDN host.
SRC_REMOTE = re.compile(r"""\bsrc\s*=\s*["']\s*(?:https?:)?//""", re.IGNORECASE)
LINK_REMOTE = re.compile(r"""<link\b[^>]*\bhref\s*=\s*["']\s*(?:https?:)?//""", re.IGNORECASE)
CDNS = ("cdnjs", "unpkg.com", "jsdelivr", "googleapis", "mathjax.org", "code.jquery.com")


def _assert_offline(html: str) -> None:
    assert slides.remote_references(html) == []
    assert not SRC_REMOTE.search(html), SRC_REMOTE.search(html)
    assert not LINK_REMOTE.search(html), LINK_REMOTE.search(html)
    for host in CDNS:
        assert host not in html.lower(), host


def _local_loads(html: str) -> list[str]:
    return re.findall(r"""(?:src|<link[^>]*href)\s*=\s*["']([^"'#][^"']*)["']""", html)


# --------------------------------------------------------------------------- decks


@pytest.fixture(scope="module")
def chapter_deck(tmp_path_factory) -> Path:
    """The deck of chapter 1, built from the saved notebook (no outputs) into a temp folder."""
    out = tmp_path_factory.mktemp("deck")
    notebook = next(p for p in notebook_paths() if p.name.startswith("01_"))
    return slides.build_deck(notebook, out, execute=False)


def test_chapter_deck_is_built_offline(chapter_deck):
    html = chapter_deck.read_text(encoding="utf-8")
    _assert_offline(html)
    # It is a reveal.js deck with slides, and every file it loads is next to it.
    assert html.count("<section") >= 5
    loads = _local_loads(html)
    assert any(x.endswith("dist/reveal.js") for x in loads)
    assert any(x.endswith("plugin/notes/notes.js") for x in loads)
    for ref in loads:
        assert (chapter_deck.parent / ref).is_file(), f"{ref} is loaded but was not copied"


def test_chapter_deck_links_the_next_deck(chapter_deck):
    html = chapter_deck.read_text(encoding="utf-8")
    assert re.search(r'href="02_[a-z0-9_]+\.slides\.html"', html)
    assert not re.search(r'href="\d\d_[a-z0-9_]+\.ipynb', html)


def test_copied_style_sheets_load_nothing_remote(chapter_deck):
    sheets = list((chapter_deck.parent / slides.STATIC_NAME).rglob("*.css"))
    assert sheets
    for sheet in sheets:
        assert slides.remote_references(sheet.read_text(encoding="utf-8"), kind="css") == []


def test_executed_deck_with_widget_and_figure_is_offline(tmp_path):
    """Outputs are kept (the figure is inline), a widget becomes a note, nothing is remote."""
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# A tiny chapter\n\n**Time:** about 5 minutes"),
            nbformat.v4.new_code_cell("import ipywidgets"),
            nbformat.v4.new_markdown_cell("## A widget and a figure"),
            nbformat.v4.new_code_cell("ipywidgets.IntSlider(value=3)"),
            nbformat.v4.new_code_cell(
                "from matplotlib.figure import Figure\n"
                "fig = Figure(figsize=(2, 2))\nfig.subplots().plot([1, 3, 2])\nfig"
            ),
        ]
    )
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = tmp_path / "99_tiny.ipynb"
    nbformat.write(nb, path)
    deck = slides.build_deck(path, tmp_path / "out", execute=True, timeout=120)
    html = deck.read_text(encoding="utf-8")
    _assert_offline(html)
    assert "course-widget-note" in html
    assert slides.WIDGET_MIME not in html
    assert "data:image/png;base64" in html
    assert "import ipywidgets" not in html  # the import-only cell is skipped
    assert nbformat.read(path, as_version=4) == nb  # the notebook on disk is untouched


def test_build_decks_refuses_unknown_chapter(tmp_path):
    with pytest.raises(ValueError, match="chapters must be numbers of existing notebooks"):
        slides.build_decks(tmp_path, chapters=[98], execute=False)
    with pytest.raises(TypeError, match="execute must be True or False"):
        slides.build_decks(tmp_path, chapters=[1], execute="yes")


def test_build_deck_refuses_missing_notebook_and_bad_timeout(tmp_path):
    with pytest.raises(FileNotFoundError, match="notebook must be an existing"):
        slides.build_deck(tmp_path / "nope.ipynb", tmp_path)
    notebook = notebook_paths()[0]
    with pytest.raises(ValueError, match="timeout must be a whole number in"):
        slides.build_deck(notebook, tmp_path, execute=False, timeout=0)


def test_cli_builds_one_deck_and_index(tmp_path, capsys):
    assert slides.main([str(tmp_path), "--chapter", "0", "--no-execute"]) == 0
    printed = capsys.readouterr().out
    assert "Wrote 1 deck(s)" in printed
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="00_[a-z0-9_]+\.slides\.html"', index)
    _assert_offline(index)
    assert slides.main([str(tmp_path), "--chapter", "97", "--no-execute"]) == 1


# --------------------------------------------------------------------------- remote check


@pytest.mark.parametrize(
    "html",
    [
        '<script src="https://cdnjs.example.org/require.js"></script>',
        "<script src='//example.org/x.js'></script>",
        '<link rel="stylesheet" href="http://example.org/a.css">',
        '<img src="https://example.org/a.png">',
        "<style>@import url(https://example.org/font.css);</style>",
        "<style>body { background: url('//example.org/bg.png') }</style>",
        "<script type=\"module\">import mermaid from 'https://example.org/m.mjs';</script>",
        '<div style="background-image: url(https://example.org/x.png)"></div>',
        "<p>served from unpkg.com</p>",
    ],
)
def test_remote_references_finds_remote_loads(html):
    assert slides.remote_references(html)


def test_remote_references_ignores_links_a_reader_clicks_and_local_files():
    html = (
        '<a href="https://www.nrf.com/">NRF</a>'
        '<script src="_static/reveal.js/dist/reveal.js"></script>'
        '<link rel="stylesheet" href="_static/reveal.js/dist/reveal.css">'
        '<img src="data:image/png;base64,AAAA">'
    )
    assert slides.remote_references(html) == []
    assert slides.remote_references("/* By Hakim, http://hakim.se */ a{}", kind="css") == []
    with pytest.raises(ValueError, match="kind must be one of"):
        slides.remote_references("", kind="pdf")


# --------------------------------------------------------------------------- the rule


def _md(text: str) -> dict:
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def _code(text: str) -> dict:
    return {
        "cell_type": "code",
        "metadata": {},
        "source": text,
        "outputs": [],
        "execution_count": None,
    }


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (_md("# Chapter 1: Title\n\n**Time:** about 35 minutes"), "slide"),
        (_md("\n## Summary\n- one"), "slide"),
        (_md("### A sub-heading\ntext"), "subslide"),
        (_md("Plain text that explains the next cell."), "subslide"),
        (_md("#hashtag is not a heading"), "subslide"),
        (_code("import pandas as pd\nfrom course import (\n    plots,\n    widgets,\n)"), "skip"),
        (_code("# Type or paste the code here, then run this cell.\n"), "skip"),
        (_code("%matplotlib inline\nimport course"), "-"),
        (_code("fig = plots.funnel_chart(result)\nfig"), "-"),
        ({"cell_type": "raw", "metadata": {}, "source": "x"}, "skip"),
    ],
)
def test_slide_type_rule(cell, expected):
    assert slides.slide_type(cell) == expected


def test_slide_type_validates_its_input():
    with pytest.raises(TypeError, match="cell must be a notebook cell"):
        slides.slide_type("# Title")
    with pytest.raises(ValueError, match="cell_type must be one of"):
        slides.slide_type({"cell_type": "picture", "source": ""})


def test_add_slide_metadata_keeps_hand_made_choices_unless_reset():
    nb = {"cells": [_md("## Section"), _md("More text")]}
    nb["cells"][1]["metadata"]["slideshow"] = {"slide_type": "notes"}
    assert slides.add_slide_metadata(nb) == 1
    assert nb["cells"][1]["metadata"]["slideshow"]["slide_type"] == "notes"
    assert slides.add_slide_metadata(nb, reset=True) == 1
    assert nb["cells"][1]["metadata"]["slideshow"]["slide_type"] == "subslide"
    assert slides.missing_slide_metadata(nb) == []
    with pytest.raises(TypeError, match="reset must be True or False"):
        slides.add_slide_metadata(nb, reset=1)
    with pytest.raises(TypeError, match="nb must be a notebook"):
        slides.add_slide_metadata({"cells": "none"})


def test_add_slide_metadata_on_a_notebook_node_keeps_other_metadata():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("## A")])
    nb.cells[0].metadata["tags"] = ["keep"]
    nb.cells[0].metadata["slideshow"] = {"slide_type": "bogus", "other": 1}
    assert slides.add_slide_metadata(nb) == 1
    assert nb.cells[0].metadata["slideshow"] == {"slide_type": "slide", "other": 1}
    assert nb.cells[0].metadata["tags"] == ["keep"]


cells = st.one_of(
    st.builds(_md, st.text(alphabet="#  ab\n", max_size=12)),
    st.builds(
        _code, st.sampled_from(["import os", "x = 1", "# note", "", "%time x", "from a import b"])
    ),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(cells, max_size=8), st.booleans())
def test_add_slide_metadata_is_idempotent_and_only_writes_slideshow(cell_list, reset):
    nb = {"cells": cell_list, "metadata": {"kernelspec": {"name": "python3"}}}
    before = copy.deepcopy(nb)
    slides.add_slide_metadata(nb, reset=reset)
    assert slides.missing_slide_metadata(nb) == []
    once = copy.deepcopy(nb)
    assert slides.add_slide_metadata(nb, reset=reset) == 0
    assert nb == once
    for cell in nb["cells"]:
        cell["metadata"].pop("slideshow")
    assert nb == before


def test_prepare_notebook_leaves_the_original_alone():
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("Next: [Chapter 2](02_search_ecommerce.ipynb#top)")]
    )
    ready = slides.prepare_notebook(nb)
    assert ready.cells[0].source == "Next: [Chapter 2](02_search_ecommerce.slides.html#top)"
    assert nb.cells[0].source.endswith("02_search_ecommerce.ipynb#top)")
    assert "slideshow" not in nb.cells[0].metadata


# --------------------------------------------------------------------------- the script


@pytest.fixture
def notebook_copies(tmp_path) -> list[Path]:
    """Copies of two real chapter notebooks; the script never runs on notebooks/ here."""
    chosen = [p for p in notebook_paths() if p.name[:2] in ("00", "03")]
    copies = []
    for p in chosen:
        shutil.copy(p, tmp_path / p.name)
        copies.append(tmp_path / p.name)
    return copies


def _load_script():
    spec = importlib.util.spec_from_file_location("add_slide_metadata", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCRIPT_MODULE = _load_script()


def _run_script(capsys, *args: str) -> tuple[int, str, str]:
    """Run the script's main() in this process (a subprocess would re-import pandas)."""
    capsys.readouterr()
    try:
        code = SCRIPT_MODULE.main(list(args))
    except SystemExit as exc:  # argparse errors
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def _without_slideshow(nb: dict) -> dict:
    nb = copy.deepcopy(nb)
    for cell in nb["cells"]:
        cell.get("metadata", {}).pop("slideshow", None)
    return nb


def test_script_is_idempotent_and_changes_only_slide_metadata(notebook_copies, capsys):
    originals = {p: json.loads(p.read_text(encoding="utf-8")) for p in notebook_copies}
    paths = [str(p) for p in notebook_copies]

    code, out, _ = _run_script(capsys, "--check", *paths)
    if any(slides.missing_slide_metadata(nb) for nb in originals.values()):
        assert code == 1
        assert "cells without a slide type" in out
    assert {p: json.loads(p.read_text(encoding="utf-8")) for p in notebook_copies} == originals

    code, _, err = _run_script(capsys, *paths)
    assert code == 0, err
    after_first = {p: p.read_bytes() for p in notebook_copies}
    for p, original in originals.items():
        written = json.loads(after_first[p])
        assert _without_slideshow(written) == _without_slideshow(original)
        assert slides.missing_slide_metadata(written) == []
        nbformat.validate(nbformat.reads(after_first[p].decode("utf-8"), as_version=4))

    code, out, err = _run_script(capsys, *paths)
    assert code == 0, err
    assert out.count("unchanged") == len(paths)
    assert {p: p.read_bytes() for p in notebook_copies} == after_first

    assert _run_script(capsys, "--check", *paths)[0] == 0


def test_script_rejects_missing_files(tmp_path, capsys):
    code, _, err = _run_script(capsys, str(tmp_path / "missing.ipynb"))
    assert code == 2
    assert "paths must be existing notebook files" in err

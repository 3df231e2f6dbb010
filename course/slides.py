"""Build a reveal.js slide deck per chapter, offline: ``python -m course.slides OUTDIR``.

``make slides`` runs ``python -m course.slides slides``: every notebook in ``notebooks/``
becomes ``slides/NN_slug.slides.html`` (``jupyter nbconvert --to slides`` under the
hood, through :class:`nbconvert.SlidesExporter`), with ``slides/index.html`` listing the
decks. The decks work without internet:

- reveal.js is copied from ``course/_slides/reveal.js`` (version 5.2.1, MIT licence; see
  its ``VENDORED.md``) to ``OUTDIR/_static/reveal.js`` and loaded from there through
  nbconvert's ``SlidesExporter.reveal_url_prefix`` trait;
- the deck template, ``course/_slides/templates/course_reveal``, extends nbconvert's
  ``reveal`` template and drops what the stock template fetches from CDNs (jQuery,
  require.js, MathJax, mermaid and the Jupyter widget manager);
- saved widget outputs are replaced by a short note (a widget needs a live kernel) and
  links between chapters point at the other decks;
- :func:`remote_references` checks every deck written and the build fails if it finds
  a script, style sheet, image or font that would be fetched from the internet.

By default each notebook is executed first (in a fresh kernel of this Python, from the
``notebooks/`` folder), so the decks show the charts and tables; ``--no-execute``
builds from the saved notebooks, which hold no outputs.

Which cell starts a slide is read from each cell's ``metadata.slideshow.slide_type``
(JupyterLab: the property inspector, "Slide Type"). Where a cell has none, the course's
rule (:func:`slide_type`) decides, the same rule that ``scripts/add_slide_metadata.py``
writes into the notebooks:

- a Markdown cell that starts with a ``#`` or ``##`` heading starts a new **slide**
  (the title cell, then every section);
- any other Markdown cell, including ``###`` sub-headings, starts a **subslide** (the
  next slide down within the section);
- a code cell that only imports, or holds only comments, is **skipped**;
- any other code cell (``-``) stays on the slide of the Markdown cell before it, which
  says what the cell does.
"""

from __future__ import annotations

import argparse
import ast
import copy
import html
import re
import shutil
import sys
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from course._validate import check_bool, check_choice, check_int

__all__ = [
    "REVEAL_DIR",
    "SLIDE_TYPES",
    "TEMPLATE_DIR",
    "add_slide_metadata",
    "build_deck",
    "build_decks",
    "copy_reveal",
    "main",
    "missing_slide_metadata",
    "prepare_notebook",
    "remote_references",
    "slide_type",
]

HERE = Path(__file__).resolve().parent
REVEAL_DIR = HERE / "_slides" / "reveal.js"
TEMPLATE_DIR = HERE / "_slides" / "templates"
TEMPLATE_NAME = "course_reveal"
STATIC_NAME = "_static"
#: The vendored files (paths in ``REVEAL_DIR``) and where each goes in a deck's copy, in
#: the layout nbconvert's reveal template expects. The vendored copy has no ``dist/``
#: folder because ``dist/`` is ignored by git in this repository.
REVEAL_FILES = {
    "LICENSE": "LICENSE",
    "reveal.js": "dist/reveal.js",
    "reveal.css": "dist/reveal.css",
    "theme/white.css": "dist/theme/white.css",
    "plugin/notes/notes.js": "plugin/notes/notes.js",
}
SLIDE_TYPES = ("slide", "subslide", "fragment", "-", "skip", "notes")
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = (
    '<div class="course-widget-note"><strong>Live widget.</strong> Open this chapter in '
    "JupyterLab and run the cell to use it: widgets need a running notebook.</div>"
)
CELL_TIMEOUT_S = 300

_HEADING = re.compile(r"^(#{1,6})\s+\S")
_NOTEBOOK_LINK = re.compile(r"(\]\(\s*(?:\./)?)(\d\d_[a-z0-9_]+)\.ipynb((?:#[^)\s]*)?\s*\))")
_CDN_HOSTS = (
    "cdnjs.cloudflare.com",
    "unpkg.com",
    "cdn.jsdelivr.net",
    "fonts.googleapis.com",
    "fonts.gstatic.com",
    "code.jquery.com",
    "ajax.googleapis.com",
    "cdn.mathjax.org",
)
_REMOTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
_CSS_REMOTE = re.compile(
    r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)""", re.IGNORECASE
)
_JS_REMOTE = re.compile(r"""(?:\bimport\b[^'"\n]*|\bfrom\s*)['"]((?:https?:)?//[^'"]+)['"]""")


# --------------------------------------------------------------------------- the rule


def _source(cell: Mapping[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _code_kind(source: str) -> str:
    """``"imports"``, ``"comments"`` (nothing to run) or ``"code"``."""
    try:
        tree = ast.parse(source)
    except SyntaxError:  # IPython magics and the like: code to show
        return "code"
    if not tree.body:
        return "comments"
    if all(isinstance(node, ast.Import | ast.ImportFrom) for node in tree.body):
        return "imports"
    return "code"


def slide_type(cell: Mapping[str, Any]) -> str:
    """The slide type the course's rule gives a cell (see the module docstring).

    Parameters
    ----------
    cell : mapping
        A notebook cell (an ``nbformat`` cell or the plain dict from the JSON file) with
        ``cell_type`` and ``source``.

    Returns
    -------
    str
        ``"slide"``, ``"subslide"``, ``"-"`` or ``"skip"``.

    Raises
    ------
    TypeError
        If ``cell`` is not a mapping.
    ValueError
        If ``cell_type`` is not ``"markdown"``, ``"code"`` or ``"raw"``.
    """
    if not isinstance(cell, Mapping):
        raise TypeError(f"cell must be a notebook cell (a mapping); got {type(cell).__name__}")
    kind = check_choice("cell_type", cell.get("cell_type"), ("markdown", "code", "raw"))
    source = _source(cell)
    if kind == "raw":
        return "skip"
    if kind == "code":
        return "-" if _code_kind(source) == "code" else "skip"
    first = next((line for line in source.splitlines() if line.strip()), "")
    heading = _HEADING.match(first.strip())
    if heading and len(heading.group(1)) <= 2:
        return "slide"
    return "subslide"


def _cells(nb: Mapping[str, Any]) -> Sequence[MutableMapping[str, Any]]:
    if not isinstance(nb, Mapping) or not isinstance(nb.get("cells"), list):
        raise TypeError(
            f"nb must be a notebook (a mapping with a 'cells' list); got {type(nb).__name__}"
        )
    return nb["cells"]


def _current(cell: Mapping[str, Any]) -> str | None:
    slideshow = cell.get("metadata", {}).get("slideshow")
    return slideshow.get("slide_type") if isinstance(slideshow, Mapping) else None


def missing_slide_metadata(nb: Mapping[str, Any]) -> list[int]:
    """Cell numbers (1-based) without a valid ``metadata.slideshow.slide_type``.

    Parameters
    ----------
    nb : mapping
        A notebook: an ``nbformat.NotebookNode`` or the dict read from the JSON file.
    """
    return [n for n, cell in enumerate(_cells(nb), start=1) if _current(cell) not in SLIDE_TYPES]


def add_slide_metadata(nb: MutableMapping[str, Any], *, reset: bool = False) -> int:
    """Write the rule's slide type into each cell's ``metadata.slideshow``, in place.

    Only ``metadata.slideshow.slide_type`` is written; nothing else in the notebook
    changes. Running it twice changes nothing the second time.

    Parameters
    ----------
    nb : mutable mapping
        A notebook: an ``nbformat.NotebookNode`` or the dict read from the JSON file.
    reset : bool
        False (default): only cells without a valid slide type get one, so a choice
        made by hand in JupyterLab is kept. True: every cell gets the rule's type.

    Returns
    -------
    int
        How many cells were changed.
    """
    check_bool("reset", reset)
    changed = 0
    for cell in _cells(nb):
        current = _current(cell)
        if current in SLIDE_TYPES and not reset:
            continue
        wanted = slide_type(cell)
        if current == wanted:
            continue
        metadata = cell.setdefault("metadata", {})
        slideshow = metadata.get("slideshow")
        # A new mapping, assigned at the end: NotebookNode copies a dict on assignment.
        slideshow = dict(slideshow) if isinstance(slideshow, Mapping) else {}
        slideshow["slide_type"] = wanted
        metadata["slideshow"] = slideshow
        changed += 1
    return changed


# --------------------------------------------------------------------------- decks


def prepare_notebook(nb: Any) -> Any:
    """A copy of a notebook made ready for a deck; the original is not changed.

    Cells without slide metadata get the rule's slide type; each widget output becomes
    a short note (a widget needs a live kernel) and the saved widget state is dropped;
    links to another chapter (``NN_slug.ipynb``) point at its deck
    (``NN_slug.slides.html``).

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The notebook, executed or not.
    """
    nb = copy.deepcopy(nb)
    add_slide_metadata(nb)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = _NOTEBOOK_LINK.sub(r"\1\2.slides.html\3", _source(cell))
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data is not None and WIDGET_MIME in data:
                output["data"] = {"text/html": WIDGET_NOTE}
    return nb


class _LoadFinder(HTMLParser):
    """Collects what a page would fetch: src attributes, link hrefs, inline CSS and JS."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            loads = name in ("src", "srcset", "data-src", "poster") or (
                name == "href" and tag == "link"
            )
            if loads and _REMOTE.match(value):
                self.found.append(f"<{tag} {name}={value}>")
            if name == "style":
                self.found += [f"<{tag} style> {u}" for u in _CSS_REMOTE.findall(value)]
        self._in = tag if tag in ("style", "script") else None

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "style":
            self.found += [f"<style> {u}" for u in _CSS_REMOTE.findall(data)]
        elif self._in == "script":
            self.found += [f"<script> {u}" for u in _JS_REMOTE.findall(data)]
            self.found += [f"<script> {u}" for u in _CSS_REMOTE.findall(data)]


def remote_references(text: str, *, kind: str = "html") -> list[str]:
    """What a page or style sheet would fetch from the internet (empty when nothing).

    Finds ``src`` (and ``srcset``, ``data-src``, ``poster``) attributes and
    ``<link href>`` that point at ``http://``, ``https://`` or ``//`` addresses,
    ``url(...)`` and ``@import`` of remote addresses in styles, ES module imports from
    remote addresses in scripts, and any mention of a common CDN host. Links a reader
    may click (``<a href>``) are not loads and are not reported.

    Parameters
    ----------
    text : str
        The HTML page or the CSS file's text.
    kind : {"html", "css"}
        What ``text`` is.

    Returns
    -------
    list of str
        One description per remote reference found.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str; got {type(text).__name__}")
    kind = check_choice("kind", kind, ("html", "css"))
    if kind == "css":
        found = [f"css {u}" for u in _CSS_REMOTE.findall(text)]
    else:
        finder = _LoadFinder()
        finder.feed(text)
        finder.close()
        found = finder.found
    lowered = text.lower()
    found += [f"CDN host {host}" for host in _CDN_HOSTS if host in lowered]
    return found


def copy_reveal(outdir: Path | str) -> Path:
    """Copy the local reveal.js to ``OUTDIR/_static/reveal.js``; return that folder.

    Raises
    ------
    FileNotFoundError
        If a file of the vendored copy is missing from the package.
    """
    target = Path(outdir) / STATIC_NAME / "reveal.js"
    for name, destination in REVEAL_FILES.items():
        source = REVEAL_DIR / name
        if not source.is_file():
            raise FileNotFoundError(
                f"the local copy of reveal.js is incomplete: {source} is missing "
                "(see course/_slides/reveal.js/VENDORED.md)"
            )
        (target / destination).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target / destination)
    return target


def _execute(nb: Any, folder: Path, timeout: int) -> None:
    """Run every cell in a fresh kernel of this Python; the kernel is stopped after."""
    import ipykernel.kernelspec
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    class _ThisPython(KernelSpecManager):
        def get_kernel_spec(self, kernel_name: str) -> Any:
            return self.kernel_spec_class(
                resource_dir=ipykernel.kernelspec.RESOURCES,
                **ipykernel.kernelspec.get_kernel_dict(),
            )

    km = KernelManager(kernel_name="python3", kernel_spec_manager=_ThisPython())
    client = NotebookClient(
        nb, km=km, timeout=timeout, resources={"metadata": {"path": str(folder)}}
    )
    try:
        client.execute()
    finally:
        if km.has_kernel:
            km.shutdown_kernel(now=False)


def _exporter() -> Any:
    from nbconvert import SlidesExporter

    return SlidesExporter(
        extra_template_basedirs=[str(TEMPLATE_DIR)],
        template_name=TEMPLATE_NAME,
        reveal_url_prefix=f"{STATIC_NAME}/reveal.js",
        reveal_theme="white",
        reveal_transition="slide",
        reveal_number="c/t",
        reveal_width="1100",
        reveal_height="760",
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )


def build_deck(
    notebook: Path | str,
    outdir: Path | str,
    *,
    execute: bool = True,
    timeout: int = CELL_TIMEOUT_S,
) -> Path:
    """Build one chapter's deck into ``outdir`` with a local copy of reveal.js.

    Parameters
    ----------
    notebook : path
        The chapter notebook; it is read, never written.
    outdir : path
        Folder for the deck (created if needed); ``_static/reveal.js`` is copied there.
    execute : bool
        Run the notebook first, so the deck shows its outputs (default True).
    timeout : int
        Seconds one cell may run, 1 to 3600.

    Returns
    -------
    pathlib.Path
        The deck, ``OUTDIR/NN_slug.slides.html``.

    Raises
    ------
    FileNotFoundError
        If ``notebook`` does not exist.
    RuntimeError
        If the deck would load anything from the internet.
    nbclient.exceptions.CellExecutionError
        If a cell fails while executing.
    """
    import nbformat

    notebook = Path(notebook)
    if not notebook.is_file():
        raise FileNotFoundError(f"notebook must be an existing .ipynb file; got {notebook}")
    check_bool("execute", execute)
    timeout = check_int("timeout", timeout, low=1, high=3600)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    copy_reveal(outdir)
    nb = nbformat.read(notebook, as_version=4)
    if execute:
        _execute(nb, notebook.parent.resolve(), timeout)
    deck, _ = _exporter().from_notebook_node(
        prepare_notebook(nb), resources={"metadata": {"name": notebook.stem}}
    )
    remote = remote_references(deck)
    if remote:
        raise RuntimeError(
            f"the deck for {notebook.name} would load files from the internet: "
            + "; ".join(remote[:5])
        )
    path = outdir / f"{notebook.stem}.slides.html"
    path.write_text(deck, encoding="utf-8")
    return path


def _title(notebook: Path) -> str:
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        for line in _source(cell).splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return notebook.stem


def _write_index(outdir: Path, notebooks: Iterable[Path]) -> Path:
    items = "\n".join(
        f'<li><a href="{html.escape(nb.stem)}.slides.html">{html.escape(_title(nb))}</a></li>'
        for nb in notebooks
        if (outdir / f"{nb.stem}.slides.html").is_file()
    )
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>From Shelf to Feed: slides</title>\n"
        "<style>body{font-family:Helvetica,Arial,sans-serif;max-width:40em;margin:3em auto;"
        "line-height:1.5}</style>\n</head>\n<body>\n<h1>From Shelf to Feed: slides</h1>\n"
        "<p>One deck per chapter. Arrow keys move between slides, <kbd>Esc</kbd> shows them "
        "all, <kbd>S</kbd> opens the speaker view (serve the folder with "
        "<code>python -m http.server</code> for that). Widgets run only in JupyterLab.</p>\n"
        f"<ul>\n{items}\n</ul>\n</body>\n</html>\n"
    )
    path = outdir / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def build_decks(
    outdir: Path | str,
    *,
    chapters: Iterable[int] | None = None,
    execute: bool = True,
    notebooks: Path | str | None = None,
    timeout: int = CELL_TIMEOUT_S,
) -> list[Path]:
    """Build a deck per chapter into ``outdir`` and an ``index.html`` that lists them.

    Parameters
    ----------
    outdir : path
        Folder for the decks (created if needed).
    chapters : iterable of int, optional
        Chapter numbers (0 to 99) to build; None builds every notebook.
    execute : bool
        Run each notebook first, so the decks show outputs (default True).
    notebooks : path, optional
        The notebooks folder; defaults to ``notebooks/`` next to the package.
    timeout : int
        Seconds one cell may run, 1 to 3600.

    Returns
    -------
    list of pathlib.Path
        The decks written, in chapter order.

    Raises
    ------
    ValueError
        If a chapter asked for has no notebook.
    """
    from course.notebook_rules import chapter_number, notebook_paths

    check_bool("execute", execute)
    paths = notebook_paths(notebooks)
    if chapters is not None:
        wanted = [check_int("chapters", c, low=0, high=99) for c in chapters]
        found = {chapter_number(p) for p in paths}
        missing = [c for c in wanted if c not in found]
        if missing:
            available = ", ".join(f"{n:02d}" for n in sorted(n for n in found if n is not None))
            raise ValueError(
                f"chapters must be numbers of existing notebooks ({available}); "
                f"got {', '.join(str(c) for c in missing)}"
            )
        paths = [p for p in paths if chapter_number(p) in wanted]
    decks = [build_deck(p, outdir, execute=execute, timeout=timeout) for p in paths]
    _write_index(Path(outdir), notebook_paths(notebooks))
    return decks


def main(argv: list[str] | None = None) -> int:
    """``python -m course.slides OUTDIR [--chapter N ...] [--no-execute]``."""
    parser = argparse.ArgumentParser(
        prog="python -m course.slides",
        description="Build a reveal.js slide deck per chapter that works offline.",
    )
    parser.add_argument("outdir", type=Path, help="folder for the decks, e.g. slides")
    parser.add_argument(
        "--chapter",
        type=int,
        action="append",
        metavar="N",
        help="only this chapter (repeat for more); default: every notebook",
    )
    parser.add_argument(
        "--no-execute",
        action="store_true",
        help="build from the saved notebooks without running them (no outputs; faster)",
    )
    parser.add_argument("--notebooks", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        decks = build_decks(
            args.outdir,
            chapters=args.chapter,
            execute=not args.no_execute,
            notebooks=args.notebooks,
        )
    except (ValueError, FileNotFoundError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for deck in decks:
        print(f"  {deck}")
    print(
        f"Wrote {len(decks)} deck(s) to {args.outdir}/ with reveal.js in "
        f"{args.outdir}/{STATIC_NAME}/reveal.js (no internet needed). "
        f"Open {args.outdir}/index.html in a browser."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

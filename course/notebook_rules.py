"""The rules every course notebook follows, in one place.

``tests/test_notebooks.py``, the chapter template and the maintainers' tooling all use
these functions, so a rule changes in one place. Every problem is one sentence that
starts with the notebook's path and says exactly what is missing, for example
``notebooks/03_interest_feed.ipynb: no '## Summary' heading``.

Run ``python -m course.notebook_rules`` (optionally with notebook paths) to list the
problems of every notebook; the exit code is 1 when there are any.

Hygiene (every notebook, including ``00_welcome.ipynb``):

- file name ``NN_slug.ipynb`` (two digits, then lower-case letters, digits and ``_``),
  numbered 00, 01, 02, ... in chapter order without gaps or repeats;
- saved without outputs, execution counts or saved widget state;
- kernelspec name ``python3``; valid under ``nbformat.validate``;
- the first cell is Markdown: a ``#`` title, a line ``**Time:** about NN minutes`` and
  the heading ``## In this chapter you will`` (the welcome may say ``## In this notebook
  you will``) followed by 3 to 5 bullet points.

Chapters (``01`` onwards) also need:

- the title ``# Chapter N: Title`` with N the file's number, and 25 to 45 minutes;
- the headings ``## For sellers`` and ``## Summary``;
- a last cell in Markdown that links the next chapter, ``[...](NN_slug.ipynb)`` with
  NN one more than this chapter's number and the file present, or says
  "This is the last chapter";
- at least 3 exercises, called as ``ask("chNN-...")`` or ``check("chNN-...", ...)`` in
  code cells, every id registered in :mod:`course.exercises` for this chapter, at least
  one of kind ``choice`` and at least one with ``uses_simulation=True``;
- at least one widget besides the exercises: a code cell that uses ``course.widgets``
  (``from course.widgets import ...`` or ``course.widgets.something(...)``);
- at least 1,200 words of Markdown narrative;
- code cells of at most 15 non-blank lines;
- no ``TODO`` left from the chapter template (``templates/chapter_template.ipynb``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import nbformat

__all__ = [
    "MAX_CODE_LINES",
    "MAX_MINUTES",
    "MIN_EXERCISES",
    "MIN_MINUTES",
    "MIN_WORDS",
    "NAME_PATTERN",
    "all_problems",
    "chapter_number",
    "chapter_problems",
    "execute",
    "exercise_ids",
    "hygiene_problems",
    "main",
    "markdown_words",
    "notebook_paths",
    "objectives",
    "sequence_problems",
    "text_outputs",
]

NAME_PATTERN = re.compile(r"^(\d\d)_[a-z0-9_]+\.ipynb$")
MIN_MINUTES, MAX_MINUTES = 25, 45
MIN_OBJECTIVES, MAX_OBJECTIVES = 3, 5
MIN_WORDS = 1200
MIN_EXERCISES = 3
MAX_CODE_LINES = 15
KERNEL_NAME = "python3"

TIME_LINE = re.compile(r"\*\*Time:\*\*\s+about\s+(\d+)\s+minutes\b", re.IGNORECASE)
OBJECTIVES_HEADING = re.compile(r"^##\s+In this (chapter|notebook) you will\b.*$", re.I | re.M)
CHAPTER_TITLE = re.compile(r"^#\s+Chapter\s+(\d+):\s+\S", re.IGNORECASE)
EXERCISE_CALL = re.compile(r"\b(ask|check)\(\s*(['\"])(ch\d\d-[a-z0-9-]+)\2")
TODO = re.compile(r"\bTODO\b")
WIDGET_USE = re.compile(r"course\.widgets|from\s+course\s+import\s+[^\n]*\bwidgets\b")
NOTEBOOK_LINK = re.compile(r"\]\(\s*(?:\./)?([^)\s]+\.ipynb)(?:#[^)]*)?\s*\)")
LAST_CHAPTER = re.compile(r"\blast chapter\b", re.IGNORECASE)
BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")
WORD = re.compile(r"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*")


def _root() -> Path:
    return Path(__file__).resolve().parent.parent


def _show(path: Path) -> str:
    """The path as the messages show it: relative to the repository when inside it."""
    try:
        return path.resolve().relative_to(_root()).as_posix()
    except ValueError:
        return path.as_posix()


def notebook_paths(folder: Path | str | None = None) -> list[Path]:
    """Every ``.ipynb`` file in the notebooks folder, sorted by name.

    Parameters
    ----------
    folder : path, optional
        Defaults to ``notebooks/`` next to the ``course`` package.
    """
    folder = _root() / "notebooks" if folder is None else Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"folder must be an existing notebooks folder; got {folder}")
    return sorted(p for p in folder.glob("*.ipynb") if p.is_file())


def chapter_number(path: Path | str) -> int | None:
    """The number at the start of a notebook's file name (``03_x.ipynb`` gives 3), or None."""
    match = NAME_PATTERN.match(Path(path).name)
    return int(match.group(1)) if match else None


def _read(path: Path) -> tuple[Any, list[str]]:
    try:
        return nbformat.read(path, as_version=4), []
    except Exception as exc:
        return None, [f"{_show(path)}: cannot be read as a notebook ({type(exc).__name__}: {exc})"]


def _cells(nb: Any, kind: str) -> list[tuple[int, Any]]:
    return [(i + 1, c) for i, c in enumerate(nb.cells) if c.cell_type == kind]


def _cell_list(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:8])
    return shown + (", ..." if len(numbers) > 8 else "")


def objectives(first_cell_source: str) -> list[str] | None:
    """The bullet points under the objectives heading, or None when there is no heading."""
    match = OBJECTIVES_HEADING.search(first_cell_source)
    if not match:
        return None
    bullets = []
    for line in first_cell_source[match.end() :].splitlines():
        if line.startswith("#"):
            break
        if BULLET.match(line):
            bullets.append(line.strip())
    return bullets


def markdown_words(nb: Any) -> int:
    """How many words of narrative the Markdown cells hold.

    Fenced code blocks, HTML tags and link targets are not counted; inline code is.
    """
    total = 0
    for _, cell in _cells(nb, "markdown"):
        text = re.sub(r"```.*?```", " ", cell.source, flags=re.S)
        text = re.sub(r"<[^>]+>", " ", text)
        text = re.sub(r"\]\([^)]*\)", "] ", text)
        total += len(WORD.findall(text))
    return total


def exercise_ids(nb: Any) -> list[str]:
    """The exercise ids called with ``ask("...")`` or ``check("...", ...)``, in order, once each."""
    found: list[str] = []
    for _, cell in _cells(nb, "code"):
        for match in EXERCISE_CALL.finditer(cell.source):
            if match.group(3) not in found:
                found.append(match.group(3))
    return found


def hygiene_problems(path: Path | str) -> list[str]:
    """What is wrong with one notebook's hygiene (empty when nothing is).

    Checks the file name, that outputs, execution counts and saved widget state were
    cleared, the kernelspec, ``nbformat.validate`` and the first cell's title, time and
    objectives. Applies to every notebook, the welcome included.
    """
    path = Path(path)
    where = _show(path)
    problems: list[str] = []
    if not NAME_PATTERN.match(path.name):
        problems.append(
            f"{where}: the file name must be NN_slug.ipynb (two digits, '_', then lower-case "
            "letters, digits and '_'), e.g. 03_interest_feed.ipynb"
        )
    nb, errors = _read(path)
    if nb is None:
        return problems + errors
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as exc:
        problems.append(f"{where}: not a valid notebook: {str(exc).splitlines()[0]}")
    with_outputs = [n for n, c in _cells(nb, "code") if c.get("outputs")]
    if with_outputs:
        problems.append(
            f"{where}: code cells {_cell_list(with_outputs)} have outputs; clear them "
            "(Edit > Clear Outputs of All Cells) and save"
        )
    counted = [n for n, c in _cells(nb, "code") if c.get("execution_count") is not None]
    if counted:
        problems.append(
            f"{where}: code cells {_cell_list(counted)} have execution counts; clear all "
            "outputs and save"
        )
    if "widgets" in nb.metadata:
        problems.append(
            f"{where}: the notebook metadata holds saved widget state; turn off Settings > "
            "Save Widget State Automatically and save again (or delete metadata.widgets)"
        )
    kernel = nb.metadata.get("kernelspec", {}).get("name")
    if kernel != KERNEL_NAME:
        problems.append(f"{where}: kernelspec name must be {KERNEL_NAME!r}; got {kernel!r}")
    problems += _first_cell_problems(nb, where, chapter_number(path))
    return problems


def _first_cell_problems(nb: Any, where: str, number: int | None) -> list[str]:
    if not nb.cells or nb.cells[0].cell_type != "markdown":
        return [f"{where}: the first cell must be Markdown with the title, time and objectives"]
    source = nb.cells[0].source
    problems = []
    first_line = source.lstrip().splitlines()[0] if source.strip() else ""
    if not re.match(r"^#\s+\S", first_line):
        problems.append(f"{where}: the first cell must start with a '# ' title")
    if not TIME_LINE.search(source):
        problems.append(f"{where}: the first cell needs a line '**Time:** about NN minutes'")
    bullets = objectives(source)
    if bullets is None:
        problems.append(f"{where}: the first cell needs the heading '## In this chapter you will'")
    elif not MIN_OBJECTIVES <= len(bullets) <= MAX_OBJECTIVES:
        problems.append(
            f"{where}: '## In this chapter you will' needs {MIN_OBJECTIVES} to "
            f"{MAX_OBJECTIVES} bullet points; found {len(bullets)}"
        )
    return problems


def _registry_lookup() -> tuple[dict[str, Any], str | None]:
    try:
        from course.exercises import all_exercises

        return {e.id: e for e in all_exercises()}, None
    except Exception as exc:  # a broken bank file must show up as a problem, not a crash
        return {}, f"{type(exc).__name__}: {exc}"


def chapter_problems(path: Path | str) -> list[str]:
    """What a chapter notebook (01 onwards) is missing from the chapter structure.

    Does not repeat the hygiene checks (see :func:`hygiene_problems`). Returns an empty
    list for the welcome notebook (00) and for files not named ``NN_slug.ipynb``.
    """
    path = Path(path)
    number = chapter_number(path)
    if not number:
        return []
    where = _show(path)
    nb, errors = _read(path)
    if nb is None:
        return errors
    problems: list[str] = []
    first = nb.cells[0].source if nb.cells and nb.cells[0].cell_type == "markdown" else ""
    title = CHAPTER_TITLE.match(first.lstrip())
    if not title:
        problems.append(f"{where}: the title must be '# Chapter {number}: Title'")
    elif int(title.group(1)) != number:
        problems.append(
            f"{where}: the title says Chapter {title.group(1)} but the file is number {number:02d}"
        )
    time = TIME_LINE.search(first)
    if time and not MIN_MINUTES <= int(time.group(1)) <= MAX_MINUTES:
        problems.append(
            f"{where}: a chapter takes {MIN_MINUTES} to {MAX_MINUTES} minutes; the first cell "
            f"says {time.group(1)}"
        )
    heading = OBJECTIVES_HEADING.search(first)
    if heading and heading.group(1).lower() != "chapter":
        problems.append(f"{where}: the objectives heading must be '## In this chapter you will'")
    markdown = [c.source for _, c in _cells(nb, "markdown")]
    for heading in ("For sellers", "Summary"):
        pattern = re.compile(rf"^##\s+{heading}\s*$", re.IGNORECASE | re.MULTILINE)
        if not any(pattern.search(text) for text in markdown):
            problems.append(f"{where}: no '## {heading}' heading")
    problems += _next_link_problems(nb, path, where, number)
    problems += _exercise_problems(nb, where, number)
    if not any(WIDGET_USE.search(c.source) for _, c in _cells(nb, "code")):
        problems.append(f"{where}: no widget; add a code cell that shows a course.widgets widget")
    words = markdown_words(nb)
    if words < MIN_WORDS:
        problems.append(
            f"{where}: {words:,} words of Markdown narrative; a chapter needs at least "
            f"{MIN_WORDS:,}"
        )
    todo = [n for n, cell in enumerate(nb.cells, start=1) if TODO.search(cell.source)]
    if todo:
        problems.append(
            f"{where}: cells {todo} still say TODO; replace the template's placeholders"
        )
    for n, cell in _cells(nb, "code"):
        lines = [ln for ln in cell.source.splitlines() if ln.strip()]
        if len(lines) > MAX_CODE_LINES:
            problems.append(
                f"{where}: code cell {n} has {len(lines)} lines; keep code cells to "
                f"{MAX_CODE_LINES} or fewer and move logic into the course package"
            )
    return problems


def _next_link_problems(nb: Any, path: Path, where: str, number: int) -> list[str]:
    last = nb.cells[-1] if nb.cells else None
    if last is None or last.cell_type != "markdown":
        return [f"{where}: the last cell must be Markdown linking the next chapter"]
    links = NOTEBOOK_LINK.findall(last.source)
    if not links:
        if LAST_CHAPTER.search(last.source):
            return []
        return [
            f"{where}: the last cell must link the next chapter, e.g. "
            f"[Chapter {number + 1}]({number + 1:02d}_slug.ipynb), or say 'This is the last "
            "chapter'"
        ]
    problems = []
    target = links[-1]
    if chapter_number(target) != number + 1:
        problems.append(
            f"{where}: the last cell links {target}, but the next chapter is number "
            f"{number + 1:02d}"
        )
    if not (path.parent / target).is_file():
        problems.append(
            f"{where}: the last cell links {target}, which does not exist in {_show(path.parent)}/"
        )
    return problems


def _exercise_problems(nb: Any, where: str, number: int) -> list[str]:
    called = exercise_ids(nb)
    problems = []
    if len(called) < MIN_EXERCISES:
        problems.append(
            f"{where}: {len(called)} exercises; a chapter needs at least {MIN_EXERCISES} "
            f'(ask("ch{number:02d}-...") in code cells)'
        )
    registry, error = _registry_lookup()
    if error:
        return problems + [f"{where}: the exercise bank cannot be loaded: {error}"]
    prefix = f"ch{number:02d}-"
    unknown = [i for i in called if i not in registry]
    if unknown:
        problems.append(
            f"{where}: exercise ids not registered in course/exercises/bank/ch{number:02d}.py: "
            f"{', '.join(unknown)}"
        )
    foreign = [i for i in called if i in registry and not i.startswith(prefix)]
    if foreign:
        problems.append(
            f"{where}: exercises from another chapter: {', '.join(foreign)} (ids here start "
            f"with {prefix!r})"
        )
    known = [registry[i] for i in called if i in registry]
    if not any(e.kind == "choice" for e in known):
        problems.append(f"{where}: no multiple-choice exercise (kind='choice')")
    if not any(e.uses_simulation for e in known):
        problems.append(f"{where}: no exercise that uses a simulation (uses_simulation=True)")
    return problems


def sequence_problems(paths: Iterable[Path | str]) -> list[str]:
    """Whether the notebooks are numbered 00, 01, 02, ... without gaps or repeats."""
    numbered: dict[int, list[str]] = {}
    for p in paths:
        n = chapter_number(p)
        if n is not None:
            numbered.setdefault(n, []).append(Path(p).name)
    problems = []
    for n, names in sorted(numbered.items()):
        if len(names) > 1:
            problems.append(f"notebooks: number {n:02d} is used by {', '.join(sorted(names))}")
    if numbered:
        expected = set(range(max(numbered) + 1))
        missing = sorted(expected - set(numbered))
        if missing:
            found = ", ".join(f"{n:02d}" for n in sorted(numbered))
            gaps = ", ".join(f"{n:02d}" for n in missing)
            problems.append(f"notebooks: number {gaps} missing (found {found}); number from 00")
    return problems


def all_problems(folder: Path | str | None = None) -> list[str]:
    """Every problem of every notebook in ``folder``: hygiene, numbering and chapter structure."""
    paths = notebook_paths(folder)
    problems = sequence_problems(paths)
    for p in paths:
        problems += hygiene_problems(p)
        problems += chapter_problems(p)
    return problems


_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
_MODEL_ID = re.compile(r"\b[0-9a-f]{32}\b")


def text_outputs(nb: Any) -> list[str]:
    """The text a notebook printed, cell by cell, for comparing two runs.

    Stream output and ``text/plain`` results are kept; memory addresses (``0x7f...``)
    and widget model ids are replaced by placeholders.
    """
    texts = []
    for n, cell in _cells(nb, "code"):
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                text = out.text
            elif out.output_type in ("execute_result", "display_data"):
                text = out.get("data", {}).get("text/plain", "")
            elif out.output_type == "error":
                text = f"{out.ename}: {out.evalue}"
            else:  # pragma: no cover - nbformat has no other output types
                continue
            text = _MODEL_ID.sub("<model-id>", _ADDRESS.sub("0x…", text))
            texts.append(f"[cell {n}] {text}")
    return texts


def execute(path: Path | str, *, timeout: int = 600) -> Any:
    """Run every cell of a notebook in a fresh kernel of this Python; return the result.

    The kernel uses the interpreter running this function (like nbval's
    ``--nbval-current-env``), and the notebook's own folder as working directory.

    Parameters
    ----------
    path : path
        The notebook.
    timeout : int
        Seconds one cell may take before the run fails.

    Returns
    -------
    nbformat.NotebookNode
        The notebook with its outputs (the file on disk is not changed).

    Raises
    ------
    nbclient.exceptions.CellExecutionError
        If a cell raises; the message shows the cell and the error.
    """
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

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    km = KernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=_ThisPython())
    client = NotebookClient(
        nb, km=km, timeout=timeout, resources={"metadata": {"path": str(path.parent)}}
    )
    try:
        client.execute()
    finally:
        # nbclient leaves a kernel manager it did not create running: stop the kernel here.
        if km.has_kernel:
            km.shutdown_kernel(now=True)
    return nb


def main(argv: list[str] | None = None) -> int:
    """List the problems of the given notebooks (default: all); exit code 1 if any."""
    argv = sys.argv[1:] if argv is None else argv
    if argv:
        paths = [Path(a) for a in argv]
        problems = []
        for p in paths:
            problems += hygiene_problems(p) + chapter_problems(p)
    else:
        paths = notebook_paths()
        problems = all_problems()
    for problem in problems:
        print(problem)
    if not problems:
        print(f"All {len(paths)} notebooks follow the rules.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""The workshop kit in instructors/ stays in step with the chapters.

- Both agendas give each chapter exactly its own estimate (the ``**Time:** about NN
  minutes`` line of the notebook, parsed with ``course.notebook_rules.TIME_LINE``); the
  half day adds up to 210 minutes and the full day to 450, breaks included; start times
  follow from the minutes; the full day has every chapter; each demo names a widget the
  chapter really uses.
- Every chapter has facilitator notes with the required sections, naming every exercise
  of that chapter and no exercise that does not exist.
- The committed answer key equals a fresh ``python -m course.exercises answer-key``.
- Every chapter notebook carries slide metadata (``scripts/add_slide_metadata.py``).
- Every relative link in the kit points at a file (and heading) that exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from course.exercises import all_exercises
from course.exercises.answer_key import answer_key_markdown
from course.notebook_rules import TIME_LINE, chapter_number, exercise_ids, notebook_paths
from course.slides import missing_slide_metadata

ROOT = Path(__file__).resolve().parent.parent
KIT = ROOT / "instructors"
NOTES = KIT / "notes"
AGENDAS = {"agenda_half_day.md": 210, "agenda_full_day.md": 450}
NOTE_SECTIONS = (
    "The one idea to land",
    "On the whiteboard",
    "Discussion prompts",
    "Misconceptions and how to answer them",
    "Widget demo",
    "If the room is slow",
    "Answer key",
)
EXERCISE_ID = re.compile(r"\bch\d\d-[a-z0-9]+(?:-[a-z0-9]+)*\b")
MD_LINK = re.compile(r"\]\(([^)\s]+)\)")


@dataclass(frozen=True)
class Row:
    start: int  # minutes after midnight
    chapter: int | None
    minutes: int
    block: str
    demo: str


def _chapters() -> dict[int, Path]:
    return {chapter_number(p): p for p in notebook_paths() if chapter_number(p) is not None}


def _estimate(path: Path) -> int:
    nb = nbformat.read(path, as_version=4)
    match = TIME_LINE.search(nb.cells[0].source)
    assert match, f"{path.name}: no '**Time:** about NN minutes' line in the first cell"
    return int(match.group(1))


def _clock(text: str) -> int:
    hours, minutes = text.strip().split(":")
    return int(hours) * 60 + int(minutes)


def parse_timetable(text: str) -> list[Row]:
    """The rows of the Markdown table under the ``## Timetable`` heading."""
    section = re.search(r"^## Timetable\s*$(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert section, "no '## Timetable' heading"
    lines = [ln.strip() for ln in section.group(1).splitlines() if ln.strip().startswith("|")]
    assert len(lines) >= 3, "the timetable needs a header, a separator and rows"
    header = [c.strip().lower() for c in lines[0].strip("|").split("|")]
    for column in ("start", "chapter", "minutes", "block", "demo on the big screen"):
        assert column in header, f"the timetable has no '{column}' column"
    rows = []
    for line in lines[2:]:
        cells = dict(zip(header, (c.strip() for c in line.strip("|").split("|")), strict=True))
        chapter = cells["chapter"]
        assert re.fullmatch(r"\d\d|-", chapter), f"chapter must be NN or '-': {line}"
        rows.append(
            Row(
                start=_clock(cells["start"]),
                chapter=None if chapter == "-" else int(chapter),
                minutes=int(cells["minutes"]),
                block=cells["block"],
                demo=cells["demo on the big screen"],
            )
        )
    return rows


@pytest.fixture(scope="module", params=sorted(AGENDAS))
def agenda(request) -> tuple[str, str, list[Row]]:
    text = (KIT / request.param).read_text(encoding="utf-8")
    return request.param, text, parse_timetable(text)


# --------------------------------------------------------------------------- agendas


def test_chapter_minutes_equal_the_chapters_own_estimates(agenda):
    name, _, rows = agenda
    chapters = _chapters()
    for row in rows:
        if row.chapter is None:
            continue
        assert row.chapter in chapters, f"{name}: chapter {row.chapter:02d} has no notebook"
        estimate = _estimate(chapters[row.chapter])
        assert row.minutes == estimate, (
            f"{name}: chapter {row.chapter:02d} is given {row.minutes} minutes but "
            f"{chapters[row.chapter].name} says about {estimate}; change the agenda's row "
            "and rebalance the opening, closing or break"
        )


def test_total_including_breaks(agenda):
    """Rule: all rows, breaks included, add up to 210 (half day) or 450 (full day) minutes."""
    name, text, rows = agenda
    total = sum(r.minutes for r in rows)
    assert total == AGENDAS[name], f"{name}: the rows add up to {total} minutes"
    stated = re.search(r"\*\*Total: (\d+) minutes", text)
    assert stated and int(stated.group(1)) == total, f"{name}: the stated total is not {total}"
    assert any("break" in r.block.lower() for r in rows), f"{name}: no break"


def test_half_day_is_three_and_a_half_hours():
    rows = parse_timetable((KIT / "agenda_half_day.md").read_text(encoding="utf-8"))
    assert sum(r.minutes for r in rows) == 3.5 * 60


def test_start_times_follow_from_the_minutes(agenda):
    name, _, rows = agenda
    for above, row in zip(rows, rows[1:], strict=False):
        assert row.start == above.start + above.minutes, (
            f"{name}: '{row.block}' starts at {row.start // 60:02d}:{row.start % 60:02d}, "
            f"but '{above.block}' ends at "
            f"{(above.start + above.minutes) // 60:02d}:{(above.start + above.minutes) % 60:02d}"
        )


def test_each_chapter_once_and_the_full_day_has_them_all(agenda):
    name, _, rows = agenda
    taught = [r.chapter for r in rows if r.chapter is not None]
    assert len(taught) == len(set(taught)), f"{name}: a chapter appears twice"
    assert 0 in taught and max(_chapters()) in taught, f"{name}: no welcome or no capstone"
    if name == "agenda_full_day.md":
        assert sorted(taught) == sorted(_chapters())


def test_each_demo_is_a_widget_the_chapter_uses(agenda):
    name, _, rows = agenda
    chapters = _chapters()
    for row in rows:
        if row.chapter is None:
            continue
        called = re.search(r"([a-z_]+)\(", row.demo)
        assert called, f"{name}: chapter {row.chapter:02d} has no widget to demo"
        nb = nbformat.read(chapters[row.chapter], as_version=4)
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        assert f"{called.group(1)}(" in code, (
            f"{name}: the demo for chapter {row.chapter:02d} calls {called.group(1)}(), "
            f"which {chapters[row.chapter].name} does not use"
        )


def test_parser_rejects_a_table_without_minutes():
    broken = "## Timetable\n\n| start | chapter | block |\n|---|---|---|\n| 09:00 | 00 | x |\n"
    with pytest.raises(AssertionError, match="no 'minutes' column"):
        parse_timetable(broken)


# --------------------------------------------------------------------------- notes


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.name)
def test_every_chapter_has_facilitator_notes(path):
    number = chapter_number(path)
    found = sorted(NOTES.glob(f"ch{number:02d}_*.md"))
    assert len(found) == 1, f"expected one instructors/notes/ch{number:02d}_*.md; found {found}"
    text = found[0].read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+?)\s*$", text, re.M)
    for section in NOTE_SECTIONS:
        assert section in headings, f"{found[0].name}: no '## {section}' section"
    assert path.name in text, f"{found[0].name} does not name its notebook {path.name}"
    assert len(re.findall(r"\w+", text)) >= 500, f"{found[0].name} is too short to be useful"


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.name)
def test_notes_name_the_chapters_exercises_and_no_others(path):
    number = chapter_number(path)
    (notes,) = NOTES.glob(f"ch{number:02d}_*.md")
    answer_section = notes.read_text(encoding="utf-8").split("## Answer key", 1)[1]
    mentioned = set(EXERCISE_ID.findall(answer_section))
    registered = {e.id for e in all_exercises(number)}
    used = set(exercise_ids(nbformat.read(path, as_version=4)))
    assert registered, f"chapter {number:02d} has no exercises registered"
    assert registered <= mentioned, (
        f"{notes.name} does not discuss {sorted(registered - mentioned)}"
    )
    every = {e.id for e in all_exercises()}
    assert mentioned <= every, (
        f"{notes.name} names exercises that do not exist: {mentioned - every}"
    )
    assert used <= registered


# --------------------------------------------------------------------------- answer key


def test_answer_key_is_up_to_date():
    committed = (KIT / "answer_key.md").read_text(encoding="utf-8")
    assert committed == answer_key_markdown(), (
        "instructors/answer_key.md differs from the exercises; regenerate it with: "
        "python -m course.exercises answer-key --out instructors/answer_key.md"
    )


# --------------------------------------------------------------------------- slides


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.name)
def test_every_notebook_carries_slide_metadata(path):
    nb = nbformat.read(path, as_version=4)
    missing = missing_slide_metadata(nb)
    assert not missing, (
        f"{path.name}: cells {missing[:10]} have no slide type; run "
        "python scripts/add_slide_metadata.py"
    )


# --------------------------------------------------------------------------- links


def _slug(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    return {_slug(h) for h in re.findall(r"^#{1,6} (.+?)\s*$", text, re.M)}


def test_slug_matches_github_style():
    assert (
        _slug("Chapter 2: Search e-commerce: the funnel")
        == "chapter-2-search-e-commerce-the-funnel"
    )
    assert _slug("`ch00-run-a-cell` (multiple choice)") == "ch00-run-a-cell-multiple-choice"


@pytest.mark.parametrize(
    "doc", sorted(KIT.rglob("*.md")), ids=lambda p: p.relative_to(KIT).as_posix()
)
def test_relative_links_resolve(doc):
    for target in MD_LINK.findall(doc.read_text(encoding="utf-8")):
        if re.match(r"^[a-z]+:", target):  # http:, https:, mailto:
            continue
        file_part, _, anchor = target.partition("#")
        linked = (doc.parent / file_part).resolve() if file_part else doc
        assert linked.exists(), f"{doc.relative_to(ROOT)} links {target}, which does not exist"
        if anchor and linked.suffix == ".md":
            assert anchor in _anchors(linked), (
                f"{doc.relative_to(ROOT)} links {target}, but {linked.name} has no such heading"
            )


def test_hub_sizing_quotes_the_command_that_measured_it():
    text = (KIT / "hub_sizing.md").read_text(encoding="utf-8")
    assert "benchmarks/bench_course.py" in text
    assert re.search(r"participants per GB", text, re.I)
    assert re.search(r"participants per core", text, re.I)

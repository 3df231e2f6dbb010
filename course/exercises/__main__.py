"""Command line: ``python -m course.exercises answer-key [--out PATH]`` and ``... list``.

``answer-key`` writes the teachers' answer key as Markdown (to standard output, or to
``--out``); ``list`` prints one line per exercise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from course.exercises.answer_key import answer_key_markdown
from course.exercises.core import ExerciseDefinitionError
from course.exercises.registry import all_exercises


def _chapter(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"chapter must be a whole number 0-99; got {value!r}"
        ) from None
    if not 0 <= number <= 99:
        raise argparse.ArgumentTypeError(f"chapter must be a whole number 0-99; got {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``python -m course.exercises``."""
    parser = argparse.ArgumentParser(
        prog="python -m course.exercises",
        description="List the course's exercises or write the teachers' answer key.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    key = sub.add_parser("answer-key", help="write the answer key as Markdown")
    key.add_argument("--out", type=Path, help="file to write (default: standard output)")
    key.add_argument("--chapter", type=_chapter, help="only this chapter")
    listing = sub.add_parser("list", help="one line per exercise")
    listing.add_argument("--chapter", type=_chapter, help="only this chapter")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 on success)."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "answer-key":
            markdown = answer_key_markdown(args.chapter)
            if args.out is None:
                sys.stdout.write(markdown)
            else:
                args.out.parent.mkdir(parents=True, exist_ok=True)
                args.out.write_text(markdown, encoding="utf-8")
                count = len(all_exercises(args.chapter))
                print(f"Wrote the answer key ({count} exercises) to {args.out}")
        else:
            for ex in all_exercises(args.chapter):
                first_line = ex.question.strip().splitlines()[0]
                if len(first_line) > 70:
                    first_line = first_line[:67] + "..."
                sim = "sim" if ex.uses_simulation else "   "
                print(f"{ex.chapter:>2}  {ex.id:<36} {ex.kind:<7} {sim}  {first_line}")
    except ExerciseDefinitionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Command line: ``python -m course.data generate [--out DIR] [--seed N]``."""

from __future__ import annotations

import argparse
import sys

from course.data.generate import DEFAULT_SEED, generate


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m course.data",
        description="Tools for the course's bundled datasets.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser(
        "generate",
        help="write the synthetic datasets and datapackage.json",
        description="Regenerate every synthetic dataset and the descriptor, byte for byte.",
    )
    gen.add_argument(
        "--out", default=None, help="folder to write into (default: the bundled datasets/)"
    )
    gen.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help=f"seed (default {DEFAULT_SEED})"
    )
    args = parser.parse_args(argv)
    if args.command == "generate":
        written = generate(args.out, seed=args.seed)
        for path in written:
            print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""Seeded random numbers, one independent stream per random quantity.

Every random quantity in the model (a shopper's need, their trust threshold, the
depth they scroll to, ...) has its own stream, derived from the run's ``seed`` and
the quantity's name. Two consequences:

* **Common random numbers.** The same seed gives the same shopper the same need and
  the same trust threshold in the search, interest and social orderings, and changing
  a lever changes only what the lever touches: a shopper who bought at a price of
  20 USD and would also buy at 18 USD still gets the same random numbers. Comparisons
  between lever settings and between orderings are then sharp, not blurred by noise.
* **Determinism.** The same seed always gives the same numbers, whatever else runs.

:class:`Streams` also counts every number it draws, so the benchmark can compare the
model's time with the time NumPy needs just to draw those numbers.
"""

from __future__ import annotations

import zlib

import numpy as np

from course._validate import check_int, check_seed

__all__ = ["Streams"]


class Streams:
    """Uniform random numbers for one run, keyed by the name of the quantity.

    Parameters
    ----------
    seed : int
        Whole number >= 0.

    Attributes
    ----------
    seed : int
    draws : int
        How many random numbers have been drawn so far.

    Examples
    --------
    >>> a = Streams(7).uniform("need", 3)
    >>> b = Streams(7).uniform("need", 3)
    >>> bool((a == b).all())
    True
    """

    def __init__(self, seed: int) -> None:
        self.seed = check_seed(seed)
        self.draws = 0

    def generator(self, name: str) -> np.random.Generator:
        """A NumPy generator for the quantity ``name`` (the same for the same seed and name)."""
        if not isinstance(name, str) or not name:
            raise TypeError(f"name must be a non-empty string; got {name!r}")
        key = zlib.crc32(name.encode("utf-8"))
        return np.random.default_rng(np.random.SeedSequence(self.seed, spawn_key=(key,)))

    def uniform(self, name: str, size: int) -> np.ndarray:
        """``size`` uniform numbers in [0, 1) for the quantity ``name``.

        Drawing the same ``name`` twice in one run gives the same numbers, so each
        quantity must have its own name.
        """
        n = check_int("size", size, low=0)
        self.draws += n
        return self.generator(name).random(n)

    def permutation(self, name: str, n: int) -> np.ndarray:
        """A random order of ``0 .. n-1`` for the quantity ``name`` (counts ``n`` draws)."""
        n = check_int("n", n, low=0)
        self.draws += n
        return self.generator(name).permutation(n)

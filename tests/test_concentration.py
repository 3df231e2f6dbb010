"""Top shares, the Lorenz curve and the Gini coefficient (course.model.concentration)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course.model import concentration, gini, lorenz, top_share

values_st = st.lists(
    st.floats(0, 1e6, allow_nan=False, allow_subnormal=False), min_size=1, max_size=200
)


def test_reexported_from_course_model():
    assert gini is concentration.gini and lorenz is concentration.lorenz
    assert top_share is concentration.top_share


def test_known_values():
    assert gini([1, 1, 1, 1]) == 0.0
    assert gini([0, 0, 0, 10]) == pytest.approx(0.75)  # (n - 1) / n for one holder
    assert gini([5]) == 0.0 and gini([0, 0]) == 0.0
    assert top_share([1, 2, 3, 4], 0.25) == pytest.approx(0.4)
    assert top_share([1, 2, 3, 4], 0.5) == pytest.approx(0.7)
    assert top_share([1, 2, 3, 4], 1.0) == 1.0
    assert top_share([0, 0, 0], 0.5) == 0.0
    assert top_share([1, 2, 3], 0.01) == pytest.approx(0.5)  # at least one item counts
    x, y = lorenz([1, 1, 2])
    assert x.tolist() == pytest.approx([0, 1 / 3, 2 / 3, 1])
    assert y.tolist() == pytest.approx([0, 0.25, 0.5, 1])


def test_lorenz_of_all_zero_is_the_diagonal():
    x, y = lorenz([0, 0, 0])
    assert np.array_equal(x, y)


def test_pareto_sample_is_concentrated():
    rng = np.random.default_rng(0)
    sample = rng.pareto(1.2, 100_000) + 1
    assert gini(sample) > 0.4
    assert top_share(sample, 0.01) > 0.1


@settings(max_examples=80)
@given(values_st)
def test_properties(values):
    g = gini(values)
    assert 0.0 <= g <= 1.0
    n = len(values)
    assert g <= (n - 1) / n + 1e-9
    x, y = lorenz(values)
    assert len(x) == len(y) == n + 1
    assert x[0] == y[0] == 0.0 and x[-1] == pytest.approx(1.0)
    assert y[-1] == pytest.approx(1.0)
    assert np.all(np.diff(y) >= -1e-12) and np.all(y <= x + 1e-9)  # below the diagonal
    shares = [top_share(values, f) for f in (0.1, 0.5, 1.0)]
    assert all(0.0 <= s <= 1.0 + 1e-12 for s in shares)
    assert shares[0] <= shares[1] + 1e-12 <= shares[2] + 2e-12
    if sum(values) > 0:
        assert shares[2] == pytest.approx(1.0)
        assert shares[1] >= 0.5 - 1e-9  # the top half holds at least half


@settings(max_examples=40)
@given(values_st, st.floats(0.1, 100))
def test_scale_invariance(values, k):
    scaled = [v * k for v in values]
    assert gini(scaled) == pytest.approx(gini(values), abs=1e-9)
    assert top_share(scaled, 0.3) == pytest.approx(top_share(values, 0.3), abs=1e-9)


@pytest.mark.parametrize("call", [gini, lorenz, lambda v: top_share(v, 0.1)])
def test_bad_values(call):
    with pytest.raises(ValueError, match="at least one number"):
        call([])
    with pytest.raises(ValueError, match="finite"):
        call([1, math.nan])
    with pytest.raises(ValueError, match="finite"):
        call([1, math.inf])
    with pytest.raises(ValueError, match="zero or more"):
        call([1, -2])
    with pytest.raises(TypeError, match="sequence of numbers"):
        call(["a", "b"])


@pytest.mark.parametrize("fraction", [0, -0.1, 1.5])
def test_bad_fraction(fraction):
    with pytest.raises(ValueError, match=r"fraction must be in \(0, 1\]"):
        top_share([1, 2], fraction)
    with pytest.raises(TypeError, match="fraction must be a number"):
        top_share([1, 2], "0.1")

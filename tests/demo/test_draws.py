"""The demo's random generator draws what random.Random draws for the same seed."""

from __future__ import annotations

import random
import re

import pytest

from ipdesk.demo.draws import DemoRandom


@pytest.mark.parametrize("seed", [0, 1, 7, "1:mediation-records", 12_345_678_901])
def test_the_same_draws_as_random(seed: int | str) -> None:
    ours, theirs = DemoRandom(seed), random.Random(seed)
    sequences = ("a", "ab", "abc", tuple(range(7)), list(range(64)), "王李张刘陈杨黄赵吴")
    for i in range(20_000):
        n = 1 + i % 1000
        assert ours.choice(sequences[i % len(sequences)]) == theirs.choice(
            sequences[i % len(sequences)]
        )
        assert ours.randrange(n) == theirs.randrange(n)
        assert ours.randrange(-n, n * 7) == theirs.randrange(-n, n * 7)
        assert ours.randrange(10**9) == theirs.randrange(10**9)
        assert ours.randint(1, n) == theirs.randint(1, n)
        assert ours.randrange(0, n + 1, 2) == theirs.randrange(0, n + 1, 2)  # with a step
        assert ours.random() == theirs.random()
    assert ours.getstate() == theirs.getstate()


@pytest.mark.parametrize("arguments", [(0,), (-3,), (5, 5), (5, 2)])
def test_empty_ranges_fail_as_random_does(arguments: tuple[int, ...]) -> None:
    with pytest.raises(ValueError) as theirs:
        random.Random(1).randrange(*arguments)
    with pytest.raises(ValueError, match=re.escape(str(theirs.value))):
        DemoRandom(1).randrange(*arguments)


def test_an_empty_sequence_fails_as_random_does() -> None:
    with pytest.raises(IndexError):
        DemoRandom(1).choice([])

"""The demo's random generator: :class:`random.Random` with its commonest draws inlined.

The generator of a large demo draws some fifty numbers a case (choices of names, days,
identifiers' digits); ``Random.choice`` and ``Random.randrange`` each go through two or
three Python calls (``randrange`` checking its arguments, ``_randbelow``) before they
ask the Mersenne Twister for bits, and those calls cost more than the bits. Here
``choice``, ``randrange`` and ``randint`` do the same in one call: the same bits asked
for in the same order, rejected alike, so every draw (and everything drawn after it)
is the one ``random.Random`` gives for the seed. Arguments off the fast path (not plain
integers, a step, an empty range) go to ``random.Random`` itself, errors and all.

``getrandbits`` and ``random`` are not overridden: ``Random.__init_subclass__`` would
then choose another ``_randbelow`` (and other draws) for the class.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from _typeshed import SupportsLenAndGetItem

__all__ = ["DemoRandom"]

T = TypeVar("T")


class DemoRandom(random.Random):
    """``random.Random`` with ``choice``, ``randrange`` and ``randint`` in one call each;
    the same draws for the same seed."""

    def choice(self, seq: SupportsLenAndGetItem[T]) -> T:
        n = len(seq)
        if not n:
            raise IndexError("Cannot choose from an empty sequence")
        # random.Random._randbelow_with_getrandbits, inlined.
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return seq[r]

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if step != 1 or type(start) is not int or (stop is not None and type(stop) is not int):
            return super().randrange(start, stop, step)
        n = start if stop is None else stop - start
        if n <= 0:
            return super().randrange(start, stop, step)  # raises as Random does
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return r if stop is None else start + r

    def randint(self, a: int, b: int) -> int:
        return self.randrange(a, b + 1)

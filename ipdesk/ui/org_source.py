"""One organisation tree per desk, shared by every page that needs it.

The main window's tree (with open-case counts), the case list's and the work list's office
filters all show the offices and stations of the user's scope. They used to load
``org_tree`` each on their own at start-up (four loads of 0.2 s at a million cases on a
two-thread pool, in front of the user's first page); now :func:`org_source` gives the
desk's one :class:`OrgSource`, which loads once and tells every subscriber.

It reloads after a change of the organisation and of cases (the open-case counts). A
subscriber that shows only the names (``counts=False``, the default) is called again only
when an office or station changed, not for every new count.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject

from ipdesk.remote.calls import call
from ipdesk.services.admin.org import OfficeInfo, org_tree
from ipdesk.ui.desk import ChangeKind, Desk, Refusal

OnOffices = Callable[[list[OfficeInfo]], None]
OnFailed = Callable[[Refusal], None]

_NAME = "org_source"


def _shape(offices: list[OfficeInfo]) -> tuple[object, ...]:
    """The offices and stations without their counts."""
    return tuple(
        (o.id, o.code, o.name, tuple((s.id, s.code, s.name) for s in o.stations)) for o in offices
    )


class _Subscriber:
    def __init__(
        self, owner: QObject, on_done: OnOffices, on_failed: OnFailed | None, counts: bool
    ) -> None:
        self.owner = owner
        self.on_done = on_done
        self.on_failed = on_failed
        self.counts = counts
        self.shape: tuple[object, ...] | None = None

    def deliver(self, offices: list[OfficeInfo], shape: tuple[object, ...]) -> None:
        if not self.counts and shape == self.shape:
            return
        self.shape = shape
        self.on_done(offices)


class OrgSource(QObject):
    """The desk's organisation tree (see the module docstring)."""

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk)
        self.setObjectName(_NAME)
        self._desk = desk
        self._offices: list[OfficeInfo] | None = None
        self._shape: tuple[object, ...] = ()
        self._loading = False
        self._subscribers: list[_Subscriber] = []
        self.loads = 0  # how many times org_tree ran (tests, benchmarks)
        desk.follow(self, [ChangeKind.ORG, ChangeKind.CASES], lambda _change: self.reload())

    @property
    def offices(self) -> list[OfficeInfo] | None:
        """The last loaded tree; None before the first load ended."""
        return self._offices

    def subscribe(
        self,
        owner: QObject,
        on_done: OnOffices,
        on_failed: OnFailed | None = None,
        *,
        counts: bool = False,
    ) -> None:
        """Call ``on_done(offices)`` with the tree, now if it is loaded (else once it is),
        and after every reload that changed it (every reload with ``counts``), while
        ``owner`` lives; ``on_failed(refusal)`` when a load failed."""
        subscriber = _Subscriber(owner, on_done, on_failed, counts)
        self._subscribers.append(subscriber)
        if self._offices is not None:
            subscriber.deliver(self._offices, self._shape)
        elif not self._loading:
            self.reload()

    def reload(self) -> None:
        """Load the tree again in the background (a load under way is superseded)."""
        self._loading = True
        self._desk.read(self, call(org_tree), self._on_loaded, self._on_failed, purpose="org")

    def _alive(self) -> list[_Subscriber]:
        self._subscribers = [s for s in self._subscribers if shiboken6.isValid(s.owner)]
        return list(self._subscribers)

    def _on_loaded(self, offices: list[OfficeInfo]) -> None:
        self._loading = False
        self.loads += 1
        self._offices, self._shape = offices, _shape(offices)
        for subscriber in self._alive():
            subscriber.deliver(offices, self._shape)

    def _on_failed(self, refusal: Refusal) -> None:
        self._loading = False
        for subscriber in self._alive():
            if subscriber.on_failed is not None:
                subscriber.on_failed(refusal)


def org_source(desk: Desk) -> OrgSource:
    """The desk's one :class:`OrgSource` (made on first use, living as long as the desk)."""
    source = desk.findChild(OrgSource, _NAME)
    return source if source is not None else OrgSource(desk)

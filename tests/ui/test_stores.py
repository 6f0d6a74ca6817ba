"""The file stores of this computer (``ipdesk.ui.stores``)."""

from __future__ import annotations

from ipdesk.services.cases.intake import default_attachment_store
from ipdesk.services.documents import default_store
from ipdesk.ui.stores import FileStores


def test_the_default_stores_are_the_intakes_and_the_documents_folders() -> None:
    """``FileStores.default`` names the folders itself (the intake's and the documents'
    modules are not imported at start-up): they are the services' own."""
    assert FileStores.default() == FileStores(default_attachment_store(), default_store())

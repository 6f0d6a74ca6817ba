"""Where this computer keeps the evidence files and the generated documents.

Both live beside the data of the database in use: the user data directory for the
embedded or shared database, the demo's temporary folder for ``ipdesk --demo`` (a demo
must neither write into the user's stores nor report the user's files as strays).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ipdesk.paths import user_data_dir
from ipdesk.services.cases.intake import default_attachment_store


@dataclass(frozen=True)
class FileStores:
    attachments: Path
    documents: Path

    @classmethod
    def default(cls) -> FileStores:
        # documents.default_store()'s folder, without importing the documents package
        # (docxtpl, 0.3 s) at start-up
        return cls(default_attachment_store(), user_data_dir() / "documents")

    @classmethod
    def in_folder(cls, folder: Path) -> FileStores:
        return cls(folder / "attachments", folder / "documents")

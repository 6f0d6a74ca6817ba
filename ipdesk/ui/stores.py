"""Where this computer keeps the evidence files and the generated documents.

Both live beside the data of the database in use: the user data directory for the
embedded or shared database, the demo's temporary folder for ``ipdesk --demo`` (a demo
must neither write into the user's stores nor report the user's files as strays).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ipdesk.paths import user_data_dir


@dataclass(frozen=True)
class FileStores:
    attachments: Path
    documents: Path

    @classmethod
    def default(cls) -> FileStores:
        # intake.default_attachment_store()'s and documents.default_store()'s folders,
        # without importing the intake's modules (about 15 ms) nor the documents package
        # (docxtpl, 0.3 s) at start-up
        return cls(user_data_dir() / "attachments", user_data_dir() / "documents")

    @classmethod
    def in_folder(cls, folder: Path) -> FileStores:
        return cls(folder / "attachments", folder / "documents")

"""The keyed signature of backups (HMAC-SHA256) and the key it is made with.

A checksum proves a backup is whole, not who wrote it: whoever edits a portable backup can
recompute its checksums. A backup is therefore signed with a secret key that never lives
in the database (a backup holds the database, so a key in it would travel with it):

* the desktop keeps it in the user's configuration folder (platformdirs), in
  ``backup.key``, created on first use, readable by its owner only (0600 on POSIX);
* a server (or an operator restoring on another machine) names a file in the environment
  variable :data:`ENV_KEY_FILE` (``IPDESK_BACKUP_KEY_FILE``); it is created there on first
  use when it does not exist.

The file holds 32 random bytes as 64 hexadecimal digits on one line. A backup made on one
machine is restored on another by giving that machine the same key file. A signature
names its key by :attr:`BackupKey.key_id` (a hash of the key, not the key), so a backup
signed with another key is told apart from a tampered one.

What is signed: the portable backup's ``manifest.json`` byte for byte (which holds every
member's SHA-256), and the SQLite backup file byte for byte, except the 64 digits of the
signature itself (see :func:`file_mac`).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final

from ipdesk import paths
from ipdesk.services.errors import ServiceError

log = logging.getLogger(__name__)

ENV_KEY_FILE: Final = "IPDESK_BACKUP_KEY_FILE"
KEY_FILE_NAME: Final = "backup.key"
ALGORITHM: Final = "HMAC-SHA256"
SIGNATURE_LENGTH: Final = 64  # hexadecimal digits of a SHA-256 MAC
_KEY_BYTES: Final = 32
_MAX_KEY_FILE: Final = 4096
_CHUNK: Final = 1 << 20


class BackupKeyError(ServiceError):
    code = "backup_key_invalid"


@dataclass(frozen=True)
class BackupKey:
    secret: bytes
    path: Path

    @property
    def key_id(self) -> str:
        """Names the key in a signature without revealing it."""
        return hashlib.sha256(b"ipdesk backup key id\x00" + self.secret).hexdigest()[:16]

    def mac(self, data: bytes = b"") -> hmac.HMAC:
        return hmac.new(self.secret, data, hashlib.sha256)


def key_path() -> Path:
    """Where the key is: ``$IPDESK_BACKUP_KEY_FILE``, else ``backup.key`` in the user's
    configuration folder."""
    given = os.environ.get(ENV_KEY_FILE)
    return Path(given) if given else paths.user_config_dir() / KEY_FILE_NAME


def load_key(*, create: bool) -> BackupKey | None:
    """The backup key; created first when missing and ``create`` (making a backup), else
    None when there is none (restoring: a new key could verify nothing)."""
    path = key_path()
    try:
        if not path.exists():
            if not create:
                return None
            _create(path)
        return _read(path)
    except OSError as exc:
        raise BackupKeyError(
            f"无法使用备份签名密钥 {path}：{exc.strerror or exc}", path=str(path)
        ) from None


def _create(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temp = path.parent / f".{path.name}.{os.getpid()}-{secrets.token_hex(6)}.part"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_hex(_KEY_BYTES) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(temp, path)  # never replaces a key another process made meanwhile
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(temp, path)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    log.info("Created the backup signing key %s", path)


def _read(path: Path) -> BackupKey:
    with path.open("rb") as fh:
        data = fh.read(_MAX_KEY_FILE + 1)
    try:
        secret = bytes.fromhex(data.decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        secret = b""
    if len(data) > _MAX_KEY_FILE or len(secret) < _KEY_BYTES:
        raise BackupKeyError(
            f"备份签名密钥文件 {path} 无效（应为一行 64 位十六进制数字）", path=str(path)
        )
    if os.name == "posix" and path.stat().st_mode & 0o077:
        log.warning("The backup signing key %s is readable by others (chmod 600 it)", path)
    return BackupKey(secret, path)


# --------------------------------------------------------------------------- files


def file_mac(key: BackupKey, fh: BinaryIO, offset: int) -> str:
    """The MAC of a whole file whose 64 bytes at ``offset`` (where the signature is
    stored) are taken as ASCII zeros; the offset is signed too."""
    mac = key.mac(b"ipdesk sqlite backup\x00" + offset.to_bytes(8, "big"))
    for chunk in _chunks_with_blank(fh, offset):
        mac.update(chunk)
    return mac.hexdigest()


def _chunks_with_blank(fh: BinaryIO, offset: int) -> Iterator[bytes]:
    fh.seek(0)
    position = 0
    end = offset + SIGNATURE_LENGTH
    while chunk := fh.read(_CHUNK):
        start = position
        position += len(chunk)
        if position > offset and start < end:
            buffer = bytearray(chunk)
            lo, hi = max(offset - start, 0), min(end - start, len(chunk))
            buffer[lo:hi] = b"0" * (hi - lo)
            chunk = bytes(buffer)
        yield chunk


def find_once(fh: BinaryIO, needle: bytes) -> int | None:
    """The offset of ``needle`` in the file when it occurs exactly once, else None."""
    fh.seek(0)
    found: list[int] = []
    tail = b""
    base = 0  # file offset of tail[0]
    while chunk := fh.read(_CHUNK):
        window = tail + chunk
        start = 0
        while (at := window.find(needle, start)) >= 0:
            found.append(base + at)
            if len(found) > 1:
                return None
            start = at + 1
        keep = min(len(needle) - 1, len(window))
        tail = window[len(window) - keep :] if keep else b""
        base += len(window) - len(tail)
    return found[0] if len(found) == 1 else None


def signs(key: BackupKey, data: bytes, signature: str) -> bool:
    return hmac.compare_digest(key.mac(data).hexdigest(), signature)

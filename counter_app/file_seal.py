"""Attached files sealed under the database's own key, so a copied disk or backup stick shows no scan.

The database is encrypted by SQLCipher; the scans of ID cards and birth certificates attached to
its dossiers live as files beside it (:mod:`counter_app.attachment_files`), and in a backup
folder that may be a USB stick. Decree 13/2023/NĐ-CP asks for personal data to be encrypted at
rest, so a store whose database is encrypted keeps its files sealed too:

- the file key is derived from the database key (HKDF-SHA256), not stored anywhere: the one key
  on the recovery sheet opens the database, its backups and their files;
- each file is AES-256-GCM with a fresh random nonce; the file's name (the SHA-256 of what it
  holds) is authenticated with it, so a file swapped for another, or edited, fails to open;
- a sealed file starts with ``MAGIC`` and the key's 8-byte id (a hash of the file key, not the
  key), so a file sealed before a key rotation is opened with the previous key until the
  rotation re-seals it, and a plain file (a store encrypted after it had files) is told apart.

A plain database keeps plain files (owner-only, as before): there is no key to seal them with.
The file name still says the SHA-256 of the plain bytes: attaching, reuse, backup and the portal
upload are keyed by it. That reveals only whether a store holds a file someone already has.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"QMC-SEAL1\n"
KEY_ID_BYTES = 8
NONCE_BYTES = 12
HEADER_BYTES = len(MAGIC) + KEY_ID_BYTES
_INFO = b"quay-mot-cua attached files v1"


def file_key(database_key: str) -> bytes:
    """The AES-256 key of a database's files, from its SQLCipher key (64 hex digits)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(bytes.fromhex(database_key))


def key_id(key: bytes) -> bytes:
    return hashlib.sha256(b"key id\0" + key).digest()[:KEY_ID_BYTES]


def is_sealed(head: bytes) -> bool:
    """Whether bytes (a whole file, or its first ``HEADER_BYTES``) are a sealed file."""
    return head.startswith(MAGIC)


class Seal:
    """The keys a store's files are sealed under: the first database key seals, any of them opens.

    ``more`` gives further database keys (the one before an interrupted rotation), asked only
    when a file names a key not known yet, so the common case never reads the keyring again.
    """

    def __init__(self, database_keys: Iterable[str], more: Callable[[], Iterable[str]] | None = None) -> None:
        keys = [file_key(value) for value in database_keys]
        if not keys:
            raise ValueError("a seal needs at least one database key")
        self._sealing = keys[0]
        self._sealing_id = key_id(keys[0])
        self._by_id = {key_id(key): key for key in keys}
        self._more = more

    def close(self, data: bytes, name: str) -> bytes:
        """``data`` sealed under the current key, bound to its ``name``."""
        nonce = os.urandom(NONCE_BYTES)
        header = MAGIC + self._sealing_id
        return header + nonce + AESGCM(self._sealing).encrypt(nonce, data, header + name.encode())

    def open(self, blob: bytes, name: str) -> bytes | None:
        """The plain bytes of a stored file (a plain one as it is); None when no key here opens it, or it was altered."""
        if not is_sealed(blob):
            return blob
        header, nonce, sealed = blob[:HEADER_BYTES], blob[HEADER_BYTES:HEADER_BYTES + NONCE_BYTES], blob[HEADER_BYTES + NONCE_BYTES:]
        key = self._key(header[len(MAGIC):])
        if key is None:
            return None
        try:
            return AESGCM(key).decrypt(nonce, sealed, header + name.encode())
        except (InvalidTag, ValueError):
            return None

    def current(self, head: bytes) -> bool:
        """Whether a file (its first ``HEADER_BYTES`` at least) is sealed under the current key."""
        return head[:HEADER_BYTES] == MAGIC + self._sealing_id

    def _key(self, wanted: bytes) -> bytes | None:
        if wanted not in self._by_id and self._more is not None:
            more, self._more = self._more, None
            self._by_id.update((key_id(key), key) for key in map(file_key, more()))
        return self._by_id.get(wanted)

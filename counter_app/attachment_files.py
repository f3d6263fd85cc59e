"""Where the bytes of attached files live: a folder of files named by their SHA-256, or an office table.

A SQLite store keeps them in a folder beside its file (``<database name>-attachments/``), a
backup folder one folder shared by all its backups (``attachments/``), both laid out
``<first two hex digits>/<sha256>``, owner-only (files 0600, folders 0700). The office's
PostgreSQL keeps them in its own table ``attachment_contents``: every counter of the office reads
them with no network share to set up and keep permissions on, the office's ``pg_dump`` carries
them, and one transaction holds a file and the row that refers to it.

Both kinds answer the same questions (:class:`Contents`), so attaching, reading, ``check``,
backup and restore never ask which one they talk to. Files are immutable (a name says what the
bytes must hash to) and never removed from a dossier, so a store only grows.

A folder whose database is encrypted keeps its files sealed under the database's key
(:mod:`counter_app.file_seal`); its :class:`FolderContents` is given that key's :class:`Seal`, and
a file found plain or under an older key is re-sealed when it is written again (``put``,
:func:`reseal`). The office's table is left to the office server's own disk encryption.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

from . import safe_files
from .db import keys as db_keys
from .file_seal import HEADER_BYTES, Seal

_HEX = frozenset("0123456789abcdef")


def attachments_dir(db_path: Path) -> Path:
    """Where one database's files live: beside it, so a copy of the folder carries both."""
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.name}-attachments")


def content_path(root: Path, sha256: str) -> Path:
    return root / sha256[:2] / sha256


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Contents(Protocol):
    """A content-addressed store of files (a folder, or the office's table)."""

    def put(self, data: bytes) -> str:
        """Keep ``data`` durably (an existing sound copy is kept) and return its hash.

        Called inside the transaction that adds the rows referring to it, so the file is
        durable before they commit (and, in the office's table, commits with them).
        """

    def get(self, sha256: str) -> bytes | None:
        """The bytes kept under ``sha256`` (opened, when sealed), not checked; None when there are none."""

    def present(self) -> set[str]:
        """Every hash a file is kept under."""

    def altered(self, digests: Collection[str]) -> set[str]:
        """Those of ``digests`` (all present) whose bytes no longer hash to their name."""

    def unsealed(self, digests: Collection[str]) -> set[str]:
        """Those of ``digests`` (all present) kept readable without the database's current key."""


def seal_for(keys: Sequence[db_keys.Key], more: Callable[[], Sequence[db_keys.Key]] | None = None) -> Seal | None:
    """The seal of a SQLite store's files from its keys (the current one first); None for a plain store.

    ``more``: further keys, asked only for a file sealed under none of ``keys`` (:class:`Seal`).
    """
    if not keys:
        return None
    return Seal([key.value for key in keys], None if more is None else lambda: [key.value for key in more()])


class FolderContents:
    """Files named by their hash in ``root`` (a SQLite store's folder, or a backup folder's shared one).

    ``seal``: the keys of an encrypted database, under which files are written and read; None
    for a plain database's, kept plain.
    """

    def __init__(self, root: Path, seal: Seal | None = None) -> None:
        self.root = Path(root)
        self.seal = seal

    def put(self, data: bytes) -> str:
        digest = digest_of(data)
        if self.has(digest) and self.sound(digest):
            return digest
        target = content_path(self.root, digest)
        safe_files.private_dir(self.root)
        safe_files.private_dir(target.parent)
        stored = data if self.seal is None else self.seal.close(data, digest)
        safe_files.write_private(target, stored)  # synced, renamed into place, the folder synced
        return digest

    def get(self, sha256: str) -> bytes | None:
        try:
            kept = content_path(self.root, sha256).read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None
        opened = kept if self.seal is None else self.seal.open(kept, sha256)
        return kept if opened is None else opened  # one no key here opens reads as altered

    def has(self, sha256: str) -> bool:
        """Whether a file is kept under ``sha256`` in the form this store writes (sealed under its key, or plain)."""
        head = self._head(sha256)
        return head is not None and (self.seal is None or self.seal.current(head))

    def sound(self, sha256: str) -> bool:
        data = self.get(sha256)
        return data is not None and digest_of(data) == sha256

    def present(self) -> set[str]:
        if not self.root.is_dir():
            return set()  # hidden temporaries (".NAME.PID.part") are not files yet
        return {path.name for path in self.root.glob("??/*") if _is_digest(path.name)}

    def altered(self, digests: Collection[str]) -> set[str]:
        return {digest for digest in digests if not self.sound(digest)}

    def unsealed(self, digests: Collection[str]) -> set[str]:
        return set() if self.seal is None else {digest for digest in digests if not self.has(digest)}

    def _head(self, sha256: str) -> bytes | None:
        try:
            with open(content_path(self.root, sha256), "rb") as file:
                return file.read(HEADER_BYTES)
        except (FileNotFoundError, NotADirectoryError):
            return None


class TableContents:
    """The office database's ``attachment_contents`` table, read and written through ``conn``'s transaction.

    Hashes are compared by the server (``sha256()``), so ``check`` does not pull every file across the LAN.
    """

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def put(self, data: bytes) -> str:
        digest = digest_of(data)
        self.conn.execute(  # a sound row is kept as it is; an altered one is mended by the new copy
            "INSERT INTO attachment_contents (sha256, content) VALUES (?, ?) ON CONFLICT (sha256) DO UPDATE"
            " SET content = excluded.content WHERE encode(sha256(attachment_contents.content), 'hex') <> excluded.sha256",
            (digest, data))
        return digest

    def get(self, sha256: str) -> bytes | None:
        row = self.conn.execute("SELECT content FROM attachment_contents WHERE sha256 = ?", (sha256,)).fetchone()
        return None if row is None else bytes(row[0])

    def present(self) -> set[str]:
        return {row[0] for row in self.conn.execute("SELECT sha256 FROM attachment_contents")}

    def altered(self, digests: Collection[str]) -> set[str]:
        found = {row[0] for row in self.conn.execute(
            "SELECT sha256 FROM attachment_contents WHERE encode(sha256(content), 'hex') <> sha256")}
        return found & set(digests)

    def unsealed(self, digests: Collection[str]) -> set[str]:
        return set()  # the office server's disk: its administrator's encryption, not ours


def _is_digest(name: str) -> bool:
    return len(name) == 64 and set(name) <= _HEX


def referenced_files(conn: Any) -> dict[str, list[str]]:
    """Every file a database's rows refer to, with the codes of the dossiers holding it (in code order)."""
    files: dict[str, list[str]] = {}
    for row in conn.execute("SELECT DISTINCT a.sha256, d.code FROM dossier_attachments a"
                            " JOIN dossiers d ON d.id = a.dossier_id ORDER BY d.code"):
        files.setdefault(row[0], []).append(row[1])
    return files


def file_problems(conn: Any, contents: Contents, *, shared: bool = False) -> list[str]:
    """Missing, altered and unreferenced files (for ``check``); no personal data in the lines.

    ``shared``: the store also holds other databases' files (a backup folder's), so a file this
    database does not refer to is no finding.
    """
    referenced = referenced_files(conn)
    present = contents.present()
    altered = contents.altered([digest for digest in referenced if digest in present])
    problems: list[str] = []
    for digest, codes in referenced.items():
        if digest not in present:
            problems += [f"attachment {digest[:12]} of dossier {code} is missing" for code in codes]
        elif digest in altered:
            problems += [f"attachment {digest[:12]} of dossier {code} was altered (its hash differs)" for code in codes]
    exposed = contents.unsealed([digest for digest in referenced if digest in present and digest not in altered])
    if exposed:
        remedy = "the next backup to this folder encrypts them" if shared else "'counter-app key rotate' encrypts them"
        problems.append(f"{len(exposed)} attached file(s) are not encrypted under the database's key ({remedy})")
    if not shared:
        problems += [f"attachment file {digest[:12]} belongs to no dossier (left by an interrupted attach, or by"
                     " the restore of an older backup; it can be deleted)" for digest in sorted(present - set(referenced))]
    return problems


def reseal(contents: FolderContents) -> int:
    """Write again, sealed under the current key, every sound file kept plain or under an older key.

    After the database was encrypted or its key rotated (:mod:`counter_app.encryption`). Each
    file is replaced whole (written, synced, renamed), so a crash leaves it in one form or the
    other, both of which the keys kept during the change open. Returns how many were rewritten;
    an altered file is left for ``check`` to report.
    """
    rewritten = 0
    for digest in sorted(contents.present()):
        if not contents.has(digest):
            data = contents.get(digest)
            if data is not None and digest_of(data) == digest:
                contents.put(data)
                rewritten += 1
    return rewritten


def referenced_digests(conn: Any) -> set[str]:
    """The hashes of every file a database's rows refer to."""
    return {row[0] for row in conn.execute("SELECT DISTINCT sha256 FROM dossier_attachments")}


def lacking(target: FolderContents, digests: Iterable[str], *, mend_altered: bool) -> list[str]:
    """Those of ``digests`` that ``target`` lacks (``mend_altered``: or holds altered, read through)."""
    return sorted(digest for digest in digests if not (target.sound(digest) if mend_altered else target.has(digest)))


def copy_files(source: FolderContents, target: FolderContents, digests: Iterable[str]) -> set[str]:
    """Copy each file of ``digests`` from ``source`` into ``target``, checked against its hash and written durably.

    Returns the hashes ``source`` could not give soundly (missing or altered there too), which the caller reports.
    """
    unavailable: set[str] = set()
    for digest in digests:
        data = source.get(digest)
        if data is None or digest_of(data) != digest:
            unavailable.add(digest)
        else:
            target.put(data)
    return unavailable

"""Encrypt a plain store, rotate its key, and re-key a single file: the database and its copies move together.

"Its copies" are every file that holds the same data: the backups in ``backups/`` beside the
database and the safety copies (``DB.before-….bak``). They all stay under the database's
current key, so the one key on the recovery sheet opens any of them. So do the attached files,
the live folder's and the backups' (:mod:`counter_app.file_seal`): sealed again last, after
every database file, while the old key is still kept.

Each file is re-keyed whole or not at all: a plain file is exported into a new encrypted one
under a temporary name (``sqlcipher_export``), synced and renamed over it; an encrypted file is
re-keyed in place by SQLCipher inside one transaction. During a rotation the old key stays
kept as the *previous* key until every file is done (:mod:`counter_app.db.keys`), so a crash
at any instant leaves files that one of the two keys opens.
"""
from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path

from . import attachment_files, audit, backup_pages, maintenance, paths
from .db import keys as db_keys
from .db import sqlite_driver
from .db.sqlite import fitting_key, rekey_file
from .errors import ValidationError
from .models import Actor, Role
from .restore import checkpoint_idle
from .store import Store
from .users import require_role


@dataclass(frozen=True)
class Rekeyed:
    where: db_keys.KeyStore  # where the (new) key is kept
    files: tuple[Path, ...]  # every database file now under it, the database first
    attached: int  # attached files sealed again under it (the live folder's and the backups')


def key_for_sheet(store: Store, by: Actor) -> str:
    """The key to print on the recovery sheet: an administrator's act, audited (never the key itself)."""
    require_role(by, Role.ADMIN)
    if store.key is None or store.path is None:
        raise ValidationError("Cơ sở dữ liệu này không được mã hóa: không có khóa để in.")
    with store.write() as conn:
        audit.append(conn, username=by.username, action="database.key_sheet", details={})
    return store.key.value


def copies_of(db_path: Path) -> list[Path]:
    """The backups and safety copies of the database at ``db_path`` (what its key must open).

    A deduplicated backup has no file of its own: it is named like the full copy it stands for
    (:func:`counter_app.backup_pages.readable` opens either).
    """
    db_path = Path(db_path)
    found = sorted(db_path.parent.glob(f"{glob.escape(db_path.name)}.before-*.bak"))
    folder = paths.default_backup_dir(db_path)
    if folder.is_dir():
        found += sorted(path for path in folder.glob("counter-*.sqlite3")
                        if maintenance.BACKUP_PATTERN.match(path.name))
        found += sorted(folder / snapshot.name for snapshot in backup_pages.snapshots(folder))
    return found


def encrypt(db_path: Path, choice: db_keys.KeyChoice = db_keys.KeyChoice.AUTO) -> Rekeyed:
    """Encrypt a plain database made before encryption existed, with its backups and copies.

    Refused while another program has the database open; the new key is kept (keyring, else
    the key file for ``AUTO``) before any file changes, so no file is ever under a key not kept.
    """
    db_path = Path(db_path)
    if not sqlite_driver.is_plain(db_path):
        raise ValidationError(f"{db_path.name} is not a plain SQLite database (already encrypted?): nothing was changed")
    if choice is db_keys.KeyChoice.NONE:
        raise ValidationError("choose where the key is kept (keyring or file): nothing was changed")
    checkpoint_idle(db_path, None)
    where = db_keys.provision(db_path, choice)
    assert where is not None
    new = db_keys.candidates(db_path)[0]
    return Rekeyed(where, *_rekey_all(db_path, new))


def rotate(db_path: Path) -> Rekeyed:
    """Put the database and every copy under a new key; the old recovery sheet no longer opens them."""
    db_path = Path(db_path)
    keys = db_keys.candidates(db_path)
    old = fitting_key(db_path, keys)
    if old is None:
        raise ValidationError(f"{db_path.name} is not encrypted: run 'counter-app key encrypt' first")
    if old.source is db_keys.KeyStore.ENV:
        raise ValidationError(f"the key comes from {db_keys.KEY_ENV}: a new key cannot be kept there; "
                              "unset it and keep the key in the keyring or the key file")
    checkpoint_idle(db_path, old)
    if len(keys) > 1:  # an earlier rotation was cut short: first every file under its new key
        current = keys[0]
        _rekey_all(db_path, current)
        db_keys.save(db_path, current.value, current.source)
        old = current
    new = db_keys.Key(db_keys.new_key(), old.source)
    db_keys.save(db_path, new.value, old.source, previous=old.value)  # both kept while files change
    files, attached = _rekey_all(db_path, new)
    db_keys.save(db_path, new.value, old.source)  # every file done: the old key is forgotten
    return Rekeyed(old.source, files, attached)


def _rekey_all(db_path: Path, new: db_keys.Key) -> tuple[tuple[Path, ...], int]:
    """Every database file, then every attached file, under ``new``: the files re-keyed, and how many attached ones."""
    keys = db_keys.candidates(db_path)
    done = []
    for path in (db_path, *copies_of(db_path)):
        rekeyed = _rekey_file(path, keys, new) if path.is_file() else _rekey_snapshot(path, keys, new)
        if rekeyed:
            done.append(path)
    backup_folder = paths.default_backup_dir(db_path)
    backup_pages.drop(backup_folder, set())  # the old key's pages no snapshot uses
    seal = attachment_files.seal_for([new, *(key for key in keys if key != new)])  # opens plain and old-key files
    attached = sum(attachment_files.reseal(files) for files in (
        attachment_files.FolderContents(attachment_files.attachments_dir(db_path), seal),
        maintenance.files_of_backups(backup_folder, seal)))
    return tuple(done), attached


def _rekey_file(path: Path, keys: list[db_keys.Key], new: db_keys.Key) -> bool:
    try:
        old = fitting_key(path, keys)
    except db_keys.KeyUnavailable:
        return False  # a copy no kept key opens (damaged, or foreign): left as it is; check reports it
    rekey_file(path, old, new)
    return True


def _rekey_snapshot(name: Path, keys: list[db_keys.Key], new: db_keys.Key) -> bool:
    """A deduplicated backup turned into a file, re-keyed and stored again in its place.

    The snapshot is replaced in one transaction, so a crash leaves it under the old key or the
    new one, both kept until the rotation ends.
    """
    folder = name.parent
    snapshot = backup_pages.find(folder, name.name)
    if snapshot is None:
        return False
    with backup_pages.as_file(folder, snapshot) as file:
        if not _rekey_file(file, keys, new):
            return False
        backup_pages.replace(folder, snapshot, file)
    return True

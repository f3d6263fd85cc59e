"""Where the key of an encrypted SQLite store is kept, found and replaced.

Each database file has its own random 256-bit key, made when the database is created. It is
kept, in this order of preference (Decree 13/2023/NĐ-CP: personal data encrypted at rest, the
key never beside the data):

1. the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service), entry
   ``quay-mot-cua-database`` / the database's absolute path;
2. on a machine without a keyring, when chosen at set-up (warned): a key file readable by its
   owner only, in the user's *config* folder (not the data folder, so a copy of the data folder
   or its backups never carries the key);
3. for automation, ``COUNTER_DB_KEY`` (64 hex digits): it takes precedence over both.

A lost key is lost data, hence the printed recovery sheet (``counter-app key sheet``) and
``counter-app key import`` on a new machine. Rotation (``key rotate``) keeps the old key as the
*previous* one until every file is re-encrypted, so a crash in the middle leaves files that one
of the two keys opens.
"""
from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import platformdirs

from .. import safe_files
from .base import StoreError
from .sqlite_driver import KEY_PATTERN

KEY_ENV = "COUNTER_DB_KEY"
KEYRING_SERVICE = "quay-mot-cua-database"
PREVIOUS = " (previous)"  # suffix of the keyring entry holding the key before a rotation
APP_NAME = "quay-mot-cua"


class KeyStore(StrEnum):
    KEYRING = "keyring"
    FILE = "file"
    ENV = "env"


class KeyChoice(StrEnum):
    """What set-up chose for a new database."""

    AUTO = "auto"  # the keyring, else a key file (and the caller warns)
    KEYRING = "keyring"
    FILE = "file"
    NONE = "none"  # not encrypted (an explicit choice, e.g. a test machine)


KEPT_CHOICES = (KeyChoice.AUTO, KeyChoice.KEYRING, KeyChoice.FILE)  # choices that keep a key somewhere


@dataclass(frozen=True)
class Key:
    value: str
    source: KeyStore


class KeyUnavailable(StoreError):
    """An encrypted database whose key is not here, or is not the right one."""


def new_key() -> str:
    return secrets.token_hex(32)


def normalise(text: str) -> str:
    """A key as typed from the recovery sheet (groups, spaces, capitals) → 64 lower-case hex digits."""
    key = "".join(text.split()).replace("-", "").lower()
    if not KEY_PATTERN.match(key):
        raise ValueError("a database key is 64 hexadecimal digits (0-9, a-f), as on the recovery sheet")
    return key


def candidates(db_path: Path) -> list[Key]:
    """The keys that may open ``db_path``, the current one first (then the one before a rotation)."""
    env = os.environ.get(KEY_ENV, "").strip()
    if env:
        try:
            return [Key(normalise(env), KeyStore.ENV)]
        except ValueError:
            raise KeyUnavailable(f"{KEY_ENV} is not a database key: it must be 64 hexadecimal digits.") from None
    name = _entry(db_path)
    found = [Key(value, KeyStore.KEYRING) for value in (_keyring_get(name), _keyring_get(name + PREVIOUS)) if value]
    found += [Key(value, KeyStore.FILE) for value in _file_keys(db_path)]
    return found


def keyring_usable() -> bool:
    """Whether this machine has an OS keyring that can keep a secret."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.get_password(KEYRING_SERVICE, "probe")
    except KeyringError:
        return False
    return getattr(keyring.get_keyring(), "priority", 0) > 0


def provision(db_path: Path, choice: KeyChoice = KeyChoice.AUTO) -> KeyStore | None:
    """Make and keep the key of a database about to be created; where it is kept (None: not encrypted).

    With ``COUNTER_DB_KEY`` set, that key is used and nothing is stored.
    """
    if os.environ.get(KEY_ENV, "").strip():
        return KeyStore.ENV
    if choice is KeyChoice.NONE:
        return None
    where = store_for(choice)
    save(db_path, new_key(), where)
    return where


def store_for(choice: KeyChoice) -> KeyStore:
    """Where a key chosen as ``choice`` is kept: ``AUTO`` is the keyring when this machine has one."""
    if choice is KeyChoice.FILE or (choice is KeyChoice.AUTO and not keyring_usable()):
        return KeyStore.FILE
    return KeyStore.KEYRING


def save(db_path: Path, key: str, where: KeyStore, *, previous: str | None = None) -> None:
    """Keep ``key`` (and the ``previous`` one during a rotation) for ``db_path``."""
    key = normalise(key)
    if where is KeyStore.KEYRING:
        _keyring_set(_entry(db_path), key)
        if previous:
            _keyring_set(_entry(db_path) + PREVIOUS, previous)
        else:
            _keyring_delete(_entry(db_path) + PREVIOUS)
    elif where is KeyStore.FILE:
        lines = [key] + ([previous] if previous else [])
        safe_files.private_dir(key_folder(), tighten=True)
        safe_files.write_private(key_file(db_path), ("\n".join(lines) + "\n").encode())
    else:
        raise KeyUnavailable(f"a key given in {KEY_ENV} is not stored: unset it to keep a new key")


def where_kept(db_path: Path) -> KeyStore | None:
    keys = candidates(db_path)
    return keys[0].source if keys else None


def key_folder() -> Path:
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "database-keys"


def key_file(db_path: Path) -> Path:
    digest = hashlib.sha256(str(Path(db_path).resolve()).encode()).hexdigest()[:32]
    return key_folder() / f"{digest}.key"


def _entry(db_path: Path) -> str:
    return str(Path(db_path).resolve())


def _file_keys(db_path: Path) -> list[str]:
    try:
        lines = key_file(db_path).read_text(encoding="ascii").split()
    except (OSError, UnicodeDecodeError):
        return []
    return [line for line in lines if KEY_PATTERN.match(line)]


def _keyring_get(name: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, name)
    except KeyringError:  # no keyring here: the key file or the environment may still have it
        return None


def _keyring_set(name: str, key: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, name, key)
    except KeyringError as exc:
        raise KeyUnavailable(
            "This machine has no OS keyring to keep the database key: choose the key file"
            f" (--key-store file) or set {KEY_ENV}."
        ) from exc


def _keyring_delete(name: str) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(KEYRING_SERVICE, name)
    except (PasswordDeleteError, KeyringError):
        pass  # nothing to delete

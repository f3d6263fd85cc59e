"""Where the app keeps its database and backups by default (the user data directory)."""
from __future__ import annotations

from pathlib import Path

import platformdirs

from . import catalogue, maintenance, safe_files
from .db import is_url, sqlite_driver
from .db import keys as db_keys
from .store import Store

APP_NAME = "quay-mot-cua"


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    return data_dir() / "counter.sqlite3"


def default_backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def open_store(path: Path | str | None = None, *, key_choice: db_keys.KeyChoice = db_keys.KeyChoice.AUTO) -> Store:
    """Open (creating and migrating when needed) and make sure the catalogue is loaded.

    The app's own data folder is kept owner-only, and what a killed backup or restore left
    beside the database is cleaned first. A new SQLite database is encrypted under a new key
    kept as ``key_choice`` says (a key already kept for that path is reused: its backups need it).
    """
    if isinstance(path, str) and is_url(path):
        store = Store(path)  # the office database (or a refusal): no folder of ours to tidy
    else:
        if path is None:
            safe_files.private_dir(data_dir(), tighten=True)
        db_path = Path(path or default_db_path())
        maintenance.tidy(db_path, default_backup_dir(db_path))
        if sqlite_driver.is_new(db_path) and not db_keys.candidates(db_path):
            db_keys.provision(db_path, key_choice)
        store = Store(db_path)
    try:
        catalogue.ensure_bundled(store)
    except BaseException:
        store.close()
        raise
    return store

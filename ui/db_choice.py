"""Which database this computer opens, as the set-up wizard left it (``--db`` overrides it).

A counter that joined the office server must open it again at the next start, without the
wizard: its URL (``postgresql://USER@HOST:PORT/DBNAME``, never a password: that lives in the OS
keyring only) and the counter number it took are kept in the app's own settings
(``QSettings``), beside the window geometry and the language. So is this installation's random
id, which its counter-number claim in the shared database names. Nothing remembered means
this computer only: the SQLite file in the user data directory.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import QSettings

from counter_app.store import Store

URL_KEY = "database/server_url"
COUNTER_KEY = "database/counter_no"
INSTALLATION_KEY = "database/installation_id"


@dataclass(frozen=True)
class DatabaseChoice:
    server_url: str  # "" : this computer only
    counter_no: int | None  # the number this counter took when it joined; None: the office profile's


def remembered(settings: QSettings) -> DatabaseChoice:
    counter = settings.value(COUNTER_KEY)
    return DatabaseChoice(str(settings.value(URL_KEY, "") or ""), int(counter) if counter else None)


def remember(settings: QSettings, choice: DatabaseChoice) -> None:
    settings.setValue(URL_KEY, choice.server_url)
    if choice.counter_no is None:
        settings.remove(COUNTER_KEY)
    else:
        settings.setValue(COUNTER_KEY, choice.counter_no)
    settings.sync()


def installation_id(settings: QSettings) -> str:
    """This computer's id in the office (made once): a claimed counter number belongs to it."""
    value = str(settings.value(INSTALLATION_KEY, "") or "")
    if not value:
        value = uuid.uuid4().hex
        settings.setValue(INSTALLATION_KEY, value)
        settings.sync()
    return value


def apply_counter(store: Store, settings: QSettings) -> None:
    """The remembered counter number, when ``store`` is the remembered office database."""
    choice = remembered(settings)
    if choice.server_url and choice.server_url == store.target:
        store.counter_no = choice.counter_no

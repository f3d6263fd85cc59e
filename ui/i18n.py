"""Language and formatting helpers shared by every screen: dd/mm/yyyy dates and ``1.234.000 đ``.

Vietnamese is the default UI language; ``install_translator`` loads the shipped ``.qm`` if present.
"""
from __future__ import annotations

from datetime import date, datetime

from counter_app.text import vnd_text

DEFAULT_LANG = "vi"
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}


def format_date(value: date | None) -> str:
    """dd/mm/yyyy, as Vietnamese papers write dates."""
    return value.strftime("%d/%m/%Y") if value else ""


def format_datetime(value: datetime | None) -> str:
    """``HH:MM dd/mm/yyyy`` — the hour first, as receipts state appointments."""
    return value.strftime("%H:%M %d/%m/%Y") if value else ""


def format_vnd(amount: int | None) -> str:
    """``1.234.000 đ``: dots for thousands."""
    return "" if amount is None else vnd_text(amount)


def install_translator(app, lang: str | None = None):  # type: ignore[no-untyped-def]
    """Load ``resources/translations/counter_<lang>.qm``; English needs none. Returns the translator.

    The .qm also carries Qt's own strings (file and print dialogs, standard buttons) from ``qt_<lang>.ts``:
    PySide6 ships no Vietnamese for them, and one translator keeps install and removal one step."""
    from PySide6.QtCore import QTranslator

    from counter_app.resources import resource_path
    lang = lang or DEFAULT_LANG
    if lang == "en":
        return None
    translator = QTranslator(app)
    path = resource_path("translations", f"counter_{lang}.qm")
    if translator.load(str(path)):
        app.installTranslator(translator)
        return translator
    return None

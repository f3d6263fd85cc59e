"""Formatting helpers, taken from ``ui.i18n`` when it is there, with local stand-ins otherwise.

The screens of issue 3 are written in parallel; this one import point lets them run (and be
tested) before ``ui/i18n.py`` lands, and switches to it by itself once it does.
"""
from __future__ import annotations

from datetime import date, datetime

try:  # pragma: no cover - depends on which files have landed
    from ui.i18n import format_date, format_datetime, format_vnd  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover

    def format_date(value: date | None) -> str:
        """dd/mm/yyyy, as Vietnamese papers write dates."""
        return value.strftime("%d/%m/%Y") if value else ""

    def format_datetime(value: datetime | None) -> str:
        return value.strftime("%H:%M %d/%m/%Y") if value else ""

    def format_vnd(amount: int | None) -> str:
        """``1.234.000 đ``: dots for thousands."""
        if amount is None:
            return ""
        return f"{amount:,}".replace(",", ".") + " đ"


__all__ = ["format_date", "format_datetime", "format_vnd"]

"""Placeholder sync section: outbox pending/failed counts (the sync engineer replaces it)."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .context import AppContext


class SyncPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.label = QLabel(self.tr("Outbox: loading…"))
        QVBoxLayout(self).addWidget(self.label)
        context.tasks.run_db(self._count, on_done=self._show, on_error=lambda _e: None)

    def _count(self) -> tuple[int, int]:
        with self.context.store.read() as conn:
            row = conn.execute("SELECT COALESCE(SUM(failed = 0), 0), COALESCE(SUM(failed != 0), 0) FROM outbox").fetchone()
        return int(row[0]), int(row[1])

    def _show(self, counts: tuple[int, int]) -> None:
        self.label.setText(self.tr("Pending: {p} — failed: {f}").format(p=counts[0], f=counts[1]))

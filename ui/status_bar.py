"""Status bar: user, office, connection state, pending outbox count and last successful sync.

The sync engine feeds it through one method, ``set_sync_state(online, pending, last_success)``.
On a narrow screen the user's and the office's names (the office is in the title bar too) are
shortened with "…", so that the sync state at the right is never cut off.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from .i18n import format_datetime
from .widgets.elided_label import ElidedLabel


class CounterStatusBar(QStatusBar):
    def __init__(self, *, user: str, office: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setContentsMargins(0, 0, 6, 0)  # maximised there is no size grip: keep the last word off the edge
        self.user_label = ElidedLabel(user)
        self.office_label = ElidedLabel(office)
        self.online_label = QLabel()
        self.pending_label = QLabel()
        self.last_sync_label = QLabel()
        self.database_label = QLabel()
        self.database_label.setStyleSheet("color: #b00020; font-weight: bold")
        self.database_label.hide()
        for label in (self.database_label, self.user_label, self.office_label, self.online_label, self.pending_label,
                      self.last_sync_label):
            self.addPermanentWidget(label)
        self.set_sync_state(None, 0, None)

    def set_sync_state(self, online: bool | None, pending: int, last_success: datetime | None,
                       refused: int = 0, *, configured: bool = True, problem: str = "") -> None:
        """Called on the GUI thread by the sync worker; ``online=None`` means not yet known."""
        self.online_label.setToolTip(problem)
        if not configured:
            self.online_label.setText(self.tr("Portal not configured"))
        elif problem:
            self.online_label.setText(self.tr("Portal connection needs fixing"))
        elif online is None:
            self.online_label.setText(self.tr("Connection: unknown"))
        else:
            self.online_label.setText(self.tr("Online") if online else self.tr("Offline"))
        self.pending_label.setText(self.tr("Pending sync: {n}").format(n=pending) if not refused else
                                   self.tr("Pending sync: {n} ({r} refused)").format(n=pending, r=refused))
        self.last_sync_label.setText(self.tr("Last sync: {t}").format(
            t=format_datetime(last_success) if last_success else self.tr("never")))

    def set_database_lost(self, reason: str) -> None:
        """The office database does not answer: say so until it does again (saving waits for it)."""
        self.database_label.setText(self.tr("Database not reachable: retrying…"))
        self.database_label.setToolTip(reason)
        self.database_label.show()

    def set_database_back(self) -> None:
        self.database_label.hide()
        self.showMessage(self.tr("Database reachable again."), 8000)

"""Lock after idle: an app-wide event filter restarts a timer on key/mouse input; when it fires, the
window's content is hidden behind a lock page (personal data off screen) until the same user's
password is typed again, or until someone logs out from it (a shared counter: the next clerk must not
need the first one's password; the draft stays the first clerk's, as with any log-out). Idle minutes
come from the setting ``settings.LOCK_IDLE_MINUTES``.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app import settings, users
from counter_app.errors import CounterError

from .context import AppContext
from .widgets.fields import error_label

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}


class LockScreen(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label()
        prompt = QLabel(self.tr("Screen locked. {name}, type your password to unlock.").format(
            name=context.actor.full_name))
        prompt.setWordWrap(True)
        hand_over = QLabel(self.tr("Another clerk? Log out: the form being filled in is kept for {name}.").format(
            name=context.actor.full_name))
        hand_over.setWordWrap(True)
        self.log_out = QPushButton(self.tr("&Log out"))
        self.log_out.setAutoDefault(False)  # Enter in the password field unlocks, never logs out
        box = QWidget()
        box.setFixedWidth(440)  # a login-sized box in the middle, not a field across the screen
        column = QVBoxLayout(box)
        for widget in (prompt, self.password, self.error, hand_over):
            column.addWidget(widget)
        column.addWidget(self.log_out, 0, Qt.AlignmentFlag.AlignLeft)
        # Centred by stretches, not by an alignment flag: an aligned item is asked its height for the
        # whole screen's width, so a wrapped message got too few lines and was cut top and bottom.
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(box)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addLayout(row)
        layout.addStretch()


class IdleLock(QObject):
    logOutRequested = Signal()  # from the lock screen: the window logs out as from its menu

    def __init__(self, window: QMainWindow, context: AppContext, *, minutes: float | None = None) -> None:
        super().__init__(window)
        self.window, self.context = window, context
        if minutes is None:
            minutes = settings.read(context.store, settings.LOCK_IDLE_MINUTES)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.timeout.connect(self.lock)
        self.screen: LockScreen | None = None
        self._content: QWidget | None = None
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and not self.locked:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.locked:
            return
        self.timer.stop()
        self._content = self.window.takeCentralWidget()
        self.window.menuBar().setEnabled(False)
        self.screen = LockScreen(self.context)
        self.screen.password.returnPressed.connect(self.try_unlock)
        self.screen.log_out.clicked.connect(self.logOutRequested)
        self.window.setCentralWidget(self.screen)
        self.screen.password.setFocus()

    def try_unlock(self) -> None:
        assert self.screen is not None
        self.context.tasks.run_db(users.authenticate, self.context.store, self.context.actor.username,
                                  self.screen.password.text(), on_done=lambda _a: self._unlock(),
                                  on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if self.screen is not None:
            self.screen.error.setText(str(exc) if isinstance(exc, CounterError) else self.tr("Wrong password."))
            self.screen.password.clear()

    def _unlock(self) -> None:
        self.window.takeCentralWidget()
        self.screen.deleteLater()  # type: ignore[union-attr]
        self.screen = None
        self.window.setCentralWidget(self._content)
        self.window.menuBar().setEnabled(True)
        self.timer.start()

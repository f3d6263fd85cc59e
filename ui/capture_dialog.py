"""Số hóa: the pages of one paper (or of the result), gathered, ordered and turned before they become one PDF.

Pages come from files (the file dialog or dropped on the dialog), from the scanner's folder
(``counter_app.scan_sources.FolderSource``: the scans saved since the dialog opened), or, where
python-sane is installed, straight from a scanner ("Quét ngay": ``counter_app.sane_source``, the
device chosen in the settings or the first found; its pages live in a private folder removed when
the capture ends, or, for a capture that only collects, when its dialog goes). The strip
shows each page's thumbnail in order (the arrows walk it); Ctrl+Up / Ctrl+Down (or Ctrl+Left /
Ctrl+Right, along the strip) move the selected page, Delete
removes it, and every button has an Alt key. What happens to the pages is the caller's
``save`` (the core's ``attach_pages``, run through the operation wrapper); without one the
dialog only collects them (``pages()``), for an action that attaches its result as it records.

For a paper, the caller may also pass ``find_earlier`` and ``reuse`` (``counter_app.reuse``): when
the citizen has papers digitised for their other dossiers, they are listed ("Citizen's earlier
copies", Alt+C) and "Reuse" (Alt+E) attaches the highlighted one instead of scanning it again.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImageReader, QKeySequence, QPixmap, QShortcut, QTransform
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from counter_app import sane_source, settings
from counter_app.errors import CounterError
from counter_app.page_pdf import Page
from counter_app.reuse import EarlierCapture
from counter_app.sane_source import SaneSource
from counter_app.scan_sources import SCAN_SUFFIXES, FolderSource

from .context import AppContext
from .tasks import error_text
from .widgets.fields import ERROR_LABEL_STYLE

THUMBNAIL = QSize(120, 160)
PAGE_ROLE = Qt.ItemDataRole.UserRole
EARLIER_ROLE = Qt.ItemDataRole.UserRole


def thumbnail(page: Page) -> QIcon:
    """The page scaled down as it will be turned (read at thumbnail size: a 300 dpi scan stays cheap)."""
    if page.path.suffix.lower() == ".pdf":
        return QWidget().style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
    reader = QImageReader(str(page.path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return QWidget().style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    return QIcon(QPixmap.fromImage(image.transformed(QTransform().rotate(page.rotation))))


class CaptureDialog(QDialog):
    """Signals: ``saved(result)`` once ``save`` succeeded (the dialog then closes)."""

    saved = Signal(object)

    def __init__(self, context: AppContext, title: str, *, save: Callable[[list[Page]], Any] | None = None,
                 find_earlier: Callable[[], list[EarlierCapture]] | None = None,
                 reuse: Callable[[EarlierCapture], Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.save_pages, self.reuse_capture = context, save, reuse
        self.source: FolderSource | None = None
        self.scans: SaneSource | None = None
        self.busy = False
        self.discard_question: QMessageBox | None = None
        self.setWindowTitle(title)
        self.setAcceptDrops(True)
        self.resize(820, 560)
        self.strip = QListWidget(self)
        self.strip.setViewMode(QListView.ViewMode.IconMode)
        self.strip.setMovement(QListView.Movement.Static)
        self.strip.setResizeMode(QListView.ResizeMode.Adjust)
        self.strip.setIconSize(THUMBNAIL)
        self.strip.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.strip.setAccessibleName(self.tr("Pages"))
        strip_label = QLabel(self.tr("&Pages (drop image or PDF files here):"), self)
        strip_label.setBuddy(self.strip)
        self.add_button = self._button(self.tr("&Add files…"), self.choose_files)
        self.scanner_button = self._button(self.tr("From the &scanner folder"), self.take_from_scanner)
        self.folder_button = self._button(self.tr("Scanner f&older…"), self.choose_scanner_folder)
        self.scan_button = self._button(self.tr("Scan &now"), self.scan)
        self.scan_button.setVisible(sane_source.available())
        self.up_button = self._button(self.tr("Move &up"), lambda: self.move(-1))
        self.down_button = self._button(self.tr("Move do&wn"), lambda: self.move(1))
        self.rotate_button = self._button(self.tr("&Rotate 90°"), self.rotate)
        self.remove_button = self._button(self.tr("Re&move"), self.remove)
        for sequence, slot in ((QKeySequence.StandardKey.Delete, self.remove), ("Ctrl+Up", lambda: self.move(-1)),
                               ("Ctrl+Down", lambda: self.move(1)), ("Ctrl+Left", lambda: self.move(-1)),
                               ("Ctrl+Right", lambda: self.move(1))):
            QShortcut(QKeySequence(sequence), self.strip, slot, context=Qt.ShortcutContext.WidgetShortcut)
        tools = QGridLayout()
        for index, button in enumerate((self.add_button, self.scanner_button, self.folder_button, self.scan_button,
                                        self.up_button, self.down_button, self.rotate_button, self.remove_button)):
            tools.addWidget(button, index // 4, index % 4)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_LABEL_STYLE)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Sa&ve"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.earlier = QListWidget(self)
        self.earlier.setMaximumHeight(100)
        self.earlier.setAccessibleName(self.tr("Citizen's earlier copies"))
        self.earlier_label = QLabel(self.tr("&Citizen's earlier copies (reuse instead of scanning again):"), self)
        self.earlier_label.setBuddy(self.earlier)
        self.reuse_button = self._button(self.tr("R&euse"), self.reuse)
        earlier = QGridLayout()
        earlier.addWidget(self.earlier_label, 0, 0, 1, 2)
        earlier.addWidget(self.earlier, 1, 0)
        earlier.addWidget(self.reuse_button, 1, 1, Qt.AlignmentFlag.AlignTop)
        for widget in (self.earlier_label, self.earlier, self.reuse_button):
            widget.hide()  # until the citizen is found to have earlier copies
        layout = QVBoxLayout(self)
        layout.addLayout(earlier)
        layout.addLayout(tools)
        layout.addWidget(strip_label)
        layout.addWidget(self.strip, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.strip.currentRowChanged.connect(self._enable)
        self.earlier.currentRowChanged.connect(self._enable)
        self._enable()
        if find_earlier is not None and reuse is not None:
            context.tasks.run_db(find_earlier, on_done=self._show_earlier, on_error=self._failed)

    def _button(self, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # -- the pages ----------------------------------------------------------------------------

    def pages(self) -> list[Page]:
        return [self.strip.item(row).data(PAGE_ROLE) for row in range(self.strip.count())]

    def add_files(self, paths: list[Path]) -> None:
        self.add_pages([Page(path) for path in paths])

    def add_pages(self, pages: list[Page]) -> None:
        for page in pages:
            self._set(self.strip.count(), page, insert=True)
        if pages:
            self.strip.setCurrentRow(self.strip.count() - 1)
        self.message.hide()
        self._enable()

    def _set(self, row: int, page: Page, *, insert: bool = False) -> None:
        item = QListWidgetItem(thumbnail(page), "")
        item.setData(PAGE_ROLE, page)
        if insert:
            self.strip.insertItem(row, item)
        else:
            self.strip.takeItem(row)
            self.strip.insertItem(row, item)
        self._number()

    def _number(self) -> None:
        """Each page's label: its place in the paper and its file, so the order is readable."""
        for row in range(self.strip.count()):
            item = self.strip.item(row)
            page: Page = item.data(PAGE_ROLE)
            turned = f" ↻{page.rotation}°" if page.rotation else ""
            item.setText(f"{row + 1}. {page.path.name}{turned}")

    def move(self, step: int) -> None:
        row = self.strip.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.strip.count():
            return
        item = self.strip.takeItem(row)
        self.strip.insertItem(target, item)
        self.strip.setCurrentRow(target)
        self._number()

    def rotate(self) -> None:
        row = self.strip.currentRow()
        if row >= 0:
            self._set(row, self.strip.item(row).data(PAGE_ROLE).turned())
            self.strip.setCurrentRow(row)

    def remove(self) -> None:
        row = self.strip.currentRow()
        if row >= 0:
            self.strip.takeItem(row)
            self._number()
            self.strip.setCurrentRow(min(row, self.strip.count() - 1))
        self._enable()

    def _enable(self, *_args: object) -> None:
        chosen = self.strip.currentRow() >= 0
        for button in (self.up_button, self.down_button, self.rotate_button, self.remove_button):
            button.setEnabled(chosen)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(self.strip.count() > 0 and not self.busy)
        self.reuse_button.setEnabled(self.earlier.currentRow() >= 0 and not self.busy)

    # -- the citizen's earlier copies -----------------------------------------------------------

    def _show_earlier(self, captures: list[EarlierCapture]) -> None:
        if not isValid(self):  # closed with its detail while the copies were looked up
            return
        for capture in captures:
            pages = "?" if capture.pages is None else str(capture.pages)
            text = self.tr("{paper} — dossier {code}, {date}, {pages} pages").format(
                paper=capture.paper_name, code=capture.dossier_code, date=capture.added_at.strftime("%d/%m/%Y"),
                pages=pages)
            QListWidgetItem(text, self.earlier).setData(EARLIER_ROLE, capture)
        if captures:
            self.earlier.setCurrentRow(0)
            for widget in (self.earlier_label, self.earlier, self.reuse_button):
                widget.show()
        self._enable()

    def reuse(self) -> None:
        """Attach the highlighted earlier copy to this paper instead of the pages (the dialog then closes)."""
        item = self.earlier.currentItem()
        if self.busy or item is None or self.reuse_capture is None:
            return
        self.busy = True
        self._enable()
        chosen, reuse = item.data(EARLIER_ROLE), self.reuse_capture
        self.context.tasks.run_op(lambda: reuse(chosen), parent=self, on_done=self._saved, on_error=self._failed)

    # -- where pages come from ----------------------------------------------------------------

    def choose_files(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in sorted(SCAN_SUFFIXES))
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Add scanned pages"), "",
                                                self.tr("Images and PDF ({patterns})").format(patterns=patterns))
        self.add_files([Path(name) for name in names])
        self.strip.setFocus()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_files(dropped_files(event.mimeData().urls()))
        event.acceptProposedAction()

    def take_from_scanner(self) -> None:
        """The scans saved since the dialog opened; the folder is asked for once, then remembered."""
        if self.source is not None:
            self._take()
            return
        store = self.context.store
        self.context.tasks.run_db(lambda: settings.read(store, settings.SCANNER_FOLDER),
                                  on_done=self._use_folder, on_error=self._failed)

    def _use_folder(self, folder: str) -> None:
        if not folder:
            self.choose_scanner_folder()
            return
        self.source = FolderSource(Path(folder))
        self._take()

    def _take(self) -> None:
        assert self.source is not None
        try:
            found = self.source.take()
        except CounterError as exc:
            self._failed(exc)
            return
        if not found:
            self._show_message(self.tr("No new scan in {folder}.").format(folder=self.source.folder))
        self.add_files(found)
        self.strip.setFocus()

    def choose_scanner_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("The folder the scanner saves into"))
        if folder:
            self.remember_scanner_folder(Path(folder))

    def remember_scanner_folder(self, folder: Path) -> None:
        store = self.context.store
        self.context.tasks.run_db(lambda: settings.remember(store, settings.SCANNER_FOLDER, str(folder)),
                                  on_done=lambda _r: self._use_folder(str(folder)), on_error=self._failed)

    def scan(self) -> None:
        """Scan from the device chosen in the settings (else the first found), on a worker thread:
        the feeder's sheets, or the page on the glass."""
        if self.busy:
            return
        if self.scans is None:
            self.scans = SaneSource("")
            ended = self.finished if self.save_pages is not None else self.destroyed
            ended.connect(self.scans.close)
        self.busy = True
        self._enable()
        if self.scans.device:  # found by the first press: no new probe of every scanner (seconds on a network)
            self._scan_from(self.scans.device)
            return
        store = self.context.store
        self.context.tasks.run_db(lambda: settings.read(store, settings.SCANNER_DEVICE), on_done=self._scan_from,
                                  on_error=self._failed)

    def _scan_from(self, remembered: str) -> None:
        scans = self.scans
        assert scans is not None
        self.context.tasks.run_net(lambda: _take(scans, remembered), on_done=self._scanned, on_error=self._failed)

    def _scanned(self, pages: list[Path]) -> None:
        self.busy = False
        self.add_files(pages)
        self.strip.setFocus()

    # -- saving -------------------------------------------------------------------------------

    def submit(self) -> None:
        if self.busy or not self.strip.count():
            return
        if self.save_pages is None:
            self.accept()
            return
        self.busy = True
        self._enable()
        pages, save = self.pages(), self.save_pages
        self.context.tasks.run_op(lambda: save(pages), parent=self, on_done=self._saved, on_error=self._failed)

    def reject(self) -> None:
        """Esc or Cancel: with pages collected, ask first (a whole feeder run would be lost); "Keep" is the default."""
        if not self.strip.count() or self.busy:
            super().reject()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), self.tr(
            "Discard the {count} page(s) added? Nothing has been saved yet.").format(count=self.strip.count()),
            QMessageBox.StandardButton.NoButton, self)
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(self.tr("&Keep the pages"), QMessageBox.ButtonRole.RejectRole))
        discard.clicked.connect(lambda: QDialog.reject(self))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.discard_question = box
        box.open()

    def _saved(self, result: object) -> None:
        self.busy = False
        self.accept()
        self.saved.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._enable()
        self._show_message(error_text(exc))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


def _take(scans: SaneSource, remembered: str) -> list[Path]:
    scans.device = sane_source.default_device(remembered)
    return scans.take()


def dropped_files(urls: list[QUrl]) -> list[Path]:
    """The dropped local files a capture accepts, in the order dropped (folders and other files left out)."""
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return [path for path in paths if path.suffix.lower() in SCAN_SUFFIXES and path.is_file()]

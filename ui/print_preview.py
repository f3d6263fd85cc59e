"""Preview a PDF made by ``printing/``, print it to a chosen printer, or save it as a file.

The official papers are laid out once, as PDF, by ``printing/`` (no Qt); the screen never lays
them out again. Printing rasterises each PDF page with QtPdf at the printer's resolution (capped
at :data:`MAX_DPI`) in horizontal bands, so a 600 dpi A4 page never needs more than a few
megabytes at a time. When the "printer" is a PDF file (Qt's print to file), an invisible text
layer is added so the file stays searchable; real printers get the pictures only, because
PostScript drivers may ignore transparency and print that text twice.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QRect,
    QRectF,
    QSize,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QShortcut,
)
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app import safe_files

MAX_DPI = 600  # office laser printers print 600 dpi; 1200 dpi pictures would only be slower
BAND_BYTES = 16 << 20  # one rendered band of a page is at most this large

# Default file names: the paper's short Vietnamese name without marks, then the dossier code.
FILE_STEMS = {
    "receipt": "giay-tiep-nhan", "supplement": "phieu-yeu-cau-bo-sung", "refusal": "phieu-tu-choi",
    "apology": "phieu-xin-loi", "control": "phieu-kiem-soat", "hi-card-request": "to-khai-bao-hiem",
    "fee": "bien-lai", "daily-log": "so-theo-doi-ho-so",
}


def load_pdf(data: bytes, parent: QWidget | None = None) -> QPdfDocument:
    """A QPdfDocument over the bytes; the buffer is the document's child, so it lives as long."""
    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        document.deleteLater()
        raise ValueError(f"not a readable PDF ({document.error().name})")
    return document


def is_landscape(document: QPdfDocument) -> bool:
    size = document.pagePointSize(0)
    return size.width() > size.height()


def prepare_printer(printer: QPrinter, *, landscape: bool) -> None:
    """A4 in the paper's orientation, the whole sheet: the PDF already has the official margins."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)


def print_pdf(pdf_bytes: bytes, printer: QPrinter) -> int:
    """Print every page of the PDF on the printer as it is set up; returns the number of pages.

    Use :func:`prepare_printer` before the print dialog (the user may still change paper or
    orientation; each page is then fitted, centred, keeping its proportions).
    """
    document = load_pdf(pdf_bytes)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise OSError("the printer could not be opened")
        pages = document.pageCount()
        for page in range(pages):
            if page:
                printer.newPage()
            _print_page(document, page, painter, printer)
        painter.end()
        return pages
    finally:
        if painter.isActive():
            painter.end()
        document.close()
        document.deleteLater()


def _print_page(document: QPdfDocument, page: int, painter: QPainter, printer: QPrinter) -> None:
    paper = printer.paperRect(QPrinter.Unit.DevicePixel) if printer.fullPage() else printer.pageRect(
        QPrinter.Unit.DevicePixel)
    points = document.pagePointSize(page)
    scale = min(paper.width() / points.width(), paper.height() / points.height())  # device pixels per point
    left = (paper.width() - points.width() * scale) / 2
    top = (paper.height() - points.height() * scale) / 2
    dpi = min(printer.resolution(), MAX_DPI)
    full = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    per_pixel = points.width() * scale / full.width()  # device pixels per rendered pixel
    band = max(1, BAND_BYTES // (full.width() * 4))
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(full)
    for y in range(0, full.height(), band):
        height = min(band, full.height() - y)
        options.setScaledClipRect(QRect(0, y, full.width(), height))
        image = _on_white(document.render(page, QSize(full.width(), height), options))
        painter.drawImage(QRectF(left, top + y * per_pixel, full.width() * per_pixel, height * per_pixel), image)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        _text_layer(document, page, painter, left=left, top=top, scale=scale)


def _on_white(image: QImage) -> QImage:
    """QtPdf leaves the paper transparent; printers and PDF files want it white and opaque."""
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


def _text_layer(document: QPdfDocument, page: int, painter: QPainter, *, left: float, top: float,
                scale: float) -> None:
    """Each line of the page's text, transparent, stretched over where it is printed."""
    painter.save()
    painter.setPen(QPen(QColor(0, 0, 0, 0)))
    font = QFont(painter.font())
    index = 0
    for raw in document.getAllText(page).text().split("\n"):
        line = raw.rstrip("\r")
        start, index = index, index + len(raw) + 1
        if not line.strip():
            continue
        box = document.getSelectionAtIndex(page, start, len(line)).boundingRectangle()
        if box.isEmpty():
            continue
        font.setPixelSize(max(1, round(box.height() * scale * 0.8)))
        metrics = QFontMetricsF(font)
        width = metrics.horizontalAdvance(line)
        if width <= 0:
            continue
        painter.setFont(font)
        painter.save()
        painter.translate(left + box.left() * scale, top + box.bottom() * scale - metrics.descent())
        painter.scale(box.width() * scale / width, 1.0)
        painter.drawText(0, 0, line)
        painter.restore()
    painter.restore()


def print_to(pdf_bytes: bytes, printer_name: str) -> int:
    """Print straight to an installed printer by name (no dialog); OSError when it is not there."""
    if printer_name not in QPrinterInfo.availablePrinterNames():
        raise OSError(f"printer '{printer_name}' is not installed")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(printer_name)
    document = load_pdf(pdf_bytes)
    landscape = is_landscape(document)
    document.deleteLater()
    prepare_printer(printer, landscape=landscape)
    return print_pdf(pdf_bytes, printer)


@contextmanager
def busy() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def show_message(parent: QWidget, text: str, *, detail: str = "",
                 icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> QMessageBox:
    """A window-modal message that does not block the caller (kept as ``parent.message_box``)."""
    box = QMessageBox(icon, parent.window().windowTitle() or QGuiApplication.applicationDisplayName(), text,
                      QMessageBox.StandardButton.Ok, parent)
    if detail:
        box.setInformativeText(detail)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    parent.message_box = box  # type: ignore[attr-defined]
    box.open()
    return box


class PrintPreviewDialog(QDialog):
    """One paper on screen, every page, fitted to the width; "Print" has the focus.

    Signals: ``printerChosen(name)`` after printing to a named printer (the caller remembers it
    for this kind of paper), ``printed(pages)``, ``saved(path)``.
    """

    printerChosen = Signal(str)
    printed = Signal(int)
    saved = Signal(str)

    def __init__(self, pdf_bytes: bytes, *, kind: str, code: str = "", title: str = "", printer_name: str = "",
                 file_stem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf_bytes = pdf_bytes
        self.kind = kind
        self.code = code
        self.printer_name = printer_name
        self.file_stem = file_stem or "-".join(p for p in (FILE_STEMS.get(kind, kind), code) if p)
        self.message_box: QMessageBox | None = None
        self.document = load_pdf(pdf_bytes, self)
        self.landscape = is_landscape(self.document)
        self.setWindowTitle(self.tr("Print preview: {title}").format(title=title or kind))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and PgUp/PgDn scroll the pages
        self.info = QLabel(self._info_text(), self)
        self.print_button = QPushButton(self.tr("&Print (Ctrl+P)"), self)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("&Save PDF…"), self)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button = QPushButton(self.tr("&Close"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+P"), self).activated.connect(self.print_document)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self).activated.connect(self.save_pdf)
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        for button in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._size_to_screen()
        self.print_button.setFocus()

    def _info_text(self) -> str:
        text = self.tr("{pages} page(s), A4 {orientation}").format(
            pages=self.document.pageCount(),
            orientation=self.tr("landscape") if self.landscape else self.tr("portrait"))
        if self.printer_name:
            text += " · " + self.tr("printer: {name}").format(name=self.printer_name)
        return text

    def _size_to_screen(self) -> None:
        width, height = (1100, 820) if self.landscape else (860, 1000)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.print_button.setFocus()  # one key (Enter or Ctrl+P) prints

    # -- printing --------------------------------------------------------------------------

    def choose_printer(self, printer: QPrinter) -> str | None:
        """Ask which printer (QPrintDialog): the name to remember, "" for a file, None if cancelled."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {title}").format(title=self.windowTitle()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer.printerName() if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat else ""

    def print_document(self) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.printer_name and self.printer_name in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(self.printer_name)  # the one chosen last time for this kind of paper
        prepare_printer(printer, landscape=self.landscape)
        name = self.choose_printer(printer)
        if name is None:
            return False
        try:
            with busy():
                pages = print_pdf(self.pdf_bytes, printer)
        except (OSError, ValueError) as exc:
            show_message(self, self.tr("Could not print: {error}").format(error=str(exc)))
            return False
        if name:
            self.printer_name = name
            self.info.setText(self._info_text())
            self.printerChosen.emit(name)
        self.printed.emit(pages)
        return True

    # -- saving ----------------------------------------------------------------------------

    def default_path(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        return str(Path(folder) / f"{self.file_stem}.pdf")

    def ask_save_path(self) -> str:
        """The file to write ("" when cancelled); tests replace this."""
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), self.default_path(),
                                                    self.tr("PDF files (*.pdf)"))
        return path

    def save_pdf(self) -> str:
        path = self.ask_save_path()
        if not path:
            return ""
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            safe_files.write_private(Path(path), self.pdf_bytes)  # personal data: owner-only
        except OSError as exc:
            show_message(self, self.tr("Could not save the file {path}.").format(path=path), detail=exc.strerror or "")
            return ""
        self.info.setText(self.tr("Saved to {path}").format(path=path))
        self.saved.emit(path)
        return path

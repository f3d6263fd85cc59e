"""Preview, print and save the official papers from the counter screens (offscreen, no real printer)."""
from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from factories import request
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from test_printing_support import flat, has_code, pdf_text, write
from ui_flows import close_context, make_context

from counter_app import office, services
from counter_app.models import Actor, Dossier
from counter_app.users import get_user
from ui.context import AppContext
from ui.print_preview import PrintPreviewDialog, prepare_printer, print_pdf
from ui.printing_actions import PrintActions

CTRL = Qt.KeyboardModifier.ControlModifier
TIMEOUT = 10_000


def build(tmp_path: Path, role: str) -> tuple[AppContext, Dossier]:
    """A context for ``role`` and one dossier received by the staff member "canbo"."""
    context = make_context(tmp_path, role)
    receiver = Actor.of(get_user(context.store, "canbo"))
    return context, services.receive_dossier(context.store, receiver, request(context.store))


@pytest.fixture
def staff(tmp_path: Path):
    context, dossier = build(tmp_path, "staff")
    yield context, dossier
    close_context(context)


@pytest.fixture
def supervisor(tmp_path: Path):
    context, dossier = build(tmp_path, "supervisor")
    yield context, dossier
    close_context(context)


def make_actions(qtbot, context: AppContext) -> PrintActions:
    window = QWidget()
    window.setWindowTitle("Quầy Một Cửa")
    qtbot.addWidget(window)
    return PrintActions(context, window)


def open_receipt(qtbot, actions: PrintActions, code: str) -> PrintPreviewDialog:
    with qtbot.waitSignal(actions.previewOpened, timeout=TIMEOUT):
        actions.print_receipt(code)
    preview = actions.preview
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    return preview


def pdf_printer(path: Path, *, landscape: bool = False) -> QPrinter:
    """A printer writing a PDF file at a low resolution (fast; the real one is the printer's own)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(150)
    prepare_printer(printer, landscape=landscape)
    return printer


def pdfinfo(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout


def test_receipt_preview_shows_both_copies_with_print_focused(qtbot, staff) -> None:
    context, dossier = staff
    actions = make_actions(qtbot, context)
    preview = open_receipt(qtbot, actions, dossier.code)
    assert preview.document.pageCount() == 2  # Liên 1 (lưu) and Liên 2 (giao người nộp)
    assert not preview.landscape
    assert dossier.code in preview.windowTitle()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is preview.print_button)
    assert preview.print_button.isDefault()
    assert preview.default_path().endswith(f"giay-tiep-nhan-{dossier.code}.pdf")


def test_print_pdf_writes_every_page_with_the_code(tmp_path: Path, qtbot, staff) -> None:
    context, dossier = staff
    actions = make_actions(qtbot, context)
    preview = open_receipt(qtbot, actions, dossier.code)
    out = tmp_path / "printed.pdf"
    assert print_pdf(preview.pdf_bytes, pdf_printer(out)) == 2
    info = pdfinfo(out)
    assert "Pages:           2" in info and "595 x 842" in info.replace(".28", "").replace(".89", "")
    text = flat(pdf_text(out))
    assert text.count(dossier.code) >= 2  # once per copy
    assert dossier.applicant.full_name in text


def test_printer_is_remembered_per_kind_and_preselected(tmp_path: Path, qtbot, staff) -> None:
    context, dossier = staff
    actions = make_actions(qtbot, context)
    preview = open_receipt(qtbot, actions, dossier.code)
    assert preview.printer_name == ""
    out = tmp_path / "receipt.pdf"

    def choose(printer: QPrinter) -> str:  # what the print dialog does when "HP-Quay-1" is picked
        printer.setOutputFileName(str(out))
        printer.setResolution(100)
        return "HP-Quay-1"

    preview.choose_printer = choose
    with qtbot.waitSignal(actions.printerRemembered, timeout=TIMEOUT) as remembered:
        QTest.keyClick(preview, Qt.Key.Key_P, CTRL)
    assert remembered.args == ["receipt", "HP-Quay-1"]
    assert dossier.code in pdf_text(out)
    assert office.get_setting(context.store, "printer.receipt") == "HP-Quay-1"
    assert office.get_setting(context.store, "printer.control") is None
    preview.close()

    again = open_receipt(qtbot, actions, dossier.code)
    assert again.printer_name == "HP-Quay-1"
    again.close()
    with qtbot.waitSignal(actions.previewOpened, timeout=TIMEOUT):
        actions.print_document("control", dossier.code)
    assert actions.preview.printer_name == ""  # another kind of paper, another printer


def test_cancelled_print_dialog_remembers_nothing(qtbot, staff) -> None:
    context, dossier = staff
    actions = make_actions(qtbot, context)
    preview = open_receipt(qtbot, actions, dossier.code)
    preview.choose_printer = lambda _printer: None
    with qtbot.assertNotEmitted(preview.printed):
        assert preview.print_document() is False
    assert office.get_setting(context.store, "printer.receipt") is None


def test_save_pdf_writes_the_rendered_bytes(tmp_path: Path, qtbot, staff) -> None:
    context, dossier = staff
    actions = make_actions(qtbot, context)
    preview = open_receipt(qtbot, actions, dossier.code)
    target = tmp_path / "ban-luu"
    preview.ask_save_path = lambda: str(target)
    with qtbot.waitSignal(preview.saved) as saved:
        QTest.keyClick(preview, Qt.Key.Key_S, CTRL)
    assert saved.args == [str(target) + ".pdf"]
    assert Path(saved.args[0]).read_bytes() == preview.pdf_bytes
    assert Path(saved.args[0]).stat().st_mode & 0o777 == 0o600  # personal data: owner-only


def test_direct_receipt_printing_falls_back_to_the_preview_without_that_printer(qtbot, staff) -> None:
    context, dossier = staff
    office.set_setting(context.store, "print.receipt_direct", "1")
    office.set_setting(context.store, "printer.receipt", "Máy in không có")
    actions = make_actions(qtbot, context)
    with qtbot.waitSignal(actions.notice, timeout=TIMEOUT):
        preview = open_receipt(qtbot, actions, dossier.code)
    assert preview.printer_name == "Máy in không có"


def test_page_signals_are_wired_by_one_call(qtbot, staff) -> None:
    context, dossier = staff

    class Page(QObject):
        receiptRequested = Signal(str)
        printRequested = Signal(str, str)

    page = Page()
    actions = make_actions(qtbot, context)
    assert actions.connect_pages(page) == 2
    with qtbot.waitSignal(actions.previewOpened, timeout=TIMEOUT):
        page.receiptRequested.emit(dossier.code)
    assert actions.preview.kind == "receipt"
    with qtbot.waitSignal(actions.previewOpened, timeout=TIMEOUT):
        page.printRequested.emit("control", dossier.code)
    assert actions.preview.kind == "control" and actions.preview.document.pageCount() >= 1


def test_errors_are_shown_not_raised(qtbot, staff) -> None:
    context, dossier = staff
    actions = make_actions(qtbot, context)
    with qtbot.waitSignal(actions.failed, timeout=TIMEOUT) as failed:
        actions.print_document("refusal", dossier.code)  # never refused: nothing to print yet
    assert dossier.code in failed.args[0]
    assert actions.message_box.isVisible() and actions.preview is None
    actions.message_box.close()
    with qtbot.waitSignal(actions.failed, timeout=TIMEOUT) as failed:
        actions.print_receipt("H15.50.05.13-000000-9999")  # NotFound: the service's Vietnamese message
    assert "H15.50.05.13-000000-9999" in failed.args[0]
    qtbot.waitUntil(actions.message_box.isVisible)


def test_staff_cannot_open_the_daily_log(qtbot, staff) -> None:
    context, _dossier = staff
    actions = make_actions(qtbot, context)
    with qtbot.waitSignal(actions.failed) as failed:
        actions.print_daily_log()
    assert "không có quyền" in failed.args[0]
    assert actions.log_dialog is None
    qtbot.waitUntil(actions.message_box.isVisible)


def test_supervisor_prints_the_daily_log_for_the_chosen_day(tmp_path: Path, qtbot, supervisor) -> None:
    context, dossier = supervisor
    actions = make_actions(qtbot, context)
    actions.print_daily_log()
    dialog = actions.log_dialog
    assert dialog is not None
    with qtbot.waitSignal(dialog.ready, timeout=TIMEOUT):
        pass
    assert dialog.staff.findData("canbo") > 0
    day = dossier.received_at.date()
    dialog.set_choice(start=day, staff="canbo")
    with qtbot.waitSignal(actions.previewOpened, timeout=TIMEOUT):
        dialog.accept()
    preview = actions.preview
    assert preview.kind == "daily-log" and preview.landscape
    assert preview.document.pageCount() == 1
    assert preview.default_path().endswith(f"so-theo-doi-ho-so-{day:%Y%m%d}-quay01-canbo.pdf")
    text = flat(pdf_text(write(tmp_path, preview.pdf_bytes)))
    assert dossier.code in text and "SỔ THEO DÕI HỒ SƠ" in text
    out = tmp_path / "log-printed.pdf"
    assert print_pdf(preview.pdf_bytes, pdf_printer(out, landscape=True)) == 1
    assert "842 x 595" in pdfinfo(out).replace(".89", "").replace(".28", "")
    assert dossier.code in pdf_text(out)


def test_the_daily_log_covers_this_counter_another_or_the_whole_office(tmp_path: Path, qtbot, supervisor) -> None:
    """The scope box: this counter's book by default, another counter's number, or every counter."""
    context, dossier = supervisor  # received at this counter (no. 01)
    actions = make_actions(qtbot, context)
    day = dossier.received_at.date()
    for scope, heading, listed, stem in ((1, "Quầy số 01", True, "-quay01"), (5, "Quầy số 05", False, "-quay05"),
                                         (None, "Toàn bộ phận một cửa", True, "")):
        actions.print_daily_log()
        dialog = actions.log_dialog
        with qtbot.waitSignal(dialog.ready, timeout=TIMEOUT):
            pass
        dialog.set_choice(start=day)
        dialog.set_scope(scope)
        assert dialog.counter_no.isEnabled() == (scope == 5)
        with qtbot.waitSignal(actions.previewOpened, timeout=TIMEOUT):
            dialog.accept()
        text = flat(pdf_text(write(tmp_path, actions.preview.pdf_bytes)))
        assert heading in text and (dossier.code in text) == listed, scope
        assert actions.preview.default_path().endswith(f"so-theo-doi-ho-so-{day:%Y%m%d}{stem}.pdf")
        qtbot.waitUntil(lambda: actions.log_dialog is None)


def test_daily_log_refuses_a_backwards_range_and_prints_an_empty_day(tmp_path: Path, qtbot, supervisor) -> None:
    context, dossier = supervisor
    actions = make_actions(qtbot, context)
    actions.print_daily_log()
    dialog = actions.log_dialog
    day = dossier.received_at.date()
    dialog.set_choice(start=day, end=day - timedelta(days=3))
    with qtbot.assertNotEmitted(dialog.accepted):
        dialog.accept()
    assert dialog.isVisible() and dialog.message.isVisible()
    dialog.set_choice(start=day - timedelta(days=365))
    with qtbot.waitSignal(actions.previewOpened, timeout=TIMEOUT):
        dialog.accept()
    assert dossier.code not in pdf_text(write(tmp_path, actions.preview.pdf_bytes))


def test_the_fee_ledger_button_previews_the_days_receipts(tmp_path: Path, qtbot, supervisor) -> None:
    context, dossier = supervisor
    actions = make_actions(qtbot, context)
    actions.print_daily_log()
    dialog = actions.log_dialog
    with qtbot.waitSignal(dialog.ready, timeout=TIMEOUT):
        pass
    day = dossier.received_at.date()
    dialog.set_choice(start=day, end=day + timedelta(days=2))
    assert not dialog.ledger_button.isEnabled()  # a ledger covers one day
    dialog.set_choice(start=day)
    text = dialog.ledger_button.text()
    mnemonic = Qt.Key(ord(text[text.index("&") + 1].upper()))  # Alt+U in Vietnamese, Alt+L in English
    with qtbot.waitSignal(actions.previewOpened, timeout=TIMEOUT):
        QTest.keyClick(dialog, mnemonic, Qt.KeyboardModifier.AltModifier)
    preview = actions.preview
    assert preview.kind == "fee-ledger"
    qtbot.waitUntil(lambda: actions.log_dialog is None)  # closed and gone
    assert preview.default_path().endswith(f"so-thu-phi-le-phi-{day:%Y%m%d}-quay01.pdf")  # this counter's
    text = flat(pdf_text(write(tmp_path, preview.pdf_bytes)))
    assert "SỔ THU PHÍ, LỆ PHÍ" in text and has_code(text, dossier.code)
    amount = f"{dossier.total_fee_vnd:,} đ".replace(",", ".")
    assert "Tổng cộng 1" in text and text.count(amount) == 5  # receipt, clerk's sum; fee row, clerk, total

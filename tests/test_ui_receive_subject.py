"""The receive form's subject block and trích yếu: collapsed, by Alt keys, saved, shown in the detail."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from ui_flows import ALT, fill_by_keyboard, focused, key, open_page, save_by_keyboard, type_text

from counter_app.dossiers import get_dossier
from counter_app.models import Subject
from ui.dossier_detail import DossierDetail
from ui.i18n import install_translator

REISSUE = "Cấp lại thẻ BHYT do bị mất, hỏng (không thay đổi thông tin)"


def _open_subject_block(qtbot, page) -> None:
    assert not page.subject.fields.isVisible()  # collapsed: most citizens file for themselves
    key(Qt.Key.Key_G, ALT)
    qtbot.waitUntil(lambda: page.subject.fields.isVisible() and focused() is page.subject.full_name.edit)


def test_subject_typed_by_keyboard_names_the_summary_and_is_saved(qtbot, context):
    page = open_page(qtbot, context)
    fill_by_keyboard(page)
    assert page.summary.text() == REISSUE  # the procedure alone until there is a subject
    _open_subject_block(qtbot, page)
    type_text("trần thị mai")
    key(Qt.Key.Key_Tab)
    type_text("mẹ")
    key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_Tab)  # no ID (she has only an old CMND at home)
    type_text("05/06/1950")
    key(Qt.Key.Key_Tab)
    type_text("Giấy ủy quyền ngày 01/11/2026")
    assert page.summary.text() == f"{REISSUE} cho Trần Thị Mai"
    code = save_by_keyboard(qtbot, page)
    dossier = get_dossier(context.store, code)
    assert dossier.subject is not None and dossier.subject.full_name == "Trần Thị Mai"
    assert (dossier.subject.birth_date.isoformat(), dossier.subject.relation) == ("1950-06-05", "mẹ")
    assert dossier.subject.authorisation == "Giấy ủy quyền ngày 01/11/2026"
    assert dossier.summary == f"{REISSUE} cho Trần Thị Mai"
    assert dossier.applicant.full_name == "Nguyễn Văn Đức"


def test_a_summary_written_by_the_clerk_is_kept(qtbot, context):
    page = open_page(qtbot, context)
    fill_by_keyboard(page)
    key(Qt.Key.Key_R, ALT)  # English mnemonic of the summary
    assert focused() is page.summary
    page.summary.selectAll()
    type_text("Cấp lại thẻ BHYT do bị mất")
    _open_subject_block(qtbot, page)
    type_text("Trần Thị Mai")
    assert page.summary.text() == "Cấp lại thẻ BHYT do bị mất"  # not overwritten by the proposal
    code = save_by_keyboard(qtbot, page)
    assert get_dossier(context.store, code).summary == "Cấp lại thẻ BHYT do bị mất"


def test_an_open_block_without_a_name_blocks_saving_at_the_name(qtbot, context):
    page = open_page(qtbot, context)
    fill_by_keyboard(page)
    _open_subject_block(qtbot, page)
    page.papers.rows[0][0].setFocus()
    key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.message.isVisible() and page.message.text().startswith("Chưa nhập họ và tên người được cấp")
    assert focused() is page.subject.full_name.edit
    assert page.saved_code == ""


def test_closing_the_block_again_files_for_the_applicant(qtbot, context):
    page = open_page(qtbot, context)
    fill_by_keyboard(page)
    _open_subject_block(qtbot, page)
    type_text("Trần Thị Mai")
    key(Qt.Key.Key_G, ALT)
    qtbot.waitUntil(lambda: not page.subject.fields.isVisible())
    assert page.summary.text() == REISSUE
    code = save_by_keyboard(qtbot, page)
    assert get_dossier(context.store, code).subject is None


def test_the_draft_keeps_the_subject_and_a_written_summary(qtbot, context):
    page = open_page(qtbot, context)
    fill_by_keyboard(page)
    _open_subject_block(qtbot, page)
    type_text("Trần Thị Mai")
    key(Qt.Key.Key_R, ALT)
    page.summary.selectAll()
    type_text("Cấp lại thẻ BHYT cho mẹ")
    saves = page.drafts.saves
    qtbot.waitUntil(lambda: page.drafts.saves > saves and not page.drafts.timer.isActive(), timeout=5000)
    page.close()
    again = open_page(qtbot, context)  # as after a crash
    qtbot.mouseClick(again.restore_button, Qt.MouseButton.LeftButton)
    assert again.subject.toggle.isChecked() and again.subject.full_name.text() == "Trần Thị Mai"
    assert again.summary.text() == "Cấp lại thẻ BHYT cho mẹ"


def test_the_detail_shows_the_subject_and_the_summary(qtbot, context):
    from dataclasses import replace

    from factories import request

    from counter_app import services
    base = request(context.store, procedure_code="1.001193")
    subject = Subject("Nguyễn Văn An", relation="con", authorisation="")
    code = services.receive_dossier(context.store, context.actor, replace(base, subject=subject)).code
    detail = DossierDetail(context, code)
    qtbot.addWidget(detail)
    qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)
    shown = [detail.info.itemAt(i).widget().text() for i in range(detail.info.count())
             if isinstance(detail.info.itemAt(i).widget(), QLabel)]
    assert "Nguyễn Văn An · con" in shown
    assert "Đăng ký khai sinh cho Nguyễn Văn An" in shown


@pytest.fixture
def vietnamese(qapp):
    translator = install_translator(qapp, "vi")
    yield
    qapp.removeTranslator(translator)


def test_every_alt_key_of_the_receive_form_is_claimed_once_in_vietnamese(qtbot, vietnamese, context):
    page = open_page(qtbot, context)
    page.subject.toggle.setChecked(True)
    texts = [w.text() for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton)]
    letters = [m.group(1).lower() for t in texts if (m := re.search(r"&([^&\s])", t))]
    assert "l" in letters and "v" in letters and "r" in letters  # the block, its name, the trích yếu
    assert len(letters) == len(set(letters)), " ".join(sorted(letters))
    assert QApplication.translate("SubjectForm", "Subject's &full name:") == "Họ &và tên:"

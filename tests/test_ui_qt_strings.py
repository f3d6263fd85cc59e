"""Qt's own dialogs in Vietnamese: PySide6 ships no qtbase_vi.qm, so the app carries its own."""
from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

LETTERS = re.compile(r"[A-Za-z]")


def _english(texts: list[str]) -> list[str]:
    """Texts that have letters but not one Vietnamese character: English (or untranslated) text."""
    return [t for t in texts if LETTERS.search(t) and t.isascii()]


def _shown_texts(dialog: QWidget) -> list[str]:
    texts = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog) or isinstance(widget, QLineEdit | QComboBox):
            continue  # what the user types or chose (file names, our filter)
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text().replace("&", ""))
            texts.append(widget.toolTip())
        if isinstance(widget, QHeaderView):
            model = widget.model()
            texts += [str(model.headerData(i, widget.orientation())) for i in range(model.columnCount())]
    return [t for t in texts if t]


def test_the_save_as_pdf_dialog_shows_no_english(qtbot, tmp_path, vietnamese):
    dialog = QFileDialog(None, "Lưu PDF", str(tmp_path), "Tệp PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = _shown_texts(dialog)
    assert {"Tìm trong:", "Tên tệp:", "Loại tệp:", "Lưu", "Hủy"} <= set(texts)
    assert _english(texts) == []


def test_standard_buttons_and_message_boxes_speak_vietnamese(qtbot, vietnamese):
    box = QMessageBox(QMessageBox.Icon.Question, "Thoát", "Thoát chương trình?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert [b.text() for b in box.buttons()] and _english([b.text() for b in box.buttons()]) == []
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert sorted(b.text() for b in buttons.buttons()) == ["Hủy", "Lưu", "Đóng", "Đồng ý"]

"""Encryption at rest in the app: the settings say how the data is protected and print the recovery
sheet; a database whose key is not on this computer says how to bring it instead of a traceback."""
from __future__ import annotations

import io
import shutil

import pytest
from pypdf import PdfReader
from ui_flows import ModalAnswerer, close_context, make_context

from counter_app.db import keys as db_keys


@pytest.fixture
def admin_context(tmp_path):
    ctx = make_context(tmp_path, role="admin")
    yield ctx
    close_context(ctx)


def test_the_settings_print_the_recovery_sheet_with_the_key_and_audit_it(qtbot, admin_context):
    from ui.admin_settings import SettingsTab

    tab = SettingsTab(admin_context)
    qtbot.addWidget(tab)
    tab.show()
    box = tab.encryption
    assert db_keys.KEY_ENV in box.status.text()  # the suite's databases take their key from the environment
    assert box.sheet_button.isEnabled()
    box.sheet_button.click()
    qtbot.waitUntil(lambda: box.preview is not None and box.preview.isVisible())
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(box.preview.pdf_bytes)).pages)
    assert admin_context.store.key.value[:4] in text.replace("\n", " ")
    box.preview.close()
    admin_context.tasks.wait_idle()
    with admin_context.store.read() as conn:
        assert conn.execute("SELECT count(*) FROM audit_log WHERE action = 'database.key_sheet'").fetchone()[0] == 1


def test_a_database_without_its_key_says_how_to_import_it(qtbot, tmp_path, monkeypatch):
    from ui.app import run

    context = make_context(tmp_path / "made")
    close_context(context)
    moved = tmp_path / "elsewhere" / "counter.sqlite3"
    moved.parent.mkdir()
    shutil.copy(tmp_path / "made" / "counter.sqlite3", moved)
    monkeypatch.setenv(db_keys.KEY_ENV, "0" * 64)  # this machine keeps another key
    texts: list[str] = []

    def answer(modal) -> None:  # type: ignore[no-untyped-def]
        texts.extend([modal.text(), modal.informativeText()])
        modal.close()

    answerer = ModalAnswerer(answer)
    assert run(str(moved), lang="vi") == 1
    answerer.timer.stop()
    assert len(answerer.seen) == 1
    assert "mã hóa" in texts[0] and f'--db "{moved}" key import' in texts[1]

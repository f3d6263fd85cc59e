"""The app started on a damaged or too-new database shows a Vietnamese dialog with the way out
(restore the newest good backup, named with its date, or quit) instead of a traceback."""
from __future__ import annotations

import shutil
from pathlib import Path

from factories import add_users, make_store, request
from scans import pdf_of_pages
from ui_flows import ModalAnswerer

from counter_app import db_check, maintenance, services
from counter_app.attachment_files import attachments_dir
from counter_app.attachments import attach_pdf, read_content
from counter_app.db.sqlite import connect_file
from counter_app.paths import default_backup_dir
from counter_app.store import Store


def _live_with_backup(tmp_path: Path) -> tuple[Path, Path, str]:
    """A database with one dossier whose result is attached, its backup, and the file's hash."""
    live = tmp_path / "counter.sqlite3"
    store = make_store(live)
    staff = add_users(store)["staff"]
    code = services.receive_dossier(store, staff, request(store)).code
    digest = attach_pdf(store, staff, code, pdf_of_pages(1), paper=None).sha256
    backup = maintenance.backup(store, default_backup_dir(live), own_folder=True)
    store.close()
    return live, backup, digest


def test_a_damaged_database_offers_the_newest_good_backup_and_restores_it(qtbot, tmp_path):
    from ui.app import run
    from ui.database_recovery import DatabaseProblemDialog
    from ui.login import LoginDialog

    live, backup, digest = _live_with_backup(tmp_path)
    shutil.rmtree(attachments_dir(live))  # the disk that damaged the database lost the files too
    newer_but_damaged = backup.with_name("counter-20991231-235959.sqlite3")
    newer_but_damaged.write_bytes(b"\0" * 4096)  # a backup restore would refuse: not offered
    live.write_bytes(bytes(100) + live.read_bytes()[100:])
    texts: list[str] = []

    def answer(modal) -> None:  # type: ignore[no-untyped-def]
        if isinstance(modal, DatabaseProblemDialog):
            texts.extend([modal.text(), modal.informativeText(), modal.restore_button.text()])
            modal.restore_button.click()
        elif isinstance(modal, LoginDialog):
            modal.reject()  # restored and started: the login is the next thing the user sees

    answerer = ModalAnswerer(answer)
    assert run(str(live), lang="vi") == 1
    answerer.timer.stop()
    assert [type(m).__name__ for m in answerer.seen] == ["DatabaseProblemDialog", "LoginDialog"]
    stamp = maintenance.newest_good_backup(backup.parent, live)[0]
    assert texts[0] == "Cơ sở dữ liệu bị hỏng, không mở được."
    assert backup.name in texts[1] and newer_but_damaged.name not in texts[1]
    assert texts[2] == f"Khôi phục bản sao lưu lúc {stamp:%H:%M %d/%m/%Y}"
    assert db_check.file_problems(live) == []
    assert list(tmp_path.glob("counter.sqlite3.before-restore-*.bak"))
    with Store(live) as store:  # the same restore as the command line's: the files came back too
        assert read_content(store, digest) is not None


def test_a_too_new_database_without_backups_can_only_quit_and_is_left_alone(qtbot, tmp_path):
    from ui.app import run
    from ui.database_recovery import DatabaseProblemDialog

    live = tmp_path / "counter.sqlite3"
    make_store(live).close()
    conn = connect_file(live)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = live.read_bytes()
    seen: list[tuple[str, str, list[str]]] = []

    def answer(modal) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(modal, DatabaseProblemDialog)
        seen.append((modal.text(), modal.informativeText(), [b.text() for b in modal.buttons()]))
        modal.quit_button.click()

    answerer = ModalAnswerer(answer)
    assert run(str(live), lang="vi") == 1
    answerer.timer.stop()
    text, info, buttons = seen[0]
    assert "phiên bản mới hơn" in text and "Không tìm thấy bản sao lưu" in info
    assert buttons == ["Thoát"]
    assert live.read_bytes() == before

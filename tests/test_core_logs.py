"""The rotating log: beside the database, for every command, owner-only, without personal data."""
from __future__ import annotations

import logging
import stat

from factories import initialised_database

from counter_app import logs
from counter_cli.main import main


def test_a_command_writes_its_log_beside_the_database_once(tmp_path, capsys):
    db = initialised_database(tmp_path / "counter.sqlite3")
    assert main(["--db", str(db), "dossier", "list"]) == 0
    assert main(["--db", str(db), "dossier", "list"]) == 0
    logging.getLogger("counter.test").warning("sentinel line")
    path = tmp_path / logs.LOG_FILE
    assert path.read_text(encoding="utf-8").count("sentinel line") == 1  # one handler, not one per main()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_traceback_keeps_its_frames_and_drops_the_message(tmp_path):
    path = logs.configure(tmp_path)
    try:
        raise ValueError("Nguyễn Văn Đức 001099012345")
    except ValueError:
        logging.getLogger("counter.test").exception("receive failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "receive failed" in text and "ValueError" in text and "test_core_logs.py" in text
    assert "001099012345" not in text and "Đức" not in text


def test_the_log_rotates_and_keeps_a_bounded_number_of_files(tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    logs.configure(tmp_path)
    log = logging.getLogger("counter.test")
    for i in range(2000):
        log.warning("line %05d of a long day at the counter", i)
    files = sorted(p.name for p in tmp_path.glob(logs.LOG_FILE + "*"))
    assert logs.LOG_FILE in files and len(files) == 1 + logs.KEEP_FILES
    assert all((tmp_path / name).stat().st_size <= 2100 for name in files)


def test_an_office_database_url_logs_in_the_user_data_folder(tmp_path, monkeypatch):
    from counter_cli.main import _start_log

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("counter_app.paths.data_dir", lambda: tmp_path / "data")
    _start_log(type("Args", (), {"db": "postgresql://quay@127.0.0.1:5432/office"})())
    assert (tmp_path / "data" / logs.LOG_FILE).exists()
    assert not (tmp_path / "postgresql:").exists()

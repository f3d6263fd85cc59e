"""The Vietnamese translation: complete, compiled, in step with the code, and used by default."""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

from ui.i18n import format_date, format_datetime, format_vnd, install_translator

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "counter_vi.ts"
QM = TS.with_suffix(".qm")
QT_TS = TS.with_name("qt_vi.ts")  # Qt's own dialog strings, compiled into the same .qm
TOOLS = Path(sys.executable).parent


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    return {(ctx.findtext("name"), m.findtext("source")): m.find("translation")
            for ctx in ET.parse(ts).getroot().iter("context") for m in ctx.iter("message")}


def test_every_string_is_translated():
    messages = {**_messages(TS), **_messages(QT_TS)}
    unfinished = [key for key, tr in messages.items() if tr.get("type") == "unfinished" or not tr.text]
    assert unfinished == []


def test_the_translation_covers_every_string_in_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([str(TOOLS / "pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    assert set(_messages(fresh)) == set(_messages(TS)), "run `make translations` and translate the new strings"


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    compiled = tmp_path / "counter_vi.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), str(TS), str(QT_TS), "-qm", str(compiled)], check=True,
                   capture_output=True)
    assert compiled.read_bytes() == QM.read_bytes(), "run `make translations`"


def test_the_main_window_speaks_vietnamese_by_default(qtbot, app_context, vietnamese):
    from ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    sections = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert sections[:4] == ["Tiếp nhận (F2)", "Hồ sơ (F3)", "Trả kết quả (F4)", "Đồng bộ (F6)"]
    window.sync_worker.shutdown()
    app_context.tasks.wait_idle()


def test_english_needs_no_translation(qtbot, app_context, qapp):
    from ui.main_window import MainWindow

    assert install_translator(qapp, "en") is None
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    assert window.nav.item(0).text() == "Receive (F2)"
    window.sync_worker.shutdown()
    app_context.tasks.wait_idle()


def test_dates_and_amounts_are_written_the_vietnamese_way():
    assert format_date(date(2026, 11, 2)) == "02/11/2026"
    assert format_datetime(datetime(2026, 11, 2, 8, 5)) == "08:05 02/11/2026"
    assert format_vnd(1_234_000) == "1.234.000 đ"

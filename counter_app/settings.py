"""Every setting the office can change, once: its key, type, default, bounds and Vietnamese label.

Vorta's ``store/settings.py`` practice: screens and commands read and write through this table,
never through string keys of their own, so a key cannot be misspelt in one module and a default
cannot differ between two. Values live in the ``settings`` table as text.

Bounds are what a person may set (the settings screen, ``write``). Reading is lenient: a value
that does not parse, or is not positive where a minimum is set, falls back to the default rather
than stopping the counter; a tiny value written directly (tests, a training set-up) is honoured.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import audit
from .errors import ValidationError
from .models import Actor, Role
from .office import get_setting, set_setting
from .users import require_role


@dataclass(frozen=True)
class Setting:
    key: str
    kind: type  # int, float, bool or str
    default: Any
    label: str = field(compare=False)  # Vietnamese, as the settings screen shows it; not part of identity
    minimum: float | None = None
    maximum: float | None = None

    def parse(self, raw: str | None) -> Any:
        """The stored text as a value of ``kind``; the default when missing or unreadable."""
        if raw is None or raw == "":
            return self.default
        try:
            if self.kind is bool:
                return raw.strip() in ("1", "true", "True")
            value = self.kind(raw)
        except ValueError:
            return self.default
        if self.minimum is not None and self.kind in (int, float) and value <= 0 < self.minimum:
            return self.default
        return value

    def check(self, value: Any) -> Any:
        """``value`` if a person may set it, else a Vietnamese refusal naming the bounds."""
        if self.kind in (int, float):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValidationError(f"{self.label}: cần một số.")
            if (self.minimum is not None and value < self.minimum) or (
                    self.maximum is not None and value > self.maximum):
                raise ValidationError(f"{self.label}: từ {_number(self.minimum)} đến {_number(self.maximum)}.")
            return self.kind(value)
        if not isinstance(value, self.kind):
            raise ValidationError(f"{self.label}: giá trị không hợp lệ.")
        return value

    def format(self, value: Any) -> str:
        if self.kind is bool:
            return "1" if value else "0"
        return str(value)


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


LOCK_IDLE_MINUTES = Setting("lock_idle_minutes", float, 5.0, "Khóa màn hình sau (phút không thao tác)", 1, 240)
SYNC_INTERVAL_MINUTES = Setting("sync_interval_minutes", float, 3.0, "Kiểm tra Cổng DVC mỗi (phút)", 1, 1440)
RECEIPT_DIRECT = Setting("print.receipt_direct", bool, False,
                         "In giấy tiếp nhận thẳng ra máy in, không xem trước")
BACKUP_KEEP_DAILY = Setting("backup.keep_daily", int, 7, "Giữ bản sao lưu hằng ngày (số ngày)", 1, 366)
BACKUP_KEEP_WEEKLY = Setting("backup.keep_weekly", int, 4, "Giữ bản sao lưu hằng tuần (số tuần)", 0, 104)
# Kept by the capture dialog itself, like a printer (``remember``): not on the settings screen.
SCANNER_FOLDER = Setting("capture.scanner_folder", str, "", "Thư mục máy quét lưu ảnh")
# The SANE device "Quét" and ``dossier attach --scan`` use ("": the first one found; counter_app.sane_source).
SCANNER_DEVICE = Setting("capture.scanner_device", str, "", "Máy quét dùng để quét")
BACKUP_KEEP_MONTHLY = Setting("backup.keep_monthly", int, 12, "Giữ bản sao lưu hằng tháng (số tháng)", 0, 120)

def printer(paper: str, paper_name: str = "") -> Setting:
    """The printer remembered for one paper ("": the system's default printer). The papers and their
    names belong to printing/ (``printing.kinds``), which the core does not import: callers pass them."""
    return Setting(f"printer.{paper}", str, "", f"Máy in cho «{paper_name or paper}»")


GENERAL = (LOCK_IDLE_MINUTES, SYNC_INTERVAL_MINUTES, RECEIPT_DIRECT)
BACKUP = (BACKUP_KEEP_DAILY, BACKUP_KEEP_WEEKLY, BACKUP_KEEP_MONTHLY)


def read(store: Any, setting: Setting) -> Any:
    """The current value (``store``: a counter_app.store.Store)."""
    return setting.parse(get_setting(store, setting.key))


def remember(store: Any, setting: Setting, value: Any) -> None:
    """A preference the app keeps by itself (the printer last chosen for a paper): no role needed."""
    set_setting(store, setting.key, setting.format(setting.check(value)))


def write(store: Any, values: dict[Setting, Any], *, by: Actor) -> None:
    """An administrator's changes from the settings screen, all or none, each within its bounds and
    with one audit record per changed key."""
    require_role(by, Role.ADMIN)
    texts = {setting.key: setting.format(setting.check(value)) for setting, value in values.items()}
    with store.write() as conn:
        for key, text in texts.items():
            old = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
            if old is not None and old[0] == text:
                continue
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, text))
            audit.append(conn, username=by.username, action="setting.change", entity="setting", entity_id=key,
                         details={"value": text})

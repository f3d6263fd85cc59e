"""Where the portal is and who we are to it; the password lives only in the OS keyring.

The settings table holds the URL, username and agency code (nothing secret). The password
comes from the keyring, or for automation from ``COUNTER_PORTAL_PASSWORD``, which is read and
never written anywhere.

The URL must be https://: the login carries the password and every record carries personal
data. Plain http:// is allowed only when chosen explicitly (``insecure_http``) for a host on this
computer, which is where the simulator runs.
"""
from __future__ import annotations

import ipaddress
import json
import os
from dataclasses import asdict, dataclass, fields
from urllib.parse import urlparse

import keyring
from keyring.errors import KeyringError, NoKeyringError

from counter_app import audit
from counter_app.errors import ValidationError
from counter_app.models import Actor, Role
from counter_app.store import Store
from counter_app.users import require_role

from .errors import CredentialsMissing, PortalMisconfigured

KEYRING_SERVICE = "quay-mot-cua-portal"
PASSWORD_ENV = "COUNTER_PORTAL_PASSWORD"
SETTING_KEY = "portal_config"


@dataclass(frozen=True)
class PortalConfig:
    url: str
    username: str
    agency_code: str
    dstcode: str = ""
    batch_size: int = 50
    verify_tls: bool = True
    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    total_timeout: float = 60.0  # wall clock per request, so a portal that drips its answer cannot hold a run
    insecure_http: bool = False  # plain http:// to this computer (the simulator); see check_url

    def __post_init__(self) -> None:
        check_url(self.url, insecure_http=self.insecure_http)
        if not self.username or not self.agency_code:
            raise ValidationError("Cần tên đăng nhập và mã định danh cơ quan để kết nối Cổng DVC.")
        if not 1 <= self.batch_size <= 500:
            raise ValidationError("Số hồ sơ mỗi lần gửi phải từ 1 đến 500.")


def is_loopback(host: str) -> bool:
    """This computer: 127.0.0.0/8, ::1 or the name localhost (nothing else resolves here for sure)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, *, insecure_http: bool) -> None:
    """https:// anywhere; http:// only when asked for explicitly and only to this computer."""
    parsed = urlparse(url)
    try:
        host = parsed.hostname or ""
        parsed.port  # noqa: B018 -- raises on a port that is not a number
    except ValueError:
        host = ""
    if parsed.scheme not in {"http", "https"} or not host:
        raise ValidationError(f"Địa chỉ Cổng DVC «{url}» không hợp lệ (cần https://).")
    if parsed.scheme == "http" and not insecure_http:
        raise ValidationError("Địa chỉ Cổng DVC phải bắt đầu bằng https://: qua http:// mật khẩu và dữ liệu cá nhân "
                              "đi không mã hóa.")
    if parsed.scheme == "http" and not is_loopback(host):
        raise ValidationError("http:// không mã hóa chỉ dùng được cho bộ mô phỏng trên chính máy này "
                              "(127.0.0.1, ::1, localhost); Cổng DVC thật phải dùng https://.")


def load_config(store: Store) -> PortalConfig | None:
    """The saved connection; one saved before today's rules (say plain http://) stops with a message."""
    with store.read() as conn:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (SETTING_KEY,)).fetchone()
    if row is None:
        return None
    known = {f.name for f in fields(PortalConfig)}
    try:
        return PortalConfig(**{k: v for k, v in json.loads(row[0]).items() if k in known})
    except ValidationError as exc:
        raise PortalMisconfigured(f"Kết nối Cổng DVC đã lưu không dùng được: {exc} "
                                  "Quản trị viên cần cấu hình lại (nút «Kết nối…» hoặc counter-app portal set).") from exc


def save_config(store: Store, config: PortalConfig, *, by: Actor | None = None) -> None:
    """Keep the connection settings (admins only when a person does it; ``None`` is the machine CLI)."""
    with store.write() as conn:
        if by is not None:
            require_role(by, Role.ADMIN)
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                     (SETTING_KEY, json.dumps(asdict(config))))
        audit.append(conn, username=by.username if by else "", action="portal.configure",
                     details={"url": config.url, "username": config.username, "agency_code": config.agency_code,
                              "insecure_http": config.insecure_http})


def get_password(config: PortalConfig) -> str:
    """The keyring's password, else the environment's; say clearly when neither exists."""
    try:
        password = keyring.get_password(KEYRING_SERVICE, config.username)
        no_backend = False
    except NoKeyringError:
        password, no_backend = None, True
    except KeyringError:
        password, no_backend = None, False
    if password:
        return password
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if no_backend:
        raise CredentialsMissing(
            "Máy này không có kho khóa (keyring) của hệ điều hành để giữ mật khẩu Cổng DVC; "
            f"hãy cài một kho khóa hoặc đặt biến môi trường {PASSWORD_ENV} cho chạy tự động."
        )
    raise CredentialsMissing(
        f"Chưa có mật khẩu Cổng DVC cho tài khoản «{config.username}»: chạy `counter-app portal set` để nhập."
    )


def set_password(config: PortalConfig, password: str) -> None:
    if not password:
        raise ValidationError("Mật khẩu Cổng DVC không được để trống.")
    try:
        keyring.set_password(KEYRING_SERVICE, config.username, password)
    except NoKeyringError as exc:
        raise CredentialsMissing(
            "Máy này không có kho khóa (keyring) của hệ điều hành: không thể lưu mật khẩu Cổng DVC. "
            f"Cài một kho khóa, hoặc dùng biến môi trường {PASSWORD_ENV} cho chạy tự động."
        ) from exc


def configure(store: Store, config: PortalConfig, password: str | None, *, by: Actor | None) -> None:
    """Set the connection: role first, then the password into the keyring, then the settings.

    In this order a refusal or a machine without a keyring changes nothing. ``password`` None
    keeps no password (automation passes COUNTER_PORTAL_PASSWORD instead).
    """
    if by is not None:
        require_role(by, Role.ADMIN)
    if password is not None:
        set_password(config, password)
    save_config(store, config, by=by)

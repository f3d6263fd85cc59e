"""Users, roles and log-in.

Passwords are hashed with Argon2id (memory-hard). Five failed log-ins in a row lock the
account for 15 minutes. Roles are enforced here and in the services, not only in the UI.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError

from . import audit, clock
from .errors import AuthError, NotFound, PermissionDenied, ValidationError
from .models import Actor, Role, User
from .store import Store

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
_hasher = PasswordHasher()  # argon2id, 64 MiB, 3 passes


def require_role(actor: Actor, role: Role) -> None:
    if not actor.role.at_least(role):
        raise PermissionDenied("Tài khoản của bạn không có quyền thực hiện thao tác này.")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(f"Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự.")


def _row_to_user(row: sqlite3.Row) -> User:
    return User(row["id"], row["username"], row["full_name"], Role(row["role"]), bool(row["active"]))


def create_user(
    store: Store, *, username: str, full_name: str, role: Role, password: str, by: Actor | None
) -> User:
    """Add an account. ``by`` is None only for the first admin, created by ``init``."""
    username = username.strip().lower()
    if not username or not username.replace(".", "").replace("_", "").isalnum():
        raise ValidationError("Tên đăng nhập chỉ gồm chữ cái, chữ số, dấu chấm hoặc gạch dưới.")
    if not full_name.strip():
        raise ValidationError("Chưa nhập họ và tên.")
    _check_password(password)
    with store.write() as conn:
        if by is None:
            if conn.execute("SELECT 1 FROM users LIMIT 1").fetchone():
                raise PermissionDenied("Chỉ người quản trị được thêm tài khoản.")
        else:
            require_role(by, Role.ADMIN)
        if conn.execute("SELECT 1 FROM users WHERE username = ?", (username,)).fetchone():
            raise ValidationError(f"Tên đăng nhập «{username}» đã có.")
        cur = conn.execute(
            "INSERT INTO users (username, full_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
            (username, full_name.strip(), Role(role).value, _hasher.hash(password), clock.to_db(clock.now())),
        )
        audit.append(conn, username=by.username if by else username, action="user.create",
                     entity="user", entity_id=username, details={"role": Role(role).value})
        return User(int(cur.lastrowid), username, full_name.strip(), Role(role))


def get_user(store: Store, username: str) -> User:
    with store.read() as conn:
        row = conn.execute("SELECT * FROM users WHERE username = ?", (username.strip().lower(),)).fetchone()
    if row is None:
        raise NotFound(f"Không có tài khoản «{username}».")
    return _row_to_user(row)


def list_users(store: Store) -> list[User]:
    with store.read() as conn:
        return [_row_to_user(r) for r in conn.execute("SELECT * FROM users ORDER BY username")]


def authenticate(store: Store, username: str, password: str, *, at: datetime | None = None) -> Actor:
    """Check a log-in; count failures and lock the account after too many.

    The failure count is committed before the refusal is raised (an exception inside the
    transaction would roll it back and make the lockout useless).
    """
    at = at or clock.now()
    refusal: AuthError | None = None
    with store.write() as conn:
        row = conn.execute("SELECT * FROM users WHERE username = ?", (username.strip().lower(),)).fetchone()
        refusal = _refusal(row, at)
        if refusal is None and not _password_matches(row["password_hash"], password):
            failures = row["failed_logins"] + 1
            lock = clock.to_db(at + LOCKOUT) if failures >= MAX_FAILED_LOGINS else None
            conn.execute(
                "UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?",
                (0 if lock else failures, lock, row["id"]),
            )
            audit.append(conn, username=row["username"], action="login.failed", entity="user",
                         entity_id=row["username"], details={"locked": bool(lock)}, at=at)
            refusal = _wrong()
        elif refusal is None:
            conn.execute("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?", (row["id"],))
            audit.append(conn, username=row["username"], action="login", entity="user",
                         entity_id=row["username"], at=at)
    if refusal is not None:
        raise refusal
    return Actor.of(_row_to_user(row))


def _wrong() -> AuthError:
    return AuthError("Tên đăng nhập hoặc mật khẩu không đúng.")


def _refusal(row: sqlite3.Row | None, at: datetime) -> AuthError | None:
    """Why this account may not log in now, before the password is even checked."""
    if row is None:
        return _wrong()
    if not row["active"]:
        return AuthError("Tài khoản này đã bị khóa bởi người quản trị.")
    locked_until = clock.from_db(row["locked_until"])
    if locked_until and locked_until > at:
        minutes = max(1, int((locked_until - at).total_seconds() // 60) + 1)
        return AuthError(f"Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Thử lại sau {minutes} phút.")
    return None


def _password_matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, InvalidHashError):
        return False


def set_active(store: Store, *, username: str, active: bool, by: Actor) -> None:
    require_role(by, Role.ADMIN)
    if by.username == username and not active:
        raise ValidationError("Không thể tự khóa tài khoản đang đăng nhập.")
    with store.write() as conn:
        cur = conn.execute("UPDATE users SET active = ? WHERE username = ?", (int(active), username))
        if cur.rowcount == 0:
            raise NotFound(f"Không có tài khoản «{username}».")
        audit.append(conn, username=by.username, action="user.enable" if active else "user.disable",
                     entity="user", entity_id=username)


def reset_password(store: Store, *, username: str, password: str, by: Actor) -> None:
    require_role(by, Role.ADMIN)
    _check_password(password)
    with store.write() as conn:
        cur = conn.execute(
            "UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE username = ?",
            (_hasher.hash(password), username),
        )
        if cur.rowcount == 0:
            raise NotFound(f"Không có tài khoản «{username}».")
        audit.append(conn, username=by.username, action="user.reset_password", entity="user", entity_id=username)


def system_actor(store: Store) -> Actor:
    """The first active admin, for CLI commands run by the office's technician."""
    with store.read() as conn:
        row = conn.execute(
            "SELECT * FROM users WHERE role = 'admin' AND active = 1 ORDER BY id LIMIT 1"
        ).fetchone()
    if row is None:
        raise NotFound("Chưa có tài khoản quản trị: chạy 'counter-app init' trước.")
    return Actor.of(_row_to_user(row))

"""Users, roles and log-in.

Passwords are hashed with Argon2id (memory-hard). Five failed log-ins in a row lock the
account for 15 minutes. Roles are enforced here and in the services, not only in the UI.
"""
from __future__ import annotations

import functools
import secrets
import sqlite3
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError

from . import audit, clock
from .errors import AuthError, NotFound, PermissionDenied, ValidationError
from .limits import FULL_NAME
from .models import Actor, Role, User
from .store import Store

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
_hasher = PasswordHasher()  # argon2id, 64 MiB, 3 passes
# The hash of a random password that was thrown away: unknown user names are verified against it.
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$nPLQSmH4IWLn/YzOMSASrg$uPjnEG8RD3SN86UxiI+TofTdsu7B+c1zWKeH8Thin4E"
REFUSAL = (f"Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khóa. Sau {MAX_FAILED_LOGINS} lần nhập sai"
           f" liên tiếp, tài khoản bị tạm khóa {LOCKOUT.seconds // 60} phút; nếu vẫn không đăng nhập được, hãy báo"
           " người quản trị.")


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
            "INSERT INTO users (username, full_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)"
            " RETURNING id",
            (username, full_name.strip(), Role(role).value, _hasher.hash(password), clock.to_db(clock.now())),
        )
        audit.append(conn, username=by.username if by else username, action="user.create",
                     entity="user", entity_id=username, details={"role": Role(role).value})
        return User(int(cur.fetchone()[0]), username, full_name.strip(), Role(role))


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

    Every refusal is the same :data:`REFUSAL` after the same work, whether the account does not
    exist, is disabled, is locked or the password is wrong, so a stranger at the keyboard cannot
    tell which user names exist (no account enumeration):

    - the password is always verified with Argon2, against a dummy hash when there is no such
      account, and ``active`` and the lock-out are looked at only after that;
    - a locked account is never named as locked, not even after the right password. Saying
      "locked" only when the password is right would turn the lock-out into an oracle: a guesser
      would keep going during the 15 minutes and learn the password from the changed message.
      Saying it whatever the password would name the accounts that exist (only a real account
      locks). So the one message tells a real clerk what can be wrong and what to do (wait 15
      minutes, or ask the administrator), and the audit log records which it was for the
      administrator.

    The failure count is committed before the refusal is raised (an exception inside the
    transaction would roll it back and make the lockout useless). Argon2 runs outside the write
    transaction, so a log-in never holds the write lock for the ~0.1 s it takes.
    """
    at = at or clock.now()
    username = username.strip().lower()
    with store.read() as conn:
        row = conn.execute("SELECT password_hash FROM users WHERE username = ?", (username,)).fetchone()
    matches = _password_matches(row["password_hash"] if row else _dummy_hash(), password)
    if row is None:
        raise AuthError(REFUSAL)  # nothing to count or audit: the name may be a typo'd password
    with store.write() as conn:
        row = conn.execute("SELECT * FROM users WHERE username = ?", (username,)).fetchone()
        refused = _refusal_reason(row, at, matches=matches)
        if refused == "password":
            failures = row["failed_logins"] + 1
            lock = clock.to_db(at + LOCKOUT) if failures >= MAX_FAILED_LOGINS else None
            conn.execute(
                "UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?",
                (0 if lock else failures, lock, row["id"]),
            )
            audit.append(conn, username=row["username"], action="login.failed", entity="user",
                         entity_id=row["username"], details={"locked": bool(lock)}, at=at)
        elif refused:
            audit.append(conn, username=row["username"], action="login.failed", entity="user",
                         entity_id=row["username"], details={"reason": refused}, at=at)
        else:
            conn.execute("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?", (row["id"],))
            audit.append(conn, username=row["username"], action="login", entity="user",
                         entity_id=row["username"], at=at)
    if refused:
        raise AuthError(REFUSAL)
    return Actor.of(_row_to_user(row))


def _refusal_reason(row: sqlite3.Row, at: datetime, *, matches: bool) -> str | None:
    """Why this account may not log in now (for the audit log only), or None to let it in."""
    if not matches:
        return "password"
    if not row["active"]:
        return "disabled"
    locked_until = clock.from_db(row["locked_until"])
    if locked_until and locked_until > at:
        return "locked"
    return None


@functools.cache
def _dummy_hash() -> str:
    """A hash nobody knows the password of, made with the hasher's own cost parameters.

    The constant was made by ``_hasher`` with argon2-cffi's defaults; should those change, a fresh
    one is made once, so an unknown user's refusal always costs what a real one's does.
    """
    if _hasher.check_needs_rehash(_DUMMY_HASH):
        return _hasher.hash(secrets.token_urlsafe(32))
    return _DUMMY_HASH


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


def rename_user(store: Store, *, username: str, full_name: str, by: Actor) -> User:
    """Correct an account's full name (it prints on every receipt). The audit record names the account,
    not the old or new name: names are personal data and stay out of the log."""
    require_role(by, Role.ADMIN)
    name = FULL_NAME.clean(full_name)
    if not name:
        raise ValidationError("Chưa nhập họ và tên.")
    with store.write() as conn:
        cur = conn.execute("UPDATE users SET full_name = ? WHERE username = ?", (name, username))
        if cur.rowcount == 0:
            raise NotFound(f"Không có tài khoản «{username}».")
        audit.append(conn, username=by.username, action="user.rename", entity="user", entity_id=username)
        return _row_to_user(conn.execute("SELECT * FROM users WHERE username = ?", (username,)).fetchone())


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

"""Accounts: Argon2 hashes, lockout after five failures, roles enforced in the services."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from factories import PASSWORD, add_users, make_store

from counter_app import office, users
from counter_app.errors import AuthError, NotFound, PermissionDenied, ValidationError
from counter_app.models import Role


@pytest.fixture
def store(tmp_path):
    store = make_store(tmp_path / "c.sqlite3")
    add_users(store)
    return store


def test_password_is_stored_as_argon2id(store):
    with store.read() as conn:
        hashes = [r[0] for r in conn.execute("SELECT password_hash FROM users")]
    assert all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)


def test_five_failures_lock_the_account_for_fifteen_minutes(store):
    start = datetime(2026, 11, 23, 8, 0)
    for _ in range(5):
        with pytest.raises(AuthError, match="không đúng"):
            users.authenticate(store, "canbo", "sai-mat-khau", at=start)
    with pytest.raises(AuthError) as locked:  # even the right password, so guessing on is pointless
        users.authenticate(store, "canbo", PASSWORD, at=start + timedelta(minutes=14))
    assert str(locked.value) == users.REFUSAL and "15 phút" in users.REFUSAL
    actor = users.authenticate(store, "canbo", PASSWORD, at=start + timedelta(minutes=15, seconds=1))
    assert actor.role is Role.STAFF


def _refusal(store, username: str, password: str, **kwargs) -> str:
    with pytest.raises(AuthError) as refused:
        users.authenticate(store, username, password, **kwargs)
    return str(refused.value)


def test_refusals_do_not_tell_which_accounts_exist(store):
    """Unknown, disabled, locked or a wrong password: one message; the audit log keeps the reason."""
    admin = users.authenticate(store, "admin", PASSWORD)
    users.set_active(store, username="lanhdao", active=False, by=admin)
    start = datetime(2026, 11, 23, 8, 0)
    for _ in range(5):
        _refusal(store, "canbo", "sai-mat-khau", at=start)
    messages = {
        "unknown": _refusal(store, "khongco", PASSWORD),
        "wrong password": _refusal(store, "admin", "sai-mat-khau"),
        "disabled, right password": _refusal(store, "lanhdao", PASSWORD),
        "disabled, wrong password": _refusal(store, "lanhdao", "sai-mat-khau"),
        "locked, right password": _refusal(store, "canbo", PASSWORD, at=start + timedelta(minutes=1)),
    }
    assert set(messages.values()) == {users.REFUSAL}, messages
    with store.read() as conn:
        reasons = [(r["entity_id"], r["details"]) for r in conn.execute(
            "SELECT entity_id, details FROM audit_log WHERE action = 'login.failed' ORDER BY id DESC LIMIT 4")]
    assert reasons == [("canbo", '{"reason": "locked"}'), ("lanhdao", '{"locked": false}'),
                       ("lanhdao", '{"reason": "disabled"}'), ("admin", '{"locked": false}')]
    with store.read() as conn:  # a name that is not an account (perhaps a mistyped password) is not kept
        assert conn.execute("SELECT COUNT(*) FROM audit_log WHERE details LIKE '%khongco%'"
                            " OR entity_id = 'khongco'").fetchone()[0] == 0


def test_an_unknown_user_is_refused_after_the_same_work_as_a_wrong_password(store, monkeypatch):
    """Every refusal runs exactly one Argon2 verification with the real cost parameters.

    Counted, not timed: a timing comparison on a shared, loaded machine is flaky, while the
    work done is what makes the two refusals take the same time.
    """
    real = users._hasher
    verified: list[str] = []

    class CountingHasher:
        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            return getattr(real, name)

        def verify(self, password_hash: str, password: str) -> bool:
            verified.append(password_hash)
            return real.verify(password_hash, password)

    monkeypatch.setattr(users, "_hasher", CountingHasher())
    _refusal(store, "khongco", "sai-mat-khau")
    _refusal(store, "admin", "sai-mat-khau")
    unknown, wrong = verified
    assert not real.check_needs_rehash(unknown) and not real.check_needs_rehash(wrong)  # the same Argon2 cost
    assert unknown != wrong  # the unknown name was checked against the dummy hash, not skipped


def test_a_success_resets_the_failure_count(store):
    start = datetime(2026, 11, 23, 8, 0)
    for _ in range(4):
        with pytest.raises(AuthError):
            users.authenticate(store, "canbo", "sai", at=start)
    users.authenticate(store, "canbo", PASSWORD, at=start)
    for _ in range(4):
        with pytest.raises(AuthError, match="không đúng"):
            users.authenticate(store, "canbo", "sai", at=start)


def test_disabled_user_cannot_log_in(store):
    admin = users.authenticate(store, "admin", PASSWORD)
    users.set_active(store, username="canbo", active=False, by=admin)
    assert _refusal(store, "canbo", PASSWORD) == users.REFUSAL


def test_staff_cannot_administer_even_through_the_services(store):
    staff = users.authenticate(store, "canbo", PASSWORD)
    with pytest.raises(PermissionDenied):
        users.create_user(store, username="moi", full_name="Người Mới", role=Role.ADMIN, password=PASSWORD, by=staff)
    with pytest.raises(PermissionDenied):
        users.reset_password(store, username="admin", password="khac12345", by=staff)
    with pytest.raises(PermissionDenied):
        office.save_office(store, office.get_office(store), by=staff)


def test_short_password_is_refused(store):
    admin = users.authenticate(store, "admin", PASSWORD)
    with pytest.raises(ValidationError, match="ít nhất 8"):
        users.create_user(store, username="moi", full_name="Người Mới", role=Role.STAFF, password="123", by=admin)


def test_an_admin_corrects_a_full_name_with_an_audit_record_that_does_not_hold_it(store):
    admin = users.authenticate(store, "admin", PASSWORD)
    renamed = users.rename_user(store, username="canbo", full_name="  Lê Văn Cần ", by=admin)
    assert renamed.full_name == "Lê Văn Cần"
    assert users.get_user(store, "canbo").full_name == "Lê Văn Cần"
    assert users.authenticate(store, "canbo", PASSWORD).full_name == "Lê Văn Cần"  # receipts print it from here
    with store.read() as conn:
        row = conn.execute("SELECT username, action, entity_id, details FROM audit_log WHERE action = 'user.rename'"
                           ).fetchone()
    assert tuple(row[:3]) == ("admin", "user.rename", "canbo")
    assert "Lê" not in row[3] and "Cán" not in row[3]


def test_a_rename_is_refused_to_staff_and_for_an_empty_or_too_long_name(store):
    staff = users.authenticate(store, "canbo", PASSWORD)
    admin = users.authenticate(store, "admin", PASSWORD)
    with pytest.raises(PermissionDenied):
        users.rename_user(store, username="canbo", full_name="Ai Đó", by=staff)
    with pytest.raises(ValidationError, match="Chưa nhập"):
        users.rename_user(store, username="canbo", full_name="   ", by=admin)
    with pytest.raises(ValidationError, match="quá dài"):
        users.rename_user(store, username="canbo", full_name="A" * 101, by=admin)
    with pytest.raises(NotFound):
        users.rename_user(store, username="khongco", full_name="Ai Đó", by=admin)
    assert users.get_user(store, "canbo").full_name == "Lê Văn Cán"

"""Accounts: Argon2 hashes, lockout after five failures, roles enforced in the services."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from factories import PASSWORD, add_users, make_store

from counter_app import office, users
from counter_app.errors import AuthError, PermissionDenied, ValidationError
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
    with pytest.raises(AuthError, match="tạm khóa"):
        users.authenticate(store, "canbo", PASSWORD, at=start + timedelta(minutes=14))
    actor = users.authenticate(store, "canbo", PASSWORD, at=start + timedelta(minutes=15, seconds=1))
    assert actor.role is Role.STAFF


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
    with pytest.raises(AuthError, match="khóa"):
        users.authenticate(store, "canbo", PASSWORD)


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

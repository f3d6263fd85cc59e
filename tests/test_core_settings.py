"""The settings registry: one key, type, default and bounds per setting, admins only, audited."""
from __future__ import annotations

from datetime import datetime

import pytest
from factories import add_users, make_store

from counter_app import maintenance, office, settings
from counter_app.errors import PermissionDenied, ValidationError


@pytest.fixture
def store(tmp_path):
    store = make_store(tmp_path / "c.sqlite3")
    store.test_actors = add_users(store)
    return store


def test_defaults_and_unreadable_values_fall_back(store):
    assert settings.read(store, settings.LOCK_IDLE_MINUTES) == 5.0
    assert settings.read(store, settings.SYNC_INTERVAL_MINUTES) == 3.0
    assert settings.read(store, settings.RECEIPT_DIRECT) is False
    assert settings.read(store, settings.printer("receipt")) == ""
    office.set_setting(store, settings.LOCK_IDLE_MINUTES.key, "năm")
    assert settings.read(store, settings.LOCK_IDLE_MINUTES) == 5.0
    office.set_setting(store, settings.LOCK_IDLE_MINUTES.key, "-3")
    assert settings.read(store, settings.LOCK_IDLE_MINUTES) == 5.0


def test_an_admin_writes_within_the_bounds_all_or_nothing_with_an_audit_record(store):
    admin = store.test_actors["admin"]
    settings.write(store, {settings.LOCK_IDLE_MINUTES: 10, settings.printer("receipt"): "HP-Quay-1"}, by=admin)
    assert settings.read(store, settings.LOCK_IDLE_MINUTES) == 10.0
    assert settings.read(store, settings.printer("receipt")) == "HP-Quay-1"
    with pytest.raises(ValidationError, match="từ 1 đến 240"):
        settings.write(store, {settings.SYNC_INTERVAL_MINUTES: 5, settings.LOCK_IDLE_MINUTES: 0}, by=admin)
    assert settings.read(store, settings.SYNC_INTERVAL_MINUTES) == 3.0  # nothing of the refused change
    with pytest.raises(PermissionDenied):
        settings.write(store, {settings.LOCK_IDLE_MINUTES: 15}, by=store.test_actors["supervisor"])
    with store.read() as conn:
        changed = [r[0] for r in conn.execute("SELECT entity_id FROM audit_log WHERE action = 'setting.change'")]
    assert changed == ["lock_idle_minutes", "printer.receipt"]


def test_backups_are_thinned_by_the_retention_settings(store, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in range(1, 21):
        (folder / f"counter-202611{day:02d}-120000.sqlite3").write_bytes(b"")
    settings.write(store, {settings.BACKUP_KEEP_DAILY: 3, settings.BACKUP_KEEP_WEEKLY: 0,
                           settings.BACKUP_KEEP_MONTHLY: 0}, by=store.test_actors["admin"])
    maintenance.backup(store, folder)
    kept = sorted(path.name for _stamp, path in maintenance.list_backups(folder))
    assert len(kept) == 3
    assert kept[-1].startswith(f"counter-{datetime.now():%Y}")  # the new backup is one of the three
    assert len(list(folder.glob("counter-*.sqlite3"))) == 2  # two old full copies; the new one is deduplicated

"""Exactly one sync run at a time for the whole office, whichever counter starts it.

Counters that share the office's PostgreSQL database would otherwise push the same outbox rows
twice at once. A run first takes the office lock "sync" (a session advisory lock, so a counter
that dies frees it); a run that finds it taken ends at once, sends nothing and says why.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from counter_app.store import Store

SYNC_LOCK = "sync"
BUSY_MESSAGE = "Một quầy khác của cơ quan đang đồng bộ; quầy này sẽ thử lại sau."
T = TypeVar("T")


def one_run_per_office(busy: Callable[[Store], T]) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Run the decorated ``fn(store, ...)`` only while holding the office's sync lock, else ``busy(store)``."""

    def decorate(fn: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(fn)
        def guarded(store: Store, *args: Any, **kwargs: Any) -> T:
            with store.office_lock(SYNC_LOCK) as granted:
                return fn(store, *args, **kwargs) if granted else busy(store)

        return guarded

    return decorate

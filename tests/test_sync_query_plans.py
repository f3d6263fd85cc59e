"""The outbox is read in what each query returns, not in the size of the backlog (issue 12).

These read SQLite's EXPLAIN QUERY PLAN: a full scan of the outbox or a sort of it where an index
should serve fails the test, so a change of schema or query cannot bring back O(backlog²) rounds.
"""
from __future__ import annotations

from sync_helpers import receive_many

from sync.engine import SyncEngine


class NoPortal:
    """The engine is built but never sends: these tests only read its queries' plans."""


def _plan(store, sql: str, params: tuple = ()) -> str:
    with store.read() as conn:
        return " | ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def _capture(store, method) -> tuple[str, tuple]:
    """The SQL a method of the engine runs (its first statement), through SQLite's trace hook."""
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    try:
        method()
    finally:
        store.conn.set_trace_callback(None)
    return next(s for s in seen if s.lstrip().upper().startswith("SELECT"))


def test_a_sync_round_walks_pending_rows_in_order_without_sorting_the_backlog(store, staff_actor):
    receive_many(store, staff_actor, 20)
    engine = SyncEngine(store, NoPortal(), batch_size=10)
    sql = _capture(store, engine.due_rows)
    plan = _plan(store, sql)
    assert "TEMP B-TREE" not in plan, plan
    assert "outbox_state" in plan, plan
    assert len(engine.due_rows()) == 10


def test_counts_for_the_status_bar_use_the_outbox_indexes(store, staff_actor):
    from sync import outbox

    receive_many(store, staff_actor, 5)
    for count in (outbox.pending_count, outbox.failed_count, outbox.conflict_count):
        plan = _plan(store, _capture(store, lambda count=count: count(store)))
        assert "COVERING INDEX outbox_state" in plan, (count.__name__, plan)

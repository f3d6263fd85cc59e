"""Give a dossier a new code when the portal holds another citizen's dossier under its code.

Before counter numbers existed, two installations of one agency could hand out the same code;
the sync engine then keeps the dossier's records as conflicts instead of overwriting the
portal's (issue 9). The way out is a fresh code from this counter's own range for the same
day: the dossier, its timeline and its outbox rows keep their identity (they refer to the
dossier's id, not its code), the conflicting rows go back into the queue as new records, and
the citizen gets a reprinted receipt with the new code.
"""
from __future__ import annotations

from .. import audit, clock, codes
from ..dossiers import dossier_id_for_code, load_dossier_by_id
from ..errors import InvalidState, ValidationError
from ..models import Actor, Dossier, OutboxState, Role
from ..office import load_office_row, this_counter
from ..store import Store
from ..users import require_role


def assign_new_code(store: Store, actor: Actor, code: str) -> Dossier:
    """Re-code a dossier whose records conflict on the portal; returns it with its new code."""
    require_role(actor, Role.SUPERVISOR)
    with store.write() as conn:
        dossier_id = dossier_id_for_code(conn, code)
        held = conn.execute("SELECT COUNT(*) FROM outbox WHERE dossier_id = ? AND failed = ?",
                            (dossier_id, OutboxState.CONFLICT)).fetchone()[0]
        if not held:
            raise InvalidState("Hồ sơ này không bị trùng mã trên Cổng DVC: không cần cấp mã mới.")
        office = load_office_row(conn)
        if office is None:
            raise ValidationError("Chưa thiết lập thông tin cơ quan (mã định danh).")
        old = load_dossier_by_id(conn, dossier_id)
        new_code = codes.next_dossier_code(conn, office.agency_code, old.received_at.date(),
                                          this_counter(store, office))
        conn.execute("UPDATE dossiers SET code = ?, updated_at = ? WHERE id = ?",
                     (new_code, clock.to_db(clock.now()), dossier_id))
        conn.execute(
            "UPDATE outbox SET failed = ?, conflict = '', attempts = 0, next_attempt_at = NULL, last_error = ''"
            " WHERE dossier_id = ? AND failed = ?", (OutboxState.PENDING, dossier_id, OutboxState.CONFLICT))
        audit.append(conn, username=actor.username, action="dossier.recode", entity="dossier", entity_id=new_code,
                     details={"from": old.code, "to": new_code, "reason": "portal_conflict"})
        return load_dossier_by_id(conn, dossier_id)

"""The local (``LOCAL.*``) procedures an administrator still has to resolve, and what each one holds up.

A dossier received under a local code is refused by the portal until the code is mapped to a
national one (``catalogue.map_code``). The administrator decides which local code to resolve
first by how many dossiers it holds and how many the portal refused, and can only choose among
national procedures once the portal's catalogue was pulled: hence :func:`portal_catalogue_pulled`.
"""
from __future__ import annotations

from dataclasses import dataclass

from .catalogue import load_procedure
from .models import Procedure
from .store import Store

# Set by every sync that pulled the portal's catalogue (``LayDanhSachTTHC``), even when nothing in it changed.
PORTAL_CATALOGUE_KEY = "portal_catalogue_versions"

# Dossiers per local procedure code: one grouped pass over the dossiers for all local procedures
# (there are a handful), rather than one scan per procedure.
_RECEIVED_SQL = (
    "SELECT p.code, COUNT(*) FROM dossiers d JOIN procedures p ON p.id = d.procedure_id"
    " WHERE p.national_code = 0 GROUP BY p.code"
)
# Dossiers with a record the portal refused: these are the ones a mapping queues again.
_REFUSED_SQL = (
    "SELECT p.code, COUNT(DISTINCT d.id) FROM outbox o JOIN dossiers d ON d.id = o.dossier_id"
    " JOIN procedures p ON p.id = d.procedure_id WHERE o.failed = 1 AND p.national_code = 0 GROUP BY p.code"
)


@dataclass(frozen=True)
class LocalProcedure:
    procedure: Procedure  # its ``mapped_code`` is the national code once an administrator chose one
    received: int  # dossiers received under any version of it
    refused: int  # of those, dossiers the portal refused: re-sent when the code is mapped


def list_local_procedures(store: Store) -> list[LocalProcedure]:
    """Every current local procedure, by code, with its dossiers received and refused.

    Read on the read connection: counting goes over every dossier (no index serves it, and one is
    not worth its cost on each save for an administrator's screen), so a save must not wait for it.
    """
    with store.snapshot() as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM procedures WHERE is_current = 1 AND national_code = 0"
                                          " ORDER BY code")]
        received = dict(conn.execute(_RECEIVED_SQL).fetchall())
        refused = dict(conn.execute(_REFUSED_SQL).fetchall())
        procedures = [load_procedure(conn, i) for i in ids]
    return [LocalProcedure(p, received.get(p.code, 0), refused.get(p.code, 0)) for p in procedures]


def portal_catalogue_pulled(store: Store) -> bool:
    """Whether a sync has brought the portal's catalogue yet (before that, no national procedure can be proposed)."""
    with store.snapshot() as conn:
        return conn.execute("SELECT 1 FROM settings WHERE key = ?", (PORTAL_CATALOGUE_KEY,)).fetchone() is not None

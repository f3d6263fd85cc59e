"""The office database's application role: it may read and append the audit log, never rewrite it.

The schema belongs to an owner role (it runs ``init`` and the schema upgrades). Counters
connect as an application role with these grants; without UPDATE, DELETE or TRUNCATE on
``audit_log``, and not being the owner, it can neither change a record nor switch the
append-only triggers off. The README ("An office with several counters") shows the same SQL.
"""
from __future__ import annotations

import re

_ROLE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def app_role_grants(role: str, *, owner: str, database: str) -> list[str]:
    """SQL, run by the owner, that lets ``role`` work at a counter (and no more)."""
    if not _ROLE.match(role) or not _ROLE.match(owner) or not _ROLE.match(database):
        raise ValueError("role, owner and database names: lower-case letters, digits and _ only")
    return [
        f"GRANT CONNECT ON DATABASE {database} TO {role}",
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
        # Tables a later schema step adds are the counters' too (the audit log is not recreated).
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public"
        f" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {role}",
    ]

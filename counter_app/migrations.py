"""Schema steps, one function per ``PRAGMA user_version``.

Each step runs inside one transaction opened by :class:`counter_app.store.Store`, after a
backup copy of the file was taken. Never edit a released step: add a new one. A frozen copy
of every released schema lives in ``tests/fixtures/`` and is upgraded in the tests.
"""
from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable

_V1 = """
CREATE TABLE office (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    agency_code TEXT NOT NULL,
    agency_name TEXT NOT NULL,
    parent_agency_name TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    province TEXT NOT NULL DEFAULT '',
    commune TEXT NOT NULL DEFAULT '',
    place_name TEXT NOT NULL DEFAULT '',
    counter_name TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    office_hours TEXT NOT NULL,
    status_lookup_url TEXT NOT NULL DEFAULT '',
    regulation_profile TEXT NOT NULL DEFAULT 'nd118-2025'
);
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('staff', 'supervisor', 'admin')),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE procedures (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    version INTEGER NOT NULL,
    catalogue_version TEXT NOT NULL,
    name TEXT NOT NULL,
    name_fold TEXT NOT NULL,
    field TEXT NOT NULL,
    processing_value INTEGER NOT NULL,
    processing_unit TEXT NOT NULL
        CHECK (processing_unit IN ('same_day', 'working_days', 'working_hours')),
    processing_note TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL DEFAULT '',
    agency TEXT NOT NULL DEFAULT '',
    national_code INTEGER NOT NULL DEFAULT 1,
    confidence TEXT NOT NULL DEFAULT 'confirmed',
    sources TEXT NOT NULL DEFAULT '[]',
    is_current INTEGER NOT NULL DEFAULT 1,
    UNIQUE (code, version)
);
CREATE TABLE procedure_papers (
    procedure_id INTEGER NOT NULL REFERENCES procedures(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    form TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 1,
    required INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (procedure_id, position)
);
CREATE TABLE procedure_fees (
    procedure_id INTEGER NOT NULL REFERENCES procedures(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    amount_vnd INTEGER,
    rule TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (procedure_id, position)
);
CREATE TABLE applicants (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'citizen',
    full_name TEXT NOT NULL,
    personal_id TEXT NOT NULL DEFAULT '',
    old_id TEXT NOT NULL DEFAULT '',
    birth_date TEXT,
    sex TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    social_insurance_no TEXT NOT NULL DEFAULT '',
    hi_card_code TEXT NOT NULL DEFAULT ''
);
CREATE INDEX applicants_personal_id ON applicants(personal_id);
CREATE INDEX applicants_phone ON applicants(phone);
CREATE TABLE dossiers (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    agency_code TEXT NOT NULL,
    procedure_id INTEGER NOT NULL REFERENCES procedures(id),
    applicant_id INTEGER NOT NULL REFERENCES applicants(id),
    status TEXT NOT NULL,
    received_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    sets_count INTEGER NOT NULL CHECK (sets_count >= 1),
    delivery TEXT NOT NULL CHECK (delivery IN ('counter', 'post')),
    delivery_address TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    processing_agency TEXT NOT NULL DEFAULT '',
    received_by INTEGER NOT NULL REFERENCES users(id),
    log_book INTEGER NOT NULL,
    log_number INTEGER NOT NULL,
    transferred_at TEXT,
    result_ready_at TEXT,
    returned_at TEXT,
    returned_to TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    UNIQUE (log_book, log_number)
);
CREATE INDEX dossiers_received_at ON dossiers(received_at);
CREATE INDEX dossiers_status_due ON dossiers(status, due_at);
CREATE INDEX dossiers_applicant ON dossiers(applicant_id);
CREATE TABLE dossier_papers (
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    form TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 1,
    received INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (dossier_id, position)
);
CREATE TABLE dossier_fees (
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    amount_vnd INTEGER NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('cash', 'transfer', 'exempt')),
    exempt_reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (dossier_id, position)
);
CREATE TABLE status_events (
    id INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    portal_code INTEGER NOT NULL,
    user_id INTEGER REFERENCES users(id),
    source TEXT NOT NULL DEFAULT 'counter',
    note TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX status_events_dossier ON status_events(dossier_id, id);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    username TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    entity TEXT NOT NULL DEFAULT '',
    entity_id TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
    kind TEXT NOT NULL CHECK (kind IN ('dossier', 'progress')),
    event_id INTEGER REFERENCES status_events(id),
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT NOT NULL DEFAULT '',
    failed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_dossier ON outbox(dossier_id, id);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE calendar_overrides (
    day TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('day_off', 'workday')),
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE code_sequences (
    agency_code TEXT NOT NULL,
    day TEXT NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (agency_code, day)
);
CREATE TABLE log_sequences (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);
CREATE VIRTUAL TABLE dossier_search USING fts5(
    name, address, tokenize = 'unicode61 remove_diacritics 2'
);
"""


def _v1_initial(conn: sqlite3.Connection) -> None:
    """The first released schema."""
    for statement in _split(_V1):
        conn.execute(statement)


def _split(script: str) -> list[str]:
    """Split a schema script into statements (``executescript`` would commit our transaction)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return [s for s in statements if s]


def _v2_index_old_ids(conn: sqlite3.Connection) -> None:
    """Searching by an old 9-digit CMND number scanned every applicant."""
    conn.execute("CREATE INDEX IF NOT EXISTS applicants_old_id ON applicants(old_id)")


def _v3_portal_sync(conn: sqlite3.Connection) -> None:
    """Sync needs to know which dossiers the portal confirmed, and keeps a log of its runs.

    ``portal_dossiers`` says the portal holds a dossier (so a resend is an update); the
    outbox index serves the "oldest due record per dossier" query of every sync round.
    """
    for statement in _split(
        """
        CREATE TABLE portal_dossiers (
            dossier_id INTEGER PRIMARY KEY REFERENCES dossiers(id),
            confirmed_at TEXT NOT NULL
        );
        CREATE TABLE sync_runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            pushed INTEGER NOT NULL DEFAULT 0,
            pulled INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            pending INTEGER NOT NULL DEFAULT 0,
            error TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX outbox_due ON outbox(failed, next_attempt_at, id);
        """
    ):
        conn.execute(statement)


def _v4_counter_numbers(conn: sqlite3.Connection) -> None:
    """Two installations of one agency gave the same dossier code to two citizens (issue 9).

    Every installation now has a counter number (1–99, unique within its office) that goes into
    its dossier codes and its tracking-log book, and a random installation id that travels with
    each dossier record, so a portal record under our code can be told apart from another
    counter's. ``outbox.conflict`` keeps the portal's version of a dossier that holds our code
    but is not ours (the row waits for staff, with ``failed = 2``).
    """
    for statement in (
        "ALTER TABLE office ADD COLUMN counter_no INTEGER NOT NULL DEFAULT 1 CHECK (counter_no BETWEEN 1 AND 99)",
        "ALTER TABLE dossiers ADD COLUMN counter_no INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE outbox ADD COLUMN conflict TEXT NOT NULL DEFAULT ''",
    ):
        conn.execute(statement)
    conn.execute("INSERT OR IGNORE INTO settings (key, value) VALUES ('installation_id', ?)", (uuid.uuid4().hex,))


def _v5_outbox_walked_in_order(conn: sqlite3.Connection) -> None:
    """A month offline left 200,000 rows to send, and every sync round sorted them all (issue 12).

    Rows are now walked in id order within their state through ``(failed, id)``, so a round reads
    what it sends, and the counts of pending, refused and conflicting rows read only their own.
    """
    for statement in (
        "DROP INDEX IF EXISTS outbox_due",
        "CREATE INDEX outbox_state ON outbox(failed, id)",
    ):
        conn.execute(statement)


def _v6_client_refs(conn: sqlite3.Connection) -> None:
    """An import file's records carry the sender's reference, so re-running a file makes no duplicates.

    SQLite cannot add a UNIQUE column, so the column gets a unique index; NULL (typed at the
    counter) never collides.
    """
    conn.execute("ALTER TABLE dossiers ADD COLUMN client_ref TEXT")
    conn.execute("CREATE UNIQUE INDEX dossiers_client_ref ON dossiers(client_ref)")


def _v7_procedure_code_map(conn: sqlite3.Connection) -> None:
    """A local procedure code (``LOCAL.*``) resolved to the national one the portal knows.

    One row per local code, whatever its versions: dossiers received under any version of the
    local procedure are sent to the portal with the national code from then on.
    """
    conn.execute(
        "CREATE TABLE procedure_code_map (local_code TEXT PRIMARY KEY, national_code TEXT NOT NULL,"
        " mapped_at TEXT NOT NULL, mapped_by TEXT NOT NULL)"
    )


def _v8_dossier_subjects(conn: sqlite3.Connection) -> None:
    """Whom a dossier is about when not the submitter (the newborn, the deceased, the principal).

    A table of its own, at most one row per dossier, so that the many dossiers filed by the
    person they concern carry nothing.
    """
    conn.execute(
        "CREATE TABLE dossier_subjects (dossier_id INTEGER PRIMARY KEY REFERENCES dossiers(id),"
        " full_name TEXT NOT NULL, personal_id TEXT NOT NULL DEFAULT '', birth_date TEXT,"
        " relation TEXT NOT NULL DEFAULT '', authorisation TEXT NOT NULL DEFAULT '')"
    )


def _v9_dossier_attachments(conn: sqlite3.Connection) -> None:
    """Electronic copies of a dossier's papers and of its result (issue 14, Decision 766 4.1/4.2).

    The bytes live outside the database as content-addressed files (named by their SHA-256,
    ``counter_app/attachments.py``); a row says which dossier, which paper (``paper_position``,
    NULL for the result) and in which order (``seq``) a file belongs, and keeps its hash and size
    so that ``check`` can tell a missing or altered file.
    """
    for statement in (
        "CREATE TABLE dossier_attachments (id INTEGER PRIMARY KEY,"
        " dossier_id INTEGER NOT NULL REFERENCES dossiers(id),"
        " kind TEXT NOT NULL CHECK (kind IN ('paper', 'result')), paper_position INTEGER,"
        " seq INTEGER NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL, media_type TEXT NOT NULL,"
        " added_at TEXT NOT NULL, added_by INTEGER REFERENCES users(id))",
        "CREATE INDEX dossier_attachments_dossier ON dossier_attachments(dossier_id, kind, paper_position)",
    ):
        conn.execute(statement)


def _v10_fee_rules_and_receipts(conn: sqlite3.Connection) -> None:
    """Fees computed from the catalogue's rules, fee receipts in their own numbering, short agency names (issue 11).

    ``procedure_fees.calc`` holds the catalogue's computable rule (``counter_app/fees.py``);
    ``dossier_fees.detail`` what the amount was computed on ("10 trang × 3 bản"). A fee
    receipt (biên lai thu phí, lệ phí) took the dossier's tracking-log number, so receipt numbers
    had gaps wherever a dossier collected nothing: receipts now have their own gapless series per
    counter and year (``fee_receipt_sequences``), allocated in the receive transaction only when
    money is collected; a dossier that collected nothing has no receipt number (NULL).
    ``procedures.agency_short`` is the agency's bare name: the register printed the catalogue's
    whole description in a narrow column and fitted 3–7 dossiers a page.
    """
    for statement in (
        "ALTER TABLE procedure_fees ADD COLUMN calc TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE procedures ADD COLUMN agency_short TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE dossier_fees ADD COLUMN detail TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE dossiers ADD COLUMN fee_receipt_book INTEGER",
        "ALTER TABLE dossiers ADD COLUMN fee_receipt_number INTEGER",
        "CREATE UNIQUE INDEX dossiers_fee_receipt ON dossiers(counter_no, fee_receipt_book, fee_receipt_number)",
        "CREATE TABLE fee_receipt_sequences (counter_no INTEGER NOT NULL, year INTEGER NOT NULL,"
        " last INTEGER NOT NULL, PRIMARY KEY (counter_no, year))",
    ):
        conn.execute(statement)


def _v11_daily_log_by_counter(conn: sqlite3.Connection) -> None:
    """One counter's daily log reads only that counter's rows (issue 9, issue 12).

    The Sổ theo dõi hồ sơ of one counter in an office database walked every counter's dossiers of
    the period through ``dossiers(received_at)`` and dropped the others'; with this index it reads
    the rows it prints, in the order it prints them.
    """
    conn.execute("CREATE INDEX dossiers_counter_received ON dossiers(counter_no, received_at)")


def _v12_list_and_search_indexes(conn: sqlite3.Connection) -> None:
    """The indexes that keep every list page and search bounded by what it returns (issue 12).

    At 1,000,000 dossiers the list's pages were sorted whole before ``LIMIT``: pages now walk an
    index from the previous page's last row (keyset paging), one index per sort order the list
    offers. ``(status, received_at)`` serves the Returns tab (one status, newest first);
    ``due_at`` the sort by due time; ``applicants(full_name)`` the sort by applicant, joined to
    each applicant's dossiers through ``dossiers_applicant``; the last four characters of the
    code (the day's sequence number), then the code, the search by a code's tail digits ("0975")
    in code order.

    On SQLite the search index is rebuilt with FTS5 prefix indexes for 1 to 7 characters (a
    Vietnamese syllable has at most 7 letters): a prefix query ("binh"*) built and kept its
    whole match list before ``LIMIT`` could stop it, 26 ms for a word of every address at
    1,000,000 dossiers, where a prefix index is one list read lazily (0.15 ms; the file grows
    by about a quarter). PostgreSQL's GIN index already answers prefixes (``:*``) as they are.
    """
    for statement in (
        "CREATE INDEX dossiers_status_received ON dossiers(status, received_at)",
        "CREATE INDEX dossiers_due ON dossiers(due_at)",
        "CREATE INDEX applicants_name ON applicants(full_name)",
        "CREATE INDEX dossiers_code_tail ON dossiers((substr(code, length(code) - 3)), code)",
    ):
        conn.execute(statement)
    if getattr(conn, "dialect", "sqlite") == "postgresql":
        return
    for statement in (
        "CREATE VIRTUAL TABLE dossier_search_prefixed USING fts5(name, address,"
        " tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7')",
        "INSERT INTO dossier_search_prefixed (rowid, name, address) SELECT rowid, name, address FROM dossier_search",
        "DROP TABLE dossier_search",
        "ALTER TABLE dossier_search_prefixed RENAME TO dossier_search",
    ):
        conn.execute(statement)


def _v13_office_attachment_contents(conn: sqlite3.Connection) -> None:
    """The office database keeps the bytes of attached files itself (issue 14).

    A SQLite store keeps them in a folder beside its file; the office's PostgreSQL keeps them
    here, so every counter reads them with no network share to set up and keep permissions on,
    the office's ``pg_dump`` carries them, and one transaction holds a file and its row
    (:mod:`counter_app.attachment_files`). Nothing on SQLite.
    """
    if getattr(conn, "dialect", "sqlite") != "postgresql":
        return
    conn.execute("CREATE TABLE attachment_contents (sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),"
                 " content BYTEA NOT NULL)")


def _v14_open_dossiers_by_due_time(conn: sqlite3.Connection) -> None:
    """The "overdue" and "due today" lists read the open dossiers in due order (issue 12).

    Both filters sorted every matching dossier before ``LIMIT`` (0.5 s at 1,000,000 dossiers,
    4 s sorted by applicant): ``dossiers_due`` holds the years of finished dossiers too, and the
    oldest due times are all finished ones. This partial index holds only the open dossiers, in
    due order (``id`` last: PostgreSQL needs it to walk ``ORDER BY due_at, id``). The list's
    query names the same condition, as it must for either database to use the index; written
    ``(… IN …) IS TRUE``, it is no condition the ``(status, due_at)`` index could take instead
    (SQLite then preferred that index and a sort of all open dossiers).
    """
    conn.execute("CREATE INDEX dossiers_open_due ON dossiers(due_at, id) WHERE (status IN"
                 " ('financial_obligation', 'processing', 'received', 'supplement_requested')) IS TRUE")


def _v15_portal_file_uploads(conn: sqlite3.Connection) -> None:
    """How far each attached file's upload to the portal got, so a restart resumes it (issue 14).

    One row per file content (its SHA-256, as the portal holds it once): ``held`` is how many
    bytes the portal last said it holds, ``confirmed_at`` when it confirmed the whole file after
    checking its hash; a confirmed file is never sent again.
    """
    conn.execute("CREATE TABLE portal_files (sha256 TEXT PRIMARY KEY, bytes INTEGER NOT NULL,"
                 " held INTEGER NOT NULL DEFAULT 0, confirmed_at TEXT)")


def _v16_attachment_reuse(conn: sqlite3.Connection) -> None:
    """A paper's electronic copy can be an earlier one of the same citizen, reused (issue 14, Decision 766 4.3).

    ``reused_from`` is the dossier whose capture was taken instead of scanning again (NULL for a
    capture made for this dossier); the row points at the same content-addressed file, so reuse
    copies no bytes. Finding a citizen's earlier captures needs no new index: it goes through
    ``applicants_personal_id`` (or ``applicants_old_id``), ``dossiers_applicant`` and
    ``dossier_attachments_dossier`` (``tests/test_core_reuse.py`` reads the plan).
    """
    conn.execute("ALTER TABLE dossier_attachments ADD COLUMN reused_from INTEGER REFERENCES dossiers(id)")


def _v17_reused_papers_index(conn: sqlite3.Connection) -> None:
    """The dossiers that reused a paper, found without reading every attachment row (Decision 766 4.3).

    The 766 report asks it of every dossier of the period; through ``dossier_attachments_dossier``
    each answer read the dossier's attachment rows (a tenth of the report's time at 200,000
    dossiers). Reuse is rare, so this partial index is small.
    """
    conn.execute("CREATE INDEX dossier_attachments_reused ON dossier_attachments(dossier_id)"
                 " WHERE reused_from IS NOT NULL")


def _v18_attachment_withdrawal(conn: sqlite3.Connection) -> None:
    """A wrongly attached electronic copy can be withdrawn ("Gỡ bản điện tử"), never deleted.

    The row and its file stay (the audit trail; content-addressed files are shared with other
    rows and referred to by backups, so ``check`` and backups keep counting them); a withdrawn
    row (``withdrawn_at`` set) is no longer the dossier's copy anywhere: listings, digitisation,
    Decision 766, reuse and the portal (``counter_app/attachments.py``, ``withdraw``). The
    reason is kept here only: it may name a third party, so the audit record merely says one
    was given.

    The two indexes the Decision 766 report walks for every dossier of the period gain
    ``withdrawn_at``, so "a current copy exists" is still answered from the index alone: reading
    each attachment row for it took the 200,000-dossier report from 838 ms to 1,116 ms.
    """
    for statement in (
        "ALTER TABLE dossier_attachments ADD COLUMN withdrawn_at TEXT",
        "ALTER TABLE dossier_attachments ADD COLUMN withdrawn_by INTEGER REFERENCES users(id)",
        "ALTER TABLE dossier_attachments ADD COLUMN withdrawn_reason TEXT",
        "DROP INDEX dossier_attachments_dossier",
        "CREATE INDEX dossier_attachments_dossier ON dossier_attachments(dossier_id, kind, paper_position,"
        " withdrawn_at)",
        "DROP INDEX dossier_attachments_reused",
        "CREATE INDEX dossier_attachments_reused ON dossier_attachments(dossier_id, withdrawn_at, reused_from)"
        " WHERE reused_from IS NOT NULL",
    ):
        conn.execute(statement)


def _v19_names_searchable_without_apostrophes(conn: sqlite3.Connection) -> None:
    """Names with an apostrophe ("H'Hen Niê") are indexed again without it, so "hhen" finds them.

    The search index breaks words at the apostrophe; ``subjects.indexed_name`` adds the joined
    form for dossiers received or corrected from now on, this step for those already received.
    """
    conn.execute("UPDATE dossier_search SET name = name || ' ' || replace(replace(name, '''', ''), '\u2019', '')"
                 " WHERE name LIKE '%''%' OR name LIKE '%\u2019%'")


STEPS: list[Callable[[sqlite3.Connection], None]] = [
    _v1_initial, _v2_index_old_ids, _v3_portal_sync, _v4_counter_numbers, _v5_outbox_walked_in_order,
    _v6_client_refs, _v7_procedure_code_map, _v8_dossier_subjects, _v9_dossier_attachments,
    _v10_fee_rules_and_receipts, _v11_daily_log_by_counter, _v12_list_and_search_indexes,
    _v13_office_attachment_contents, _v14_open_dossiers_by_due_time, _v15_portal_file_uploads,
    _v16_attachment_reuse, _v17_reused_papers_index, _v18_attachment_withdrawal,
    _v19_names_searchable_without_apostrophes,
]
SCHEMA_VERSION = len(STEPS)

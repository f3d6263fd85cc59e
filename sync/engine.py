"""The sync engine: drain the outbox to the portal exactly once, then pull what the portal knows.

Why it is safe to kill at any instant: an outbox row is deleted only in the transaction that
records the portal's confirmation; a row whose answer was lost is simply sent again, and the
contract makes a repeat harmless (a known dossier is updated, a known progress record is
ignored). Per-dossier order holds because each round takes only the oldest row of a dossier,
and a dossier whose oldest row waits (backoff) or was refused holds back its later rows only.
"""
from __future__ import annotations

import itertools
import json
import logging
import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from counter_app import audit, catalogue, clock
from counter_app.attachments import Attachment
from counter_app.dossiers import load_dossier_by_id
from counter_app.errors import CounterError
from counter_app.local_codes import PORTAL_CATALOGUE_KEY
from counter_app.models import OutboxState
from counter_app.office import installation_id, load_office_row
from counter_app.services.actions import apply_portal_status
from counter_app.states import PORTAL_CODE, Status
from counter_app.store import Store

from . import contract, files, mapping
from .client import PortalClient, RecordResult
from .config import PortalConfig, get_password, load_config
from .errors import CredentialsMissing, PortalRejected, PortalUnavailable, SyncError
from .office_lock import BUSY_MESSAGE, one_run_per_office
from .outbox import conflict_count, pending_count

log = logging.getLogger(__name__)

# States in which the processing agency holds the dossier, so its status may change on the portal.
PULLED_STATES = (Status.PROCESSING.value, Status.FINANCIAL_OBLIGATION.value)
IDLE_SLICE_S = 0.1
PULL_TRIES = 5
CONFLICT_MESSAGE = ("Mã hồ sơ này trên Cổng DVC đang thuộc một hồ sơ khác (hai quầy cấp trùng mã). Hồ sơ không được gửi "
                    "để khỏi ghi đè; hãy cấp mã mới cho hồ sơ và kiểm tra số quầy của từng máy.")


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    failed: int = 0
    pending: int = 0
    conflicts: int = 0  # records held because the portal has another dossier under their code
    online: bool = False
    error: str = ""  # what stopped the push, or why the last record left could not go
    pull_error: str = ""  # the pull failed (everything may still have been sent)
    anchor: str = ""  # the audit chain's head left with the portal in this run ("N:short hash")


@dataclass
class RoundOutcome:
    """What one push round did: records confirmed, refused (staff fix them), held as conflicts."""

    confirmed: int = 0
    refused: int = 0
    conflicts: int = 0

    @property
    def settled(self) -> int:
        return self.confirmed + self.refused + self.conflicts


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with jitter, in seconds; the portal's Retry-After wins when longer.

    ``attempts`` is the number of requests failed in a row: one lost request among successes
    waits well under a second (a bad link drains at about 2.5x a clean one, bench_sync_faults),
    a portal that keeps failing is left alone for minutes.
    """

    base: float = 0.5
    cap: float = 300.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempts: int, retry_after: float | None = None) -> float:
        ceiling = min(self.cap, self.base * 2 ** max(0, attempts - 1))
        return max(self.rng.uniform(ceiling / 2, ceiling), retry_after or 0.0)


@dataclass(frozen=True)
class Row:
    id: int
    dossier_id: int
    kind: str
    event_id: int | None
    attempts: int


class SyncEngine:
    def __init__(self, store: Store, client: PortalClient, *, batch_size: int = 50,
                 backoff: Backoff | None = None, stop: Callable[[], bool] = lambda: False,
                 chunk_bytes: int = contract.CHUNK_BYTES) -> None:
        self.store = store
        self.client = client
        self.batch_size = batch_size
        self.backoff = backoff or Backoff()
        self.stop = stop  # asked between file chunks: the run's deadline, the window closing
        self.uploader = files.FileUploader(
            store, client, chunk_bytes=chunk_bytes, stop=stop, answered=self._answered,
            pause=lambda tries, retry_after: _wait(self.backoff.delay(tries, retry_after), stop))
        self._files: dict[int, list[Attachment]] = {}  # the files each dossier row of the round names
        self._settled: set[int] = set()  # rows of the current round whose verdict is recorded
        # Requests that failed in a row. Waits grow with this, not with a row's own attempts: a
        # portal that drops one request in five is up, and its unlucky rows should go again soon;
        # only a portal failing request after request is backed off hard.
        self.failures_in_a_row = 0
        with store.read() as conn:
            office = load_office_row(conn)
            self.installation = installation_id(conn)
        if office is None:
            raise SyncError("Chưa thiết lập thông tin cơ quan: chưa thể đồng bộ.")
        self.office = office

    # Push -------------------------------------------------------------------------------------

    def due_rows(self) -> list[Row]:
        """The oldest row of each dossier, if it is due, in outbox order."""
        with self.store.read() as conn:
            rows = conn.execute(
                "SELECT o.id, o.dossier_id, o.kind, o.event_id, o.attempts FROM outbox o"
                " WHERE o.failed = 0 AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)"
                " AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.dossier_id = o.dossier_id AND p.id < o.id)"
                " ORDER BY o.id LIMIT ?", (clock.to_db(clock.now()), self.batch_size),
            ).fetchall()
        return [Row(r["id"], r["dossier_id"], r["kind"], r["event_id"], r["attempts"]) for r in rows]

    def _answered(self) -> None:
        """A file chunk got its answer: the portal is up, whatever failed before it."""
        self.failures_in_a_row = 0

    def push_round(self) -> RoundOutcome:
        """Send one batch of due rows and record each verdict. PortalUnavailable propagates.

        A dossier's files go before its record (the portal refuses a record naming a file it
        does not hold whole); when ``stop`` says so between chunks, the round ends with nothing
        else sent, and the upload resumes in the next run.
        """
        rows = self.due_rows()
        outcome = RoundOutcome()
        if not rows:
            return outcome
        self._settled = set()
        dossier_files = files.attachments_of(self.store, [row.dossier_id for row in rows if row.kind == "dossier"])
        self._files = {row.id: dossier_files.get(row.dossier_id, []) for row in rows if row.kind == "dossier"}
        records, invalid = self._records(rows)
        outcome.refused = self._refuse(invalid)
        dossiers = [row for row in rows if row.kind == "dossier" and row.id in records]
        progress = [row for row in rows if row.kind == "progress" and row.id in records]
        try:
            dossiers, missing = self._upload_files(dossiers)
            outcome.refused += self._refuse(missing)
            if self.stop():
                return outcome
            if dossiers:
                self._push_dossiers(dossiers, records, outcome)
            if progress:
                done, bad = self._push_progress(progress, records)
                outcome.confirmed, outcome.refused = outcome.confirmed + done, outcome.refused + bad
        except (PortalUnavailable, PortalRejected) as exc:
            self.failures_in_a_row += 1
            unsettled = [row for row in dossiers + progress if row.id not in self._settled]
            self._postpone(unsettled, str(exc), getattr(exc, "retry_after", None))
            raise
        self.failures_in_a_row = 0
        return outcome

    def _upload_files(self, rows: list[Row]) -> tuple[list[Row], dict[int, str]]:
        """Upload the files of each dossier row: (rows the portal now holds every file of, {row id: why not}).

        A file missing or altered here holds back its own dossier only, with the reason for staff.
        """
        ready: list[Row] = []
        missing: dict[int, str] = {}
        for row in rows:
            try:
                if not self.uploader.upload_all(self._files[row.id]):
                    break
            except files.FileMissing as exc:
                missing[row.id] = str(exc)
                continue
            ready.append(row)
        return ready, missing

    def _records(self, rows: list[Row]) -> tuple[dict[int, dict[str, Any]], dict[int, str]]:
        """The portal record of each row, checked against the contract before it leaves."""
        records: dict[int, dict[str, Any]] = {}
        invalid: dict[int, str] = {}
        with self.store.read() as conn:
            for row in rows:
                dossier = load_dossier_by_id(conn, row.dossier_id)
                if row.kind == "dossier":
                    attached = self._files[row.id]
                    record = mapping.dossier_record(dossier, self.office, self.installation, attached,
                                                    self.client.config.url if attached else "")
                    schema = "dossier_record"
                else:
                    event = next(e for e in dossier.events if e.id == row.event_id)
                    record = mapping.progress_record(event, dossier, self.office)
                    schema = "progress_record"
                try:
                    contract.validate(schema, record)
                except contract.ContractError as exc:
                    invalid[row.id] = f"Dữ liệu hồ sơ chưa đủ để gửi Cổng DVC: {exc.message}"
                    continue
                records[row.id] = record
        return records, invalid

    def _push_dossiers(self, rows: list[Row], records: dict[int, dict[str, Any]], outcome: RoundOutcome) -> None:
        """Create or update each dossier; never update a dossier the portal holds for someone else.

        A record goes as an update only when this database saw the portal confirm it, or when
        the portal's copy under its code is provably ours (``contract.same_dossier``): a row
        tried before may have arrived with its answer lost, and a create answered "04" may be
        ours or another counter's that got the same code. Anything else is a conflict, kept
        with the portal's version for staff and never sent.
        """
        with self.store.read() as conn:
            marks = ",".join("?" * len(rows))
            confirmed_ids = {r[0] for r in conn.execute(
                f"SELECT dossier_id FROM portal_dossiers WHERE dossier_id IN ({marks})", [row.dossier_id for row in rows])}
        unsure = [row for row in rows if row.attempts and row.dossier_id not in confirmed_ids]
        ours, conflicts = self._claim(unsure, records)
        updates = [row for row in rows if row.dossier_id in confirmed_ids or row in ours]
        news = [row for row in rows if row not in updates and row.id not in conflicts]
        verdicts: dict[int, RecordResult] = {}
        if news:
            verdicts.update(zip((row.id for row in news), self._send(news, records, updating=False), strict=True))
            already = [row for row in news if verdicts[row.id].error_code == contract.ALREADY_EXISTS]
            ours_after_all, taken = self._claim(already, records)
            updates += ours_after_all
            conflicts.update(taken)
        if updates:
            verdicts.update(zip((row.id for row in updates), self._send(updates, records, updating=True), strict=True))
            disputed = [row for row in updates if verdicts[row.id].error_code == contract.CONFLICT]
            conflicts.update(self._claim(disputed, records)[1])
        self._hold_conflicts(conflicts)
        judged = [row for row in rows if row.id in verdicts and row.id not in conflicts]
        done, refused = self._settle(judged, [verdicts[row.id] for row in judged])
        outcome.confirmed += done
        outcome.refused += refused
        outcome.conflicts += len(conflicts)

    def _send(self, rows: list[Row], records: dict[int, dict[str, Any]], *, updating: bool) -> list[RecordResult]:
        return self.client.push_dossiers([records[row.id] for row in rows], updating=updating)

    def _claim(self, rows: list[Row], records: dict[int, dict[str, Any]]) -> tuple[list[Row], dict[int, dict[str, Any]]]:
        """Look the rows' codes up: (rows the portal holds as ours, {row id: portal record} held for another)."""
        if not rows:
            return [], {}
        held = {found.get("MaHoSo"): found for found in self.client.lookup([records[row.id]["MaHoSo"] for row in rows])}
        ours: list[Row] = []
        theirs: dict[int, dict[str, Any]] = {}
        for row in rows:
            found = held.get(records[row.id]["MaHoSo"])
            if found is None:
                continue
            if contract.same_dossier(records[row.id], found):
                ours.append(row)
            else:
                theirs[row.id] = found
        return ours, theirs

    def _hold_conflicts(self, conflicts: dict[int, dict[str, Any]]) -> None:
        """Keep each conflicting row with the portal's version; it waits for staff to give the dossier a new code."""
        if not conflicts:
            return
        with self.store.write() as conn:
            for row_id, held in conflicts.items():
                self._settled.add(row_id)
                conn.execute(
                    "UPDATE outbox SET failed = ?, attempts = attempts + 1, last_error = ?, conflict = ? WHERE id = ?",
                    (OutboxState.CONFLICT, CONFLICT_MESSAGE, json.dumps(held, ensure_ascii=False), row_id))
        log.warning("%d dossier code(s) held on the portal by other dossiers; kept for staff", len(conflicts))

    def _push_progress(self, rows: list[Row], records: dict[int, dict[str, Any]]) -> tuple[int, int]:
        return self._settle(rows, self.client.push_progress([records[row.id] for row in rows]))

    def _settle(self, rows: list[Row], results: list[RecordResult]) -> tuple[int, int]:
        """Record the portal's verdicts in one transaction: confirmed rows leave the outbox."""
        now = clock.now()
        done = refused = 0
        with self.store.write() as conn:
            for row, result in zip(rows, results, strict=True):
                self._settled.add(row.id)
                if result.ok:
                    conn.execute("DELETE FROM outbox WHERE id = ?", (row.id,))
                    if row.kind == "dossier":
                        conn.execute("INSERT INTO portal_dossiers VALUES (?, ?) ON CONFLICT DO NOTHING",
                                     (row.dossier_id, clock.to_db(now)))
                    done += 1
                elif result.error_code == contract.INVALID:
                    self._mark_refused(conn, row.id, f"Cổng DVC từ chối: {result.message}")
                    refused += 1
                else:  # unknown dossier (its record still on the way), a file the portal lost, a hiccup: later
                    if result.error_code == contract.FILE_NOT_HELD:  # upload the record's files again first
                        files.forget_in(conn, (a.sha256 for a in self._files.get(row.id, [])))
                    self._mark_postponed(conn, row, f"Cổng DVC ({result.error_code}): {result.message}", now, None)
        return done, refused

    def _refuse(self, invalid: dict[int, str]) -> int:
        if invalid:
            with self.store.write() as conn:
                for row_id, message in invalid.items():
                    self._mark_refused(conn, row_id, message)
        return len(invalid)

    @staticmethod
    def _mark_refused(conn: sqlite3.Connection, row_id: int, message: str) -> None:
        conn.execute("UPDATE outbox SET failed = 1, attempts = attempts + 1, last_error = ? WHERE id = ?",
                     (message, row_id))

    def _mark_postponed(self, conn: sqlite3.Connection, row: Row, message: str, now: datetime,
                        retry_after: float | None) -> None:
        wait = self.backoff.delay(max(1, self.failures_in_a_row), retry_after)
        conn.execute("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
                     (clock.to_db(now + timedelta(seconds=wait)), message, row.id))

    def _postpone(self, rows: list[Row], message: str, retry_after: float | None) -> None:
        now = clock.now()
        with self.store.write() as conn:
            for row in rows:
                self._mark_postponed(conn, row, message, now, retry_after)

    def next_due_in(self) -> float | None:
        """Seconds until the next row may be sent (None: nothing sendable; rows behind a refusal wait for staff)."""
        with self.store.read() as conn:
            row = conn.execute(
                "SELECT MIN(COALESCE(o.next_attempt_at, '')) FROM outbox o WHERE o.failed = 0"
                " AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.dossier_id = o.dossier_id AND p.id < o.id)"
            ).fetchone()
        if row[0] is None:
            return None
        due = clock.from_db(row[0])
        return 0.0 if due is None else max(0.0, (due - clock.now()).total_seconds())

    # Audit anchor -----------------------------------------------------------------------------

    def send_anchor(self) -> str:
        """Leave the audit chain's head with the portal; returns it as "N:short hash" ("" when the log is empty).

        Whoever holds the database file could rewrite the whole chain consistently; a head kept
        by the portal (like the one printed on the daily log) makes such a rewrite disagree with
        something outside the counter (issue 10).
        """
        with self.store.read() as conn:
            head = audit.chain_head(conn)
        if head is None:
            return ""
        record = {"MaCaiDat": self.installation, "SoBanGhi": head.record_id, "MaBam": head.hash,
                  "ThoiDiem": contract.format_portal_time(clock.now())}
        contract.validate("push_anchor", {"service": contract.PUSH_ANCHOR, "data": record})
        self.client.push_anchor(record)
        return str(head)

    # Pull -------------------------------------------------------------------------------------

    def pull_statuses(self) -> int:
        """Statuses the processing agencies set, for dossiers they hold and we have nothing to send for."""
        with self.store.read() as conn:
            rows = conn.execute(
                "SELECT d.code, d.status FROM dossiers d JOIN portal_dossiers p ON p.dossier_id = d.id"
                " WHERE d.status IN (?, ?) AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.dossier_id = d.id)",
                PULLED_STATES,
            ).fetchall()
        local = {row["code"]: PORTAL_CODE[Status(row["status"])] for row in rows}
        applied = 0
        for record in self.client.lookup(sorted(local)) if local else []:
            code, portal_code = record.get("MaHoSo"), int(record.get("TrangThaiHoSo", 0))
            if code not in local or portal_code == local[code]:
                continue
            step = next((p for p in reversed(record.get("QuaTrinhXuLy", [])) if p.get("TrangThai") == str(portal_code)),
                        {})
            at = contract.parse_portal_time(step["ThoiDiemXuLy"]) if step.get("ThoiDiemXuLy") else clock.now()
            try:
                applied += apply_portal_status(self.store, code, portal_code=portal_code, at=at,
                                               note=step.get("NoiDungXuLy", ""), handler=step.get("NguoiXuLy", ""))
            except CounterError as exc:
                log.warning("portal status %s for %s not applied: %s", portal_code, code, exc)
        return applied

    def pull_catalogue(self) -> int:
        """New versions of procedures the portal changed; dossiers keep the version they were received under."""
        procedures = self.client.list_procedures()
        versions = {p.get("MATTHC"): p.get("PHIENBAN") for p in procedures}
        with self.store.read() as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (PORTAL_CATALOGUE_KEY,)).fetchone()
        if row is not None and json.loads(row[0]) == versions:
            return 0
        with self.store.write() as conn:
            entries = []
            for procedure in procedures:
                try:
                    contract.validate("procedure", procedure)
                except contract.ContractError as exc:
                    log.warning("portal procedure %s skipped: %s", procedure.get("MATTHC"), exc.message)
                    continue
                entries.append(mapping.catalogue_entry(procedure, catalogue.current_entry(conn, procedure["MATTHC"])))
            label = f"portal {clock.now():%Y-%m-%d %H:%M}"
            added = catalogue.import_entries(conn, entries, label)
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         (PORTAL_CATALOGUE_KEY, json.dumps(versions)))
            if added:
                audit.append(conn, username="portal", action="catalogue.portal_import",
                             details={"version": label, "added": added})
        return added


def _start_run(store: Store) -> int:
    with store.write() as conn:
        return int(conn.execute("INSERT INTO sync_runs (started_at) VALUES (?) RETURNING id",
                                (clock.to_db(clock.now()),)).fetchone()[0])


def _finish_run(store: Store, run_id: int, report: SyncReport) -> None:
    with store.write() as conn:
        conn.execute(
            "UPDATE sync_runs SET finished_at = ?, pushed = ?, pulled = ?, failed = ?, pending = ?, error = ?"
            " WHERE id = ?",
            (clock.to_db(clock.now()), report.pushed, report.pulled, report.failed, report.pending, _run_error(report),
             run_id),
        )


def _anchor(engine: SyncEngine) -> str:
    """The chain head for the portal; a busy portal only means the next run leaves it."""
    try:
        return engine.send_anchor()
    except (PortalUnavailable, PortalRejected) as exc:
        log.warning("audit anchor not left with the portal this run: %s", exc)
        return ""


def _run_error(report: SyncReport) -> str:
    """The run log's one error column: the push's, else the pull's, said as such."""
    if report.error or not report.pull_error:
        return report.error
    return f"Chưa nhận được cập nhật từ Cổng DVC: {report.pull_error}"


def _wait(seconds: float, cancel: Callable[[], bool]) -> None:
    """Sleep in short slices so a cancel (the window closing) is honoured at once."""
    end = time.monotonic() + seconds
    while not cancel() and time.monotonic() < end:
        time.sleep(min(IDLE_SLICE_S, end - time.monotonic()))


def _another_counter_syncs(store: Store) -> SyncReport:
    return SyncReport(pending=pending_count(store), conflicts=conflict_count(store), error=BUSY_MESSAGE)


@one_run_per_office(busy=_another_counter_syncs)
def run_sync(
    store: Store,
    *,
    config: PortalConfig | None = None,
    client: PortalClient | None = None,
    until_empty: bool = False,
    max_seconds: float | None = None,
    progress: Callable[[str], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    backoff: Backoff | None = None,
) -> SyncReport:
    """Push what is due (until the outbox is empty, when asked), then pull; all within ``max_seconds``.

    The deadline is checked between rounds and before the pull, so it holds whatever the
    backlog. The run's error is what stopped it, or, when records are left, why the last one
    could not go; a failed pull is reported apart (``pull_error``), since everything may have
    been sent.
    """
    cancel = cancel or (lambda: False)
    say = progress or (lambda _message: None)
    report = SyncReport()
    run_id = _start_run(store)
    budget = _Budget(max_seconds)
    own_client = client is None
    push_error = ""
    try:
        config = config or load_config(store)
        if config is None:
            raise CredentialsMissing("Chưa cấu hình kết nối Cổng DVC (counter-app portal set).")
        client = client or PortalClient(config, get_password(config))
        engine = SyncEngine(store, client, batch_size=config.batch_size, backoff=backoff,
                            stop=lambda: cancel() or budget.over())
        files.queue_updates_for_new_files(store)
        push_error = _push(engine, report, until_empty=until_empty, budget=budget, cancel=cancel, say=say)
        if not cancel() and not push_error and not budget.over():
            _pull(engine, report, budget=budget, cancel=cancel, say=say)
            if not report.pull_error:
                report.anchor = _anchor(engine)
    except SyncError as exc:
        report.error = str(exc)
    finally:
        report.pending = pending_count(store)
        report.conflicts = conflict_count(store)
        if not report.error and report.pending:
            report.error = push_error
        if own_client and client is not None:
            client.close()
        _finish_run(store, run_id, report)
    log.info("sync run %s: pushed %s, pulled %s, failed %s, pending %s, conflicts %s", run_id, report.pushed,
             report.pulled, report.failed, report.pending, report.conflicts)
    return report


class _Budget:
    """The run's time budget (none when ``max_seconds`` is None)."""

    def __init__(self, max_seconds: float | None) -> None:
        self.deadline = None if max_seconds is None else time.monotonic() + max_seconds

    def left(self) -> float | None:
        return None if self.deadline is None else self.deadline - time.monotonic()

    def over(self) -> bool:
        left = self.left()
        return left is not None and left <= 0

    def allows_wait(self, seconds: float) -> bool:
        left = self.left()
        return left is None or seconds < left


def _push(engine: SyncEngine, report: SyncReport, *, until_empty: bool, budget: _Budget,
          cancel: Callable[[], bool], say: Callable[[str], None]) -> str:
    """Push rounds until nothing is due (or, ``until_empty``, nothing is left); returns the last push error."""
    push_error = ""
    while not cancel() and not budget.over():
        try:
            outcome = engine.push_round()
            report.online, push_error = True, ""
        except PortalUnavailable as exc:
            push_error, outcome = str(exc), RoundOutcome()
            if not until_empty:
                break
        report.pushed += outcome.confirmed
        report.failed += outcome.refused
        if outcome.settled:
            say(f"Đã gửi {report.pushed} bản ghi lên Cổng DVC.")
            continue
        wait = engine.next_due_in()
        if not until_empty or wait is None or not budget.allows_wait(wait):
            break
        _wait(wait, cancel)
    return push_error


def _pull(engine: SyncEngine, report: SyncReport, *, budget: _Budget, cancel: Callable[[], bool],
          say: Callable[[str], None]) -> None:
    """Pull catalogue and statuses, retrying a busy portal with the same backoff while the run's time allows."""
    for attempt in itertools.count(1):
        try:
            report.pulled = engine.pull_catalogue() + engine.pull_statuses()
        except PortalUnavailable as exc:
            wait = engine.backoff.delay(attempt, getattr(exc, "retry_after", None))
            if attempt >= PULL_TRIES or cancel() or not budget.allows_wait(wait):
                report.pull_error = str(exc)
                return
            _wait(wait, cancel)
            continue
        report.online = True
        if report.pulled:
            say(f"Đã nhận {report.pulled} cập nhật từ Cổng DVC.")
        return

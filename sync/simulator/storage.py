"""The simulator's own SQLite: dossiers (one row per MaHoSo), progress, sessions, calls, catalogue.

Every method runs under one lock on one connection: the simulator is for tests and training, so
simple and obviously correct beats concurrent. The UNIQUE keys are what make "never stored
twice" true even when a client repeats a call whose answer it never received.
"""
from __future__ import annotations

import json
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import contract

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (token TEXT PRIMARY KEY, username TEXT NOT NULL, expires_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS dossiers (
    code TEXT PRIMARY KEY, status TEXT NOT NULL, record TEXT NOT NULL,
    status_since REAL NOT NULL, stored_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS progress (
    id INTEGER PRIMARY KEY, code TEXT NOT NULL REFERENCES dossiers(code), at TEXT NOT NULL,
    status TEXT NOT NULL, content TEXT NOT NULL, record TEXT NOT NULL, source TEXT NOT NULL,
    UNIQUE (code, at, status, content)
);
CREATE TABLE IF NOT EXISTS calls (
    id INTEGER PRIMARY KEY, code TEXT NOT NULL, service TEXT NOT NULL, at REAL NOT NULL,
    is_updating TEXT, status TEXT, outcome TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS calls_code ON calls(code, id);
CREATE TABLE IF NOT EXISTS procedures (code TEXT PRIMARY KEY, version TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS anchors (
    installation TEXT NOT NULL, record INTEGER NOT NULL, hash TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (installation, record)
);
"""
PROCESSED_BY = "Cán bộ xử lý"


class PortalStore:
    def __init__(self, path: Path | str) -> None:
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(SCHEMA)

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # Sessions -------------------------------------------------------------------------------

    def open_session(self, username: str, ttl: float) -> str:
        token = secrets.token_urlsafe(24)
        with self._tx() as conn:
            conn.execute("INSERT INTO sessions VALUES (?, ?, ?)", (token, username, time.time() + ttl))
        return token

    def session_valid(self, token: str) -> bool:
        with self._lock:
            row = self._conn.execute("SELECT expires_at FROM sessions WHERE token = ?", (token,)).fetchone()
        return row is not None and row["expires_at"] > time.time()

    # Dossiers and progress --------------------------------------------------------------------

    def store_dossiers(self, records: list[dict[str, Any]], *, updating: bool) -> list[dict[str, str]]:
        """Judge and store each record on its own; answer one result per record, in order."""
        results = []
        with self._tx() as conn:
            for record in records:
                code = str(record.get("MaHoSo", ""))
                error_code, message = self._store_dossier(conn, record, updating)
                conn.execute(
                    "INSERT INTO calls (code, service, at, is_updating, status, outcome) VALUES (?, ?, ?, ?, ?, ?)",
                    (code, contract.PUSH_DOSSIERS, time.time(), "True" if updating else "False",
                     record.get("TrangThaiHoSo"), error_code),
                )
                results.append({"MaHoSo": code, "error_code": error_code, "message": message})
        return results

    @staticmethod
    def _store_dossier(conn: sqlite3.Connection, record: dict[str, Any], updating: bool) -> tuple[str, str]:
        try:
            contract.validate("dossier_record", record)
        except contract.ContractError as exc:
            return exc.code, exc.message
        code, status = record["MaHoSo"], record["TrangThaiHoSo"]
        if conn.execute("SELECT 1 FROM procedures WHERE code = ?", (record["MaTTHC"],)).fetchone() is None:
            return contract.INVALID, f"Mã thủ tục {record['MaTTHC']} không có trong CSDL thủ tục hành chính quốc gia."
        row = conn.execute("SELECT record FROM dossiers WHERE code = ?", (code,)).fetchone()
        body = json.dumps(record, ensure_ascii=False)
        now = time.time()
        if row is None:
            if updating:
                return contract.UNKNOWN_DOSSIER, f"Hồ sơ {code} chưa có trên Cổng để cập nhật."
            conn.execute("INSERT INTO dossiers VALUES (?, ?, ?, ?, ?)", (code, status, body, now, now))
            return contract.OK, "Đã tiếp nhận hồ sơ."
        if not updating:
            return contract.ALREADY_EXISTS, f"Hồ sơ {code} đã có trên Cổng."
        if not contract.same_dossier(record, json.loads(row["record"])):
            return contract.CONFLICT, f"Mã hồ sơ {code} trên Cổng thuộc một hồ sơ khác; không ghi đè."
        conn.execute(
            "UPDATE dossiers SET record = ?, status = ?,"
            " status_since = CASE WHEN status = ? THEN status_since ELSE ? END WHERE code = ?",
            (body, status, status, now, code),
        )
        return contract.OK, "Đã cập nhật hồ sơ."

    def store_progress(self, records: list[dict[str, Any]]) -> list[dict[str, str]]:
        results = []
        with self._tx() as conn:
            for record in records:
                code = str(record.get("MaHoSo", ""))
                error_code, message = self._store_progress(conn, record, source="counter")
                conn.execute(
                    "INSERT INTO calls (code, service, at, status, outcome) VALUES (?, ?, ?, ?, ?)",
                    (code, contract.PUSH_PROGRESS, time.time(), record.get("TrangThai"), error_code),
                )
                results.append({"MaHoSo": code, "error_code": error_code, "message": message})
        return results

    @staticmethod
    def _store_progress(conn: sqlite3.Connection, record: dict[str, Any], *, source: str) -> tuple[str, str]:
        try:
            contract.validate("progress_record", record)
        except contract.ContractError as exc:
            return exc.code, exc.message
        code, at, status, content = record["MaHoSo"], record["ThoiDiemXuLy"], record["TrangThai"], record["NoiDungXuLy"]
        if conn.execute("SELECT 1 FROM dossiers WHERE code = ?", (code,)).fetchone() is None:
            return contract.UNKNOWN_DOSSIER, f"Hồ sơ {code} chưa có trên Cổng."
        inserted = conn.execute(
            "INSERT OR IGNORE INTO progress (code, at, status, content, record, source) VALUES (?, ?, ?, ?, ?, ?)",
            (code, at, status, content, json.dumps(record, ensure_ascii=False), source),
        ).rowcount
        latest = conn.execute("SELECT MAX(at) FROM progress WHERE code = ?", (code,)).fetchone()[0]
        if inserted and at >= latest:
            conn.execute(
                "UPDATE dossiers SET status = ?, status_since = CASE WHEN status = ? THEN status_since ELSE ? END"
                " WHERE code = ?", (status, status, time.time(), code),
            )
        return contract.OK, "Đã cập nhật tiến độ." if inserted else "Tiến độ này đã có."

    def lookup(self, codes: list[str]) -> list[dict[str, Any]]:
        """TraCuuHoSo: the stored record with its current status and progress, for each code held."""
        found = []
        with self._lock:
            for code in codes:
                row = self._conn.execute("SELECT status, record FROM dossiers WHERE code = ?", (code,)).fetchone()
                if row is None:
                    continue
                record = json.loads(row["record"])
                record["TrangThaiHoSo"] = row["status"]
                record["QuaTrinhXuLy"] = [
                    json.loads(p["record"])
                    for p in self._conn.execute("SELECT record FROM progress WHERE code = ? ORDER BY at, id", (code,))
                ]
                found.append(record)
        return found

    def advance_processing(self, after_seconds: float) -> int:
        """Dossiers in processing (4) for ``after_seconds`` become processed (9), as an agency would do."""
        cutoff = time.time() - after_seconds
        with self._tx() as conn:
            rows = conn.execute("SELECT code, record FROM dossiers WHERE status = '4' AND status_since <= ?",
                                (cutoff,)).fetchall()
            for row in rows:
                record = json.loads(row["record"])
                progress = {
                    "MaHoSo": row["code"], "NguoiXuLy": PROCESSED_BY, "ChucDanh": "Chuyên viên",
                    "ThoiDiemXuLy": contract.format_portal_time(datetime.now(contract.OFFICE_TZ)),
                    "PhongBanXuLy": record["DonViXuLy"], "NoiDungXuLy": "Đã xử lý xong hồ sơ", "TrangThai": "9",
                    "NgayBatDau": record["NgayTiepNhan"], "NgayKetThucTheoQuyDinh": record["NgayHenTra"],
                }
                self._store_progress(conn, progress, source="agency")
        return len(rows)

    # Catalogue --------------------------------------------------------------------------------

    def seed_procedures(self, procedures: list[dict[str, Any]]) -> None:
        with self._tx() as conn:
            for procedure in procedures:
                conn.execute("INSERT OR IGNORE INTO procedures VALUES (?, ?, ?)",
                             (procedure["MATTHC"], procedure["PHIENBAN"], json.dumps(procedure, ensure_ascii=False)))

    def put_procedure(self, procedure: dict[str, Any]) -> dict[str, Any]:
        """Replace or add a procedure; it gets a new PHIENBAN so clients see it changed."""
        with self._tx() as conn:
            row = conn.execute("SELECT version FROM procedures WHERE code = ?", (procedure["MATTHC"],)).fetchone()
            number = int(row["version"].rsplit(".", 1)[-1]) + 1 if row else 1
            procedure = {**procedure, "PHIENBAN": f"sim.{number}"}
            contract.validate("procedure", procedure)
            conn.execute("INSERT OR REPLACE INTO procedures VALUES (?, ?, ?)",
                         (procedure["MATTHC"], procedure["PHIENBAN"], json.dumps(procedure, ensure_ascii=False)))
        return procedure

    def procedures(self, code: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            if code is None:
                rows = self._conn.execute("SELECT body FROM procedures ORDER BY code").fetchall()
            else:
                rows = self._conn.execute("SELECT body FROM procedures WHERE code = ?", (code,)).fetchall()
        return [json.loads(row["body"]) for row in rows]

    # Audit anchors ------------------------------------------------------------------------------

    def store_anchor(self, anchor: dict[str, Any]) -> list[dict[str, str]]:
        """Keep a counter's chain head; the same record sent twice is kept once, a changed hash is refused."""
        with self._tx() as conn:
            held = conn.execute("SELECT hash FROM anchors WHERE installation = ? AND record = ?",
                                (anchor["MaCaiDat"], anchor["SoBanGhi"])).fetchone()
            if held is not None and held["hash"] != anchor["MaBam"]:
                return [{"error_code": contract.CONFLICT,
                         "message": f"Bản ghi nhật ký số {anchor['SoBanGhi']} đã được gửi với mã khác."}]
            conn.execute("INSERT OR IGNORE INTO anchors VALUES (?, ?, ?, ?)",
                         (anchor["MaCaiDat"], anchor["SoBanGhi"], anchor["MaBam"], anchor["ThoiDiem"]))
        return [{"error_code": contract.OK, "message": "Đã lưu dấu kiểm nhật ký."}]

    def admin_anchors(self) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._conn.execute("SELECT * FROM anchors ORDER BY installation, record").fetchall()
        return [{"MaCaiDat": r["installation"], "SoBanGhi": r["record"], "MaBam": r["hash"], "ThoiDiem": r["at"]}
                for r in rows]

    # Trainers' view ---------------------------------------------------------------------------

    def admin_dossiers(self) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._conn.execute("SELECT code, status, record FROM dossiers ORDER BY code").fetchall()
            calls: dict[str, list[dict[str, Any]]] = {}
            for call in self._conn.execute("SELECT * FROM calls ORDER BY id"):
                calls.setdefault(call["code"], []).append({
                    "service": call["service"], "at": call["at"], "isUpdating": call["is_updating"],
                    "TrangThai": call["status"], "outcome": call["outcome"],
                })
            progress: dict[str, list[dict[str, Any]]] = {}
            for item in self._conn.execute("SELECT code, record, source FROM progress ORDER BY at, id"):
                progress.setdefault(item["code"], []).append({**json.loads(item["record"]), "source": item["source"]})
        return [
            {"MaHoSo": row["code"], "TrangThaiHoSo": row["status"], "record": json.loads(row["record"]),
             "progress": progress.get(row["code"], []), "calls": calls.get(row["code"], [])}
            for row in rows
        ]

"""The simulator's own SQLite: dossiers (one row per MaHoSo), progress, sessions, calls, catalogue.

Every method runs under one lock on one connection: the simulator is for tests and training, so
simple and obviously correct beats concurrent. The UNIQUE keys are what make "never stored
twice" true even when a client repeats a call whose answer it never received.
"""
from __future__ import annotations

import hashlib
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
from ..mapping import referenced_files

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
CREATE TABLE IF NOT EXISTS files (
    sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, media_type TEXT NOT NULL, held INTEGER NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0, appended INTEGER NOT NULL DEFAULT 0, restarts INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS file_chunks (
    sha256 TEXT NOT NULL REFERENCES files(sha256), offset INTEGER NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY (sha256, offset)
);
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
        missing = [sha for sha in referenced_files(record)
                   if conn.execute("SELECT 1 FROM files WHERE sha256 = ? AND complete = 1", (sha,)).fetchone() is None]
        if missing:
            return contract.FILE_NOT_HELD, f"Cổng chưa nhận trọn {len(missing)} tệp đính kèm mà hồ sơ {code} dẫn tới."
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

    # Attached files -----------------------------------------------------------------------------

    def open_file(self, sha256: str, size: int, media_type: str) -> tuple[str, str, dict[str, Any]]:
        """Start or resume the upload of a file: (code, message, what is held). A file is held once, by its hash."""
        with self._tx() as conn:
            row = conn.execute("SELECT size FROM files WHERE sha256 = ?", (sha256,)).fetchone()
            if row is None:
                conn.execute("INSERT INTO files (sha256, size, media_type) VALUES (?, ?, ?)", (sha256, size, media_type))
            elif row["size"] != size:
                return contract.INVALID, "Kích thước tệp khác với lần gửi trước của cùng mã băm.", self._file_state(conn, sha256)
            return contract.OK, "Sẵn sàng nhận tệp.", self._file_state(conn, sha256)

    def put_chunk(self, sha256: str, offset: int, data: bytes) -> tuple[str, str, dict[str, Any]]:
        """Append one chunk at the end of what is held; a chunk already held is a harmless repeat.

        The last chunk completes the file only when the whole hashes to its name; otherwise
        everything held is dropped (``08``) and the client starts again from 0.
        """
        with self._tx() as conn:
            row = conn.execute("SELECT size, held, complete FROM files WHERE sha256 = ?", (sha256,)).fetchone()
            if row is None:
                return contract.INVALID, "Chưa mở phiên gửi tệp này.", {}
            state = self._file_state(conn, sha256)
            if row["complete"] or offset + len(data) <= row["held"]:
                return contract.OK, "Đã có phần này.", state
            if offset != row["held"]:
                return contract.WRONG_OFFSET, f"Cổng đang giữ {row['held']} byte đầu của tệp.", state
            if not data or len(data) > contract.MAX_CHUNK_BYTES or offset + len(data) > row["size"]:
                return contract.INVALID, "Phần tệp rỗng, quá lớn hoặc vượt kích thước đã khai.", state
            conn.execute("INSERT INTO file_chunks VALUES (?, ?, ?)", (sha256, offset, data))
            held = offset + len(data)
            conn.execute("UPDATE files SET held = ?, appended = appended + ? WHERE sha256 = ?", (held, len(data), sha256))
            if held == row["size"]:
                if hashlib.sha256(self._content(conn, sha256)).hexdigest() != sha256:
                    conn.execute("DELETE FROM file_chunks WHERE sha256 = ?", (sha256,))
                    conn.execute("UPDATE files SET held = 0, restarts = restarts + 1 WHERE sha256 = ?", (sha256,))
                    return contract.HASH_MISMATCH, "Tệp nhận được không khớp mã băm; hãy gửi lại từ đầu.", \
                        self._file_state(conn, sha256)
                conn.execute("UPDATE files SET complete = 1 WHERE sha256 = ?", (sha256,))
            return contract.OK, "Đã nhận.", self._file_state(conn, sha256)

    @staticmethod
    def _content(conn: sqlite3.Connection, sha256: str) -> bytes:
        return b"".join(r["data"] for r in conn.execute(
            "SELECT data FROM file_chunks WHERE sha256 = ? ORDER BY offset", (sha256,)))

    @staticmethod
    def _file_state(conn: sqlite3.Connection, sha256: str) -> dict[str, Any]:
        row = conn.execute("SELECT size, held, complete FROM files WHERE sha256 = ?", (sha256,)).fetchone()
        return {"MaBam": sha256, "KichThuoc": row["size"], "DaNhan": row["held"], "HoanTat": bool(row["complete"])}

    def file_content(self, sha256: str) -> bytes | None:
        """The bytes of a whole file (what ``DuongDanTaiTepTin`` serves); None while it is incomplete or unknown."""
        with self._lock:
            row = self._conn.execute("SELECT complete FROM files WHERE sha256 = ?", (sha256,)).fetchone()
            return self._content(self._conn, sha256) if row is not None and row["complete"] else None

    def admin_files(self) -> list[dict[str, Any]]:
        """Each file held, with the hash of what is actually stored and how many bytes were ever appended."""
        with self._lock:
            rows = self._conn.execute("SELECT * FROM files ORDER BY sha256").fetchall()
            return [{"MaBam": r["sha256"], "KichThuoc": r["size"], "DaNhan": r["held"], "HoanTat": bool(r["complete"]),
                     "BamNoiDung": hashlib.sha256(self._content(self._conn, r["sha256"])).hexdigest(),
                     "SoByteDaGhi": r["appended"], "SoLanLamLai": r["restarts"]} for r in rows]

    def lose_file(self, sha256: str) -> bool:
        """Trainers: forget a file, as a portal that lost it would (records naming it are then refused, ``09``)."""
        with self._tx() as conn:
            conn.execute("DELETE FROM file_chunks WHERE sha256 = ?", (sha256,))
            return conn.execute("DELETE FROM files WHERE sha256 = ?", (sha256,)).rowcount > 0

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

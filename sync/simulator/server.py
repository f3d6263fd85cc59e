"""The simulator's HTTP side: the contract's three endpoints, faults, and the trainers' endpoints.

Two manners keep keep-alive connections and secrets safe: a request's whole body is read before
anything is decided (a fault answered early would leave the body to be read as the next
request), and no answer ever quotes what was sent (http.server's own error page quotes the
request line, which on such a connection was the login JSON with its password).
"""
from __future__ import annotations

import json
import logging
import random
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from .. import contract
from .storage import PortalStore

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 64 * 1024 * 1024
GENERIC_ERROR = "Yêu cầu không hợp lệ."


@dataclass
class Options:
    accounts: dict[str, str]
    dstcode: str = ""
    fail_rate: float = 0.0
    drop_rate: float = 0.0
    latency_ms: int = 0
    session_ttl: float = 3600.0
    process_after: float | None = None
    retry_after: int = 1
    seed: int | None = None


class Fault(Exception):
    """An injected transport fault: answer with this HTTP status instead of the contract."""

    def __init__(self, status: int, headers: dict[str, str] | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.headers = headers or {}


class Portal:
    """What the portal does with a parsed request; no HTTP here, so it reads like the contract."""

    def __init__(self, store: PortalStore, options: Options) -> None:
        self.store = store
        self.options = options

    def login(self, body: dict[str, Any]) -> dict[str, Any]:
        contract.validate("login_request", body)
        if self.options.accounts.get(body["username"]) != body["password"]:
            return {"error_code": contract.BAD_CREDENTIALS, "message": "Sai tên đăng nhập hoặc mật khẩu."}
        return {"error_code": 0, "session": self.store.open_session(body["username"], self.options.session_ttl)}

    def call(self, endpoint: str, body: dict[str, Any]) -> dict[str, Any]:
        contract.validate("call", body)
        service = body["service"]
        if contract.ENDPOINT_OF_SERVICE[service] != endpoint:
            raise contract.ContractError(contract.INVALID, f"Dịch vụ {service} không thuộc điểm cuối {endpoint}.")
        if not self.store.session_valid(body["session"]):
            return {"error_code": contract.SESSION_EXPIRED, "message": "Phiên làm việc đã hết hạn."}
        if service == contract.PUSH_DOSSIERS:
            contract.validate("push_dossiers", body)
            result = self.store.store_dossiers(body["data"], updating=body["isUpdating"] == "True")
        elif service == contract.PUSH_PROGRESS:
            contract.validate("push_progress", body)
            result = self.store.store_progress(body["data"])
        elif service == contract.LOOKUP:
            contract.validate("lookup", body)
            result = self.store.lookup(body.get("DanhSachMaHoSo") or [body["MaHoSo"]])
        elif service == contract.LIST_PROCEDURES:
            result = self.store.procedures()
        elif service == contract.PUSH_ANCHOR:
            contract.validate("push_anchor", body)
            result = self.store.store_anchor(body["data"])
        else:
            result = self.store.procedures(str(body.get("MaTTHC", "")))
        return {"error_code": contract.OK, "message": "Thành công", "result": result}

    def file_call(self, session: str, sha256: str, offset: int | None, raw: bytes) -> dict[str, Any]:
        """``PUT files/{sha256}`` (open or resume: ``offset`` None) or ``PUT files/{sha256}/chunks/{offset}``."""
        if not self.store.session_valid(session):
            return {"error_code": contract.SESSION_EXPIRED, "message": "Phiên làm việc đã hết hạn."}
        if offset is None:
            body = _json_object(raw)
            contract.validate("file_open", body)
            code, message, state = self.store.open_file(sha256, body["KichThuoc"], body["LoaiTep"])
        else:
            code, message, state = self.store.put_chunk(sha256, offset, raw)
        return {"error_code": code, "message": message, "result": [state] if state else []}


class Handler(BaseHTTPRequestHandler):
    server: SimulatorServer
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle's algorithm and delayed ACKs each
    # answer would wait ~40 ms on keep-alive connections.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    # Trainers' endpoints ----------------------------------------------------------------------

    def do_GET(self) -> None:
        if self.path == "/__admin/dossiers":
            self._send(200, self.server.portal.store.admin_dossiers())
        elif self.path == "/__admin/anchors":
            self._send(200, self.server.portal.store.admin_anchors())
        elif self.path == "/__admin/files":
            self._send(200, self.server.portal.store.admin_files())
        elif self.path == "/__admin/health":
            self._send(200, {"ok": True})
        elif (target := _file_target(self.path)) and target[1] is None:
            self._send_file(target[0])
        else:
            self._send(404, {"error_code": contract.INVALID, "message": "Không có địa chỉ này."})

    def do_DELETE(self) -> None:
        raw = self._raw_body()
        if raw is None:
            return
        prefix = "/__admin/files/"
        if self.path.startswith(prefix) and self.server.portal.store.lose_file(self.path[len(prefix):]):
            self._send(200, {"ok": True})
        else:
            self._send(404, {"error_code": contract.INVALID, "message": "Không có tệp này."})

    def do_PUT(self) -> None:
        raw = self._raw_body()
        if raw is None:
            return
        if target := _file_target(self.path):
            self._answer_file_call(target[0], target[1], raw)
            return
        prefix = "/__admin/procedures/"
        if not self.path.startswith(prefix):
            self._send(404, {"error_code": contract.INVALID, "message": "Không có địa chỉ này."})
            return
        try:
            body = _json_object(raw)
            body["MATTHC"] = self.path[len(prefix):]
            self._send(200, self.server.portal.store.put_procedure(body))
        except (ValueError, contract.ContractError) as exc:
            self._send(400, {"error_code": contract.INVALID, "message": str(exc)})

    # The contract ---------------------------------------------------------------------------

    def _answer(self, work: Callable[[], dict[str, Any] | None], schema: str = "answer") -> None:
        """Maybe a fault, else the work and its answer (maybe dropped after the work is done).

        Called once the whole body is read, so a fault never leaves part of it on the connection.
        ``work`` returns None when it answered on its own (an unknown address).
        """
        try:
            self.server.before_work()
            if self.server.options.dstcode and self.headers.get("dstcode") != self.server.options.dstcode:
                raise contract.ContractError(contract.INVALID, "Thiếu hoặc sai mã đích (dstcode).")
            answer = work()
        except Fault as fault:
            self._send(fault.status, {"error_code": contract.INTERNAL, "message": "Lỗi máy chủ."}, fault.headers)
            return
        except ValueError:
            answer = {"error_code": contract.INVALID, "message": "Nội dung yêu cầu không phải JSON hợp lệ."}
        except contract.ContractError as exc:
            answer = {"error_code": exc.code, "message": exc.message}
        if answer is None:
            return
        contract.validate(schema, answer)
        if self.server.should_drop():
            self._send_and_drop(answer)
        else:
            self._send(200, answer)

    def _answer_file_call(self, sha256: str, offset: int | None, raw: bytes) -> None:
        session = self.headers.get(contract.SESSION_HEADER, "")
        self._answer(lambda: self.server.portal.file_call(session, sha256, offset, raw))

    def _send_file(self, sha256: str) -> None:
        """What ``DuongDanTaiTepTin`` points at: the whole file, to a caller with a session."""
        content = None
        if self.server.portal.store.session_valid(self.headers.get(contract.SESSION_HEADER, "")):
            content = self.server.portal.store.file_content(sha256)
        if content is None:
            self._send(404, {"error_code": contract.INVALID, "message": "Không có tệp này."})
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def do_POST(self) -> None:
        raw = self._raw_body()
        if raw is None:
            return
        endpoint = self.path.strip("/").rsplit("/", 1)[-1]
        self._answer(lambda: self._contract_call(endpoint, raw),
                     "login_answer" if endpoint == contract.AUTH else "answer")

    def _contract_call(self, endpoint: str, raw: bytes) -> dict[str, Any] | None:
        body = _json_object(raw)
        if endpoint == contract.AUTH:
            return self.server.portal.login(body)
        if endpoint in (contract.INTEGRATION, contract.SHARE):
            return self.server.portal.call(endpoint, body)
        self._send(404, {"error_code": contract.INVALID, "message": "Không có điểm cuối này."})
        return None

    # Plumbing -------------------------------------------------------------------------------

    def _raw_body(self) -> bytes | None:
        """The whole body, before any fault or verdict; None when it cannot be read (answered, then closed)."""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower() or not 0 <= length <= MAX_BODY_BYTES:
            self.send_error(413 if length > MAX_BODY_BYTES else 400)
            return None
        return self.rfile.read(length)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's error page quotes the request line; ours says nothing of what was sent, and closes."""
        self.close_connection = True
        self._send(code, {"error_code": contract.INVALID, "message": GENERIC_ERROR}, {"Connection": "close"})

    def _encode(self, status: int, payload: object, headers: dict[str, str] | None) -> bytes:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        return data

    def _send(self, status: int, payload: object, headers: dict[str, str] | None = None) -> None:
        self.wfile.write(self._encode(status, payload, headers))

    def _send_and_drop(self, payload: object) -> None:
        """The work is done, but the answer never arrives whole: the case that tests exactly-once."""
        data = self._encode(200, payload, None)
        self.wfile.write(data[: len(data) // 2])
        self.wfile.flush()
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


FILE_PATH = re.compile(r"/(?:[^?]*/)?files/([0-9a-f]{64})(?:/chunks/([0-9]{1,10}))?")


def _file_target(path: str) -> tuple[str, int | None] | None:
    """(sha256, chunk offset or None) of a file call's path under the adapter URL; None for any other path."""
    found = FILE_PATH.fullmatch(path)
    if found is None:
        return None
    return found[1], None if found[2] is None else int(found[2])


def _json_object(raw: bytes) -> dict[str, Any]:
    body = json.loads(raw or b"{}")
    if not isinstance(body, dict):
        raise ValueError("body is not an object")
    return body


class SimulatorServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], portal: Portal) -> None:
        super().__init__(address, Handler)
        self.portal = portal
        self.options = portal.options
        self._random = random.Random(self.options.seed)
        self._random_lock = threading.Lock()

    def _roll(self) -> float:
        with self._random_lock:
            return self._random.random()

    def before_work(self) -> None:
        """Latency, then maybe a 500 (or a 503 with Retry-After) before anything is done."""
        if self.options.latency_ms:
            time.sleep(self.options.latency_ms / 1000)
        roll = self._roll()
        if roll < self.options.fail_rate:
            if roll < self.options.fail_rate / 4:
                raise Fault(503, {"Retry-After": str(self.options.retry_after)})
            raise Fault(500)

    def should_drop(self) -> bool:
        return self._roll() < self.options.drop_rate

    def run_processing(self, stop: threading.Event) -> None:
        """Advance dossiers in processing every half second, as the agencies would over days."""
        after = self.options.process_after
        if after is None:
            return
        while not stop.wait(min(0.5, max(after / 4, 0.05))):
            self.portal.store.advance_processing(after)

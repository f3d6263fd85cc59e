"""The HTTP client of the portal contract: one session, timeouts, re-login when a session expires.

Every answer is checked against the contract before it is believed; anything garbled counts as
the portal being unavailable (so the engine retries), never as a confirmation.

Transport safety (``contract.md``): a POST is never redirected (a 3xx would re-post the password
or the records to whoever the answer names, and that host's "00" would delete outbox rows);
an answer is read in pieces up to MAX_REPLY_BYTES and within the config's ``total_timeout``;
a ``Retry-After`` counts only when it is sane, and never for more than MAX_RETRY_AFTER_S.
"""
from __future__ import annotations

import contextlib
import email.utils
import http.client
import json
import logging
import re
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import requests
import urllib3

from . import contract
from .config import PortalConfig
from .errors import AuthFailed, PortalMisconfigured, PortalRejected, PortalUnavailable

log = logging.getLogger(__name__)
PING_TIMEOUT_S = 2.0
MAX_REPLY_BYTES = 16 * 1024 * 1024  # a thousand procedures with their papers are ~2 MiB
READ_CHUNK_BYTES = 64 * 1024
MAX_RETRY_AFTER_S = 3600.0
DELTA_SECONDS = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class RecordResult:
    code: str
    ok: bool
    error_code: str
    message: str


@dataclass(frozen=True)
class FileState:
    """What the portal holds of one file: ``held`` bytes from the start, ``complete`` once its hash was checked."""

    sha256: str
    size: int
    held: int
    complete: bool


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """A ``Retry-After`` in seconds: delta-seconds or an HTTP date, at most an hour; None when not sane.

    Negative numbers, ``inf``, dates in the past and garbage are ignored (our own backoff decides);
    a year-long wait from a confused proxy would otherwise park every record for a year.
    """
    text = (value or "").strip()
    if DELTA_SECONDS.fullmatch(text):
        return MAX_RETRY_AFTER_S if len(text) > 9 else min(float(text), MAX_RETRY_AFTER_S)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000": UTC by the RFC
        when = when.replace(tzinfo=UTC)
    seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return min(seconds, MAX_RETRY_AFTER_S) if seconds >= 0 else None


def _read_bounded(response: requests.Response, deadline: float, total_timeout: float) -> bytes:
    """The whole answer, read a piece at a time; too big or too slow is the portal being unavailable."""
    pieces: list[bytes] = []
    size = 0
    with response:
        while True:
            if time.monotonic() > deadline:
                raise PortalUnavailable(f"Cổng DVC trả lời quá chậm (quá {total_timeout:g} giây cho một yêu cầu).")
            try:
                # read1: whatever has arrived (≤ one chunk, decoded), so the deadline is checked between drips.
                piece = response.raw.read1(READ_CHUNK_BYTES, decode_content=True)
            except (urllib3.exceptions.HTTPError, http.client.HTTPException, OSError) as exc:
                raise PortalUnavailable(f"Cổng DVC ngắt câu trả lời giữa chừng ({type(exc).__name__}).") from exc
            if not piece:
                return b"".join(pieces)
            size += len(piece)
            if size > MAX_REPLY_BYTES:
                raise PortalUnavailable(
                    f"Cổng DVC trả lời quá lớn (hơn {MAX_REPLY_BYTES // (1024 * 1024)} MiB): đã dừng đọc.")
            pieces.append(piece)


def _file_state(answer: dict[str, Any], sha256: str) -> FileState:
    """The one state an answer about a file carries; anything else is a garbled answer (retry later)."""
    try:
        (item,) = answer.get("result", [])
        contract.validate("file_state", item)
    except (ValueError, contract.ContractError) as exc:
        raise PortalUnavailable("Cổng DVC trả lời về tệp không đúng định dạng.") from exc
    if item["MaBam"] != sha256 or item["DaNhan"] > item["KichThuoc"]:
        raise PortalUnavailable("Cổng DVC trả lời về một tệp khác với tệp đã gửi.")
    return FileState(item["MaBam"], item["KichThuoc"], item["DaNhan"], item["HoanTat"])


class PortalClient:
    def __init__(self, config: PortalConfig, password: str, *, session: requests.Session | None = None) -> None:
        self.config = config
        self._password = password
        self._http = session or requests.Session()
        self._http.headers.update({**contract.HEADERS, "dstcode": config.dstcode})
        self._token: str | None = None

    def close(self) -> None:
        self._http.close()

    def _send(self, path: str, body: dict[str, Any] | bytes, timeout: tuple[float, float], *, method: str = "POST",
              headers: dict[str, str] | None = None) -> requests.Response:
        """A request to the configured address only (JSON, or a file's bytes): its headers are in, its body not read yet."""
        content = {"data": body} if isinstance(body, bytes) else {"json": body}
        try:
            # verify per request: a session's verify=False loses to REQUESTS_CA_BUNDLE in the environment.
            response = self._http.request(method, f"{self.config.url.rstrip('/')}/{path}", **content, headers=headers,
                                          timeout=timeout, verify=self.config.verify_tls, allow_redirects=False,
                                          stream=True)
        except requests.RequestException as exc:
            raise PortalUnavailable(f"Không kết nối được Cổng DVC ({type(exc).__name__}).") from exc
        if 300 <= response.status_code < 400:
            response.close()
            raise PortalMisconfigured(f"Cổng DVC trả lời bằng một lệnh chuyển hướng sang địa chỉ khác "
                                      f"(HTTP {response.status_code}); hãy kiểm tra địa chỉ Cổng DVC đã cấu hình.")
        return response

    def _post(self, endpoint: str, body: dict[str, Any] | bytes, *, method: str = "POST",
              headers: dict[str, str] | None = None) -> tuple[dict[str, Any], float | None]:
        """The checked answer and the portal's Retry-After (seconds, when it gave a sane one)."""
        deadline = time.monotonic() + self.config.total_timeout
        response = self._send(endpoint, body, (self.config.connect_timeout, self.config.read_timeout), method=method,
                              headers=headers)
        status, retry_after = response.status_code, retry_after_seconds(response.headers.get("Retry-After"))
        if status >= 500 or status == 429:
            with contextlib.suppress(PortalUnavailable):  # read to its end (bounded) so the connection is kept
                _read_bounded(response, deadline, self.config.total_timeout)
            raise PortalUnavailable(f"Cổng DVC đang bận hoặc lỗi (HTTP {status}).", retry_after)
        data = _read_bounded(response, deadline, self.config.total_timeout)
        try:
            answer = json.loads(data)
            contract.validate("login_answer" if endpoint == contract.AUTH else "answer", answer)
        except (ValueError, RecursionError, contract.ContractError) as exc:
            raise PortalUnavailable(f"Cổng DVC trả lời không đúng định dạng (HTTP {status}).") from exc
        return answer, retry_after

    def login(self) -> None:
        answer, _ = self._post(contract.AUTH, {"username": self.config.username, "password": self._password})
        if not contract.is_success(answer["error_code"]) or not answer.get("session"):
            raise AuthFailed("Cổng DVC từ chối đăng nhập: sai tên đăng nhập hoặc mật khẩu.")
        self._token = answer["session"]

    def _with_session(self, send: Callable[[str], tuple[dict[str, Any], float | None]],
                      accepted: Collection[str] = ()) -> tuple[str, dict[str, Any]]:
        """``send(session token)`` logged in, once more after logging in again when the session expired.

        Returns the answer's code ("00" for success) and the answer; any other code than success
        and ``accepted`` is the portal's refusal.
        """
        for attempt in (1, 2):
            if self._token is None:
                self.login()
            answer, retry_after = send(self._token)
            code = contract.OK if contract.is_success(answer["error_code"]) else str(answer["error_code"])
            if code == contract.SESSION_EXPIRED and attempt == 1:
                log.info("portal session expired; logging in again")
                self._token = None
                continue
            if code != contract.OK and code not in accepted:
                raise PortalRejected(code, str(answer.get("message", "")), retry_after)
            return code, answer
        raise PortalUnavailable("Cổng DVC không giữ được phiên làm việc.")

    def _call(self, service: str, **fields: Any) -> list[Any]:
        """One service call; logs in first, and once more when the portal says the session expired."""
        endpoint = contract.ENDPOINT_OF_SERVICE[service]
        _code, answer = self._with_session(lambda token: self._post(endpoint, {
            "session": token, "madonvi": self.config.agency_code, "service": service, **fields}))
        return list(answer.get("result", []))

    def _record_results(self, sent: list[dict[str, Any]], result: list[Any]) -> list[RecordResult]:
        if len(result) != len(sent):
            raise PortalUnavailable("Cổng DVC trả lời thiếu kết quả của một số hồ sơ.")
        results = []
        for record, item in zip(sent, result, strict=True):
            try:
                contract.validate("record_result", item)
            except contract.ContractError as exc:
                raise PortalUnavailable("Cổng DVC trả lời không đúng định dạng.") from exc
            if item["MaHoSo"] != record["MaHoSo"]:
                raise PortalUnavailable("Cổng DVC trả lời kết quả không khớp hồ sơ đã gửi.")
            results.append(RecordResult(item["MaHoSo"], contract.is_success(item["error_code"]),
                                        item["error_code"], item.get("message", "")))
        return results

    def push_dossiers(self, records: list[dict[str, Any]], *, updating: bool) -> list[RecordResult]:
        result = self._call(contract.PUSH_DOSSIERS, isUpdating="True" if updating else "False", data=records)
        return self._record_results(records, result)

    def push_progress(self, records: list[dict[str, Any]]) -> list[RecordResult]:
        return self._record_results(records, self._call(contract.PUSH_PROGRESS, data=records))

    def lookup(self, codes: list[str]) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for start in range(0, len(codes), contract.LOOKUP_BATCH):
            found += self._call(contract.LOOKUP, DanhSachMaHoSo=codes[start:start + contract.LOOKUP_BATCH])
        return found

    def list_procedures(self) -> list[dict[str, Any]]:
        return self._call(contract.LIST_PROCEDURES)

    def push_anchor(self, anchor: dict[str, Any]) -> None:
        """Leave the audit chain's head with the portal (ours: ``GuiDauKiemNhatKy``)."""
        self._call(contract.PUSH_ANCHOR, data=anchor)

    def open_file(self, sha256: str, size: int, media_type: str) -> tuple[str, FileState]:
        """Open or resume a file's upload (ours): the portal says how much of it it holds already."""
        return self._file_call(contract.file_path(sha256), sha256, {"KichThuoc": size, "LoaiTep": media_type})

    def put_chunk(self, sha256: str, offset: int, data: bytes) -> tuple[str, FileState]:
        """Send ``data`` at ``offset``; the answer is what the portal holds after it (complete once hash-checked).

        Returns the answer's code with the state: "00", or "07" (not at the end of what is held:
        the state says where that is) or "08" (the whole did not hash to its name: held is 0 again).
        """
        return self._file_call(contract.chunk_path(sha256, offset), sha256, data)

    def _file_call(self, path: str, sha256: str, body: dict[str, Any] | bytes) -> tuple[str, FileState]:
        """One PUT about a file, with the session in a header; logs in again once when the session expired."""
        code, answer = self._with_session(
            lambda token: self._post(path, body, method="PUT", headers={contract.SESSION_HEADER: token}),
            accepted=(contract.WRONG_OFFSET, contract.HASH_MISMATCH))
        return code, _file_state(answer, sha256)

    def ping(self) -> bool:
        """Cheap reachability check: does the auth endpoint answer at all within two seconds?

        A redirect counts as an answer: the sync run that follows then says what is wrong.
        """
        try:
            response = self._send(contract.AUTH, {}, (PING_TIMEOUT_S, PING_TIMEOUT_S))
        except PortalMisconfigured:
            return True
        except PortalUnavailable:
            return False
        response.close()  # its body is not needed, and is not read
        return response.status_code < 500

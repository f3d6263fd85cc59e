"""The HTTP client of the portal contract: one session, timeouts, re-login when a session expires.

Every answer is checked against the contract before it is believed; anything garbled counts as
the portal being unavailable (so the engine retries), never as a confirmation.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import requests

from . import contract
from .config import PortalConfig
from .errors import AuthFailed, PortalRejected, PortalUnavailable

log = logging.getLogger(__name__)
PING_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class RecordResult:
    code: str
    ok: bool
    error_code: str
    message: str


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP-date: our own backoff decides


class PortalClient:
    def __init__(self, config: PortalConfig, password: str, *, session: requests.Session | None = None) -> None:
        self.config = config
        self._password = password
        self._http = session or requests.Session()
        self._http.verify = config.verify_tls
        self._http.headers.update({**contract.HEADERS, "dstcode": config.dstcode})
        self._token: str | None = None

    def close(self) -> None:
        self._http.close()

    def _post(self, endpoint: str, body: dict[str, Any], *, timeout: tuple[float, float] | None = None) -> dict[str, Any]:
        url = f"{self.config.url.rstrip('/')}/{endpoint}"
        try:
            response = self._http.post(url, json=body,
                                       timeout=timeout or (self.config.connect_timeout, self.config.read_timeout))
        except requests.RequestException as exc:
            raise PortalUnavailable(f"Không kết nối được Cổng DVC ({type(exc).__name__}).") from exc
        if response.status_code >= 500 or response.status_code == 429:
            raise PortalUnavailable(f"Cổng DVC đang bận hoặc lỗi (HTTP {response.status_code}).",
                                    _retry_after(response))
        try:
            answer = response.json()
            contract.validate("login_answer" if endpoint == contract.AUTH else "answer", answer)
        except (ValueError, contract.ContractError) as exc:
            raise PortalUnavailable(f"Cổng DVC trả lời không đúng định dạng (HTTP {response.status_code}).") from exc
        return answer

    def login(self) -> None:
        answer = self._post(contract.AUTH, {"username": self.config.username, "password": self._password})
        if not contract.is_success(answer["error_code"]) or not answer.get("session"):
            raise AuthFailed("Cổng DVC từ chối đăng nhập: sai tên đăng nhập hoặc mật khẩu.")
        self._token = answer["session"]

    def _call(self, service: str, **fields: Any) -> list[Any]:
        """One service call; logs in first, and once more when the portal says the session expired."""
        for attempt in (1, 2):
            if self._token is None:
                self.login()
            body = {"session": self._token, "madonvi": self.config.agency_code, "service": service, **fields}
            answer = self._post(contract.ENDPOINT_OF_SERVICE[service], body)
            code = str(answer["error_code"])
            if code == contract.SESSION_EXPIRED and attempt == 1:
                log.info("portal session expired; logging in again")
                self._token = None
                continue
            if not contract.is_success(code):
                raise PortalRejected(code, str(answer.get("message", "")))
            return list(answer.get("result", []))
        raise PortalUnavailable("Cổng DVC không giữ được phiên làm việc.")

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

    def ping(self) -> bool:
        """Cheap reachability check: does the auth endpoint answer at all within two seconds?"""
        try:
            response = self._http.post(f"{self.config.url.rstrip('/')}/{contract.AUTH}", json={},
                                       timeout=(PING_TIMEOUT_S, PING_TIMEOUT_S))
        except requests.RequestException:
            return False
        return response.status_code < 500

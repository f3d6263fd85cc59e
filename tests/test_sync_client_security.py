"""The portal client against a hostile portal on loopback, and the simulator's own manners.

A portal (or whoever sits at its address) may redirect, answer forever, drip, or say
``Retry-After: inf``; none of that may leak the password or the records to another address,
delete an outbox row, hang a sync run or raise anything but the client's own SyncError.
"""
from __future__ import annotations

import contextlib
import gzip
import json
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from factories import PASSWORD as ADMIN_PASSWORD
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_helpers import PORTAL_ACCOUNT, configure_portal, receive_many
from test_core_cli import run

from counter_app import clock
from sync import contract
from sync.client import MAX_REPLY_BYTES, MAX_RETRY_AFTER_S, PortalClient, retry_after_seconds
from sync.config import PortalConfig, load_config
from sync.engine import run_sync
from sync.errors import PortalMisconfigured, PortalRejected, PortalUnavailable, SyncError
from sync.outbox import pending_count
from sync.simulator.process import running_simulator

PASSWORD = PORTAL_ACCOUNT[1]


# A hostile portal ---------------------------------------------------------------------------

@dataclass
class Exchange:
    """What one request to a fake portal carried."""

    path: str
    body: bytes


@dataclass
class FakePortal:
    """A loopback HTTP server whose answers a test scripts; it keeps every request it read."""

    answer: Callable[[BaseHTTPRequestHandler, Exchange], None]
    received: list[Exchange] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    @property
    def port(self) -> int:
        assert self.server is not None
        return self.server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@contextmanager
def fake_portal(answer: Callable[[BaseHTTPRequestHandler, Exchange], None], *,
                tls: tuple[Path, Path] | None = None) -> Iterator[FakePortal]:
    portal = FakePortal(answer)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_args: object) -> None:
            pass

        def do_POST(self) -> None:
            exchange = Exchange(self.path, self.rfile.read(int(self.headers.get("Content-Length") or 0)))
            portal.received.append(exchange)
            try:
                portal.answer(self, exchange)
            except OSError:  # the client hung up on an endless answer: as intended
                self.close_connection = True

        do_GET = do_PUT = do_POST  # a redirected client may come back with any method

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if tls is not None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*tls)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    portal.server = server
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield portal
    finally:
        server.shutdown()
        server.server_close()


def send_json(handler: BaseHTTPRequestHandler, payload: object, *, status: int = 200,
              headers: dict[str, str] | None = None) -> None:
    data = json.dumps(payload).encode()
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(data)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(data)


def accommodating(handler: BaseHTTPRequestHandler, exchange: Exchange) -> None:
    """Says yes to everything: the answer a thief would give to have rows deleted."""
    body = json.loads(exchange.body or b"{}")
    if exchange.path.endswith("/auth"):
        send_json(handler, {"error_code": 0, "session": "stolen"})
    elif body.get("service") in (contract.PUSH_DOSSIERS, contract.PUSH_PROGRESS):
        send_json(handler, {"error_code": "00", "result": [
            {"MaHoSo": record["MaHoSo"], "error_code": "00", "message": ""} for record in body["data"]]})
    else:
        send_json(handler, {"error_code": "00", "result": []})


def redirecting(status: int, target: str, *, also_login: bool) -> Callable[[BaseHTTPRequestHandler, Exchange], None]:
    def answer(handler: BaseHTTPRequestHandler, exchange: Exchange) -> None:
        if exchange.path.endswith("/auth") and not also_login:
            send_json(handler, {"error_code": 0, "session": "s"})
            return
        handler.send_response(status)
        handler.send_header("Location", f"{target}{exchange.path}")
        handler.send_header("Content-Length", "0")
        handler.end_headers()
    return answer


def client_for(url: str, **options: object) -> PortalClient:
    config = PortalConfig(url=url, username=PORTAL_ACCOUNT[0], agency_code="H15.50.05.13",
                          insecure_http=url.startswith("http://"), **options)
    return PortalClient(config, PASSWORD)


# Redirects ----------------------------------------------------------------------------------

@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("also_login", [True, False], ids=["login-redirected", "calls-redirected"])
def test_a_redirect_is_not_followed_and_neither_password_nor_records_reach_the_other_address(
        store, staff_actor, status, also_login):
    receive_many(store, staff_actor, 3)
    before = pending_count(store)
    with fake_portal(accommodating) as thief, fake_portal(redirecting(status, thief.url, also_login=also_login)) as portal:
        configure_portal(store, portal.url)
        report = run_sync(store)
    assert thief.received == []
    assert "chuyển hướng" in report.error and "địa chỉ" in report.error
    assert pending_count(store) == before  # no row deleted on anyone's answer
    assert len(portal.received) == (1 if also_login else 2)  # the login (and one call) once each: no re-post


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return cert, key


def test_an_https_portal_redirecting_to_plain_http_is_refused(self_signed, monkeypatch):
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(self_signed[0]))  # the test certificate, verified
    with fake_portal(accommodating) as clear_text, \
            fake_portal(redirecting(307, clear_text.url, also_login=True), tls=self_signed) as portal:
        client = client_for(f"https://127.0.0.1:{portal.port}")
        with pytest.raises(PortalMisconfigured, match="chuyển hướng"):
            client.login()
        client.close()
    assert len(portal.received) == 1 and clear_text.received == []


# Plain http ---------------------------------------------------------------------------------

def _portal_set(capsys, store, url: str, *extra: str) -> tuple[int, str]:
    code, _out, err = run(capsys, "--db", str(store.path), "portal", "set", "--url", url, "--username", "u",
                          "--agency-code", "H15.50.05.13", "--no-password", "--admin", "admin", "--password-stdin",
                          *extra, stdin=f"{ADMIN_PASSWORD}\n")
    return code, err


def test_portal_set_refuses_plain_http_without_the_flag(store, capsys):
    code, err = _portal_set(capsys, store, "http://127.0.0.1:8765")
    assert code == 2 and "https://" in err
    assert load_config(store) is None


@pytest.mark.parametrize("url", ["http://192.168.1.10:8765", "http://adapter.example/dvcqg",
                                 "http://127.0.0.1@adapter.example/", "http://127.0.0.1.adapter.example/"])
def test_plain_http_is_refused_for_other_hosts_even_with_the_flag(store, capsys, url):
    code, err = _portal_set(capsys, store, url, "--insecure-http")
    assert code == 2 and "127.0.0.1" in err
    assert load_config(store) is None


@pytest.mark.parametrize("url", ["http://127.0.0.1:8765", "http://127.5.6.7", "http://localhost:8765", "http://[::1]:8765"])
def test_plain_http_to_this_computer_is_kept_with_the_flag(store, capsys, url):
    code, err = _portal_set(capsys, store, url, "--insecure-http")
    assert code == 0, err
    assert load_config(store).insecure_http is True


def test_a_stored_plain_http_address_without_the_choice_stops_a_run_with_a_message(store, staff_actor):
    receive_many(store, staff_actor, 1)
    before = pending_count(store)
    with store.write() as conn:  # as an older version stored it
        conn.execute("INSERT INTO settings (key, value) VALUES ('portal_config', ?)",
                     (json.dumps({"url": "http://127.0.0.1:9", "username": "u", "agency_code": "H15.50.05.13"}),))
    report = run_sync(store)
    assert "https://" in report.error and "cấu hình lại" in report.error and pending_count(store) == before


# Bounded answers ----------------------------------------------------------------------------

def start_last_answer(handler: BaseHTTPRequestHandler, header: tuple[str, str]) -> None:
    """A 200's headers; its body follows in the caller's own time, and the connection ends with it."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header(*header)
    handler.end_headers()
    handler.close_connection = True


def endless(handler: BaseHTTPRequestHandler, _exchange: Exchange) -> None:
    """An answer that does not end (well: 4 × the cap, so that an unbounded client fails, not hangs)."""
    start_last_answer(handler, ("Connection", "close"))
    chunk = b" " * (1 << 20)
    for _ in range(4 * MAX_REPLY_BYTES // len(chunk)):
        handler.wfile.write(chunk)


def test_an_endless_answer_stops_at_the_size_cap():
    with fake_portal(endless) as portal:
        client = client_for(portal.url)
        with pytest.raises(PortalUnavailable, match="quá lớn"):
            client.login()
        client.close()


def test_a_compressed_bomb_stops_at_the_size_cap_of_what_it_unpacks_to():
    bomb = gzip.compress(b" " * (4 * MAX_REPLY_BYTES), compresslevel=9)  # ~65 KiB on the wire
    assert len(bomb) < MAX_REPLY_BYTES // 100

    def answer(handler: BaseHTTPRequestHandler, _exchange: Exchange) -> None:
        handler.send_response(200)
        handler.send_header("Content-Encoding", "gzip")
        handler.send_header("Content-Length", str(len(bomb)))
        handler.end_headers()
        handler.wfile.write(bomb)

    with fake_portal(answer) as portal:
        client = client_for(portal.url)
        with pytest.raises(PortalUnavailable, match="quá lớn"):
            client.login()
        client.close()


def dripping(handler: BaseHTTPRequestHandler, _exchange: Exchange) -> None:
    """Headers at once, then one byte every 50 ms for 8 s: each read is quick, the whole is not."""
    start_last_answer(handler, ("Content-Length", "160"))
    for _ in range(160):
        handler.wfile.write(b" ")
        handler.wfile.flush()
        time.sleep(0.05)


def test_a_slow_drip_stops_at_the_deadline():
    with fake_portal(dripping) as portal:
        client = client_for(portal.url, total_timeout=1.0, read_timeout=5.0)
        started = time.monotonic()
        with pytest.raises(PortalUnavailable, match="quá chậm"):
            client.login()
        assert time.monotonic() - started < 3.0
        client.close()


def test_bounded_reading_keeps_the_connection_for_the_next_request_busy_answers_included():
    ports = []

    def every_third_busy(handler: BaseHTTPRequestHandler, _exchange: Exchange) -> None:
        ports.append(handler.client_address[1])
        send_json(handler, {"error_code": 0, "session": "s"}, status=503 if len(ports) % 3 == 0 else 200)

    with fake_portal(every_third_busy) as portal:
        client = client_for(portal.url)
        for _ in range(9):
            with contextlib.suppress(PortalUnavailable):
                client.login()
        client.close()
    assert len(ports) == 9 and len(set(ports)) == 1  # one TCP (and on https, one TLS) connection


# Retry-After --------------------------------------------------------------------------------

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("header", "expected"), [
    ("120", 120.0), ("0", 0.0), ("31536000", MAX_RETRY_AFTER_S), ("9" * 5000, MAX_RETRY_AFTER_S),
    ("inf", None), ("nan", None), ("-5", None), ("abc", None), ("1e3", None), ("", None), (None, None),
    (format_datetime(NOW + timedelta(seconds=90), usegmt=True), 90.0),
    (format_datetime(NOW + timedelta(days=400), usegmt=True), MAX_RETRY_AFTER_S),
    (format_datetime(NOW - timedelta(seconds=30), usegmt=True), None),
])
def test_retry_after_is_read_in_both_forms_and_clamped(header, expected):
    assert retry_after_seconds(header, now=NOW) == expected


def _unavailable_with(retry_after: str) -> Callable[[BaseHTTPRequestHandler, Exchange], None]:
    return lambda handler, _exchange: send_json(handler, {}, status=503, headers={"Retry-After": retry_after})


@pytest.mark.parametrize(("header", "expected"), [("31536000", MAX_RETRY_AFTER_S), ("inf", None), ("-5", None)])
def test_a_busy_portal_s_retry_after_reaches_the_engine_clamped(header, expected):
    with fake_portal(_unavailable_with(header)) as portal:
        client = client_for(portal.url)
        with pytest.raises(PortalUnavailable) as raised:
            client.login()
        client.close()
    assert raised.value.retry_after == expected


def test_a_refusal_carries_the_portal_s_retry_after_too():
    def refuse(handler: BaseHTTPRequestHandler, exchange: Exchange) -> None:
        if exchange.path.endswith("/auth"):
            send_json(handler, {"error_code": 0, "session": "s"})
        else:
            send_json(handler, {"error_code": "99", "message": "bận"}, headers={"Retry-After": "45"})

    with fake_portal(refuse) as portal:
        client = client_for(portal.url)
        with pytest.raises(PortalRejected) as raised:
            client.list_procedures()
        client.close()
    assert raised.value.retry_after == 45.0


def test_a_year_long_retry_after_postpones_rows_an_hour_at_most(store, staff_actor):
    receive_many(store, staff_actor, 2)
    before = pending_count(store)
    with fake_portal(_unavailable_with("31536000")) as portal:
        configure_portal(store, portal.url)
        report = run_sync(store)
    assert "HTTP 503" in report.error and pending_count(store) == before
    with store.read() as conn:
        waits = [(clock.from_db(row[0]) - clock.now()).total_seconds()
                 for row in conn.execute("SELECT next_attempt_at FROM outbox WHERE next_attempt_at IS NOT NULL")]
    assert waits and all(MAX_RETRY_AFTER_S - 60 <= wait <= MAX_RETRY_AFTER_S for wait in waits)


# The simulator ------------------------------------------------------------------------------

def test_the_simulator_reads_the_body_before_a_fault_so_the_connection_stays_usable(tmp_path):
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT, fail_rate=0.5, seed=3) as sim:
        session = requests.Session()
        statuses = []
        answers = []
        for _ in range(20):
            response = session.post(f"{sim.url}/auth", timeout=5,
                                    json={"username": PORTAL_ACCOUNT[0], "password": PASSWORD})
            statuses.append(response.status_code)
            answers.append(response.content)
        session.close()
    assert {500, 200} <= set(statuses) and set(statuses) <= {200, 500, 503}
    assert all(PASSWORD.encode() not in answer for answer in answers)


def _raw_exchange(port: int, request: bytes) -> bytes:
    """Send bytes, read until the simulator closes or goes quiet: every answer it gave."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        conn.sendall(request)
        conn.settimeout(1.0)
        answer = b""
        try:
            while chunk := conn.recv(65536):
                answer += chunk
        except TimeoutError:
            pass
    return answer


@pytest.mark.parametrize("request_bytes", [
    # A body longer than its Content-Length: the rest would be read as the next request line.
    b"POST /auth HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}" + json.dumps(
        {"username": "agent", "password": PASSWORD}).encode() + b"\r\n\r\n",
    # A request line made of the password, and a header made of it.
    f"{PASSWORD} {PASSWORD}\r\n\r\n".encode(),
    f"POST /auth HTTP/1.1\r\nHost: x\r\n{PASSWORD}\r\n\r\n".encode(),
    # Not JSON, and not an object.
    f"POST /auth HTTP/1.1\r\nHost: x\r\nContent-Length: {len(PASSWORD) + 1}\r\n\r\n{{{PASSWORD}".encode(),
    b"PUT /__admin/procedures/X HTTP/1.1\r\nHost: x\r\nContent-Length: 13\r\n\r\n[\"" + PASSWORD.encode() + b"\"",
    b"POST /auth HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n" + PASSWORD.encode(),
])
def test_no_answer_of_the_simulator_contains_what_it_was_sent(tmp_path, request_bytes):
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        answer = _raw_exchange(sim.port, request_bytes)
        assert answer  # it did answer (an HTTP/0.9-style request gets a body only)
        assert PASSWORD.encode() not in answer
        assert requests.get(f"{sim.url}/__admin/health", timeout=5).json() == {"ok": True}


# Fuzzing the client -------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)
contract_like = st.fixed_dictionaries(
    {"error_code": st.sampled_from([0, "00", "01", "02", "03", "04", "99", 1, "x", None])},
    optional={"session": json_values | st.text(min_size=1, max_size=8), "message": json_values,
              "result": st.lists(json_values | st.fixed_dictionaries(
                  {"MaHoSo": st.sampled_from(["A-1", "B-2", 3]), "error_code": st.sampled_from(["00", "01", 0, None])},
                  optional={"message": json_values}), max_size=3) | json_values},
)
bodies = (contract_like.map(lambda value: json.dumps(value).encode()) | json_values.map(lambda v: json.dumps(v).encode())
          | st.binary(max_size=200) | st.just(b"[" * 100_000) | st.just("\ufeff{}".encode()))
headers = st.dictionaries(st.sampled_from(["Retry-After", "Content-Encoding", "Location", "Content-Type"]),
                          st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=30), max_size=3)


@pytest.fixture(scope="module")
def scripted_portal() -> Iterator[FakePortal]:
    script: dict[str, object] = {}

    def answer(handler: BaseHTTPRequestHandler, exchange: Exchange) -> None:
        if exchange.path.endswith("/auth") and script["call"] != "login":
            send_json(handler, {"error_code": 0, "session": "s"})
            return
        body: bytes = script["body"]  # type: ignore[assignment]
        handler.send_response(script["status"])  # type: ignore[arg-type]
        for name, value in script["headers"].items():  # type: ignore[attr-defined]
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    with fake_portal(answer) as portal:
        portal.script = script  # type: ignore[attr-defined]
        yield portal


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(status=st.sampled_from([200, 200, 200, 201, 204, 301, 307, 400, 401, 404, 429, 500, 503]), body=bodies,
       extra=headers, call=st.sampled_from(["login", "push", "progress", "lookup", "procedures"]))
def test_any_portal_answer_gives_a_result_or_a_sync_error_never_a_traceback(scripted_portal, status, body, extra, call):
    scripted_portal.script.update(status=status, body=body, headers=extra, call=call)  # type: ignore[attr-defined]
    client = client_for(scripted_portal.url)
    record = {"MaHoSo": "A-1"}
    actions = {
        "login": client.login,
        "push": lambda: client.push_dossiers([record], updating=False),
        "progress": lambda: client.push_progress([record]),
        "lookup": lambda: client.lookup(["A-1"]),
        "procedures": client.list_procedures,
    }
    try:
        actions[call]()
    except SyncError as exc:
        retry_after = getattr(exc, "retry_after", None)
        assert str(exc) and (retry_after is None or 0 <= retry_after <= MAX_RETRY_AFTER_S)
    finally:
        client.close()

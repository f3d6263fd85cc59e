"""Attached files reach the portal simulator (over real HTTP, with faults) once, whole, before their records."""
from __future__ import annotations

import random
import time

import pytest
from factories import request
from sync_files_helpers import attach, lose_local_file, pdf_bytes, referenced
from sync_helpers import FAST_BACKOFF, PORTAL_ACCOUNT, configure_portal

from counter_app import services
from sync import outbox
from sync.engine import run_sync
from sync.simulator.process import running_simulator

pytestmark = pytest.mark.both_stores
MB = 1_000_000


def _receive(store, actor, seed: int) -> str:
    return services.receive_dossier(store, actor, request(store, rng=random.Random(seed))).code


def _held(sim) -> dict[str, dict]:
    return {item["MaHoSo"]: item for item in sim.admin_dossiers()}


def _assert_held_once_and_whole(sim, sizes: dict[str, int]) -> None:
    """The portal holds each file once, complete, hashing to its name, every byte written once."""
    held = sim.admin_files()
    assert sorted(f["MaBam"] for f in held) == sorted(sizes)
    for item in held:
        assert item["HoanTat"] and item["BamNoiDung"] == item["MaBam"]
        assert item["KichThuoc"] == item["SoByteDaGhi"] == sizes[item["MaBam"]]


def test_three_attachments_reach_a_faulty_portal_once_and_the_record_names_them(store, staff_actor, tmp_path):
    """20% failures, 5% dropped answers; four dossiers, one reusing another's file (the portal keeps it once)."""
    codes, sizes, expected = [], {}, {}
    shared = pdf_bytes(1_300_000, seed=99)  # the citizen's CCCD copy, reused on a second dossier
    for n in range(4):
        code = _receive(store, staff_actor, seed=n)
        files = [pdf_bytes(2_600_000 + n, seed=10 * n + 1), shared if n < 2 else pdf_bytes(900_000, seed=10 * n + 2),
                 pdf_bytes(1_100_000 + n, seed=10 * n + 3)]
        hashes = [attach(store, staff_actor, code, data, paper=paper) for data, paper in zip(files, (1, 2, None),
                                                                                          strict=True)]
        sizes.update({h: len(d) for h, d in zip(hashes, files, strict=True)})
        expected[code] = {"papers": hashes[:2], "results": hashes[2:]}
        codes.append(code)
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT, fail_rate=0.2, drop_rate=0.05, seed=5) as sim:
        configure_portal(store, sim.url)
        report = run_sync(store, until_empty=True, max_seconds=120, backoff=FAST_BACKOFF)
        assert report.error == "" and report.pending == 0 and report.failed == 0
        _assert_held_once_and_whole(sim, sizes)
        held = _held(sim)
        assert set(held) == set(codes)
        for code in codes:
            assert referenced(held[code]["record"]) == expected[code]
            assert held[code]["record"]["HoSoCoThanhPhanSoHoa"] == "1"
            created = [c for c in held[code]["calls"] if c["outcome"] == "00" and c["isUpdating"] == "False"]
            assert len(created) == 1
            assert all(c["outcome"] != "09" for c in held[code]["calls"])  # never a record before its files


def test_a_large_file_over_a_link_dropping_half_the_answers_arrives_once_and_whole(store, staff_actor, tmp_path):
    """The issue's 20 MB case (bench_upload sends it too); 1 MiB chunks over loopback keep it a few seconds."""
    code = _receive(store, staff_actor, seed=1)
    data = pdf_bytes(20 * MB, seed=20)
    sha = attach(store, staff_actor, code, data, paper=1)
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT, drop_rate=0.5, seed=7) as sim:
        configure_portal(store, sim.url)
        report = run_sync(store, until_empty=True, max_seconds=240, backoff=FAST_BACKOFF)
        assert report.error == "" and report.pending == 0
        _assert_held_once_and_whole(sim, {sha: len(data)})
        assert referenced(_held(sim)[code]["record"])["papers"] == [sha]


def test_the_deadline_holds_between_chunks_and_the_next_run_resumes_where_the_portal_is(store, staff_actor, tmp_path):
    code = _receive(store, staff_actor, seed=2)
    data = pdf_bytes(12 * MB, seed=30)
    sha = attach(store, staff_actor, code, data, paper=1)
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT, latency_ms=250) as sim:
        configure_portal(store, sim.url)
        started = time.monotonic()
        first = run_sync(store, until_empty=True, max_seconds=1.0, backoff=FAST_BACKOFF)
        assert time.monotonic() - started < 1.0 + 1.5  # at most one chunk (and its latency) past the deadline
        assert first.pushed == 0 and first.pending == 2  # its record and its progress wait for the file
        with store.read() as conn:
            progress = conn.execute("SELECT held, confirmed_at FROM portal_files WHERE sha256 = ?", (sha,)).fetchone()
        assert 0 < progress["held"] < len(data) and progress["confirmed_at"] is None
        assert _held(sim) == {}  # no record before its file is whole
        second = run_sync(store, until_empty=True, max_seconds=120, backoff=FAST_BACKOFF)
        assert second.pending == 0 and second.error == ""
        _assert_held_once_and_whole(sim, {sha: len(data)})  # resumed: no byte sent twice


def test_a_file_missing_here_holds_back_its_own_dossier_only_with_the_reason(store, staff_actor, tmp_path):
    lost = _receive(store, staff_actor, seed=3)
    fine = _receive(store, staff_actor, seed=4)
    gone = attach(store, staff_actor, lost, pdf_bytes(200_000, seed=40), paper=1)
    kept = attach(store, staff_actor, fine, pdf_bytes(200_000, seed=41), paper=1)
    lose_local_file(store, gone)
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        configure_portal(store, sim.url)
        report = run_sync(store, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF)
        assert report.failed == 1 and report.pending == 1  # its own progress record waits behind it
        assert set(_held(sim)) == {fine}
        assert [f["MaBam"] for f in sim.admin_files()] == [kept]
    [item] = [i for i in outbox.list_items(store, failed=True)]
    assert item.dossier_code == lost and item.kind == "dossier"
    assert item.failed and "giấy tờ số 1" in item.last_error and "bị thiếu" in item.last_error


def test_a_result_attached_after_the_dossier_was_sent_goes_in_an_update_and_old_files_are_not_sent_again(
        store, staff_actor, tmp_path, monkeypatch):
    from sync.client import PortalClient

    code = _receive(store, staff_actor, seed=5)
    paper = attach(store, staff_actor, code, pdf_bytes(300_000, seed=50), paper=1)
    opened: list[str] = []
    real_open = PortalClient.open_file
    monkeypatch.setattr(PortalClient, "open_file", lambda self, sha, *a: opened.append(sha) or real_open(self, sha, *a))
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        configure_portal(store, sim.url)
        assert run_sync(store, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF).pending == 0
        assert referenced(_held(sim)[code]["record"]) == {"papers": [paper], "results": []}
        services.transfer(store, staff_actor, code, processing_agency="UBND xã Yên Thành")
        services.record_result_ready(store, staff_actor, code)
        result = attach(store, staff_actor, code, pdf_bytes(400_000, seed=51), paper=None)
        report = run_sync(store, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF)
        assert report.pending == 0 and report.error == ""
        assert referenced(_held(sim)[code]["record"]) == {"papers": [paper], "results": [result]}
        assert opened == [paper, result]  # the confirmed paper was never offered again
        assert run_sync(store, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF).pushed == 0


def test_a_portal_that_lost_a_file_refuses_the_record_and_the_file_is_sent_again(store, staff_actor, tmp_path):
    code = _receive(store, staff_actor, seed=6)
    data = pdf_bytes(300_000, seed=60)
    paper = attach(store, staff_actor, code, data, paper=1)
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        configure_portal(store, sim.url)
        assert run_sync(store, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF).pending == 0
        sim.lose_file(paper)
        result = attach(store, staff_actor, code, pdf_bytes(200_000, seed=61), paper=None)
        report = run_sync(store, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF)
        assert report.pending == 0 and report.error == ""
        assert [c["outcome"] for c in _held(sim)[code]["calls"] if c["isUpdating"] == "True"] == ["09", "00"]
        assert referenced(_held(sim)[code]["record"]) == {"papers": [paper], "results": [result]}
        assert {f["MaBam"] for f in sim.admin_files() if f["HoanTat"]} == {paper, result}


def test_a_link_that_loses_every_answer_ends_the_round_and_the_dossier_waits_its_backoff(store, staff_actor, tmp_path):
    code = _receive(store, staff_actor, seed=7)
    attach(store, staff_actor, code, pdf_bytes(300_000, seed=70), paper=1)
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT, drop_rate=1.0) as sim:
        configure_portal(store, sim.url)
        report = run_sync(store, max_seconds=60, backoff=FAST_BACKOFF)
        assert report.pushed == 0 and report.pending == 2 and "ngắt câu trả lời" in report.error
        first = outbox.list_items(store)[0]  # the dossier's record; its progress waits behind it
        assert first.kind == "dossier" and first.attempts == 1 and first.next_attempt_at is not None
        assert _held(sim) == {}


def test_sigkill_during_uploads_loses_nothing_and_writes_no_byte_twice(store, staff_actor, tmp_path):
    import signal

    from test_sync_kill import _sync_process

    sizes, expected = {}, {}
    for n in range(8):
        code = _receive(store, staff_actor, seed=100 + n)
        data = pdf_bytes(3 * MB + n, seed=200 + n)
        expected[code] = attach(store, staff_actor, code, data, paper=1)
        sizes[expected[code]] = len(data)
    rng = random.Random(14)
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT, latency_ms=30, drop_rate=0.05, seed=3) as sim:
        configure_portal(store, sim.url, batch_size=3)
        interrupted = 0
        for _ in range(6):
            proc = _sync_process(store.target)
            time.sleep(rng.uniform(0.5, 1.5))  # a random moment of the upload is the point here
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            interrupted += outbox.pending_count(store) > 0
        assert interrupted >= 3
        assert _sync_process(store.target).wait(timeout=120) == 0
        assert outbox.pending_count(store) == 0 and outbox.failed_count(store) == 0
        _assert_held_once_and_whole(sim, sizes)
        held = _held(sim)
        assert {code: referenced(held[code]["record"])["papers"] for code in expected} == {
            code: [sha] for code, sha in expected.items()}

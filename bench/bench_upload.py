"""Uploading attached files to the simulated portal on loopback: ``.venv/bin/python -m bench.bench_upload``.

Issue 14: 100 dossiers with 3 × 1 MB files each. The baseline, measured in the same run against a
fresh simulator, is a bare ``requests`` loop sending the very same bytes (login once; for each
file the opening call and its chunks; then the records naming the files and the progress records,
in batches), so the ratio is the price of the engine's bookkeeping: reading and hash-checking
each file, recording each answer durably, the outbox. Each figure is the median of several runs
on fresh copies. A last line times one 20 MB file over a link that drops half the answers.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import requests

from counter_app import attachment_files, attachments, services
from counter_app.dossiers import load_dossier_by_id
from counter_app.office import get_office, installation_id
from counter_app.store import Store
from sync import contract, mapping
from sync.simulator.process import running_simulator

from .bench_sync import ACCOUNT, bare_login, bare_post_records, timed_drain

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from factories import add_users, make_store, request
from sync_files_helpers import pdf_bytes

FILE_BYTES = 1_000_000
FILES_PER_DOSSIER = 3


def _dataset(folder: Path, count: int) -> Path:
    """``count`` dossiers, each with two scanned papers and a result of 1 MB (all different bytes)."""
    path = folder / "source.sqlite3"
    store = make_store(path)
    staff = add_users(store)["staff"]
    rng = random.Random(14)
    for n in range(count):
        code = services.receive_dossier(store, staff, request(store, rng=rng, procedure_code="1.004194")).code
        for k, paper in enumerate((1, 2, None)):
            attachments.attach_pdf(store, staff, code, pdf_bytes(FILE_BYTES, seed=FILES_PER_DOSSIER * n + k),
                                   paper=paper)
    store.close()
    return path


def _copy(source: Path, target: Path) -> Store:
    shutil.copyfile(source, target)
    shutil.copytree(attachment_files.attachments_dir(source), attachment_files.attachments_dir(target))
    return Store(target)


def _payloads(store: Store, url: str) -> tuple[list[tuple[Any, bytes]], list[dict], list[dict]]:
    """What the engine will send, built once for the bare loop: the files, then the records naming them."""
    office = get_office(store)
    files, dossiers, progress = [], [], []
    with store.read() as conn:
        installation = installation_id(conn)
        ids = [row[0] for row in conn.execute("SELECT id FROM dossiers ORDER BY id").fetchall()]
        loaded = [load_dossier_by_id(conn, dossier_id) for dossier_id in ids]
    for dossier in loaded:
        attached = attachments.list_attachments(store, dossier.code)
        files += [(a, attachments.read_content(store, a.sha256)) for a in attached]
        dossiers.append(mapping.dossier_record(dossier, office, installation, attached, url))
        progress.append(mapping.progress_record(dossier.events[0], dossier, office))
    return files, dossiers, progress


def _bare_loop(url: str, files: list[tuple[Any, bytes]], dossiers: list[dict], progress: list[dict]) -> float:
    with requests.Session() as http:
        http.headers.update(contract.HEADERS)
        started = time.perf_counter()
        session = bare_login(http, url)
        headers = {contract.SESSION_HEADER: session}
        for attachment, data in files:
            http.put(contract.file_url(url, attachment.sha256), json={"KichThuoc": len(data),
                     "LoaiTep": attachment.media_type}, headers=headers, timeout=30).raise_for_status()
            for offset in range(0, len(data), contract.CHUNK_BYTES):
                answer = http.put(contract.chunk_url(url, attachment.sha256, offset),
                                  data=data[offset:offset + contract.CHUNK_BYTES], headers=headers, timeout=30).json()
                assert contract.is_success(answer["error_code"])
        bare_post_records(http, url, session, dossiers, progress)
        return time.perf_counter() - started


def _engine_run(store: Store, folder: Path, faults: dict[str, float] | None = None) -> float:
    with running_simulator(folder, account=ACCOUNT, seed=1, **(faults or {})) as sim:
        elapsed = timed_drain(store, sim.url)
        held = sim.admin_files()
        assert all(f["HoanTat"] and f["SoByteDaGhi"] == f["KichThuoc"] for f in held)
    store.close()
    return elapsed


def _large_file_over_a_bad_link(work: Path) -> float:
    store = make_store(work / "large.sqlite3")
    staff = add_users(store)["staff"]
    code = services.receive_dossier(store, staff, request(store, procedure_code="1.004194")).code
    attachments.attach_pdf(store, staff, code, pdf_bytes(20_000_000, seed=20), paper=1)
    (work / "sim-large").mkdir()
    return _engine_run(store, work / "sim-large", {"drop_rate": 0.5})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--count", type=int, default=100)
    args = parser.parse_args(sys.argv[1:] if __name__ == "__main__" else [])
    os.environ["COUNTER_PORTAL_PASSWORD"] = ACCOUNT[1]  # this process only; nothing is stored
    os.environ.setdefault("COUNTER_DB_KEY", "b1" * 32)  # one key for the throwaway databases and their copies
    megabytes = args.count * FILES_PER_DOSSIER * FILE_BYTES / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = _dataset(work, args.count)
        engine_times, bare_times = [], []
        for run in range(args.runs):
            for name in (f"sim-engine-{run}", f"sim-bare-{run}"):
                (work / name).mkdir()
            engine_times.append(_engine_run(_copy(source, work / f"engine-{run}.sqlite3"), work / f"sim-engine-{run}"))
            with running_simulator(work / f"sim-bare-{run}", account=ACCOUNT) as sim:
                store = _copy(source, work / f"bare-{run}.sqlite3")
                payloads = _payloads(store, sim.url)
                store.close()
                bare_times.append(_bare_loop(sim.url, *payloads))
        large = _large_file_over_a_bad_link(work)
    engine, bare = statistics.median(engine_times), statistics.median(bare_times)
    print(f"upload: {args.count} dossiers x {FILES_PER_DOSSIER} x 1 MB files ({megabytes:.0f} MB) + their records, "
          f"to the simulator on loopback, {contract.CHUNK_BYTES // 1024} KiB chunks")
    print(f"upload: engine median {engine:.2f} s = {megabytes / engine:.1f} MB/s; runs {[round(t, 2) for t in engine_times]}")
    print(f"upload: bare requests loop, same bytes, median {bare:.2f} s = {megabytes / bare:.1f} MB/s; "
          f"runs {[round(t, 2) for t in bare_times]}; engine/bare time ratio {engine / bare:.2f}x")
    print(f"upload: one 20 MB file over a link dropping 50% of answers: {large:.2f} s, arrived once and whole")


if __name__ == "__main__":
    main()

"""Shared set-up of the sync tests: dossiers in several states, a configured portal, comparisons."""
from __future__ import annotations

import random
from typing import Any

from factories import request

from counter_app import services
from counter_app.dossiers import load_dossier
from counter_app.models import Actor
from counter_app.store import Store
from sync.config import PortalConfig, save_config, set_password
from sync.engine import Backoff

FAST_BACKOFF = Backoff(base=0.05, cap=0.4)
PORTAL_ACCOUNT = ("agent", "matkhau-cong")


def configure_portal(store: Store, url: str, *, batch_size: int = 50) -> PortalConfig:
    """The simulator (or a test's fake portal) on loopback: plain http, chosen explicitly."""
    config = PortalConfig(url=url, username=PORTAL_ACCOUNT[0], agency_code="H15.50.05.13", batch_size=batch_size,
                          insecure_http=True)
    save_config(store, config)
    set_password(config, PORTAL_ACCOUNT[1])
    return config


def receive_many(store: Store, actor: Actor, count: int, *, seed: int = 7, procedure_code: str = "1.004194") -> list[str]:
    """``count`` dossiers; every third goes on to processing, every fifth through to the return of its result."""
    rng = random.Random(seed)
    codes = []
    for index in range(count):
        code = services.receive_dossier(store, actor, request(store, rng=rng, procedure_code=procedure_code)).code
        if index % 3 == 0 or index % 5 == 0:
            services.transfer(store, actor, code, processing_agency="UBND xã Yên Thành")
        if index % 5 == 0:
            services.record_result_ready(store, actor, code)
            services.return_result(store, actor, code, recipient="Người nộp hồ sơ")
        codes.append(code)
    return codes


def local_history(store: Store, code: str) -> tuple[str, list[tuple[str, str]]]:
    """The portal status code and the (time, status) of each counter event, as the portal should hold them."""
    from counter_app.states import PORTAL_CODE, Status
    from sync.contract import format_portal_time

    with store.read() as conn:
        dossier = load_dossier(conn, code)
    events = [(format_portal_time(e.at), str(e.portal_code)) for e in dossier.events if e.source == "counter"]
    return str(PORTAL_CODE[Status(dossier.status)]), sorted(events)


def portal_history(held: dict[str, Any]) -> tuple[str, list[tuple[str, str]]]:
    events = [(p["ThoiDiemXuLy"], p["TrangThai"]) for p in held["progress"] if p["source"] == "counter"]
    return held["TrangThaiHoSo"], sorted(events)


def assert_portal_matches(store: Store, codes: list[str], held: list[dict[str, Any]]) -> None:
    """Every dossier on the portal exactly once, with its final status and each of its steps once."""
    by_code = {item["MaHoSo"]: item for item in held}
    assert len(held) == len(by_code) == len(codes)
    assert set(by_code) == set(codes)
    for code in codes:
        assert portal_history(by_code[code]) == local_history(store, code), code
        created = [c for c in by_code[code]["calls"] if c["service"] == "DongBoHoSoMC" and c["outcome"] == "00"
                   and c["isUpdating"] == "False"]
        assert len(created) == 1, code

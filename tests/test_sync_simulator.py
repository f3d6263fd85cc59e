"""The portal simulator over real HTTP: what trainers and the sync tests rely on it to do."""
from __future__ import annotations

import copy
import time

import pytest
import requests

from sync import contract
from sync.simulator.process import running_simulator

ACCOUNT = ("agent", "pw")
RECORD = {
    "MaHoSo": "H15.50.05.13-261120-0001", "MaTTHC": "1.004194", "TenTTHC": "Đăng ký thường trú", "MaLinhVuc": "",
    "TenLinhVuc": "Đăng ký, quản lý cư trú", "ChuHoSo": "Lê Thị Hồng Đào", "LoaiDoiTuong": "1", "Email": "",
    "SoDienThoai": "0912345678", "TrichYeuHoSo": "Đăng ký thường trú", "NgayTiepNhan": "20261120091500",
    "NgayHenTra": "20261201091500", "TrangThaiHoSo": "2", "HinhThuc": "0", "DonViXuLy": "Công an xã Tân Hòa",
}
PROGRESS = {
    "MaHoSo": RECORD["MaHoSo"], "NguoiXuLy": "Lê Văn Cán", "ChucDanh": "Cán bộ tiếp nhận",
    "ThoiDiemXuLy": "20261120100000", "PhongBanXuLy": "Bộ phận một cửa", "NoiDungXuLy": "Chuyển xử lý",
    "TrangThai": "4", "NgayBatDau": "20261120091500", "NgayKetThucTheoQuyDinh": "20261201091500",
}


class Portal:
    """A raw client: exactly what goes over the wire, nothing of our engine."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.session = requests.post(f"{url}/auth", json=dict(zip(("username", "password"), ACCOUNT, strict=True)),
                                     timeout=5).json()["session"]

    def call(self, service: str, **fields) -> dict:
        endpoint = contract.ENDPOINT_OF_SERVICE[service]
        body = {"session": self.session, "madonvi": "H15.50.05.13", "service": service, **fields}
        return requests.post(f"{self.url}/{endpoint}", json=body, timeout=5).json()


@pytest.fixture
def sim(tmp_path):
    with running_simulator(tmp_path, account=ACCOUNT, process_after=0.3, session_ttl=1) as handle:
        yield handle


def _verdicts(answer: dict) -> list[str]:
    return [item["error_code"] for item in answer["result"]]


def test_a_dossier_is_stored_once_whatever_is_repeated(sim):
    portal = Portal(sim.url)
    assert _verdicts(portal.call("DongBoHoSoMC", isUpdating="False", data=[RECORD])) == ["00"]
    assert _verdicts(portal.call("DongBoHoSoMC", isUpdating="False", data=[RECORD])) == ["04"]
    updated = {**RECORD, "TrangThaiHoSo": "4"}
    assert _verdicts(portal.call("DongBoHoSoMC", isUpdating="True", data=[updated])) == ["00"]
    held = sim.admin_dossiers()
    assert [(d["MaHoSo"], d["TrangThaiHoSo"]) for d in held] == [(RECORD["MaHoSo"], "4")]
    assert [c["outcome"] for c in held[0]["calls"]] == ["00", "04", "00"]


def test_progress_is_idempotent_and_needs_its_dossier(sim):
    portal = Portal(sim.url)
    assert _verdicts(portal.call("CapNhatTienDoHoSoMC", data=[PROGRESS])) == ["05"]
    portal.call("DongBoHoSoMC", isUpdating="False", data=[RECORD])
    assert _verdicts(portal.call("CapNhatTienDoHoSoMC", data=[PROGRESS, PROGRESS])) == ["00", "00"]
    held = sim.admin_dossiers()[0]
    assert len(held["progress"]) == 1 and held["TrangThaiHoSo"] == "4"


def test_a_bad_record_is_refused_and_the_rest_of_the_batch_stored(sim):
    portal = Portal(sim.url)
    bad = {**RECORD, "MaHoSo": "H15.50.05.13-261120-0002"}
    del bad["NgayHenTra"]
    good = {**RECORD, "MaHoSo": "H15.50.05.13-261120-0003"}
    answer = portal.call("DongBoHoSoMC", isUpdating="False", data=[bad, good])
    assert _verdicts(answer) == ["01", "00"] and "NgayHenTra" in answer["result"][0]["message"]
    assert [d["MaHoSo"] for d in sim.admin_dossiers()] == [good["MaHoSo"]]


def test_sessions_expire(sim):
    portal = Portal(sim.url)
    assert portal.call("TraCuuHoSo", MaHoSo=RECORD["MaHoSo"])["error_code"] == "00"
    deadline = time.monotonic() + 10  # the simulator was started with one-second sessions
    while portal.call("TraCuuHoSo", MaHoSo=RECORD["MaHoSo"])["error_code"] != "02":
        assert time.monotonic() < deadline
        time.sleep(0.1)


def test_processing_advances_to_done_and_lookups_show_it(sim):
    portal = Portal(sim.url)
    portal.call("DongBoHoSoMC", isUpdating="False", data=[{**RECORD, "TrangThaiHoSo": "4"}])
    deadline = time.monotonic() + 10
    while sim.admin_dossiers()[0]["TrangThaiHoSo"] != "9":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    found = Portal(sim.url).call("TraCuuHoSo", DanhSachMaHoSo=[RECORD["MaHoSo"], "H15.50.05.13-261120-0999"])
    assert [r["TrangThaiHoSo"] for r in found["result"]] == ["9"]
    assert found["result"][0]["QuaTrinhXuLy"][-1]["TrangThai"] == "9"


def test_the_catalogue_is_served_and_a_change_gets_a_new_version(sim):
    portal = Portal(sim.url)
    procedures = portal.call("LayDanhSachTTHC")["result"]
    assert {"1.004194", "1.001193"} <= {p["MATTHC"] for p in procedures}
    changed = copy.deepcopy(next(p for p in procedures if p["MATTHC"] == "1.004194"))
    changed["TENTTHC"] += " (sửa đổi)"
    stored = sim.put_procedure(changed)
    assert stored["PHIENBAN"] != changed["PHIENBAN"]
    again = portal.call("LayThuTuc", MaTTHC="1.004194")["result"]
    assert again[0]["TENTTHC"].endswith("(sửa đổi)")


def test_a_dropped_connection_happens_after_the_work(tmp_path):
    with running_simulator(tmp_path, account=ACCOUNT, drop_rate=1.0) as sim:
        with pytest.raises(requests.RequestException):
            requests.post(f"{sim.url}/auth", json={"username": "agent", "password": "pw"}, timeout=5).json()
        assert sim.admin_dossiers() == []


def test_wrong_password_and_missing_destination_code(tmp_path):
    with running_simulator(tmp_path, account=ACCOUNT, dstcode="VN:GOV:G22") as sim:
        login = {"username": "agent", "password": "pw"}
        assert requests.post(f"{sim.url}/auth", json=login, timeout=5).json()["error_code"] == "01"
        headers = {"dstcode": "VN:GOV:G22"}
        wrong = {"username": "agent", "password": "sai"}
        assert requests.post(f"{sim.url}/auth", json=wrong, headers=headers, timeout=5).json()["error_code"] == "03"
        assert requests.post(f"{sim.url}/auth", json=login, headers=headers, timeout=5).json()["error_code"] == 0

"""The simulator's file calls over the wire: held once, chunks only at the end, hash checked, records wait for files."""
from __future__ import annotations

import hashlib
import socket

import pytest
import requests
from sync_files_helpers import pdf_bytes
from test_sync_simulator import ACCOUNT, RECORD, Portal

from sync import contract
from sync.simulator.process import running_simulator

DATA = pdf_bytes(250_000, seed=1)
SHA = hashlib.sha256(DATA).hexdigest()


class Files(Portal):
    """Raw file calls: exactly what goes over the wire."""

    def put(self, path: str, body: bytes | dict) -> dict:
        content = {"json": body} if isinstance(body, dict) else {"data": body}
        return requests.put(f"{self.url}/{path}", headers={contract.SESSION_HEADER: self.session}, timeout=5,
                            **content).json()

    def open(self, sha: str = SHA, size: int = len(DATA)) -> dict:
        return self.put(f"files/{sha}", {"KichThuoc": size, "LoaiTep": "application/pdf"})

    def chunk(self, offset: int, data: bytes, sha: str = SHA) -> dict:
        return self.put(f"files/{sha}/chunks/{offset}", data)


@pytest.fixture
def sim(tmp_path):
    with running_simulator(tmp_path, account=ACCOUNT) as handle:
        yield handle


def _state(answer: dict) -> tuple[str, int, bool]:
    [state] = answer["result"]
    return answer["error_code"], state["DaNhan"], state["HoanTat"]


def test_chunks_are_appended_only_at_the_end_and_a_repeat_is_harmless(sim):
    files = Files(sim.url)
    assert _state(files.open()) == ("00", 0, False)
    assert _state(files.chunk(0, DATA[:100_000])) == ("00", 100_000, False)
    assert _state(files.chunk(0, DATA[:100_000])) == ("00", 100_000, False)  # the answer was lost: sent again
    assert _state(files.chunk(150_000, DATA[150_000:])) == ("07", 100_000, False)  # a gap: says where to resume
    assert _state(files.chunk(50_000, DATA[50_000:150_000])) == ("07", 100_000, False)  # overlaps the end
    assert _state(files.open()) == ("00", 100_000, False)  # a new run resumes here
    assert _state(files.chunk(100_000, DATA[100_000:])) == ("00", len(DATA), True)
    [held] = sim.admin_files()
    assert held["BamNoiDung"] == SHA and held["SoByteDaGhi"] == len(DATA)
    served = requests.get(f"{sim.url}/files/{SHA}", headers={contract.SESSION_HEADER: files.session}, timeout=5)
    assert served.content == DATA
    assert requests.get(f"{sim.url}/files/{SHA}", timeout=5).status_code == 404  # no session, no file


def test_a_file_is_held_once_whatever_dossier_sends_it_again(sim):
    files = Files(sim.url)
    files.open()
    files.chunk(0, DATA)
    assert _state(files.open()) == ("00", len(DATA), True)  # nothing left to send
    assert _state(files.chunk(0, DATA)) == ("00", len(DATA), True)
    assert files.open(size=len(DATA) + 1)["error_code"] == "01"
    assert len(sim.admin_files()) == 1 and sim.admin_files()[0]["SoByteDaGhi"] == len(DATA)


def test_a_file_whose_bytes_do_not_hash_to_its_name_is_dropped_and_started_again(sim):
    files = Files(sim.url)
    files.open()
    garbled = DATA[:-1] + bytes([DATA[-1] ^ 1])
    assert _state(files.chunk(0, garbled)) == ("08", 0, False)
    assert _state(files.chunk(0, DATA)) == ("00", len(DATA), True)
    [held] = sim.admin_files()
    assert held["BamNoiDung"] == SHA and held["SoLanLamLai"] == 1


def test_a_record_naming_a_file_not_held_whole_is_refused_until_it_is(sim):
    files = Files(sim.url)
    record = {**RECORD, "TaiLieuNop": [{"TepDinhKemId": SHA, "TenTepDinhKem": "1. Tờ khai.pdf", "IsDeleted": "False",
                                        "MaThanhPhanHoSo": "", "DuongDanTaiTepTin": f"{sim.url}/files/{SHA}"}]}
    files.open()
    files.chunk(0, DATA[:1000])
    answer = files.call("DongBoHoSoMC", isUpdating="False", data=[record])
    assert [r["error_code"] for r in answer["result"]] == ["09"]
    assert sim.admin_dossiers() == []
    files.chunk(1000, DATA[1000:])
    answer = files.call("DongBoHoSoMC", isUpdating="False", data=[record])
    assert [r["error_code"] for r in answer["result"]] == ["00"]


def test_file_calls_need_a_session_and_a_well_formed_opening(sim):
    files = Files(sim.url)
    files.session = "not-a-session"
    assert files.open()["error_code"] == contract.SESSION_EXPIRED
    files = Files(sim.url)
    assert files.put(f"files/{SHA}", {"KichThuoc": 0, "LoaiTep": "application/pdf"})["error_code"] == "01"
    assert files.chunk(0, DATA)["error_code"] == "01"  # never opened


def test_a_faulted_chunk_is_read_whole_first_so_the_connection_stays_in_step(tmp_path):
    """500 on every call: the chunk's body must be consumed, or it would be read as the next request."""
    with running_simulator(tmp_path, account=ACCOUNT, fail_rate=1.0) as sim:
        with socket.create_connection(("127.0.0.1", sim.port), timeout=5) as conn:
            body = b"x" * 200_000
            request = (f"PUT /files/{SHA}/chunks/0 HTTP/1.1\r\nHost: x\r\nContent-Length: {len(body)}\r\n\r\n"
                       ).encode() + body
            conn.sendall(request + b"GET /__admin/health HTTP/1.1\r\nHost: x\r\n\r\n")
            seen = b""
            while b'{"ok": true}' not in seen:
                piece = conn.recv(65536)
                assert piece, seen
                seen += piece
        assert seen.split(b" ")[1] in (b"500", b"503")  # the fault, then the next request's answer
        assert b"xxxx" not in seen  # no answer quotes what was sent

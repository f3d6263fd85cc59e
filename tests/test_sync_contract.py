"""The contract's schemas, dates and status table, as both sides rely on them."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_sync_simulator import RECORD as SIMULATOR_RECORD

from counter_app.dossiers import load_dossier
from counter_app.states import PORTAL_CODE, Status
from sync import contract, mapping
from sync.contract import ContractError


@pytest.fixture
def dossier(store, staff_actor):
    from factories import request

    from counter_app import services

    code = services.receive_dossier(store, staff_actor, request(store)).code
    with store.read() as conn:
        return load_dossier(conn, code)


def test_every_schema_is_valid_json_schema():
    for name in contract.schema_names():
        contract._validator(name)  # check_schema raises on a broken schema


def test_a_received_dossier_maps_to_a_valid_record(dossier, store):
    from counter_app.office import get_office

    record = mapping.dossier_record(dossier, get_office(store), "installation-1")
    contract.validate("dossier_record", record)
    assert record["MaHoSo"] == dossier.code and record["TrangThaiHoSo"] == "2"
    assert record["ChuHoSo"] == dossier.applicant.full_name
    progress = mapping.progress_record(dossier.events[0], dossier, get_office(store))
    contract.validate("progress_record", progress)
    assert progress["ThoiDiemXuLy"] == dossier.events[0].at.strftime("%Y%m%d%H%M%S")


@pytest.mark.parametrize(("field", "value", "named"), [
    ("MaHoSo", None, "MaHoSo"),
    ("NgayHenTra", "2026-11-20", "NgayHenTra"),
    ("TrangThaiHoSo", "11", "TrangThaiHoSo"),
    ("ChuHoSo", "", "ChuHoSo"),
])
def test_a_bad_record_is_refused_naming_the_field(dossier, store, field, value, named):
    from counter_app.office import get_office

    record = mapping.dossier_record(dossier, get_office(store), "installation-1")
    if value is None:
        del record[field]
    else:
        record[field] = value
    with pytest.raises(ContractError) as caught:
        contract.validate("dossier_record", record)
    assert caught.value.code == contract.INVALID and named in caught.value.message


def test_portal_times_are_office_time_and_round_trip():
    assert contract.format_portal_time(datetime(2026, 11, 20, 9, 5, 7)) == "20261120090507"
    utc = datetime(2026, 11, 20, 2, 5, 7, tzinfo=UTC)
    assert contract.format_portal_time(utc) == "20261120090507"  # UTC+7
    assert contract.parse_portal_time("20261120090507") == datetime(2026, 11, 20, 9, 5, 7)


def test_every_status_has_a_portal_code_the_schema_accepts():
    assert sorted(PORTAL_CODE.values()) == list(range(1, 11))
    for status in Status:
        contract.validate("progress_record", {
            "MaHoSo": "H15.50.05.13-261120-0001", "NguoiXuLy": "A", "ChucDanh": "", "ThoiDiemXuLy": "20261120090000",
            "PhongBanXuLy": "B", "NoiDungXuLy": "C", "TrangThai": str(PORTAL_CODE[status]),
            "NgayBatDau": "20261120090000", "NgayKetThucTheoQuyDinh": "20261120090000",
        })


def test_our_catalogue_survives_the_trip_through_the_portal_form():
    import json

    from counter_app.catalogue import bundled_path

    for entry in json.loads(bundled_path().read_text(encoding="utf-8"))["procedures"]:
        portal = mapping.portal_procedure(entry, "v1")
        contract.validate("procedure", portal)
        back = mapping.catalogue_entry(portal, entry)
        for key in ("name", "field", "processing_time", "fees", "result", "agency"):
            assert back[key] == {**entry, "processing_time": {"note": "", **entry["processing_time"]}}[key], key
        assert [(p["name"], p["form"], p.get("count", 1), p.get("required", True)) for p in entry["papers"]] == \
               [(p["name"], p["form"], p["count"], p["required"]) for p in back["papers"]]


@settings(max_examples=150, deadline=None)
@given(field=st.sampled_from(["MaHoSo", "NgayTiepNhan", "TrangThaiHoSo", "ChuHoSo", "DanhSachLePhi", "HinhThuc",
                              "MaCaiDatTiepNhan", "SoDienThoai"]),
       value=st.one_of(st.none(), st.integers(), st.text(max_size=20), st.lists(st.integers(), max_size=2),
                       st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)))
def test_the_fast_validator_agrees_with_the_reference_one(field, value):
    """The sync path uses a compiled validator; it must accept and refuse exactly what the schema says."""
    from jsonschema import Draft202012Validator

    record = {**SIMULATOR_RECORD, field: value} if value is not None else {
        k: v for k, v in SIMULATOR_RECORD.items() if k != field}
    reference_ok = not list(Draft202012Validator(contract._schema("dossier_record")).iter_errors(record))
    try:
        contract.validate("dossier_record", record)
        fast_ok = True
    except ContractError:
        fast_ok = False
    assert fast_ok == reference_ok

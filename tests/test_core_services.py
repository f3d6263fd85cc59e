"""Services: each action writes its change, event, audit and outbox record together, or nothing."""
from __future__ import annotations

from datetime import datetime

import pytest
from factories import request

from counter_app import services
from counter_app.audit import verify_chain
from counter_app.dossiers import get_dossier
from counter_app.errors import InvalidState, PermissionDenied, ValidationError
from counter_app.models import Applicant
from counter_app.states import Status

pytestmark = [pytest.mark.usefixtures("november_2026"),  # fixed November 2026 dates: see conftest
              pytest.mark.both_stores]


@pytest.fixture
def setup(store):
    return store, store.test_actors


def _counts(store) -> dict[str, int]:
    tables = ("dossiers", "applicants", "dossier_papers", "status_events", "audit_log", "outbox")
    with store.read() as conn:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


def test_receive_writes_dossier_event_audit_and_outbox(setup):
    store, actors = setup
    before = _counts(store)
    dossier = services.receive_dossier(store, actors["staff"], request(store, received_at=datetime(2026, 11, 20, 9, 15)))
    after = _counts(store)
    assert dossier.code == "H15.50.05.13-261120-010001"
    assert dossier.status == Status.RECEIVED
    assert after["dossiers"] == before["dossiers"] + 1
    assert after["status_events"] == before["status_events"] + 1
    assert after["audit_log"] == before["audit_log"] + 1
    assert after["outbox"] == before["outbox"] + 2  # the dossier itself and its first progress record
    # Temporary residence: 3 working days; 24/11/2026 is Vietnam Culture Day, a day off.
    assert dossier.due_at == datetime(2026, 11, 26, 9, 15)
    assert (dossier.log_book, dossier.log_number) == (2026, 1)


def test_invalid_personal_id_writes_nothing(setup):
    store, actors = setup
    base = request(store)
    bad = base.__class__(**{**base.__dict__, "applicant": Applicant(full_name="Nguyễn Văn A", personal_id="12345")})
    before = _counts(store)
    with pytest.raises(ValidationError, match="12 chữ số"):
        services.receive_dossier(store, actors["staff"], bad)
    assert _counts(store) == before


def test_missing_required_paper_is_refused(setup):
    store, actors = setup
    base = request(store)
    bad = base.__class__(**{**base.__dict__, "papers": base.papers[:1]})
    with pytest.raises(ValidationError, match="Thiếu giấy tờ bắt buộc"):
        services.receive_dossier(store, actors["staff"], bad)
    assert _counts(store)["dossiers"] == 0


def test_full_lifecycle_and_timeline(setup):
    store, actors = setup
    staff = actors["staff"]
    code = services.receive_dossier(store, staff, request(store)).code
    services.transfer(store, staff, code, processing_agency="Công an xã Tân Hòa")
    services.request_supplement(store, staff, code, missing_papers=["Hợp đồng thuê nhà"], reason="Thiếu hợp đồng")
    services.receive_supplement(store, staff, code)
    services.record_result_ready(store, staff, code)
    dossier = services.return_result(store, staff, code, recipient="Nguyễn Văn Nhận")
    assert dossier.status == Status.RETURNED
    assert [e.to_status for e in dossier.events] == [
        "received", "processing", "supplement_requested", "processing", "result_ready", "returned",
    ]
    assert [e.portal_code for e in dossier.events] == [2, 4, 5, 4, 9, 10]
    assert dossier.returned_to == "Nguyễn Văn Nhận"
    with store.read() as conn:
        progress = conn.execute("SELECT COUNT(*) FROM outbox WHERE kind = 'progress'").fetchone()[0]
        assert verify_chain(conn) is None
    assert progress == len(dossier.events)


def test_state_machine_refuses_and_writes_nothing(setup):
    store, actors = setup
    code = services.receive_dossier(store, actors["staff"], request(store)).code
    before = _counts(store)
    with pytest.raises(InvalidState, match="Đã tiếp nhận"):
        services.return_result(store, actors["staff"], code, recipient="Ai đó")
    with pytest.raises(ValidationError):
        services.refuse(store, actors["staff"], code, reason="   ")
    assert _counts(store) == before


def test_staff_cannot_reschedule_but_supervisor_can(setup):
    store, actors = setup
    dossier = services.receive_dossier(store, actors["staff"], request(store, received_at=datetime(2026, 11, 20, 9, 0)))
    new_due = datetime(2026, 12, 1, 9, 0)
    with pytest.raises(PermissionDenied):
        services.reschedule(store, actors["staff"], dossier.code, new_due_at=new_due, reason="Chờ xác minh")
    with pytest.raises(ValidationError, match="sau ngày hẹn cũ"):
        services.reschedule(store, actors["supervisor"], dossier.code, new_due_at=datetime(2026, 11, 21, 9, 0),
                            reason="Chờ xác minh")
    updated = services.reschedule(store, actors["supervisor"], dossier.code, new_due_at=new_due, reason="Chờ xác minh")
    assert updated.due_at == new_due
    assert updated.events[-1].data == {"new_due_at": "2026-12-01 09:00:00", "old_due_at": "2026-11-26 09:00:00"}


def test_portal_status_is_applied_without_echo(setup):
    store, actors = setup
    code = services.receive_dossier(store, actors["staff"], request(store)).code
    services.transfer(store, actors["staff"], code, processing_agency="UBND xã")
    outbox_before = _counts(store)["outbox"]
    assert services.apply_portal_status(store, code, portal_code=9, at=datetime(2026, 11, 25, 10, 0), note="Đã ký")
    assert not services.apply_portal_status(store, code, portal_code=9, at=datetime(2026, 11, 25, 10, 5))
    dossier = get_dossier(store, code)
    assert dossier.status == Status.RESULT_READY
    assert dossier.events[-1].source == "portal"
    assert _counts(store)["outbox"] == outbox_before


def test_text_is_stored_nfc(setup):
    import unicodedata

    store, actors = setup
    nfd_name = unicodedata.normalize("NFD", "Nguyễn Thị Thủy")
    dossier = services.receive_dossier(store, actors["staff"], request(store, full_name=nfd_name))
    assert dossier.applicant.full_name == unicodedata.normalize("NFC", "Nguyễn Thị Thủy")


def test_default_fees_are_the_counter_rates_only(setup):
    store, actors = setup
    dossier = services.receive_dossier(store, actors["staff"], request(store, procedure_code="1.004194"))
    assert [(f.name, f.amount_vnd) for f in dossier.fees] == [
        ("Lệ phí đăng ký tạm trú (cá nhân, hộ gia đình) – trực tiếp", 15000)
    ]
    assert dossier.total_fee_vnd == 15000


def test_correcting_the_applicant_requeues_refusals_and_sends_the_record_again(setup):
    from counter_app.search import search

    store, actors = setup
    staff = actors["staff"]
    dossier = services.receive_dossier(store, staff, request(store, full_name="Nguyen Van Duc"))
    with store.write() as conn:  # the portal refused the dossier record
        conn.execute("UPDATE outbox SET failed = 1, last_error = 'Cổng DVC từ chối' WHERE kind = 'dossier'")
    before = _counts(store)
    with pytest.raises(ValidationError, match="điện thoại"):
        services.correct_applicant(store, staff, dossier.code, full_name="Nguyễn Văn Đức", address=dossier.applicant.address,
                                   phone="12345", email="", reason="Sai dấu")
    with pytest.raises(ValidationError, match="không thay đổi"):
        services.correct_applicant(store, staff, dossier.code, full_name="Nguyen Van Duc",
                                   address=dossier.applicant.address, phone=dossier.applicant.phone, email="",
                                   reason="Không sửa gì")
    assert _counts(store) == before  # refusals write nothing
    fixed = services.correct_applicant(store, staff, dossier.code, full_name="Nguyễn Văn Đức",
                                       address="Số 5, thôn Vật Lại, xã Ba Vì", phone=dossier.applicant.phone,
                                       email="duc.nguyen@example.vn", reason="Ghi thiếu dấu và thư điện tử")
    assert fixed.applicant.full_name == "Nguyễn Văn Đức" and fixed.status == dossier.status
    assert fixed.events[-1].action == "correct_applicant" and fixed.events[-1].note == "Ghi thiếu dấu và thư điện tử"
    assert fixed.events[-1].data == {"fields": ["full_name", "address", "email"]}
    with store.read() as conn:
        queue = [tuple(r) for r in conn.execute("SELECT kind, failed FROM outbox ORDER BY id")]
    assert queue == [("dossier", 0), ("progress", 0), ("dossier", 0), ("progress", 0)]
    assert [row.code for row in search(store, "vat lai")] == [dossier.code]  # the search index follows
    with store.read() as conn:
        assert verify_chain(conn) is None
    a = fixed.applicant
    with pytest.raises(ValidationError):  # a card code the card's own rules refuse changes nothing
        services.correct_applicant(store, staff, dossier.code, full_name=a.full_name, address=a.address, phone=a.phone,
                                   email=a.email, hi_card_code="XX123", reason="Sai mã thẻ")
    carded = services.correct_applicant(store, staff, dossier.code, full_name=a.full_name, address=a.address,
                                        phone=a.phone, email=a.email, social_insurance_no="0123456789",
                                        hi_card_code="GD4010123456789", reason="Bổ sung mã số BHXH và mã thẻ")
    assert (carded.applicant.social_insurance_no, carded.applicant.hi_card_code) == ("0123456789", "GD4010123456789")
    assert carded.events[-1].data == {"fields": ["social_insurance_no", "hi_card_code"]}  # names, never the values

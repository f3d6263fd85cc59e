"""Appointments after reception: a supplement restarts the clock; a refused record's ID, birth
date and procedure can be corrected by the receive rules, without personal data in the audit."""
from __future__ import annotations

import random
from datetime import date, datetime

import pytest
from factories import personal_id, request

from counter_app import services
from counter_app.audit import verify_chain
from counter_app.dossiers import get_dossier
from counter_app.errors import CounterError, ValidationError
from counter_app.search import search
from counter_app.states import Status

pytestmark = [pytest.mark.usefixtures("november_2026"), pytest.mark.both_stores]


def _received(store, **kwargs):
    """A temporary-residence dossier (3 working days) received Friday 20/11/2026 at 09:15."""
    return services.receive_dossier(store, store.test_actors["staff"],
                                    request(store, received_at=datetime(2026, 11, 20, 9, 15), **kwargs))


def _rows(store, sql: str, *params) -> list[tuple]:
    with store.read() as conn:
        return [tuple(r) for r in conn.execute(sql, params)]


def test_receiving_the_supplement_restarts_the_clock_over_the_holiday(store):
    staff = store.test_actors["staff"]
    dossier = _received(store)
    assert dossier.due_at == datetime(2026, 11, 26, 9, 15)  # 24/11 (Culture Day) is skipped
    services.request_supplement(store, staff, dossier.code, missing_papers=["Tờ khai CT01", "Hợp đồng thuê nhà"],
                                reason="Thiếu chữ ký chủ hộ", at=datetime(2026, 11, 20, 10, 0))
    back = services.receive_supplement(store, staff, dossier.code, at=datetime(2026, 11, 23, 14, 0))
    # Three working days again from Monday 23/11 14:00: 25, 26, 27 (24/11 is still a day off).
    assert back.due_at == datetime(2026, 11, 27, 14, 0)
    assert back.status == Status.RECEIVED
    event = back.events[-1]
    assert event.action == "receive_supplement"
    assert event.data == {"old_due_at": "2026-11-26 09:15:00", "new_due_at": "2026-11-27 14:00:00"}
    assert get_dossier(store, dossier.code).due_at == back.due_at


def test_a_supplement_received_after_hours_counts_from_the_next_working_morning(store):
    staff = store.test_actors["staff"]
    dossier = _received(store)
    services.transfer(store, staff, dossier.code, processing_agency="Công an xã", at=datetime(2026, 11, 20, 9, 30))
    services.request_supplement(store, staff, dossier.code, missing_papers=["Tờ khai CT01"], reason="Thiếu chữ ký",
                                at=datetime(2026, 11, 20, 10, 0))
    # Friday 27/11 at 18:00: counts from Monday 30/11 07:30; 1, 2, 3 December.
    back = services.receive_supplement(store, staff, dossier.code, at=datetime(2026, 11, 27, 18, 0))
    assert back.due_at == datetime(2026, 12, 3, 7, 30)
    assert back.status == Status.PROCESSING  # it had been transferred


def test_the_reprinted_receipt_shows_the_new_appointment(store):
    from pypdf import PdfReader

    from counter_app.office import get_office
    from printing.documents import render

    staff = store.test_actors["staff"]
    dossier = _received(store)
    services.request_supplement(store, staff, dossier.code, missing_papers=["Tờ khai CT01"], reason="Thiếu chữ ký",
                                at=datetime(2026, 11, 20, 10, 0))
    services.receive_supplement(store, staff, dossier.code, at=datetime(2026, 11, 23, 14, 0))
    import io

    pdf = render("receipt", get_office(store), get_dossier(store, dossier.code))
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "ngày 27 tháng 11 năm 2026" in text  # the new appointment
    assert "ngày 26 tháng 11 năm 2026" not in text  # not the old one
    assert "nhận đủ hồ sơ bổ sung" in text and "ngày 23 tháng 11 năm 2026" in text


def test_correcting_the_id_birth_date_and_procedure_of_a_refused_record(store):
    staff = store.test_actors["staff"]
    dossier = _received(store, procedure_code="LOCAL.CUTRU.XACNHAN", full_name="Phạm Thị Hương")
    assert dossier.summary == "Xác nhận thông tin về cư trú"
    with store.write() as conn:  # the portal refused the record: a local procedure code
        conn.execute("UPDATE outbox SET failed = 1, last_error = 'Mã TTHC không tồn tại'")
    applicant = dossier.applicant
    new_id = personal_id(random.Random(5), 1990, applicant.sex == "female")
    fixed = services.correct_applicant(
        store, staff, dossier.code, full_name=applicant.full_name, address=applicant.address, phone=applicant.phone,
        email=applicant.email, personal_id=new_id, birth_date=date(1990, 4, 2), procedure_code="1.004194",
        reason="Sai số định danh và thủ tục")
    assert fixed.applicant.personal_id == new_id and fixed.applicant.birth_date == date(1990, 4, 2)
    assert fixed.procedure.code == "1.004194" and fixed.summary == fixed.procedure.name  # the default followed
    assert fixed.due_at == dossier.due_at and fixed.papers == dossier.papers  # what the citizen holds stays
    assert fixed.events[-1].data == {"fields": ["personal_id", "birth_date", "procedure"]}
    assert _rows(store, "SELECT kind, failed FROM outbox ORDER BY id") == [
        ("dossier", 0), ("progress", 0), ("dossier", 0), ("progress", 0)]  # re-queued, and the record sent again
    assert [row.code for row in search(store, new_id)] == [dossier.code]
    assert search(store, applicant.personal_id) == []
    details = _rows(store, "SELECT details FROM audit_log WHERE action = 'dossier.correct_applicant'")
    assert len(details) == 1
    for secret in (new_id, "1990-04-02", applicant.personal_id, "Hương"):
        assert secret not in details[0][0]
    with store.read() as conn:
        assert verify_chain(conn) is None


@pytest.mark.parametrize(("change", "message"), [
    ({"personal_id": "12345"}, "12 chữ số"),
    ({"personal_id": "001190000001", "birth_date": date(1985, 1, 1)}, "Năm sinh không khớp"),
    ({"birth_date": date(2027, 1, 1)}, "ngày sinh|Ngày sinh"),
    ({"procedure_code": "9.999999"}, "Không có thủ tục"),
])
def test_a_bad_correction_is_refused_with_one_message_and_nothing_written(store, change, message):
    dossier = _received(store)
    applicant = dossier.applicant
    before = _rows(store, "SELECT COUNT(*) FROM status_events UNION ALL SELECT COUNT(*) FROM audit_log"
                          " UNION ALL SELECT COUNT(*) FROM outbox")
    with pytest.raises(CounterError, match=message):
        services.correct_applicant(store, store.test_actors["staff"], dossier.code, full_name=applicant.full_name,
                                   address=applicant.address, phone=applicant.phone, email=applicant.email,
                                   reason="Sửa", **change)
    assert get_dossier(store, dossier.code).applicant == applicant
    assert get_dossier(store, dossier.code).procedure.code == dossier.procedure.code
    assert _rows(store, "SELECT COUNT(*) FROM status_events UNION ALL SELECT COUNT(*) FROM audit_log"
                        " UNION ALL SELECT COUNT(*) FROM outbox") == before


def test_choosing_the_same_procedure_again_is_no_correction(store):
    dossier = _received(store)
    a = dossier.applicant
    with pytest.raises(ValidationError, match="không thay đổi"):
        services.correct_applicant(store, store.test_actors["staff"], dossier.code, full_name=a.full_name,
                                   address=a.address, phone=a.phone, email=a.email, personal_id=a.personal_id,
                                   birth_date=a.birth_date, procedure_code=dossier.procedure.code, reason="Không sửa")


def test_a_ticked_paper_the_citizen_never_brought_prints_with_the_catalogues_form_and_count(store):
    import io

    from pypdf import PdfReader

    from counter_app.office import get_office
    from printing.documents import render

    staff = store.test_actors["staff"]
    dossier = services.receive_dossier(store, staff, request(store, procedure_code="2.000815"))
    photocopy = dossier.procedure.papers[1]  # optional, so not among the dossier's papers
    assert photocopy.name not in [p.name for p in dossier.papers]
    services.request_supplement(store, staff, dossier.code, missing_papers=[photocopy.name], reason="Thiếu bản sao")
    pdf = render("supplement", get_office(store), get_dossier(store, dossier.code))
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "có thông tin 01 Lý do" in text  # one photocopy, in the photocopy column

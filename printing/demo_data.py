"""Hand-made demo office and dossiers for samples, tests and the benchmark.

Built directly from ``counter_app.models`` so printing can be shown and tested without a
database; the lead may later switch :mod:`printing.samples` to a real demo database. Names carry
every kind of Vietnamese mark (ă â đ ê ô ơ ư and the five tones) so a missing glyph shows at once.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta

from counter_app import insurance
from counter_app.daily_log import LogEntry, entry_of
from counter_app.models import (
    Applicant,
    Delivery,
    Dossier,
    DossierFee,
    DossierPaper,
    FeeSpec,
    Office,
    PaperForm,
    PaymentMethod,
    Procedure,
    ProcessingUnit,
    StatusEvent,
)
from counter_app.states import PORTAL_CODE, Action, Status

OFFICE = Office(
    agency_code="H26.49.09",
    agency_name="Trung tâm Phục vụ hành chính công xã Ba Vì",
    parent_agency_name="Ủy ban nhân dân xã Ba Vì",
    address="Thôn Yên Bồ, xã Ba Vì, thành phố Hà Nội",
    province="Thành phố Hà Nội",
    commune="Xã Ba Vì",
    place_name="Ba Vì",
    counter_name="Quầy số 2",
    phone="024 3386 1234",
    status_lookup_url="",
    regulation_profile="nd118-2025",
)

# Exactly 120 characters: the length the wrapping test and the samples use.
LONG_ADDRESS = (
    "Số nhà 1270, ngõ 45 đường Nguyễn Thị Minh Khai, thôn Đông Phương Yên, "
    "xã Ba Vì, thành phố Hà Nội (cạnh nhà văn hóa thôn)"
)
assert len(LONG_ADDRESS) == 120, len(LONG_ADDRESS)

BIRTH = Procedure(
    id=1, code="1.001193", version=1, name="Thủ tục đăng ký khai sinh", field="Hộ tịch",
    processing_value=0, processing_unit=ProcessingUnit.SAME_DAY, agency="Ủy ban nhân dân xã Ba Vì",
)
RESIDENCE = Procedure(
    id=2, code="1.004222", version=1, name="Đăng ký thường trú", field="Đăng ký, quản lý cư trú",
    processing_value=7, processing_unit=ProcessingUnit.WORKING_DAYS, agency="Công an xã Ba Vì",
)
MARITAL = Procedure(
    id=3, code="1.004873", version=1, name="Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", field="Hộ tịch",
    processing_value=3, processing_unit=ProcessingUnit.WORKING_DAYS, agency="Ủy ban nhân dân xã Ba Vì",
)
HI_CARD = Procedure(
    id=4, code="BHXH-CL-THE", version=1, name="Cấp lại thẻ BHYT do bị mất, hỏng (không thay đổi thông tin)",
    field="Cấp sổ BHXH, thẻ BHYT", processing_value=0, processing_unit=ProcessingUnit.SAME_DAY,
    agency="Bảo hiểm xã hội cơ sở Ba Vì", national_code=False,
)
HOUSEHOLD_HI = Procedure(
    id=6, code="LOCAL.BHYT.HGD", version=1,
    name="Đăng ký đóng, cấp thẻ BHYT đối với người chỉ tham gia BHYT (gồm BHYT hộ gia đình, gia hạn thẻ)",
    field="Thu BHXH, BHYT, BHTN", processing_value=3, processing_unit=ProcessingUnit.WORKING_DAYS,
    agency="Bảo hiểm xã hội cơ sở Ba Vì", national_code=False,
    fees=(FeeSpec("Tiền đóng BHYT hộ gia đình (không phải lệ phí)", None),),
)
VOLUNTARY_SI = Procedure(
    id=7, code="1.002179.000.00.00.H42", version=1,
    name="Đăng ký, đăng ký lại, điều chỉnh đóng bảo hiểm xã hội tự nguyện; cấp sổ bảo hiểm xã hội",
    field="Thu Bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp, BHTNLĐ-BNN", processing_value=5,
    processing_unit=ProcessingUnit.WORKING_DAYS, agency="Bảo hiểm xã hội cơ sở Ba Vì",
    fees=(FeeSpec("Tiền đóng BHXH tự nguyện (không phải lệ phí)", None),),
)
BUSINESS = Procedure(
    id=5, code="1.001612", version=1, name="Đăng ký thành lập hộ kinh doanh",
    field="Thành lập và hoạt động của hộ kinh doanh", processing_value=3,
    processing_unit=ProcessingUnit.WORKING_DAYS, agency="Phòng Kinh tế xã Ba Vì",
)

APPLICANT = Applicant(
    full_name="Nguyễn Thị Hoài Thương", personal_id="001186012345", birth_date=date(1986, 4, 12), sex="female",
    address=LONG_ADDRESS, phone="0912 345 678", email="hoaithuong.nguyen@example.vn",
    social_insurance_no="0123456789", hi_card_code="HN4010123456789",
)

RECEIVED_AT = datetime(2026, 11, 20, 8, 35)


def _event(n: int, at: datetime, action: Action, before: Status | None, after: Status, who: tuple[str, str],
           note: str = "", **data: str) -> StatusEvent:
    return StatusEvent(id=n, at=at, action=action.value, from_status=before.value if before else None,
                       to_status=after.value, portal_code=PORTAL_CODE[after], username=who[0],
                       user_full_name=who[1], note=note, data=dict(data))


STAFF = ("lananh", "Trần Thị Lan Anh")
OFFICER = ("ducpv", "Phạm Văn Đức")


def residence_dossier() -> Dossier:
    """A 7-working-day dossier with fees, transferred and back with its result (control sheet)."""
    t = RECEIVED_AT
    events = (
        _event(1, t, Action.RECEIVE, None, Status.RECEIVED, STAFF),
        _event(2, t + timedelta(hours=2), Action.TRANSFER, Status.RECEIVED, Status.PROCESSING, STAFF,
               agency="Công an xã Ba Vì", receiver="Đỗ Quang Huy"),
        _event(3, datetime(2026, 11, 26, 15, 10), Action.RESULT_READY, Status.PROCESSING, Status.RESULT_READY,
               ("huydq", "Đỗ Quang Huy"), agency="Công an xã Ba Vì", receiver="Trần Thị Lan Anh"),
        _event(4, datetime(2026, 11, 27, 9, 5), Action.RETURN_RESULT, Status.RESULT_READY, Status.RETURNED, STAFF,
               recipient="Nguyễn Thị Hoài Thương"),
    )
    return Dossier(
        id=1, code="H26.49.09-261120-0012", status=Status.RETURNED.value, procedure=RESIDENCE, applicant=APPLICANT,
        received_at=t, due_at=datetime(2026, 12, 1, 8, 35), sets_count=1,
        papers=(
            DossierPaper("Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", PaperForm.ORIGINAL, 1),
            DossierPaper("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", PaperForm.CERTIFIED_COPY, 1),
            DossierPaper("Văn bản đồng ý cho đăng ký thường trú của chủ hộ", PaperForm.ORIGINAL, 1),
            DossierPaper("Giấy xác nhận quan hệ nhân thân với chủ hộ", PaperForm.PHOTOCOPY, 2, received=False),
        ),
        fees=(DossierFee("Lệ phí đăng ký thường trú – nộp trực tiếp", 20000, PaymentMethod.CASH),),
        delivery=Delivery.COUNTER, delivery_address="", received_by=STAFF[0], received_by_name=STAFF[1],
        log_book=2026, log_number=975, processing_agency="Công an xã Ba Vì",
        summary="Đăng ký thường trú tại nhà của bố mẹ chồng", events=events,
        transferred_at=events[1].at, result_ready_at=events[2].at, returned_at=events[3].at,
        returned_to="Nguyễn Thị Hoài Thương", fee_receipt_book=2026, fee_receipt_number=122,
    )


def hi_card_dossier() -> Dossier:
    """A same-day health-insurance card reissue, received and still open."""
    applicant = Applicant(
        full_name="Lê Văn Ưng", birth_date=date(1958, 1, 7), sex="male", address="Thôn Cẩm Thượng, xã Ba Vì, Hà Nội",
        phone="0987 654 321", social_insurance_no="0198765432", hi_card_code="HT3010198765432",
    )
    return Dossier(
        id=2, code="H26.49.09-261120-0013", status=Status.RECEIVED.value, procedure=HI_CARD, applicant=applicant,
        received_at=datetime(2026, 11, 20, 9, 10), due_at=datetime(2026, 11, 20, 16, 30), sets_count=1,
        papers=(DossierPaper("Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT (Mẫu TK1-TS)", PaperForm.ORIGINAL, 1),),
        fees=(DossierFee("Phí cấp lại thẻ BHYT", 0, PaymentMethod.EXEMPT, "Không thu phí"),),
        delivery=Delivery.POST, delivery_address="Thôn Cẩm Thượng, xã Ba Vì, Hà Nội", received_by=STAFF[0],
        received_by_name=STAFF[1], log_book=2026, log_number=976, processing_agency="Bảo hiểm xã hội cơ sở Ba Vì",
        summary="Cấp lại thẻ BHYT do bị mất", events=(_event(5, datetime(2026, 11, 20, 9, 10), Action.RECEIVE, None,
                                                              Status.RECEIVED, STAFF),),
    )


def household_dossier() -> Dossier:
    """Household health insurance renewed for three members, twelve months, with the counter's quote."""
    day = date(2026, 11, 20)
    quote = insurance.household_health_insurance(members=3, start=date(2026, 12, 1), months=12, paid_on=day)
    applicant = Applicant(full_name="Đinh Thị Hòa", birth_date=date(1979, 9, 2), sex="female",
                          personal_id="035179004321", address="Xóm Mít, xã Ba Vì, Hà Nội", phone="0355 246 810",
                          social_insurance_no="0179004321")
    return replace(hi_card_dossier(), id=6, code="H26.49.09-261120-0015", procedure=HOUSEHOLD_HI,
                   applicant=applicant, summary="Gia hạn thẻ BHYT hộ gia đình 3 người", delivery=Delivery.COUNTER,
                   delivery_address="", papers=(),
                   fees=(DossierFee(insurance.fee_name(quote), quote.total_vnd, PaymentMethod.CASH),))


def voluntary_dossier() -> Dossier:
    """Voluntary social insurance at the lowest income, twelve months ahead, with the counter's quote."""
    day = date(2026, 11, 20)
    low, _high = insurance.voluntary_income_range(day)
    quote = insurance.voluntary_social_insurance(income_vnd=low, category=insurance.Category.NEAR_POOR,
                                                 start=date(2026, 12, 1), months=12, paid_on=day)
    applicant = Applicant(full_name="Lò Thị Ỏn", birth_date=date(1990, 5, 17), sex="female",
                          personal_id="014190001234", address="Bản Púng, xã Ba Vì, Hà Nội", phone="0977 001 234")
    return replace(hi_card_dossier(), id=7, code="H26.49.09-261120-0016", procedure=VOLUNTARY_SI,
                   applicant=applicant, summary="Đăng ký đóng BHXH tự nguyện", delivery=Delivery.COUNTER,
                   delivery_address="",
                   papers=(DossierPaper("Tờ khai đăng ký, điều chỉnh thông tin tham gia BHXH, BHYT (Mẫu TK1-TS)",
                                        PaperForm.ORIGINAL, 1),),
                   fees=(DossierFee(insurance.fee_name(quote), quote.total_vnd, PaymentMethod.CASH),))


def stopped_dossier() -> Dossier:
    """The business registration, stopped at the applicant's request before a decision (Mẫu 05)."""
    base = business_dossier()
    stop = _event(6, datetime(2026, 11, 23, 14, 20), Action.STOP, Status.PROCESSING, Status.STOPPED, STAFF,
                  note="Hộ kinh doanh thay đổi địa điểm, xin nộp lại hồ sơ sau")
    return replace(base, status=Status.STOPPED.value, events=base.events + (stop,))


def business_dossier() -> Dossier:
    """A dossier with a large fee, for the fee receipt's amount in words."""
    base = residence_dossier()
    applicant = Applicant(full_name="Hoàng Thị Ngọc Ánh", address="Xóm Đồng Trằm, xã Ba Vì, Hà Nội",
                          phone="0868 112 233", email="")
    return Dossier(
        id=3, code="H26.49.09-261120-0014", status=Status.PROCESSING.value, procedure=BUSINESS, applicant=applicant,
        received_at=datetime(2026, 11, 20, 10, 0), due_at=datetime(2026, 11, 25, 10, 0), sets_count=1,
        papers=(DossierPaper("Giấy đề nghị đăng ký hộ kinh doanh", PaperForm.ORIGINAL, 1),),
        fees=(DossierFee("Lệ phí đăng ký hộ kinh doanh", 100000, PaymentMethod.CASH),
              DossierFee("Phí cung cấp thông tin", 1_134_000, PaymentMethod.TRANSFER)),
        delivery=Delivery.COUNTER, delivery_address="", received_by=STAFF[0], received_by_name=STAFF[1],
        log_book=2026, log_number=977, processing_agency="Phòng Kinh tế xã Ba Vì", events=base.events[:2],
        fee_receipt_book=2026, fee_receipt_number=123,
    )


_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
_MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Ngọc", "Thanh", "Minh", "Quốc", "Thu", "Xuân"]
_GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hạnh", "Khánh", "Linh", "Mỹ", "Nguyệt", "Phương",
          "Quỳnh", "Sơn", "Thảo", "Trường", "Uyên", "Việt", "Yến", "Ưng"]
_STATUSES = [Status.RECEIVED, Status.PROCESSING, Status.RESULT_READY, Status.RETURNED, Status.SUPPLEMENT_REQUESTED]


_DEMO_FEES = {
    RESIDENCE.code: DossierFee("Lệ phí đăng ký thường trú – nộp trực tiếp", 20_000),
    MARITAL.code: DossierFee("Lệ phí cấp Giấy xác nhận tình trạng hôn nhân", 10_000),
    BUSINESS.code: DossierFee("Lệ phí đăng ký hộ kinh doanh", 100_000, PaymentMethod.TRANSFER),
}
SECOND_CLERK = ("huydq", "Đỗ Quang Huy")


def many_dossiers(count: int, *, day: date = date(2026, 11, 20), first_number: int = 1,
                  first_receipt: int = 1) -> list[Dossier]:
    """``count`` varied dossiers received on ``day`` by two clerks (daily log, fee ledger, benchmark).

    Codes run from ``first_number`` so they can sit beside the hand-made dossiers without clashing;
    dossiers whose procedure has a fee collect it and take the next fee receipt number.
    """
    procedures = [BIRTH, RESIDENCE, MARITAL, HI_CARD, BUSINESS]
    result: list[Dossier] = []
    receipts = first_receipt - 1
    for i in range(count):
        seq = first_number + i
        phone = f"09{(seq * 7919) % 10**8:08d}"
        proc = procedures[i % len(procedures)]
        name = f"{_FAMILY[i % 14]} {_MIDDLE[(i // 3) % 10]} {_GIVEN[(i * 7) % 20]}"
        address = LONG_ADDRESS if i % 9 == 0 else f"Thôn {_GIVEN[i % 20]} {i % 7 + 1}, xã Ba Vì, Hà Nội"
        status = _STATUSES[i % len(_STATUSES)]
        received = datetime.combine(day, datetime.min.time()) + timedelta(hours=7, minutes=30 + (i * 3) % 540)
        due = received + timedelta(days=proc.processing_value or 0, hours=0 if proc.processing_value else 6)
        fees = (_DEMO_FEES[proc.code],) if proc.code in _DEMO_FEES else ()
        receipts += bool(fees)
        clerk = STAFF if i % 2 == 0 else SECOND_CLERK
        result.append(Dossier(
            id=100 + seq, code=f"H26.49.09-{day:%y%m%d}-{seq:04d}", status=status.value, procedure=proc,
            applicant=Applicant(full_name=name, address=address, phone=f"{phone[:4]} {phone[4:7]} {phone[7:]}"),
            received_at=received, due_at=due, sets_count=1 + (i % 3 == 0),
            papers=(DossierPaper("Tờ khai", PaperForm.ORIGINAL, 1),), delivery=Delivery.COUNTER,
            delivery_address="", received_by=clerk[0], received_by_name=clerk[1], log_book=day.year,
            log_number=seq, processing_agency=proc.agency, fees=fees,
            fee_receipt_book=day.year if fees else None, fee_receipt_number=receipts if fees else None,
            transferred_at=received + timedelta(hours=1) if status is not Status.RECEIVED else None,
            result_ready_at=due if status in (Status.RESULT_READY, Status.RETURNED) else None,
            returned_at=due if status is Status.RETURNED else None,
            note="Bổ sung giấy tờ" if status is Status.SUPPLEMENT_REQUESTED else "",
        ))
    return result


def log_lines(dossiers: Iterable[Dossier]) -> list[LogEntry]:
    """The daily log's lines for demo dossiers, oldest first as the store gives them."""
    return [entry_of(d) for d in sorted(dossiers, key=lambda d: (d.received_at, d.code))]

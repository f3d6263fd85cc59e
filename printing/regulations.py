"""Form numbers and legal-basis lines of the one-stop papers, one profile per regulation.

The forms were issued with Circular 01/2018/TT-VPCP (guiding Decree 61/2018/NĐ-CP). Decree
118/2025/NĐ-CP renewed the one-stop mechanism from 1 July 2025, and Circular 03/2025/TT-VPCP
(15/9/2025) issued its forms in Appendix I: 01 receipt, 02 supplement request, 03 refusal,
04 apology and extension request, 05 stop notice, 06 control sheet, 07 tracking book (the list
of Appendix I as published by thuviennhadat.vn, "Tải file word biểu mẫu Thông tư 03/2025/TT-VPCP").
The profile is an office setting (``Office.regulation_profile``), but a dossier received before
1 July 2025 is printed on the 2018 forms (:func:`office_for`), so a reprint matches the receipt
the citizen holds. Documents never spell a number or a legal basis themselves: they ask
:func:`form_info`.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from counter_app.insurance import Scheme, scheme_of
from counter_app.models import Dossier, Office
from counter_app.text import fold


class FormKind(StrEnum):
    """The papers printing knows, named after what the counter does."""

    RECEIPT = "receipt"
    SUPPLEMENT = "supplement"
    REFUSAL = "refusal"
    APOLOGY = "apology"
    CONTROL_SHEET = "control_sheet"
    DAILY_LOG = "daily_log"
    STOP_NOTICE = "stop_notice"


@dataclass(frozen=True)
class FormInfo:
    """What the top-right corner of a paper says: its number and the text that issued it."""

    number: str  # e.g. "Mẫu số 01"
    legal_basis: str  # one line, printed in italics under the number
    title: str = ""  # the paper's title where the profile renamed it ("" : the document's own)


TT01_2018 = "tt01-2018"
DEFAULT_PROFILE = "nd118-2025"
# Dossiers received from this day on are handled under Decree 118/2025/NĐ-CP.
ND118_IN_FORCE = date(2025, 7, 1)

_TT01 = "Ban hành kèm theo Thông tư số 01/2018/TT-VPCP ngày 23 tháng 11 năm 2018 của Văn phòng Chính phủ"
_TT03 = "Ban hành kèm theo Thông tư số 03/2025/TT-VPCP ngày 15 tháng 9 năm 2025 của Văn phòng Chính phủ"
# The insurance declarations are Viet Nam Social Security's and the Government's forms, outside
# the one-stop regulations: one profile per text that issued them.
# - Decision 490/QĐ-BHXH (28/3/2023): the TK1-TS every participant filled until 30/4/2026.
# - Decision 366/QĐ-BHXH (29/4/2026, in force 1/5/2026; its Art. 2 ends 595/QĐ-BHXH and 490):
#   a new TK1-TS (A. Đăng ký tham gia, items [01]–[15]; B. Điều chỉnh thông tin, [16]–[17]) for
#   social insurance participants, while who takes health insurance only declares on Mẫu số 2 of
#   Decree 188/2025/NĐ-CP and a household lists its members on Mẫu số 4 (Decision 366 Art. 4(1)(b)
#   and (4.1)(a)). Source: the decision's text and its attached forms ("Mau bieu"), as kept in the
#   public repository Hoang-it/legal-graph-kb (data/graph/raw/366_QD-BHXH_704900.docx).
TK1_TS_490 = "qd490-2023"
TK1_TS_366 = "qd366-2026"
HI_DECLARATION_188 = "nd188-mau2"
HOUSEHOLD_LIST_188 = "nd188-mau4"
_ND188 = "Kèm theo Nghị định số 188/2025/NĐ-CP ngày 01 tháng 7 năm 2025 của Chính phủ"
INSURANCE_FORMS: dict[str, FormInfo] = {
    TK1_TS_490: FormInfo("Mẫu TK1-TS", "Ban hành kèm theo Quyết định số 490/QĐ-BHXH ngày 28 tháng 3 năm 2023 "
                                       "của BHXH Việt Nam"),
    TK1_TS_366: FormInfo("Mẫu TK1-TS", "Ban hành kèm theo Quyết định số 366/QĐ-BHXH ngày 29/4/2026 "
                                       "của BHXH Việt Nam"),
    HI_DECLARATION_188: FormInfo("Mẫu số 2", _ND188),
    HOUSEHOLD_LIST_188: FormInfo("Mẫu số 4", _ND188),
}
QD366_IN_FORCE = date(2026, 5, 1)

REGULATIONS: dict[str, dict[FormKind, FormInfo]] = {
    TT01_2018: {
        FormKind.RECEIPT: FormInfo("Mẫu số 01", _TT01),
        FormKind.SUPPLEMENT: FormInfo("Mẫu số 02", _TT01),
        FormKind.REFUSAL: FormInfo("Mẫu số 03", _TT01),
        FormKind.APOLOGY: FormInfo("Mẫu số 04", _TT01),
        FormKind.CONTROL_SHEET: FormInfo("Mẫu số 05", _TT01),
        FormKind.DAILY_LOG: FormInfo("Mẫu số 06", _TT01),
    },
    DEFAULT_PROFILE: {
        FormKind.RECEIPT: FormInfo("Mẫu số 01", _TT03),
        FormKind.SUPPLEMENT: FormInfo("Mẫu số 02", _TT03),
        FormKind.REFUSAL: FormInfo("Mẫu số 03", _TT03),
        # Appendix I renamed Mẫu 04: the office apologises and asks the citizen to accept a later date.
        FormKind.APOLOGY: FormInfo("Mẫu số 04", _TT03,
                                   title="VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT HỒ SƠ"),
        FormKind.STOP_NOTICE: FormInfo("Mẫu số 05", _TT03),
        FormKind.CONTROL_SHEET: FormInfo("Mẫu số 06", _TT03),
        FormKind.DAILY_LOG: FormInfo("Mẫu số 07", _TT03),
    },
}

# Who receives the dossier, as each profile's papers name it: since Decree 118/2025 Art. 7(3)
# the commune's one-stop unit is the "Trung tâm Phục vụ hành chính công cấp xã".
CENTRE = "Trung tâm Phục vụ hành chính công"
RECEIVING_UNIT: dict[str, str] = {
    TT01_2018: "Bộ phận tiếp nhận và trả kết quả",
    DEFAULT_PROFILE: f"{CENTRE} cấp xã",
}


def form_info(profile: str, kind: FormKind) -> FormInfo:
    """The number and legal basis of ``kind`` under ``profile``.

    An unknown profile (a typo in the office settings, or a profile added by a newer version)
    falls back to the current regulation rather than refusing to print a citizen's receipt; so
    does a paper the older rules did not have (a stop notice for a dossier received in 2024 is
    issued under today's rules).
    """
    table = REGULATIONS.get(profile) or REGULATIONS[DEFAULT_PROFILE]
    found = table.get(kind) or REGULATIONS[DEFAULT_PROFILE].get(kind)
    if found is None:
        raise KeyError(f"regulation profile {profile!r} has no form {kind.value!r}")
    return found


def receiving_unit(profile: str) -> str:
    """The receiving unit as the papers of ``profile`` name it (the current one when unknown)."""
    return RECEIVING_UNIT.get(profile) or RECEIVING_UNIT[DEFAULT_PROFILE]


def insurance_form(dossier: Dossier) -> str | None:
    """The declaration an insurance dossier is printed on (a key of ``INSURANCE_FORMS``); None for other dossiers.

    Received before 1/5/2026: the TK1-TS of Decision 490 for every insurance procedure. From then
    on (Decision 366 Art. 4): voluntary social insurance declares on the new TK1-TS, a household
    lists its members on Mẫu số 4, and every other health-insurance-only procedure (a card
    reissued, details corrected) declares on Mẫu số 2.
    """
    scheme = scheme_of(dossier.procedure)
    if scheme is None and not _about_health_insurance(dossier):
        return None
    if dossier.received_at.date() < QD366_IN_FORCE:
        return TK1_TS_490
    return {Scheme.VOLUNTARY: TK1_TS_366, Scheme.HOUSEHOLD: HOUSEHOLD_LIST_188}.get(scheme, HI_DECLARATION_188)


def _about_health_insurance(dossier: Dossier) -> bool:
    words = f" {fold(dossier.procedure.code)} {fold(dossier.procedure.name)} "
    return " bhyt " in words.replace(".", " ") or "bao hiem y te" in words


def profile_for(office_profile: str, received_at: datetime) -> str:
    """The profile a dossier is printed under: the 2018 forms for one received before 1/7/2025."""
    return TT01_2018 if received_at.date() < ND118_IN_FORCE else office_profile


def office_for(office: Office, dossier: Dossier) -> Office:
    """``office`` carrying the profile ``dossier`` is printed under (see :func:`profile_for`)."""
    profile = profile_for(office.regulation_profile, dossier.received_at)
    return office if profile == office.regulation_profile else replace(office, regulation_profile=profile)

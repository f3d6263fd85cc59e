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

from counter_app.models import Dossier, Office


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
    to_check: bool = False  # True while nobody has compared it with the published text
    title: str = ""  # the paper's title where the profile renamed it ("" : the document's own)


TT01_2018 = "tt01-2018"
DEFAULT_PROFILE = "nd118-2025"
# Dossiers received from this day on are handled under Decree 118/2025/NĐ-CP.
ND118_IN_FORCE = date(2025, 7, 1)

_TT01 = "Ban hành kèm theo Thông tư số 01/2018/TT-VPCP ngày 23 tháng 11 năm 2018 của Văn phòng Chính phủ"
_TT03 = "Ban hành kèm theo Thông tư số 03/2025/TT-VPCP ngày 15 tháng 9 năm 2025 của Văn phòng Chính phủ"
# The TK1-TS is Viet Nam Social Security's form, outside the one-stop regulations: it has its own
# profiles, one per decision that issued it. Decision 490/QĐ-BHXH (28/3/2023) is the version the
# software in use 2023–2026 prints; Decision 366/QĐ-BHXH (29/4/2026) issued a new collection
# procedure with a TK1-TS whose text was not found: its profile prints the same items, to check.
TK1_TS_490 = "qd490-2023"
TK1_TS_366 = "qd366-2026"
TK1_TS: dict[str, FormInfo] = {
    TK1_TS_490: FormInfo("Mẫu TK1-TS", "Ban hành kèm theo Quyết định số 490/QĐ-BHXH ngày 28 tháng 3 năm 2023 "
                                       "của BHXH Việt Nam"),
    TK1_TS_366: FormInfo("Mẫu TK1-TS", "Ban hành kèm theo Quyết định số 366/QĐ-BHXH ngày 29 tháng 4 năm 2026 "
                                       "của BHXH Việt Nam", to_check=True),
}
DEFAULT_TK1_TS = TK1_TS_490

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


def profile_for(office_profile: str, received_at: datetime) -> str:
    """The profile a dossier is printed under: the 2018 forms for one received before 1/7/2025."""
    return TT01_2018 if received_at.date() < ND118_IN_FORCE else office_profile


def office_for(office: Office, dossier: Dossier) -> Office:
    """``office`` carrying the profile ``dossier`` is printed under (see :func:`profile_for`)."""
    profile = profile_for(office.regulation_profile, dossier.received_at)
    return office if profile == office.regulation_profile else replace(office, regulation_profile=profile)

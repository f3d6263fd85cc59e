"""Form numbers and legal-basis lines of the one-stop papers, one profile per regulation.

The forms were issued with Circular 01/2018/TT-VPCP (guiding Decree 61/2018/NĐ-CP); Decree
118/2025/NĐ-CP renewed the one-stop mechanism from 1 July 2025, renumbered the forms and added a
notice of stopping processing. Offices move from one to the other at their own pace, so the
profile is a setting (``Office.regulation_profile``) and the documents never spell a number or a
legal basis themselves: they ask :func:`form_info`.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FormKind(StrEnum):
    """The papers printing knows, named after what the counter does."""

    RECEIPT = "receipt"
    SUPPLEMENT = "supplement"
    REFUSAL = "refusal"
    APOLOGY = "apology"
    CONTROL_SHEET = "control_sheet"
    DAILY_LOG = "daily_log"
    STOP_NOTICE = "stop_notice"
    HI_CARD_REQUEST = "hi_card_request"


@dataclass(frozen=True)
class FormInfo:
    """What the top-right corner of a paper says: its number and the text that issued it."""

    number: str  # e.g. "Mẫu số 01"
    legal_basis: str  # one line, printed in italics under the number
    to_check: bool = False  # True while nobody has compared it with the published text


DEFAULT_PROFILE = "nd118-2025"

_TT01 = "Ban hành kèm theo Thông tư số 01/2018/TT-VPCP ngày 23 tháng 11 năm 2018 của Văn phòng Chính phủ"
# The decree's date (09/6/2025) is known; the exact form numbers in its annex are not yet
# confirmed against the published text: to_check=True below marks every such entry.
_ND118 = "Ban hành kèm theo Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ"
# Papers outside the one-stop regulations keep their own basis whatever the profile.
_TK1_TS = FormInfo("Mẫu TK1-TS", "Ban hành kèm theo Quyết định số 490/QĐ-BHXH ngày 28 tháng 3 năm 2023 của BHXH Việt Nam", True)

REGULATIONS: dict[str, dict[FormKind, FormInfo]] = {
    "tt01-2018": {
        FormKind.RECEIPT: FormInfo("Mẫu số 01", _TT01),
        FormKind.SUPPLEMENT: FormInfo("Mẫu số 02", _TT01),
        FormKind.REFUSAL: FormInfo("Mẫu số 03", _TT01),
        FormKind.APOLOGY: FormInfo("Mẫu số 04", _TT01),
        FormKind.CONTROL_SHEET: FormInfo("Mẫu số 05", _TT01),
        FormKind.DAILY_LOG: FormInfo("Mẫu số 06", _TT01),
        FormKind.HI_CARD_REQUEST: _TK1_TS,
    },
    # TO BE CHECKED against the annex of Decree 118/2025/NĐ-CP: the order of the 2018 forms is
    # kept and the new notice of stopping processing is put last until the numbers are confirmed.
    "nd118-2025": {
        FormKind.RECEIPT: FormInfo("Mẫu số 01", _ND118, True),
        FormKind.SUPPLEMENT: FormInfo("Mẫu số 02", _ND118, True),
        FormKind.REFUSAL: FormInfo("Mẫu số 03", _ND118, True),
        FormKind.APOLOGY: FormInfo("Mẫu số 04", _ND118, True),
        FormKind.CONTROL_SHEET: FormInfo("Mẫu số 05", _ND118, True),
        FormKind.DAILY_LOG: FormInfo("Mẫu số 06", _ND118, True),
        FormKind.STOP_NOTICE: FormInfo("Mẫu số 07", _ND118, True),
        FormKind.HI_CARD_REQUEST: _TK1_TS,
    },
}


def form_info(profile: str, kind: FormKind) -> FormInfo:
    """The number and legal basis of ``kind`` under ``profile``.

    An unknown profile (a typo in the office settings, or a profile added by a newer version)
    falls back to the current regulation rather than refusing to print a citizen's receipt.
    """
    table = REGULATIONS.get(profile) or REGULATIONS[DEFAULT_PROFILE]
    try:
        return table[kind]
    except KeyError:
        raise KeyError(f"regulation profile {profile!r} has no form {kind.value!r}") from None

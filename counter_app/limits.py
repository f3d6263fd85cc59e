"""What input may be: how long each text field is, and which dates are believable.

One table serves the services (which refuse what is out of bounds), the JSON import and
the counter form's widgets (which stop typing at the same length), so the three can never
disagree. The bounds come from the portal record and the papers, not from taste: a full
name longer than 100 characters does not fit on the receipt or the citizen identity card,
an e-mail address is at most 254 characters (RFC 5321), and a 3-million-character name
once made a receipt take two minutes to print.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .errors import ValidationError
from .text import clean_text

__all__ = [
    "CLOCK_SKEW",
    "EARLIEST_BIRTH_DATE",
    "EARLIEST_RECEIVED_AT",
    "HISTORY_WINDOW",
    "MAX_COUNT",
    "MAX_FEE_VND",
    "FieldLimit",
    "check_birth_date",
    "check_received_at",
]


@dataclass(frozen=True)
class FieldLimit:
    """One text field: its key (as in the import file), its Vietnamese label and its maximum length."""

    key: str
    label: str
    max_length: int
    one_line: bool = True

    def clean(self, text: str) -> str:
        """``text`` in its stored form (see :func:`counter_app.text.clean_text`), refused when too long.

        The message names the field and the limit, never the text: it may be personal data.
        """
        cleaned = clean_text(text, one_line=self.one_line)
        if len(cleaned) > self.max_length:
            raise ValidationError(
                f"{self.label} quá dài: tối đa {self.max_length} ký tự (nhận được {len(cleaned)})."
            )
        return cleaned


FULL_NAME = FieldLimit("full_name", "Họ và tên", 100)
ADDRESS = FieldLimit("address", "Địa chỉ", 300)
EMAIL = FieldLimit("email", "Email", 254)
PHONE = FieldLimit("phone", "Số điện thoại", 20)
PERSONAL_ID = FieldLimit("personal_id", "Số định danh cá nhân", 20)
OLD_ID = FieldLimit("old_id", "Số CMND", 20)
SOCIAL_INSURANCE_NO = FieldLimit("social_insurance_no", "Mã số BHXH", 20)
HI_CARD_CODE = FieldLimit("hi_card_code", "Mã thẻ BHYT", 20)
SUBJECT_NAME = FieldLimit("subject_full_name", "Họ và tên người được cấp / chủ hồ sơ", 100)
SUBJECT_RELATION = FieldLimit("subject_relation", "Quan hệ với người nộp", 100)
AUTHORISATION = FieldLimit("authorisation", "Giấy ủy quyền", 300)
PAPER_NAME = FieldLimit("paper_name", "Tên giấy tờ", 300)
FEE_NAME = FieldLimit("fee_name", "Tên phí, lệ phí", 300)
EXEMPT_REASON = FieldLimit("exempt_reason", "Lý do miễn phí, lệ phí", 300)
DELIVERY_ADDRESS = FieldLimit("delivery_address", "Địa chỉ nhận kết quả", 300)
SUMMARY = FieldLimit("summary", "Trích yếu hồ sơ", 500)
NOTE = FieldLimit("note", "Ghi chú", 2000, one_line=False)
REASON = FieldLimit("reason", "Lý do", 2000, one_line=False)
# Why an electronic copy was withdrawn: one line for the clerk to say what was wrong with it.
DETACH_REASON = FieldLimit("detach_reason", "Lý do gỡ bản điện tử", 200)
AGENCY = FieldLimit("processing_agency", "Cơ quan chủ trì giải quyết", 300)
RECIPIENT = FieldLimit("recipient", "Tên người nhận kết quả", 100)
CLIENT_REF = FieldLimit("client_ref", "Mã tham chiếu của tệp nhập", 64)
DATE_TEXT = FieldLimit("date_text", "Ngày", 20)  # a date as typed ("01/02/1999"), before it is parsed

# Sets of a dossier and copies of a paper: the form's spin boxes stop here too.
MAX_COUNT = 99
# Far above any fee a commune charges, far below what SQLite's 64-bit integers hold.
MAX_FEE_VND = 1_000_000_000_000

# Nobody alive was born before 1900, and the CCCD's century digit starts there.
EARLIEST_BIRTH_DATE = date(1900, 1, 1)
# Dossier codes carry a two-digit year (yymmdd): 1999 and 2099 would share codes.
EARLIEST_RECEIVED_AT = datetime(2000, 1, 1)
# Two clocks (the counter PC and a scanner or another PC) may disagree by a few minutes.
CLOCK_SKEW = timedelta(minutes=5)
# A receipt time older than this is a typo (2016 for 2026) unless an administrator imports history.
HISTORY_WINDOW = timedelta(days=365)


def check_birth_date(value: date, today: date) -> None:
    """A birth date is neither in the future nor before 1900."""
    if value > today:
        raise ValidationError("Ngày sinh ở tương lai.")
    if value < EARLIEST_BIRTH_DATE:
        raise ValidationError("Ngày sinh trước năm 1900.")


def check_received_at(value: datetime, now: datetime, *, history: bool) -> None:
    """A receipt time is not ahead of the clock (beyond the skew) nor, unless importing history, a year old."""
    if value > now + CLOCK_SKEW:
        raise ValidationError("Thời gian nhận hồ sơ ở tương lai.")
    if value < EARLIEST_RECEIVED_AT:
        raise ValidationError("Thời gian nhận hồ sơ trước năm 2000.")
    if not history and value < now - HISTORY_WINDOW:
        raise ValidationError(
            "Thời gian nhận hồ sơ đã quá một năm; chỉ quản trị viên nhập hồ sơ cũ (--import-history) mới được."
        )

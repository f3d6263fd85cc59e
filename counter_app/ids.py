"""Identity numbers a counter reads: personal ID, old CMND, BHYT card, BHXH number, CCCD QR.

The rules are those of Circular 07/2016/TT-BCA (personal ID) and of Vietnam Social Security
(BHXH/BHYT codes); see ARCHITECTURE.md §2. Checking them at the counter catches a mistyped
digit before the dossier reaches the portal, where a bad ID means the citizen comes back.
Every parser raises ``ValueError`` with a Vietnamese message that staff can read to the
citizen; messages never repeat a full number, because that is personal data and error
messages end up in logs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from . import clock
from .resources import resource_path
from .text import clean_text, collapse_spaces

__all__ = [
    "CccdQr",
    "HiCard",
    "PersonalId",
    "parse_cccd_qr",
    "parse_hi_card",
    "parse_old_id",
    "parse_personal_id",
    "parse_social_insurance_no",
    "province_codes",
    "validate_email",
    "validate_phone",
]

_DIGITS_12 = re.compile(r"[0-9]{12}")
_HI_CARD = re.compile(r"[A-Z]{2}[1-5][0-9]{2}[0-9]{10}")
_SEPARATORS = re.compile(r"[\s.\-()]")
_MOBILE = re.compile(r"0[35789][0-9]{8}")
_LANDLINE = re.compile(r"02[0-9]{9}")
_INTERNATIONAL = re.compile(r"\+[1-9][0-9]{7,14}")
_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+")
_DOMAIN_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


@lru_cache(maxsize=1)
def province_codes() -> frozenset[str]:
    """The 63 pre-2025 province codes; IDs keep them after the 2025 merger, so they never change."""
    lines = resource_path("data", "province-codes-63.tsv").read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("\t", 1)[0] for line in lines[1:] if line.strip())


@dataclass(frozen=True)
class PersonalId:
    """A checked 12-digit personal identification number (số định danh cá nhân)."""

    number: str
    province_code: str  # 3 digits: province of birth registration, or a country code
    sex: str  # "male" / "female"
    birth_year: int
    born_abroad: bool = False


@dataclass(frozen=True)
class HiCard:
    """A checked 15-character health-insurance card code (mã thẻ BHYT)."""

    code: str
    group: str  # beneficiary group, 2 letters (e.g. GD = household)
    benefit_level: int  # 1–5
    province_code: str  # 2 digits
    social_insurance_no: str  # 10 digits (mã số BHXH)


@dataclass(frozen=True)
class CccdQr:
    """The seven fields of the QR code printed on a chip CCCD / căn cước card."""

    personal_id: str
    old_id: str
    full_name: str
    birth_date: date
    sex: str  # "male" / "female"
    address: str
    issue_date: date


def _strip_digits(text: str, *, what: str, length: int) -> str:
    """Strip spaces around (and inside) a plain number and check it is ``length`` ASCII digits."""
    value = "".join(text.split())
    if not (len(value) == length and value.isascii() and value.isdigit()):
        raise ValueError(f"{what} phải gồm {length} chữ số.")
    return value


def parse_personal_id(text: str, today: date | None = None) -> PersonalId:
    """Check a personal ID and read the facts it encodes (province, sex, birth year).

    Digit 4 encodes century and sex together (0/1 → 1900s, 2/3 → 2000s, …; even male, odd
    female). A first digit other than 0 is a country code of a citizen born abroad, which we
    cannot check against a table we do not ship, so we accept it and say so.
    """
    value = text.strip()
    if not _DIGITS_12.fullmatch(value):
        if not value or (value.isascii() and value.isdigit()):
            raise ValueError("Số định danh cá nhân phải gồm 12 chữ số.")
        raise ValueError("Số định danh cá nhân chỉ được gồm chữ số (12 chữ số).")
    province = value[:3]
    born_abroad = province[0] != "0"
    if not born_abroad and province not in province_codes():
        raise ValueError(f"Mã tỉnh «{province}» trong số định danh không tồn tại.")
    century_sex = int(value[3])
    birth_year = 1900 + 100 * (century_sex // 2) + int(value[4:6])
    current_year = (today or clock.today()).year
    if birth_year > current_year:
        raise ValueError(f"Năm sinh trong số định danh ({birth_year}) ở tương lai.")
    return PersonalId(
        number=value,
        province_code=province,
        sex="female" if century_sex % 2 else "male",
        birth_year=birth_year,
        born_abroad=born_abroad,
    )


def parse_old_id(text: str) -> str:
    """Check an old 9-digit identity card number (CMND), still printed in the CCCD QR code."""
    return _strip_digits(text, what="Số CMND cũ", length=9)


def parse_social_insurance_no(text: str) -> str:
    """Check a 10-digit social insurance number (mã số BHXH); spaces between groups are fine."""
    return _strip_digits(text, what="Mã số BHXH", length=10)


def parse_hi_card(text: str) -> HiCard:
    """Check a health-insurance card code and split it into its four parts.

    Cards print the code in groups ("GD 4 79 7933339988") and staff type it in lower case,
    so spaces are dropped and letters upper-cased before the check.
    """
    code = "".join(text.split()).upper()
    if not _HI_CARD.fullmatch(code):
        raise ValueError(
            "Mã thẻ BHYT phải gồm 15 ký tự: 2 chữ cái, 1 chữ số mức hưởng (1–5), "
            "2 chữ số mã tỉnh và 10 chữ số mã số BHXH."
        )
    return HiCard(
        code=code,
        group=code[:2],
        benefit_level=int(code[2]),
        province_code=code[3:5],
        social_insurance_no=code[5:],
    )


def _qr_date(value: str, *, what: str) -> date:
    """Read a ddmmyyyy date of the QR code."""
    if not (len(value) == 8 and value.isascii() and value.isdigit()):
        raise ValueError(f"{what} trong mã QR phải có dạng ngày tháng năm (ddmmyyyy).")
    try:
        return date(int(value[4:]), int(value[2:4]), int(value[:2]))
    except ValueError:
        raise ValueError(f"{what} trong mã QR không phải là ngày hợp lệ.") from None


def _qr_sex(value: str) -> str:
    """Map "Nam"/"Nữ" (any case) to our "male"/"female"."""
    sexes = {"nam": "male", "nữ": "female"}
    try:
        return sexes[value.casefold()]
    except KeyError:
        raise ValueError("Giới tính trong mã QR phải là «Nam» hoặc «Nữ».") from None


def parse_cccd_qr(text: str, today: date | None = None) -> CccdQr:
    """Read the QR code of a chip CCCD as a USB scanner types it, and cross-check its fields.

    Scanners add CR/LF and stray spaces, and some send NFD; the whole text is normalised
    first. The ID is checked with :func:`parse_personal_id` and must agree with the birth
    date and sex printed beside it: a disagreement means a misread or a forged card.
    """
    fields = [field.strip() for field in clean_text(text, one_line=False).split("|")]
    if len(fields) != 7:
        raise ValueError(
            f"Mã QR trên CCCD phải có 7 trường ngăn cách bởi «|» (đọc được {len(fields)} trường)."
        )
    raw_id, raw_old_id, raw_name, raw_birth, raw_sex, raw_address, raw_issue = fields
    today = today or clock.today()
    personal = parse_personal_id(raw_id, today=today)
    old_id = parse_old_id(raw_old_id) if raw_old_id else ""
    full_name = collapse_spaces(raw_name)
    if not full_name:
        raise ValueError("Mã QR trên CCCD không có họ và tên.")
    birth_date = _qr_date(raw_birth, what="Ngày sinh")
    issue_date = _qr_date(raw_issue, what="Ngày cấp")
    sex = _qr_sex(raw_sex)
    if birth_date > today:
        raise ValueError("Ngày sinh trong mã QR ở tương lai.")
    if issue_date > today or issue_date < birth_date:
        raise ValueError("Ngày cấp trong mã QR không hợp lệ.")
    if personal.birth_year != birth_date.year:
        raise ValueError(
            f"Năm sinh trong số định danh ({personal.birth_year}) không khớp với "
            f"ngày sinh trong mã QR (năm {birth_date.year})."
        )
    if personal.sex != sex:
        raise ValueError("Giới tính trong số định danh không khớp với giới tính trong mã QR.")
    return CccdQr(
        personal_id=personal.number,
        old_id=old_id,
        full_name=full_name,
        birth_date=birth_date,
        sex=sex,
        address=collapse_spaces(raw_address),
        issue_date=issue_date,
    )


def validate_phone(text: str) -> str:
    """Normalise a Vietnamese phone number to its 0-prefixed digits, or refuse it.

    Accepts what citizens write: "+84 912.345.678", "0912-345-678", "(024) 3825 1234".
    Mobiles have 10 digits (03/05/07/08/09); landlines 11 digits starting 02 (area code
    since the 2017 renumbering). A citizen living abroad gives a foreign number: kept in the
    international form "+4915112345678" (ITU-T E.164: a country code and at most 15 digits),
    which the portal's SoDienThoai accepts.
    """
    value = _SEPARATORS.sub("", text)
    if value.startswith("+") and not value.startswith("+84"):
        if _INTERNATIONAL.fullmatch(value):
            return value
        raise ValueError("Số điện thoại nước ngoài phải có dạng +mã nước và số, tổng cộng 8 đến 15 chữ số "
                         "(ví dụ +49 151 1234 5678).")
    if value.startswith("+84"):
        value = "0" + value[3:]
    elif value.startswith("84") and len(value) in (11, 12):
        value = "0" + value[2:]
    if not (value.isascii() and value.isdigit()):
        raise ValueError(
            "Số điện thoại chỉ được gồm chữ số (có thể kèm +84, dấu cách, chấm, gạch)."
        )
    if _MOBILE.fullmatch(value) or _LANDLINE.fullmatch(value):
        return value
    raise ValueError(
        "Số điện thoại không hợp lệ: di động gồm 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09; "
        "cố định gồm 11 chữ số bắt đầu bằng 02."
    )


def validate_email(text: str) -> str:
    """A pragmatic e-mail check for the receipt and the portal record; returns the address.

    Full RFC 5322 accepts addresses no mail server near a commune office will deliver to;
    this asks for one "@", a plain local part and a dotted domain with a letter TLD. The
    domain is lower-cased (it is case-insensitive); the local part is kept as typed.
    """
    value = text.strip()
    local, at, domain = value.rpartition("@")
    domain = domain.lower()
    labels = domain.split(".")
    valid = (
        bool(at)
        and 0 < len(local) <= 64
        and len(value) <= 254
        and _EMAIL_LOCAL.fullmatch(local) is not None
        and not local.startswith(".")
        and not local.endswith(".")
        and ".." not in local
        and len(labels) >= 2
        and all(_DOMAIN_LABEL.fullmatch(label) for label in labels)
        and labels[-1].isalpha()
        and len(labels[-1]) >= 2
    )
    if not valid:
        raise ValueError("Địa chỉ email không hợp lệ (ví dụ đúng: ten@example.vn).")
    return f"{local}@{domain}"

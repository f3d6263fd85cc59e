"""Rules for identity numbers: personal ID, old CMND, BHYT card, BHXH number, CCCD QR, contacts."""
from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from counter_app.ids import (
    parse_cccd_qr,
    parse_hi_card,
    parse_old_id,
    parse_personal_id,
    parse_social_insurance_no,
    province_codes,
    validate_email,
    validate_phone,
)

TODAY = date(2026, 11, 22)
PROVINCES = sorted(province_codes())
SAMPLE_QR = (
    "001099012345|123456789|Nguyễn Văn Đức|01021999|Nam|"
    "Số 1 Ngõ 2, Phường Ba Đình, Hà Nội|15082021\r\n"
)


def make_id(province: str, sex: str, year: int, tail: str) -> str:
    """Build a 12-digit ID by the Circular 07/2016 layout (independent of the parser)."""
    century_sex = (year // 100 - 19) * 2 + (1 if sex == "female" else 0)
    return f"{province}{century_sex}{year % 100:02d}{tail}"


# -- personal ID --------------------------------------------------------------------------------

def test_province_table_has_the_63_codes() -> None:
    assert len(PROVINCES) == 63
    assert {"001", "079", "096"} <= set(PROVINCES)


def test_parse_personal_id_example() -> None:
    pid = parse_personal_id(" 001099012345 \n", today=TODAY)
    assert (pid.number, pid.province_code, pid.sex, pid.birth_year, pid.born_abroad) == (
        "001099012345", "001", "male", 1999, False,
    )
    assert parse_personal_id("079305000123", today=TODAY).sex == "female"
    assert parse_personal_id("079305000123", today=TODAY).birth_year == 2005


def test_default_today_is_the_real_date() -> None:
    assert parse_personal_id("001099012345").birth_year == 1999


def test_country_code_of_people_born_abroad_is_accepted() -> None:
    pid = parse_personal_id("840185001234", today=TODAY)
    assert pid.born_abroad and pid.province_code == "840"
    assert (pid.sex, pid.birth_year) == ("female", 1985)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("00109901234", "Số định danh cá nhân phải gồm 12 chữ số."),
        ("0010990123456", "Số định danh cá nhân phải gồm 12 chữ số."),
        ("", "Số định danh cá nhân phải gồm 12 chữ số."),
        ("00109901234A", "chỉ được gồm chữ số"),
        ("001 099 012345", "chỉ được gồm chữ số"),
        ("００１０９９０１２３４５", "chỉ được gồm chữ số"),
        ("099099012345", "Mã tỉnh «099» trong số định danh không tồn tại."),
        ("000099012345", "Mã tỉnh «000»"),
        ("001231012345", "Năm sinh trong số định danh (2031) ở tương lai."),
        ("001427012345", "(2127) ở tương lai"),
    ],
)
def test_parse_personal_id_rejects(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")) as err:
        parse_personal_id(text, today=TODAY)
    if len(text.strip()) >= 12:
        assert text.strip() not in str(err.value)  # never echo the number


@given(
    province=st.sampled_from(PROVINCES),
    sex=st.sampled_from(["male", "female"]),
    year=st.integers(1900, TODAY.year),
    tail=st.text(alphabet="0123456789", min_size=6, max_size=6),
)
def test_personal_id_round_trip(province: str, sex: str, year: int, tail: str) -> None:
    number = make_id(province, sex, year, tail)
    pid = parse_personal_id(f"  {number} ", today=TODAY)
    assert (pid.number, pid.province_code, pid.sex, pid.birth_year, pid.born_abroad) == (
        number, province, sex, year, False,
    )


@given(
    country=st.integers(100, 999).map(str),
    sex=st.sampled_from(["male", "female"]),
    year=st.integers(1900, TODAY.year),
    tail=st.text(alphabet="0123456789", min_size=6, max_size=6),
)
def test_personal_id_round_trip_born_abroad(country: str, sex: str, year: int, tail: str) -> None:
    pid = parse_personal_id(make_id(country, sex, year, tail), today=TODAY)
    assert pid.born_abroad and (pid.province_code, pid.sex, pid.birth_year) == (country, sex, year)


@given(
    province=st.integers(0, 99).map(lambda n: f"0{n:02d}"),
    rest=st.text(alphabet="0123456789", min_size=9, max_size=9),
)
def test_unknown_province_is_rejected(province: str, rest: str) -> None:
    assume(province not in PROVINCES)
    with pytest.raises(ValueError, match=f"«{province}»"):
        parse_personal_id(province + rest, today=TODAY)


@given(
    province=st.sampled_from(PROVINCES),
    sex=st.sampled_from(["male", "female"]),
    year=st.integers(TODAY.year + 1, 2399),
    tail=st.text(alphabet="0123456789", min_size=6, max_size=6),
)
def test_future_birth_year_is_rejected(province: str, sex: str, year: int, tail: str) -> None:
    with pytest.raises(ValueError, match=f"\\({year}\\) ở tương lai"):
        parse_personal_id(make_id(province, sex, year, tail), today=TODAY)


@given(st.text(max_size=20))
def test_personal_id_parser_accepts_only_twelve_ascii_digits(text: str) -> None:
    stripped = text.strip()
    if len(stripped) == 12 and stripped.isascii() and stripped.isdigit():
        return
    with pytest.raises(ValueError):
        parse_personal_id(text, today=TODAY)


# -- old CMND, BHXH, BHYT -----------------------------------------------------------------------

def test_old_id_and_social_insurance_no() -> None:
    assert parse_old_id(" 123456789 ") == "123456789"
    assert parse_social_insurance_no("79 3333 9988\n") == "7933339988"
    with pytest.raises(ValueError, match=r"Số CMND cũ phải gồm 9 chữ số\."):
        parse_old_id("12345678")
    with pytest.raises(ValueError, match=r"Mã số BHXH phải gồm 10 chữ số\."):
        parse_social_insurance_no("79333399AB")


def test_parse_hi_card_example() -> None:
    card = parse_hi_card(" gd 4 79 7933339988 ")
    assert (card.code, card.group, card.benefit_level) == ("GD4797933339988", "GD", 4)
    assert (card.province_code, card.social_insurance_no) == ("79", "7933339988")


@pytest.mark.parametrize(
    "text",
    ["GD6797933339988", "G14797933339988", "GD479793333998", "GD47979333399881", "ĐD4797933339988", ""],
)
def test_parse_hi_card_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="Mã thẻ BHYT phải gồm 15 ký tự"):
        parse_hi_card(text)


@given(
    group=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2),
    level=st.integers(1, 5),
    province=st.text(alphabet="0123456789", min_size=2, max_size=2),
    bhxh=st.text(alphabet="0123456789", min_size=10, max_size=10),
)
def test_hi_card_round_trip(group: str, level: int, province: str, bhxh: str) -> None:
    card = parse_hi_card(f"{group.lower()} {level}{province} {bhxh}")
    assert (card.group, card.benefit_level, card.province_code, card.social_insurance_no) == (
        group, level, province, bhxh,
    )
    assert card.code == f"{group}{level}{province}{bhxh}"
    assert parse_social_insurance_no(card.social_insurance_no) == bhxh


# -- CCCD QR ------------------------------------------------------------------------------------

def test_parse_cccd_qr_sample() -> None:
    qr = parse_cccd_qr(SAMPLE_QR, today=TODAY)
    assert qr.personal_id == "001099012345"
    assert qr.old_id == "123456789"
    assert qr.full_name == "Nguyễn Văn Đức"
    assert qr.birth_date == date(1999, 2, 1)
    assert qr.sex == "male"
    assert qr.address == "Số 1 Ngõ 2, Phường Ba Đình, Hà Nội"
    assert qr.issue_date == date(2021, 8, 15)


def test_parse_cccd_qr_tolerates_nfd_spaces_and_empty_old_id() -> None:
    raw = "\n 079305000123||Trần  Thị Hoà |28022005| Nữ |Quận 1, TP HCM|01032022 \r\n"
    text = unicodedata.normalize("NFD", raw)
    qr = parse_cccd_qr(text, today=TODAY)
    assert qr.full_name == "Trần Thị Hoà"
    assert unicodedata.is_normalized("NFC", qr.full_name)
    assert (qr.old_id, qr.sex, qr.birth_date) == ("", "female", date(2005, 2, 28))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("001099012345|123456789|Nguyễn Văn Đức|01021999|Nam", "7 trường"),
        (SAMPLE_QR.replace("01021999", "01022000"), r"\(1999\) không khớp"),
        (SAMPLE_QR.replace("|Nam|", "|Nữ|"), "Giới tính trong số định danh không khớp"),
        (SAMPLE_QR.replace("|Nam|", "|X|"), "«Nam» hoặc «Nữ»"),
        (SAMPLE_QR.replace("01021999", "31021999"), "Ngày sinh trong mã QR không phải là ngày"),
        (SAMPLE_QR.replace("15082021", "2021-08-15"), "Ngày cấp trong mã QR phải có dạng"),
        (SAMPLE_QR.replace("15082021", "15082030"), "Ngày cấp trong mã QR không hợp lệ"),
        (SAMPLE_QR.replace("Nguyễn Văn Đức", " "), "không có họ và tên"),
        (SAMPLE_QR.replace("001099", "099099"), "Mã tỉnh «099»"),
        (SAMPLE_QR.replace("123456789", "12345"), "Số CMND cũ phải gồm 9 chữ số"),
    ],
)
def test_parse_cccd_qr_rejects(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as err:
        parse_cccd_qr(text, today=TODAY)
    assert "001099012345" not in str(err.value)


@given(
    province=st.sampled_from(PROVINCES),
    sex=st.sampled_from(["male", "female"]),
    birth=st.dates(date(1900, 1, 1), date(2008, 12, 31)),
    tail=st.text(alphabet="0123456789", min_size=6, max_size=6),
    name=st.sampled_from(["Nguyễn Văn Đức", "Lê Thị Thuỷ", "Hoàng Ưng"]),
)
def test_cccd_qr_round_trip(province: str, sex: str, birth: date, tail: str, name: str) -> None:
    number = make_id(province, sex, birth.year, tail)
    sex_label = "Nam" if sex == "male" else "Nữ"
    text = f"{number}||{name}|{birth:%d%m%Y}|{sex_label}|Xã Tân Hòa|01072024\n"
    qr = parse_cccd_qr(text, today=TODAY)
    assert (qr.personal_id, qr.full_name, qr.birth_date, qr.sex) == (number, name, birth, sex)


# -- phone and e-mail ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("0912345678", "0912345678"),
        ("+84 912.345.678", "0912345678"),
        ("84-35-123-4567", "0351234567"),
        ("(024) 3825 1234", "02438251234"),
        ("+84 24 3825 1234", "02438251234"),
        (" 0779 999 888 ", "0779999888"),
        ("+49 151 1234 5678", "+4915112345678"),  # a citizen living abroad
        ("+1 212 555 0100", "+12125550100"),
    ],
)
def test_validate_phone_accepts(text: str, normalized: str) -> None:
    assert validate_phone(text) == normalized


@pytest.mark.parametrize(
    "text",
    ["0112345678", "091234567", "09123456789", "0912abc678", "", "0612345678", "+49 12", "+0 123 456 789",
     "+49 151 1234 5678 9999"],
)
def test_validate_phone_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="Số điện thoại"):
        validate_phone(text)


def test_a_foreign_number_is_refused_for_its_real_reason() -> None:
    with pytest.raises(ValueError, match="nước ngoài"):
        validate_phone("+49 12")


@given(
    prefix=st.sampled_from(["03", "05", "07", "08", "09"]),
    rest=st.text(alphabet="0123456789", min_size=8, max_size=8),
)
def test_mobile_round_trip(prefix: str, rest: str) -> None:
    number = prefix + rest
    spaced = f"+84 {number[1:4]}.{number[4:7]}-{number[7:]}"
    assert validate_phone(spaced) == validate_phone(number) == number


@pytest.mark.parametrize(
    ("text", "normalized"),
    [(" Duc.Nguyen@Example.VN ", "Duc.Nguyen@example.vn"), ("a+b@mail.gov.vn", "a+b@mail.gov.vn")],
)
def test_validate_email_accepts(text: str, normalized: str) -> None:
    assert validate_email(text) == normalized


@pytest.mark.parametrize(
    "text",
    [
        "", "duc", "duc@", "@example.vn", "duc@example", "duc@@example.vn", "đức@example.vn",
        "duc@exa_mple.vn", "duc..n@example.vn", "duc@-example.vn", "duc @example.vn", "duc@example.v1",
    ],
)
def test_validate_email_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="Địa chỉ email không hợp lệ"):
        validate_email(text)

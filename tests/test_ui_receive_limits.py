"""The receive form stops typing and pasting at the core's field limits, so what it holds is what the
service accepts (a 3-million-character paste once reached the receipt)."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from ui_flows import fill_by_keyboard, open_page

from counter_app import limits


def test_every_text_field_of_the_form_has_the_cores_limit(qtbot, context):
    page = open_page(qtbot, context)
    form = page.applicant
    expected = {form.full_name: limits.FULL_NAME, form.personal_id: limits.PERSONAL_ID, form.old_id: limits.OLD_ID,
                form.address: limits.ADDRESS, form.phone: limits.PHONE, form.email: limits.EMAIL,
                form.social_insurance_no: limits.SOCIAL_INSURANCE_NO, form.hi_card_code: limits.HI_CARD_CODE}
    for field, limit in expected.items():
        assert field.edit.maxLength() == limit.max_length, limit.key
    assert page.delivery_address.maxLength() == limits.DELIVERY_ADDRESS.max_length
    assert page.sets.maximum() == limits.MAX_COUNT
    fill_by_keyboard(page)
    reasons = [row.reason for row in page.fees.rows]
    assert reasons and all(r.maxLength() == limits.EXEMPT_REASON.max_length for r in reasons)


def test_a_pasted_huge_name_is_cut_at_the_limit(qtbot, context):
    page = open_page(qtbot, context)
    edit = page.applicant.full_name.edit
    QGuiApplication.clipboard().setText("Nguyễn " * 500_000)
    edit.setFocus()
    edit.paste()
    assert len(edit.text()) == limits.FULL_NAME.max_length


def test_the_typed_birth_date_follows_the_cores_bounds():
    from ui.widgets.applicant_form import parse_birth_date

    for typed in ("31/12/1899", "01/01/2099"):
        with pytest.raises(ValueError, match="Ngày sinh"):
            parse_birth_date(typed)
    assert parse_birth_date("01/01/1900").year == 1900
    assert parse_birth_date("25112025") == parse_birth_date("25/11/2025")  # the eight digits the CCCD writes


@pytest.mark.parametrize(("typed", "message"), [
    ("31/02/1986", "Tháng 2/1986 không có ngày 31."),
    ("31021986", "Tháng 2/1986 không có ngày 31."),
    ("29.02.1987", "Tháng 2/1987 không có ngày 29."),
    ("31/04/2001", "Tháng 4/2001 không có ngày 31."),
    ("12/13/2001", "Không có tháng 13: tháng từ 1 đến 12."),
])
def test_a_date_in_the_right_format_that_does_not_exist_says_which_day_is_missing(typed, message):
    """The clerk typed the format asked for: repeating the format would not tell what is wrong."""
    from ui.widgets.applicant_form import parse_birth_date

    with pytest.raises(ValueError) as refused:
        parse_birth_date(typed)
    assert str(refused.value) == message
    assert parse_birth_date("29/02/1988").day == 29  # a leap year has it
    with pytest.raises(ValueError, match="ngày/tháng/năm"):  # not a date at all: the format is the hint
        parse_birth_date("31-2")

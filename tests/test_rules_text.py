"""Rules for Vietnamese text: the stored form (NFC) and the search key (fold)."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.text import clean_text, fold, normalize_name

VIETNAMESE_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
ALPHABET = VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + "0123456789 \t\n,.-'"
vietnamese_text = st.text(alphabet=ALPHABET, max_size=60)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Đức", "duc"),
        ("Nguyễn Văn Đức", "nguyen van duc"),
        ("  TRẦN\tThị   HƯƠNG \n", "tran thi huong"),
        ("Ưng Ơn Ăn Ân Ê Ô", "ung on an an e o"),
        ("Phường Ba Đình, Hà Nội", "phuong ba dinh, ha noi"),
        ("plain ASCII  Text", "plain ascii text"),
        ("", ""),
    ],
)
def test_fold_examples(text: str, key: str) -> None:
    assert fold(text) == key


@pytest.mark.parametrize(
    ("old", "new"), [("hòa", "hoà"), ("thủy", "thuỷ"), ("Khoá", "Khóa"), ("Thuý", "Thúy")]
)
def test_fold_ignores_tone_placement(old: str, new: str) -> None:
    assert old != new
    assert fold(old) == fold(new)


def test_fold_same_key_for_nfd_input() -> None:
    name = "Nguyễn Thị Thủy Đoàn"
    assert fold(unicodedata.normalize("NFD", name)) == fold(name) == "nguyen thi thuy doan"


@given(vietnamese_text)
def test_fold_is_idempotent_on_vietnamese(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text(max_size=40))
def test_fold_is_idempotent_on_any_text(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(vietnamese_text)
def test_fold_same_for_nfc_and_nfd(text: str) -> None:
    nfc_key = fold(unicodedata.normalize("NFC", text))
    assert fold(unicodedata.normalize("NFD", text)) == nfc_key
    assert fold(text.upper()) == nfc_key


@given(vietnamese_text)
def test_fold_of_vietnamese_is_lower_ascii_with_single_spaces(text: str) -> None:
    key = fold(text)
    assert key.isascii()
    assert key == key.lower()
    assert key == key.strip()
    assert "  " not in key and "\t" not in key and "\n" not in key


def test_nfc_composes_and_strips() -> None:
    decomposed = unicodedata.normalize("NFD", "  Hà Nội\r\n")
    assert clean_text(decomposed) == "Hà Nội"
    assert unicodedata.is_normalized("NFC", clean_text(decomposed))


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("nguyễn văn đức", "Nguyễn Văn Đức"),
        ("  TRẦN   thị  ánh\t", "Trần Thị Ánh"),
        (unicodedata.normalize("NFD", "đặng ưng hoà"), "Đặng Ưng Hoà"),
        ("y-moan ênuôl", "Y-Moan Ênuôl"),
        ("h'hen niê", "H'Hen Niê"), ("H'HEN NIÊ", "H'Hen Niê"), ("ksor h’bơ khăp", "Ksor H’Bơ Khăp"),
        ("", ""),
    ],
)
def test_normalize_name(typed: str, printed: str) -> None:
    result = normalize_name(typed)
    assert result == printed
    assert unicodedata.is_normalized("NFC", result)


@given(vietnamese_text)
def test_normalize_name_keeps_the_search_key(text: str) -> None:
    assert fold(normalize_name(text)) == fold(text)
    assert normalize_name(normalize_name(text)) == normalize_name(text)

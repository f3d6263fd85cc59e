"""Vietnamese text rules: what we store (NFC) and what we search on (the folded key).

Citizens' names arrive from three keyboards (Telex/VNI in NFC, macOS in NFD, a USB scanner
typing the CCCD QR code) and with two tone placements ("hòa" / "hoà"). Stored text is always
NFC so that equal names are equal strings; search goes through :func:`fold`, a key without
case and diacritics, because SQLite FTS5 never folds đ/Đ and people type "duc" for "Đức".
"""
from __future__ import annotations

import unicodedata

__all__ = ["collapse_spaces", "fold", "nfc", "normalize_name"]


def _build_fold_table() -> dict[int, str | None]:
    """Map every non-spacing mark of the Basic Multilingual Plane to nothing, and đ/Đ to d.

    Built once at import: scanning the BMP takes a few milliseconds, whereas deciding per
    character at every keystroke would cost a Python call per character.
    """
    table: dict[int, str | None] = {
        code: None
        for code in range(0x10000)
        if unicodedata.category(chr(code)) == "Mn"
    }
    # đ/Đ are letters of their own, not d plus a mark, so NFD keeps them whole.
    table[ord("đ")] = "d"
    table[ord("Đ")] = "d"
    return table


_FOLD_TABLE = _build_fold_table()


def collapse_spaces(text: str) -> str:
    """Turn every run of whitespace (tabs, newlines, no-break spaces) into one space and strip."""
    return " ".join(text.split())


def nfc(text: str) -> str:
    """The stored form: NFC and stripped, so equal names from any keyboard are equal strings."""
    return unicodedata.normalize("NFC", text).strip()


def fold(text: str) -> str:
    """The search key: lower case, no diacritics, đ→d, whitespace collapsed.

    Decomposing (NFD) splits every accented letter into its base and its marks, whatever
    form or tone placement the input used, so dropping the marks gives one key for
    "Hòa", "Hoà", "HÒA" and their NFD spellings. Runs on every insert and keystroke, so it
    stays a handful of C-level string operations with an ASCII fast path.
    """
    if text.isascii():
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFD", text.lower())
    return " ".join(decomposed.translate(_FOLD_TABLE).split())


def _capitalize_word(word: str) -> str:
    """Upper-case the first letter and lower-case the rest ("đỨC" → "Đức").

    ``str.title`` would also capitalise after apostrophes and digits; names need the plain
    first-letter rule. The word is NFC already, so its first character carries its marks.
    """
    return word[:1].upper() + word[1:].lower()


def normalize_name(text: str) -> str:
    """A full name as printed on papers: NFC, single spaces, each word capitalised.

    Staff often type names in lower case ("nguyễn văn đức"); receipts and the portal want
    "Nguyễn Văn Đức". Hyphenated parts are capitalised too ("Ê-đê" names such as "Y-Moan").
    """
    words = collapse_spaces(nfc(text)).split(" ")
    return " ".join("-".join(_capitalize_word(part) for part in word.split("-")) for word in words)
